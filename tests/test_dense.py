"""Dense search on its own: HNSW breadth that grows with the index, and filtered search (dense.py)."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

from retriever import Settings, bench_scale, dense, doc_rows, store
from retriever.retrieval import open_searcher


def _index(kind: str, n: int) -> object:
    vectors = np.random.default_rng(0).standard_normal((n, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = store.faiss_index(kind, 8, vectors, np.arange(n, dtype=np.int64))
    if kind == "hnsw":  # below the built-in floor, so growth with size shows on small indexes
        faiss.downcast_index(index.index).hnsw.efSearch = 16
    return index


def test_search_breadth_grows_with_the_index_and_narrow_filters() -> None:
    assert dense.ef_search(_index("flat", 100), 10) is None  # exact search needs no breadth
    small, large = _index("hnsw", 2_000), _index("hnsw", 20_000)
    assert dense.ef_search(small, 10) >= 10 and dense.ef_search(small, 500) >= 500  # never below the depth
    assert dense.ef_search(large, 10) > dense.ef_search(small, 10)
    unfiltered = dense.ef_search(large, 10)
    assert unfiltered < dense.ef_search(large, 10, allowed=5_000) < dense.ef_search(large, 10, allowed=500)
    assert dense.ef_search(large, 10, allowed=1) <= unfiltered * dense.FILTER_WIDENING + 1  # capped


def test_a_filtered_hnsw_search_finds_the_true_nearest_allowed_rows(
    small_settings: Settings, tmp_path: Path
) -> None:
    """A filter keeping a few rows of a large HNSW index gets their exact top, not what a graph walk
    through everyone else's rows happened to pass; a wide filter still gets nearly all of it."""
    big = small_settings.with_(index_dir=tmp_path / "big", hnsw_threshold=500)
    figures, vectors = bench_scale.write_synthetic(small_settings, big, 14_000)
    version = store.load_version(big.index_dir)
    assert figures["index_type"] == "hnsw"
    rows = doc_rows.of(version)
    query = open_searcher(small_settings).embedder.encode_query("When did Hainan ban plastic bags?")
    for wanted in (
        ["generated/0000007.txt", "generated/0000123.txt"],
        [f"generated/{d:07d}.txt" for d in range(1100)],  # 11,000 rows: searched in the graph
    ):
        mask = rows.allowed(wanted, None, None)
        allowed = np.flatnonzero(mask)  # synthetic rows carry their vector's FAISS id
        exact = allowed[np.argsort(-(vectors[allowed] @ query))[:10]]
        found = dense.search(version, query, 10, mask)
        assert set(found) <= set(allowed.tolist())
        assert len(set(found) & set(exact.tolist())) >= (10 if len(allowed) < dense.EXACT_BELOW else 9)
