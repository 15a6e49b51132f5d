"""Benchmark helpers on a small real index: synthetic large indexes are real, searchable versions."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import retriever
from retriever import Settings, bench, bench_scale, store


def test_a_synthetic_index_is_a_searchable_version_of_real_sentences(
    small_settings: Settings, tmp_path: Path
) -> None:
    big = small_settings.with_(index_dir=tmp_path / "big", hnsw_threshold=500)
    figures, vectors = bench_scale.write_synthetic(small_settings, big, 800)
    assert figures["index_type"] == "hnsw" and figures["index_mb"] > figures["faiss_mb"] > 0
    version = store.load_version(big.index_dir)
    assert len(version.records) == 800 and vectors.shape == (800, version.faiss_index.d)
    corpus = store.load_version(small_settings.index_dir)
    row = version.records[123]
    quoted = [row["text"][a:b] for a, b in row["sentences"]]
    first = row["sent_row"]
    # Each generated sentence carries the corpus's real vector of that sentence.
    expected = bench_scale._pool(corpus)[0][first : first + len(quoted)]
    assert quoted == expected
    assert np.allclose(version.sentence_vectors[first], corpus.sentence_vectors[first])
    queries = vectors[:50] + 0.05
    assert bench_scale.recall_at_10(version.faiss_index, vectors, queries) >= 0.9
    found = retriever.search(row["text"][:80], k=3, settings=big.with_(mode="bm25"))
    assert row["text"][:80] in found[0].text  # overlapping windows share sentences


def test_the_index_benchmark_samples_about_the_chunks_asked_for(small_settings: Settings) -> None:
    paths, chunks = bench._sample_documents(small_settings.documents_dir, 12, small_settings)
    assert chunks >= 12 and paths and all(p.suffix in (".md", ".txt") for p in paths)
    fewer, _ = bench._sample_documents(small_settings.documents_dir, 1, small_settings)
    assert len(fewer) == 1


def test_the_index_benchmark_times_loading_chunks_and_sentences_apart(small_settings: Settings) -> None:
    figures = bench.bench_index(small_settings, 1)["same texts"]
    assert figures["documents"] == 1 and figures["texts_embedded"] > figures["chunks"] > 0
    split = figures["bare_chunks_s"] + figures["bare_sentences_s"]
    assert abs(figures["bare_encoder_s"] - split) <= 0.02 and figures["model_load_s"] >= 0
    assert figures["chunk_tokens_per_s"] > 0 and figures["sentence_tokens_per_s"] > 0
