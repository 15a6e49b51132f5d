"""Dense search in one version's FAISS index: exact on a flat index; on HNSW, a search breadth
(efSearch) that grows with the index, and exact scoring of a filter's rows when they are few."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from . import store

# The efSearch HNSW needs for recall@10 >= 0.98 against exact search grows with the index (`bench ask`,
# M 32, efConstruction 80: 100k chunks 0.984 at 192, 0.9885 at 256; 1M 0.936 at 256, 0.9755 at 768,
# 0.982 at 896, 0.984 at 1024): about 4x for 10x the chunks, so 256 at 100k times (n / 100k)^0.6.
EF_AT_100K = 256
EF_GROWTH = 0.6
# A filter keeping fewer rows than this is scored exactly: HNSW walks the graph past every row and keeps
# only allowed ones, so a narrow filter finds little of its true top 10 (100k rows, efSearch 256: 24 %
# with 100 rows allowed, 78 % with 1,000), while scoring rows outright is linear (1M rows: 1,000 in
# 0.3 ms, 10,000 in 2.7 ms, 30,000 in 13 ms).
EXACT_BELOW = 10_000
# Wider filters search more broadly, by up to 3x as they narrow (1M rows, efSearch 1020 widened: 3 % of
# rows allowed 0.977 in 12 ms, 10 % 0.990 in 12 ms, 30 % 0.988 in 9 ms).
FILTER_WIDENING = 3.0


def ef_search(index: Any, depth: int, allowed: int | None = None) -> int | None:
    """The efSearch of an HNSW search for `depth` hits (among `allowed` rows when filtered), or None
    for an index that is not HNSW."""
    import faiss

    hnsw = getattr(faiss.downcast_index(getattr(index, "index", index)), "hnsw", None)
    if hnsw is None:
        return None
    total = max(1, index.ntotal)
    ef = max(hnsw.efSearch, depth, math.ceil(EF_AT_100K * (total / 100_000) ** EF_GROWTH))
    if allowed:
        # Hits outside the filter are walked past, not kept: look wider as the filter narrows.
        ef = math.ceil(ef * min(FILTER_WIDENING, math.sqrt(total / allowed)))
    return ef


def search_params(index: Any, depth: int, selector: Any = None, allowed: int | None = None) -> Any:
    """FAISS search parameters for `depth` hits (among the `allowed` ids `selector` keeps, if given)."""
    import faiss

    ef = ef_search(index, depth, allowed)
    if ef is not None:
        return faiss.SearchParametersHNSW(sel=selector, efSearch=ef)
    return None if selector is None else faiss.SearchParameters(sel=selector)


def search(version: store.Version, qv: np.ndarray, n: int, mask: np.ndarray | None) -> dict[int, float]:
    """Row -> inner product of the `n` rows nearest the query vector (among the `mask` rows)."""
    import faiss

    index = version.faiss_index
    if index.ntotal == 0:
        return {}
    selector = bits = allowed = None
    if mask is not None:
        allowed = np.asarray(version.records.columns["vid"][np.flatnonzero(mask)], np.int64)
        if not len(allowed):
            return {}
        n = min(n, len(allowed))
        if len(allowed) < EXACT_BELOW and ef_search(index, n) is not None:
            return _exact(version, qv, allowed, n)
        # A bitmap over the ids: built in ~1 ms for a million, where a hashed id set took ~20 ms.
        flags = np.zeros(int(allowed.max()) + 1, dtype=bool)
        flags[allowed] = True
        bits = np.packbits(flags, bitorder="little")  # held until the search is done: FAISS reads it
        selector = faiss.IDSelectorBitmap(len(bits), faiss.swig_ptr(bits))
    params = search_params(index, n, selector, None if allowed is None else len(allowed))
    scores, ids = index.search(qv[None, :], min(index.ntotal, n), params=params)
    rows = version.row_of_id.rows(ids[0])
    return {int(r): float(s) for r, s in zip(rows, scores[0], strict=True) if r >= 0}


def _exact(version: store.Version, qv: np.ndarray, allowed: np.ndarray, n: int) -> dict[int, float]:
    """The `n` best of a few allowed rows, every one scored (their vectors read from the index)."""
    scores = version.faiss_index.reconstruct_batch(allowed) @ qv
    best = np.argsort(-scores, kind="stable")[:n]
    rows = version.row_of_id.rows(allowed[best])
    return {int(r): float(s) for r, s in zip(rows, scores[best], strict=True) if r >= 0}
