"""Keyword search with bm25s: English stop words removed, Snowball stems."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

# bm25s logs every index build at DEBUG, which leaks into the console chat.
logging.getLogger("bm25s").setLevel(logging.WARNING)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-cased, stemmed word tokens without stop words."""
    return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), return_ids=False, show_progress=False)


def build_bm25(texts: list[str]) -> bm25s.BM25:
    """A BM25 index over `texts` (one entry per chunk, in chunk order)."""
    index = bm25s.BM25()
    # bm25s cannot index an empty corpus; an index of no documents holds one blank entry.
    index.index(tokenize(texts or [""]), show_progress=False)
    return index


def load_bm25(folder: Path) -> bm25s.BM25:
    """Load a saved BM25 index."""
    return bm25s.BM25.load(str(folder))


def scores(index: bm25s.BM25, query: str, size: int) -> np.ndarray:
    """BM25 score of every chunk for `query` (zeros when no query word is indexed)."""
    tokens = tokenize([query])[0]
    ids = index.get_tokens_ids(tokens) if tokens else []
    if not ids:
        return np.zeros(size, dtype=np.float32)
    return np.asarray(index.get_scores_from_ids(ids), dtype=np.float32)[:size]
