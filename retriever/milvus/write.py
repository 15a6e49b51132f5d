"""Milvus backend, after a build: a published version's rows written, in full or by changed documents."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from .. import keyword, store
from ..settings import Settings
from .connection import EMPTY_DIM, connect, docs_filter, token_dim

log = logging.getLogger(__name__)

BATCH = 500  # rows per insert request (a cluster refuses messages over 64 MB)
AVGLEN_DRIFT = 0.1  # rewrite every row when the mean chunk length moved this far from the stored one
_VERSION, _AVGLEN, _TOKENS, _ROWS = (
    "retriever.version",
    "retriever.avglen",
    "retriever.tokens",
    "retriever.rows",
)


def _weights(tokens: list[str], avglen: float, k1: float, b: float) -> dict[int, float]:
    norm = k1 * (1 - b + b * len(tokens) / avglen)
    counts = Counter(token_dim(t) for t in tokens)
    return {dim: tf / (tf + norm) for dim, tf in counts.items()} or {EMPTY_DIM: 1.0}


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


class _Rows:
    """Milvus rows of chunk records: vectors by row position, keyword weights by one mean length."""

    def __init__(
        self,
        records: Sequence[dict[str, Any]],
        vectors: Callable[[list[int]], np.ndarray],
        documents: Mapping[str, Mapping[str, Any]],
        bm25: Any,
    ) -> None:
        self.records, self.vectors = records, vectors
        self.titles = {d: e.get("title", "") for d, e in documents.items()}
        self.k1, self.b = float(bm25.k1), float(bm25.b)
        if getattr(bm25, "method", "lucene") != "lucene":
            raise ValueError(f"milvus keyword weights follow lucene BM25, the index uses {bm25.method}")

    def tokens(self, rows: list[int]) -> list[list[str]]:
        """Keyword tokens of some rows, as bm25s indexed them."""
        recs = [self.records[i] for i in rows]
        texts = [keyword.indexed_text(self.titles[r["doc_id"]], r["section"], r["text"]) for r in recs]
        return keyword.tokenize(texts)  # the same texts the index version gives bm25s

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


def _set_state(milvus: Any, name: str, version: str, avglen: float, tokens: int, n_rows: int) -> None:
    """Flush the collection's rows and record what it now holds."""
    milvus.flush(name)  # sealed, indexed segments: milvus-lite searches unflushed rows ~10x slower
    properties = {_VERSION: version, _AVGLEN: repr(avglen), _TOKENS: str(tokens), _ROWS: str(n_rows)}
    milvus.alter_collection_properties(name, properties=properties)


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
    rows = _Rows(
        contents.records, lambda part: contents.chunk_vectors[part], manifest["documents"], contents.bm25
    )
    _sync_rows(settings, manifest, rows, previous=previous, fresh_docs=set(fresh_docs), full=full)


def ensure(settings: Settings, version: store.Version) -> None:
    """Load a live version into its collection when the collection does not hold it yet."""
    milvus, alias = connect(settings)
    state = _state(milvus, alias)
    if state is not None and state.get(_VERSION) == version.name:
        return

    def vectors(part: list[int]) -> np.ndarray:
        vids = np.array([version.records[i]["vid"] for i in part], dtype=np.int64)
        return version.faiss_index.reconstruct_batch(vids)

    rows = _Rows(version.records, vectors, version.manifest["documents"], version.bm25)
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
    milvus, alias = connect(settings)
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
        expr = f"{docs_filter(stale)} and vid < {first_new}"
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
    _set_state(milvus, milvus.describe_collection(alias)["collection_name"], version, avglen, tokens, n_rows)
