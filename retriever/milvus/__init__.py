"""RETRIEVER_BACKEND=milvus: dense and keyword search of the live index version, served by Milvus.

The local index version keeps chunk records, sentence vectors and the manifest (answers read them);
Milvus holds what search reads, one collection per index folder (named by an alias, so a full
rebuild fills a new collection and switches at once): per chunk its FAISS id `vid` (the primary
key: a hit maps back to the row of the version holding that very chunk, and hits a version does not
hold are dropped), the chunk id `doc#n`, `doc_id`, `n`, the chunk vector and its keyword weights.

Keyword scores are bm25s's (lucene BM25), split in two. A chunk stores, under a hash of each token of
`keyword.tokenize` (stemmed words, bigrams of scripts without spaces), the term-frequency part
tf / (tf + k1 (1 - b + b len / avglen)); the query carries each token's IDF, read from the live
version. Their inner product is the FAISS backend's BM25 score, and since IDF, which shifts with
every document, is not stored, an incremental reindex rewrites only the rows of changed documents.
Milvus's own BM25 function is not used: its analyzers have no rule for Thai or Khmer words
(we bigram them), and milvus-lite counts IDF per segment, so scores would differ between backends.

connection.py holds the client and the collection's names, write.py fills the collection after a
build (in full or by changed documents), search.py reads it at question time.
"""

from __future__ import annotations

from .connection import MilvusFileBusy, client, collection_name
from .search import dense, keyword_hits, rows_per_document
from .write import ensure, sync

__all__ = [
    "MilvusFileBusy",
    "client",
    "collection_name",
    "dense",
    "ensure",
    "keyword_hits",
    "rows_per_document",
    "sync",
]
