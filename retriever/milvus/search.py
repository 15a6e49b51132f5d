"""Milvus backend, at question time: dense and keyword hits of the pinned version, from its collection."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np

from .. import keyword, store
from ..settings import Settings
from ..types import IndexMissing
from .connection import connect, docs_filter, token_dim

_loaded: set[tuple[str, str]] = set()  # (uri, alias) loaded for searching by this process


def _filter(version: store.Version, mask: np.ndarray | None) -> str | None:
    """The Milvus filter of a row mask (whole documents pass or fail, so it names doc ids)."""
    if mask is None:
        return None
    docs = dict.fromkeys(version.records[i]["doc_id"] for i in np.flatnonzero(mask))
    return docs_filter(docs) if docs else ""


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
    milvus, alias = connect(settings)
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
    milvus, alias = connect(settings)
    milvus.load_collection(alias)
    counts: Counter[str] = Counter()
    iterator = milvus.query_iterator(alias, batch_size=1000, filter="vid >= 0", output_fields=["doc_id"])
    while batch := iterator.next():
        counts.update(r["doc_id"] for r in batch)
    iterator.close()
    return dict(counts)
