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
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from . import keyword, store
from .settings import Settings
from .types import IndexMissing

log = logging.getLogger(__name__)

BATCH = 500  # rows per insert request (a cluster refuses messages over 64 MB)
AVGLEN_DRIFT = 0.1  # rewrite every row when the mean chunk length moved this far from the stored one
_EMPTY_DIM = 2**32 - 2  # stands in for a chunk without a keyword (Milvus refuses empty sparse vectors)
_VERSION, _AVGLEN, _TOKENS, _ROWS = (
    "retriever.version",
    "retriever.avglen",
    "retriever.tokens",
    "retriever.rows",
)
_clients: dict[str, Any] = {}
_clients_lock = threading.Lock()
_loaded: set[tuple[str, str]] = set()  # (uri, alias) loaded for searching by this process


class MilvusFileBusy(RuntimeError):
    """A milvus-lite file could not be opened (most often: another process holds it)."""


def client(settings: Settings) -> Any:
    """The process-wide MilvusClient of `settings.milvus_uri` (a *.db file starts embedded milvus-lite)."""
    uri = settings.milvus_uri
    with _clients_lock:
        if uri not in _clients:
            from pymilvus import MilvusClient, MilvusException

            if not uri.endswith(".db"):
                _clients[uri] = MilvusClient(uri=uri)
                return _clients[uri]
            Path(uri).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
            try:
                _clients[uri] = MilvusClient(uri=uri)
            except MilvusException as exc:  # pymilvus says only "Open local milvus failed"
                raise MilvusFileBusy(
                    f"the milvus-lite file {uri} could not be opened; another process (the bot?) may hold it:"
                    " stop that process, or serve the file with `milvus-lite server --data-dir FILE --port"
                    " 19530` and set RETRIEVER_MILVUS_URI=http://127.0.0.1:19530"
                ) from exc
        return _clients[uri]


def collection_name(index_dir: Path) -> str:
    """The alias of an index folder's collection (one Milvus can serve several index folders)."""
    digest = hashlib.sha256(str(Path(index_dir).resolve()).encode()).hexdigest()[:12]
    return f"retriever_{digest}"


def token_dim(token: str) -> int:
    """The sparse dimension of a keyword token (stable across versions, unlike bm25s's vocabulary ids)."""
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=4).digest(), "little") % _EMPTY_DIM


def bm25_text(title: str, record: dict[str, Any]) -> str:
    """The text a chunk is keyword-indexed by: the same as `build.assemble` gives bm25s."""
    return f"{title} | {record['section']}\n{record['text']}"


def _weights(tokens: list[str], avglen: float, k1: float, b: float) -> dict[int, float]:
    norm = k1 * (1 - b + b * len(tokens) / avglen)
    counts = Counter(token_dim(t) for t in tokens)
    return {dim: tf / (tf + norm) for dim, tf in counts.items()} or {_EMPTY_DIM: 1.0}


