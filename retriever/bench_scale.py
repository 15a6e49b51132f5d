"""Synthetic large indexes for `bench ask`: windows of real sentences with their real vectors.

A generated chunk is six consecutive sentences of the indexed corpus (so composition quotes real
sentence vectors, shared by all chunks, and the sentence file stays the corpus's size); its vector
is the mean of theirs plus noise, so a million chunks are a million distinct points.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import assembly, dense, store
from .keyword import build_bm25, indexed_text
from .settings import Settings

PER_CHUNK = 6
NOISE = 0.5  # noise norm relative to the window mean's: neighbours stay near, not identical


def rss_mb() -> float:
    """Resident memory of this process now (VmRSS), in MB."""
    with open("/proc/self/status", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def folder_mb(path: Path) -> float:
    """Size of the files under `path`, in MB."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def _pool(corpus: store.Version) -> tuple[list[str], np.ndarray]:
    """The corpus's sentences in row order and their vectors."""
    texts = [r["text"][s:e] for r in corpus.records for s, e in r["sentences"]]
    return texts, np.asarray(corpus.sentence_vectors, dtype=np.float32)


def synthetic_contents(
    corpus: store.Version, n_chunks: int, kind: str, version: str, seed: int = 7
) -> tuple[store.Contents, np.ndarray]:
    """A version of `n_chunks` generated chunks (and their vectors, for recall against flat)."""
    texts, pool = _pool(corpus)
    if len(texts) <= PER_CHUNK:
        raise ValueError("the corpus index has too few sentences to generate from")
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, len(texts) - PER_CHUNK, size=n_chunks)
    window = np.cumsum(np.vstack([np.zeros((1, pool.shape[1]), np.float32), pool]), axis=0)
    means = (window[starts + PER_CHUNK] - window[starts]) / PER_CHUNK
    noise = rng.normal(size=means.shape).astype(np.float32)
    noise *= (NOISE * np.linalg.norm(means, axis=1) / np.linalg.norm(noise, axis=1))[:, None]
    vectors = means + noise
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    records: list[dict[str, Any]] = []
    docs: dict[str, dict[str, Any]] = {}
    for c, first in enumerate(starts.tolist()):
        doc_id = f"generated/{c // 10:07d}.txt"
        parts, spans, at = texts[first : first + PER_CHUNK], [], 0
        for part in parts:
            spans.append([at, at + len(part)])
            at += len(part) + 1
        text = " ".join(parts)
        records.append({"vid": c, "id": f"{doc_id}#{c % 10}", "doc_id": doc_id, "n": c % 10, "text": text,
                        "section": "", "start": 0, "end": len(text), "page": None, "sentences": spans,
                        "sent_row": first, "truncated": False})  # fmt: skip
        if doc_id not in docs:
            docs[doc_id] = {"sha256": "", "chunks": 0, "title": f"Generated {c // 10}", "source": "",
                            "publisher": "", "date": "", "language": "en", "facts": {},
                            "events": []}  # fmt: skip
        docs[doc_id]["chunks"] += 1
    manifest = corpus.manifest | {
        "version": version,
        "n_documents": len(docs),
        "n_chunks": n_chunks,
        "n_sentences": len(texts),
        "next_id": n_chunks,
        "documents": docs,
        "index_type": kind,
    }
    bm25_texts = [indexed_text(docs[r["doc_id"]]["title"], "", r["text"]) for r in records]
    contents = store.Contents(
        manifest=manifest,
        records=records,
        ids=np.arange(n_chunks, dtype=np.int64),
        chunk_vectors=vectors,
        sentence_vectors=pool,
        bm25=build_bm25(bm25_texts),
    )
    return contents, vectors


def write_synthetic(
    corpus_settings: Settings, settings: Settings, n_chunks: int
) -> tuple[dict[str, Any], np.ndarray]:
    """Publish a synthetic version of `n_chunks` into `settings.index_dir`; its build figures and vectors."""
    corpus = store.load_version(corpus_settings.index_dir)
    kind = store.index_type(settings.index_type, settings.hnsw_threshold, n_chunks)
    t0 = time.perf_counter()
    with store.build_lock(settings.index_dir):
        name, tmp_dir = store.reserve_version(settings.index_dir)
        contents, vectors = synthetic_contents(corpus, n_chunks, kind, name)
        t1 = time.perf_counter()
        assembly.publish(settings.index_dir, tmp_dir, contents)
    t2 = time.perf_counter()
    folder = settings.index_dir / name
    figures = {
        "index_type": kind,
        "generate_s": round(t1 - t0, 1),  # texts, records and the BM25 index
        "build_s": round(t2 - t1, 1),  # FAISS index and writing every file
        "index_mb": round(folder_mb(folder), 1),
        "faiss_mb": round((folder / "faiss.index").stat().st_size / 2**20, 1),
    }
    return figures, vectors


def load_figures(index_dir: Path) -> dict[str, Any]:
    """Seconds and memory to load the live version."""
    before = rss_mb()
    t0 = time.perf_counter()
    version = store.load_version(index_dir)
    load_s = time.perf_counter() - t0
    return {"load_s": round(load_s, 2), "load_rss_mb": round(rss_mb() - before, 1), "_version": version}


def recall_at_10(index: Any, vectors: np.ndarray, queries: np.ndarray) -> float:
    """Share of the exact (flat) top 10 that `index` also returns, over `queries`, searched as
    questions search it (the same efSearch)."""
    import faiss

    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(np.ascontiguousarray(vectors))
    _, exact = flat.search(np.ascontiguousarray(queries, np.float32), 10)
    params = dense.search_params(index, 10)
    _, found = index.search(np.ascontiguousarray(queries, np.float32), 10, params=params)
    hits = [len(set(a.tolist()) & set(b.tolist())) / 10 for a, b in zip(exact, found, strict=True)]
    return round(float(np.mean(hits)), 4)


def cpu_load() -> str:
    """The 1-minute load average and the cores, to print beside every figure."""
    return f"load {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
