"""Milvus-lite beside FAISS: search latency at synthetic sizes, and the product's search on a built index.

    .venv/bin/python tests/bench_milvus.py --chunks 10000 100000      # synthetic rows, both engines
    .venv/bin/python tests/bench_milvus.py --index DIR --uri FILE.db  # gold questions, both backends

Prints one JSON object per measurement (milliseconds; p50/p95 over the queries).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path[:0] = [str(Path(__file__).resolve().parent.parent)]

from retriever import load_settings  # noqa: E402
from retriever.milvus import write as backend  # noqa: E402

DIM = 384


def _pcts(times: list[float]) -> dict[str, float]:
    ms = np.array(times) * 1000
    return {f"p{q}_ms": round(float(np.percentile(ms, q)), 2) for q in (50, 95)}


def synthetic(n: int, queries: int = 50, depth: int = 50) -> dict[str, object]:
    """n random unit vectors with Zipf-like keyword weights, in milvus-lite and a flat FAISS index."""
    import faiss
    from pymilvus import MilvusClient

    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((n, DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    words = (rng.zipf(1.3, size=(n, 60)) % 50_000).astype(np.int64)
    with tempfile.TemporaryDirectory() as tmp:
        client = MilvusClient(str(Path(tmp) / "bench.db"))
        schema, index = backend._schema(DIM)
        client.create_collection("bench", schema=schema, index_params=index)
        started = time.perf_counter()
        for start in range(0, n, backend.BATCH):
            rows = []
            for i in range(start, min(n, start + backend.BATCH)):
                ids, counts = np.unique(words[i], return_counts=True)
                rows.append(
                    {"vid": i, "chunk_id": f"d{i // 5}#{i % 5}", "doc_id": f"d{i // 5}", "n": i % 5,
                     "length": 60, "dense": vectors[i].tolist(),
                     "keywords": {int(t): float(c / (c + 1.5)) for t, c in zip(ids, counts, strict=True)}}
                )  # fmt: skip
            client.insert("bench", rows)
        client.flush("bench")  # as `milvus.sync` leaves a collection
        client.release_collection("bench")  # and as a new process opens it
        client.load_collection("bench")
        insert_s = time.perf_counter() - started
        noise = rng.standard_normal((queries, DIM)).astype(np.float32)
        qs = vectors[rng.integers(0, n, queries)] + 0.1 * noise
        qs /= np.linalg.norm(qs, axis=1, keepdims=True)
        dense, sparse = [], []
        for q in qs:
            t = time.perf_counter()
            params = {"metric_type": "IP", "params": {"ef": 128}}
            client.search("bench", data=[q.tolist()], anns_field="dense", limit=depth, search_params=params)
            dense.append(time.perf_counter() - t)
        for i in rng.integers(0, n, queries):
            weights = {int(t): 2.0 for t in words[i][:6]}
            t = time.perf_counter()
            client.search("bench", data=[weights], anns_field="keywords", limit=depth)
            sparse.append(time.perf_counter() - t)
        client.close()
    flat = faiss.IndexFlatIP(DIM)
    flat.add(vectors)
    exact = []
    for q in qs:
        t = time.perf_counter()
        flat.search(q[None, :], depth)
        exact.append(time.perf_counter() - t)
    return {
        "chunks": n,
        "milvus_lite_insert_rows_per_s": round(n / insert_s),
        "milvus_lite_dense": _pcts(dense),
        "milvus_lite_keyword": _pcts(sparse),
        "faiss_flat_dense": _pcts(exact),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def product(index_dir: Path, uri: str, rounds: int = 2) -> list[dict[str, object]]:
    """`Searcher.search_result` (hybrid, k=5) over the gold questions on one index, per backend."""
    from retriever.gold import GOLD_DIR, gold_sets
    from retriever.retrieval import open_searcher

    questions = [q.question for s in gold_sets(GOLD_DIR) for q in s.questions]
    out = []
    for name in ("faiss", "milvus"):
        settings = load_settings().with_(index_dir=index_dir, backend=name, milvus_uri=uri)
        searcher = open_searcher(settings)
        searcher.search_result(questions[0], k=5, mode="hybrid")  # model, index and client loaded
        times = {"embedding": [], "search": []}
        for _ in range(rounds):
            for q in questions:
                found = searcher.search_result(q, k=5, mode="hybrid")
                for key in times:
                    times[key].append(found.timings_ms[key] / 1000)
        chunks = searcher.version.manifest["n_chunks"]
        out.append({"backend": name, "chunks": chunks, "questions": len(questions) * rounds}
                   | {f"{k}_{m}": v for k, t in times.items() for m, v in _pcts(t).items()})  # fmt: skip
    return out


def main() -> None:
    """Run the measurements asked for and print each as a JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, nargs="*", default=[])
    parser.add_argument("--index", type=Path)
    parser.add_argument("--uri", default="")
    args = parser.parse_args()
    for n in args.chunks:
        print(json.dumps(synthetic(n)), flush=True)
    if args.index:
        for line in product(args.index, args.uri):
            print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