def _schema(dimension: int) -> tuple[Any, Any]:
    from pymilvus import DataType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("vid", DataType.INT64, is_primary=True)
    schema.add_field("chunk_id", DataType.VARCHAR, max_length=2048)
    schema.add_field("doc_id", DataType.VARCHAR, max_length=2048)
    schema.add_field("n", DataType.INT32)
    schema.add_field("length", DataType.INT32)  # keyword tokens: the mean length is kept up to date from it
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dimension)
    schema.add_field("keywords", DataType.SPARSE_FLOAT_VECTOR)
    index = MilvusClient.prepare_index_params()
    index.add_index(field_name="doc_id", index_type="INVERTED")
    # HNSW serves millions of rows; its recall at the ef used below is ~1 at this collection's sizes.
    index.add_index(
        field_name="dense", index_type="HNSW", metric_type="IP", params={"M": 16, "efConstruction": 200}
    )
    index.add_index(field_name="keywords", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
    return schema, index


def _quote(values: Iterable[str]) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


class _Rows:
    """Milvus rows of chunk records: vectors by row position, keyword weights by one mean length."""

    def __init__(
        self,
        records: Sequence[dict[str, Any]],
        vectors: Callable[[list[int]], np.ndarray],
        titles: dict[str, str],
        bm25: Any,
    ) -> None:
        self.records, self.vectors, self.titles = records, vectors, titles
        self.k1, self.b = float(bm25.k1), float(bm25.b)
        if getattr(bm25, "method", "lucene") != "lucene":
            raise ValueError(f"milvus keyword weights follow lucene BM25, the index uses {bm25.method}")

    def tokens(self, rows: list[int]) -> list[list[str]]:
        """Keyword tokens of some rows, as bm25s indexed them."""
        recs = [self.records[i] for i in rows]
        return keyword.tokenize([bm25_text(self.titles[r["doc_id"]], r) for r in recs])

    def write(self, milvus: Any, name: str, rows: list[int], avglen: float) -> int:
        """Upsert the given rows in batches; returns the sum of their keyword lengths."""
        total = 0
        for start in range(0, len(rows), BATCH):
            part = rows[start : start + BATCH]
            tokens = self.tokens(part)
            vectors = self.vectors(part)
            data = []
            for i, toks, vector in zip(part, tokens, vectors, strict=True):
                rec = self.records[i]
                total += len(toks)
                data.append(
                    {
                        "vid": int(rec["vid"]),
                        "chunk_id": rec["id"],
                        "doc_id": rec["doc_id"],
                        "n": int(rec["n"]),
                        "length": len(toks),
                        "dense": np.asarray(vector, np.float32).tolist(),
                        "keywords": _weights(toks, avglen, self.k1, self.b),
                    }
                )
            milvus.upsert(name, data)
        return total


def _state(milvus: Any, alias: str) -> dict[str, str] | None:
    """The properties of the aliased collection, or None when there is none."""
    if not milvus.has_collection(alias):
        return None
    return dict(milvus.describe_collection(alias).get("properties") or {})


def _recreate(milvus: Any, alias: str, version: str, dimension: int, rows: _Rows) -> None:
    """Fill a new collection with every row, then point the alias at it and drop the old one."""
    everything = list(range(len(rows.records)))
    # Tokenized twice (here for the mean length every weight needs, then batch by batch while writing)
    # rather than holding every chunk's tokens in memory.
    lengths = [
        len(t)
        for start in range(0, len(everything), BATCH)
        for t in rows.tokens(everything[start : start + BATCH])
    ]
    avglen = (sum(lengths) / len(lengths)) if lengths else 1.0
    name = f"{alias}_{version}"
    if milvus.has_collection(name):
        milvus.drop_collection(name)
    schema, index = _schema(dimension)
    milvus.create_collection(name, schema=schema, index_params=index, consistency_level="Session")
    tokens = rows.write(milvus, name, everything, avglen)
    milvus.flush(name)  # sealed, indexed segments: milvus-lite searches unflushed rows ~10x slower
    _set_state(milvus, name, version, avglen, tokens, len(everything))
    milvus.load_collection(name)
    old = None
    if milvus.has_collection(alias):
        old = milvus.describe_collection(alias)["collection_name"]
        milvus.alter_alias(name, alias)
    else:
        milvus.create_alias(name, alias)
    if old and old != name:
        milvus.drop_collection(old)
    log.info("milvus collection %s (%s) holds %d chunks of %s", alias, name, len(everything), version)


def _set_state(milvus: Any, name: str, version: str, avglen: float, tokens: int, n_rows: int) -> None:
    properties = {_VERSION: version, _AVGLEN: repr(avglen), _TOKENS: str(tokens), _ROWS: str(n_rows)}
    milvus.alter_collection_properties(name, properties=properties)


def sync(
    settings: Settings,
    contents: store.Contents,
    *,
    previous: dict[str, Any] | None,
    fresh_docs: Iterable[str],
    full: bool,
) -> None:
    """Bring the index folder's collection to a just-published version.

    Incremental when the collection holds `previous` (the version this one was built from): rows of
    `fresh_docs` (added or changed, all with new vids) are upserted, the older rows of changed and
    removed documents deleted. A full rebuild, a missing or lagging collection, or a mean chunk length
    that drifted past AVGLEN_DRIFT rewrites every row instead.
    """
    manifest = contents.manifest
    titles = {d: e.get("title", "") for d, e in manifest["documents"].items()}
    rows = _Rows(contents.records, lambda part: contents.chunk_vectors[part], titles, contents.bm25)
    _sync_rows(settings, manifest, rows, previous=previous, fresh_docs=set(fresh_docs), full=full)


def ensure(settings: Settings, version: store.Version) -> None:
    """Load a live version into its collection when the collection does not hold it yet."""
    milvus = client(settings)
    alias = collection_name(settings.index_dir)
    state = _state(milvus, alias)
    if state is not None and state.get(_VERSION) == version.name:
        return
    titles = {d: e.get("title", "") for d, e in version.manifest["documents"].items()}

    def vectors(part: list[int]) -> np.ndarray:
        vids = np.array([version.records[i]["vid"] for i in part], dtype=np.int64)
        return version.faiss_index.reconstruct_batch(vids)

    rows = _Rows(version.records, vectors, titles, version.bm25)
    _recreate(milvus, alias, version.name, int(version.manifest["dimension"]), rows)


def _sync_rows(
    settings: Settings,
    manifest: dict[str, Any],
    rows: _Rows,
    *,
    previous: dict[str, Any] | None,
    fresh_docs: set[str],
    full: bool,
) -> None:
    milvus = client(settings)
    alias = collection_name(settings.index_dir)
    version, dimension = manifest["version"], int(manifest["dimension"])
    state = _state(milvus, alias)
    before = previous.get("version") if previous else None
    why = (
        "a full rebuild" if full
        else "no collection yet" if state is None
        else f"the collection holds {state.get(_VERSION)}, not {before}" if state.get(_VERSION) != before
        else ""
    )  # fmt: skip
    if why:
        log.info("milvus: writing every row (%s)", why)
        _recreate(milvus, alias, version, dimension, rows)
        return
    assert state is not None and previous is not None
    milvus.load_collection(alias)  # a milvus-lite file opened by this process starts released
    avglen = float(state[_AVGLEN])
    tokens, n_rows = int(state[_TOKENS]), int(state[_ROWS])
    # Rows of the new version's fresh documents carry vids from the previous version's next_id on.
    first_new = int(previous.get("next_id", 0))
    # Documents indexed before that are gone now or were embedded again.
    stale = sorted(set(previous["documents"]) - (set(manifest["documents"]) - fresh_docs))
    if stale:
        expr = f"doc_id in {_quote(stale)} and vid < {first_new}"
        gone = milvus.query(alias, filter=expr, output_fields=["length"])
        tokens -= sum(int(r["length"]) for r in gone)
        n_rows -= len(gone)
        if gone:
            milvus.delete(alias, filter=expr)
    fresh = [i for i, r in enumerate(rows.records) if r["doc_id"] in fresh_docs]
    tokens += sum(len(t) for t in rows.tokens(fresh)) if fresh else 0
    n_rows += len(fresh)
    if n_rows and abs(tokens / n_rows / avglen - 1) > AVGLEN_DRIFT:
        log.info(
            "milvus: mean chunk length moved from %.1f to %.1f; writing every row", avglen, tokens / n_rows
        )
        _recreate(milvus, alias, version, dimension, rows)
        return
    rows.write(milvus, alias, fresh, avglen)
    name = milvus.describe_collection(alias)["collection_name"]
    milvus.flush(name)
    _set_state(milvus, name, version, avglen, tokens, n_rows)


def _filter(version: store.Version, mask: np.ndarray | None) -> str | None:
    """The Milvus filter of a row mask (whole documents pass or fail, so it names doc ids)."""
    if mask is None:
        return None
    docs = dict.fromkeys(version.records[i]["doc_id"] for i in np.flatnonzero(mask))
    return f"doc_id in {_quote(docs)}" if docs else ""


def _hits(
    settings: Settings,
    version: store.Version,
    data: Any,
    field: str,
    n: int,
    mask: np.ndarray | None,
    params: dict[str, Any],
) -> dict[int, float]:
    expr = _filter(version, mask)
    if expr == "" or not version.records:
        return {}
    milvus = client(settings)
    alias = collection_name(settings.index_dir)
    from pymilvus import MilvusException

    def run() -> Any:
        return milvus.search(
            alias, data=[data], anns_field=field, limit=n, filter=expr or "",
            output_fields=["doc_id"], search_params={"metric_type": "IP", "params": params},
        )  # fmt: skip

    missing = IndexMissing(
        f"no Milvus collection for the index at {settings.index_dir} in {settings.milvus_uri}:"
        " run `python -m retriever index`"
    )
    if (settings.milvus_uri, alias) not in _loaded:
        # milvus-lite opens a file's collections released (a server keeps them loaded across restarts).
        if not milvus.has_collection(alias):
            raise missing
        milvus.load_collection(alias)
        _loaded.add((settings.milvus_uri, alias))
    try:
        found = run()
    except MilvusException as exc:
        if not milvus.has_collection(alias):
            raise missing from exc
        milvus.load_collection(alias)  # released since (by an operator, or another client)
        found = run()
    hits: dict[int, float] = {}
    for hit in found[0]:
        # A hit the pinned version does not hold belongs to a version published around this question.
        row = version.row_of_id.get(int(hit["vid"]))
        if row is not None and (mask is None or mask[row]):
            hits[row] = float(hit["distance"])
    return hits


def dense(
    settings: Settings, version: store.Version, qv: np.ndarray, n: int, mask: np.ndarray | None
) -> dict[int, float]:
    """Rows nearest to a query vector (inner product, as the FAISS backend), at most n."""
    vector = np.asarray(qv, np.float32).tolist()
    return _hits(settings, version, vector, "dense", n, mask, {"ef": max(128, 2 * n)})


def query_weights(version: store.Version, query: str) -> dict[int, float]:
    """The query's sparse vector: each indexed token's lucene IDF, once per occurrence (as bm25s)."""
    index = version.bm25
    indptr = index.scores["indptr"]
    n_docs = int(index.scores["num_docs"])
    weights: dict[int, float] = {}
    for token in keyword.tokenize([query])[0]:
        tid = index.vocab_dict.get(token)
        if tid is None:
            continue
        df = int(indptr[tid + 1] - indptr[tid])
        dim = token_dim(token)
        weights[dim] = weights.get(dim, 0.0) + math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
    return {d: w for d, w in weights.items() if w > 0}


def keyword_hits(
    settings: Settings, version: store.Version, query: str, n: int, mask: np.ndarray | None
) -> dict[int, float]:
    """Rows by BM25 score for a query (the FAISS backend's scores), at most n, all above 0."""
    weights = query_weights(version, query)
    if not weights:
        return {}
    return {r: s for r, s in _hits(settings, version, weights, "keywords", n, mask, {}).items() if s > 0}


def rows_per_document(settings: Settings) -> dict[str, int]:
    """How many rows each document has in the index folder's collection (for checks and `status`)."""
    milvus = client(settings)
    alias = collection_name(settings.index_dir)
    milvus.load_collection(alias)
    counts: Counter[str] = Counter()
    iterator = milvus.query_iterator(alias, batch_size=1000, filter="vid >= 0", output_fields=["doc_id"])
    while batch := iterator.next():
        counts.update(r["doc_id"] for r in batch)
    iterator.close()
    return dict(counts)
