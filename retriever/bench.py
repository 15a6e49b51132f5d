"""Benchmarks that print figures: `python -m retriever bench index|ask`."""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import build, index_corpus, index_documents, load_settings, store
from .answer import answer_question
from .embedding import embed_text, get_embedder
from .retrieval import open_searcher
from .settings import Settings
from .types import Chunk, Document

QUESTIONS = [
    "When was the SEA-MaP Knowledge Exchange Program on EPR held?",
    "Who opened the Knowledge Exchange Program in Kuala Lumpur?",
    "Which sectors does Beijing's plastic action plan target?",
    "What is Bangkok's Bottle-Free Seas Project?",
    "What is Seoul's plastic waste reduction goal for 2026?",
    "When did Kuala Lumpur launch its Zero Plastic Campaign Programme?",
    "What does Malaysia's Plastics Sustainability Roadmap aim for?",
    "Where was the 11th 3R Forum held?",
    "What does Viet Nam's EPR decree require of producers?",
    "Which items does Quezon City ban?",
    "What is the fee for plastic shopping bags in Japan?",
    "When did Hainan ban non-degradable plastics?",
    "What did ASEAN leaders endorse at the 34th ASEAN Summit?",
    "What is Taipei's rule on disposable plastic cups?",
    "What is the weather in Paris tomorrow?",
    "Does Norway have a deposit return scheme for bottles?",
]


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def _sentences_of(settings: Settings) -> list[str]:
    """Every sentence of the indexed corpus, to generate look-alike text from."""
    version = store.load_version(settings.index_dir)
    return [r["text"][s:e] for r in version.records for s, e in r["sentences"] if len(r["text"][s:e]) > 20]


def generated_documents(sentences: list[str], n_chunks: int, words: int, seed: int = 7) -> list[Document]:
    """Documents of shuffled real sentences, about `n_chunks` chunks in all."""
    rng = random.Random(seed)
    per_doc = 8
    docs = []
    for d in range((n_chunks + per_doc - 1) // per_doc):
        paragraphs = []
        for _ in range(per_doc):
            picked: list[str] = []
            while sum(len(s.split()) for s in picked) < words * 0.8:
                picked.append(rng.choice(sentences))
            paragraphs.append(" ".join(picked))
        docs.append(
            Document(id=f"generated/{d:06d}.txt", text="\n\n".join(paragraphs), title=f"Generated {d}")
        )
    return docs


def _copy_seeds(documents_dir: Path, target: Path) -> Path:
    """A folder holding only the two seed pages (the top-level .txt files of the corpus)."""
    target.mkdir()
    for path in sorted(documents_dir.glob("*.txt")):
        (target / path.name).write_bytes(path.read_bytes())
    return target


def bench_index(settings: Settings, n_chunks: int) -> dict[str, Any]:
    """Chunks per second of the whole pipeline and of the bare model, on the seeds and generated text."""
    embedder = get_embedder(settings)
    embedder.encode(["warm up"])
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        seeds = _copy_seeds(settings.documents_dir, Path(tmp) / "seeds")
        corpus_index = Path(tmp) / "corpus"
        index_documents(settings=settings.with_(index_dir=corpus_index))
        sentences = _sentences_of(settings.with_(index_dir=corpus_index))
        cases = {
            "seeds": lambda ix: index_documents(settings=settings.with_(documents_dir=seeds, index_dir=ix)),
            f"generated ({n_chunks} chunks)": lambda ix: index_corpus(
                generated_documents(sentences, n_chunks, settings.chunk_words), ix, settings=settings
            ),
        }
        for name, run in cases.items():
            index_dir = Path(tmp) / name.split()[0]
            t0 = time.perf_counter()
            summary = run(index_dir)
            pipeline_s = time.perf_counter() - t0
            version = store.load_version(index_dir)
            docs = version.manifest["documents"]
            texts = [embed_text(docs[r["doc_id"]]["title"], r["section"], r["text"]) for r in version.records]
            t0 = time.perf_counter()
            embedder.encode(texts)
            model_s = time.perf_counter() - t0
            results[name] = {
                "chunks": summary.chunks,
                "sentences": version.manifest["n_sentences"],
                "pipeline_chunks_per_s": round(summary.chunks / pipeline_s, 1),
                "model_chunks_per_s": round(len(texts) / model_s, 1),
                "ratio": round((summary.chunks / pipeline_s) / (len(texts) / model_s), 3),
                "pipeline_s": round(pipeline_s, 2),
                "model_s": round(model_s, 2),
            }
    return results


def _synthetic_index(settings: Settings, index_dir: Path, n_chunks: int) -> None:
    """An index of `n_chunks` generated chunks whose vectors are built from real sentence vectors."""
    version = store.load_version(settings.index_dir)
    pool = [
        (r["text"][s:e], version.sentence_vectors[r["sent_row"] + i])
        for r in version.records
        for i, (s, e) in enumerate(r["sentences"])
    ]
    rng = np.random.default_rng(7)
    plan = build.Plan(
        build.settings_record(settings, version.manifest["dimension"], version.manifest["model"]), "generated"
    )
    chunk_vecs, sent_vecs = [], []
    for c in range(n_chunks):
        picks = rng.choice(len(pool), size=6, replace=False)
        text, spans = "", []
        for p in picks:
            spans.append((len(text), len(text) + len(pool[p][0])))
            text += pool[p][0] + " "
            sent_vecs.append(pool[p][1])
        doc_id = f"generated/{c // 10:06d}.txt"
        doc = Document(id=doc_id, text=text, title=f"Generated {c // 10}", language="en")
        chunk = Chunk(f"{doc_id}#{c % 10}", doc_id, c % 10, text, "", 0, len(text), None, tuple(spans))
        plan.fresh.append((chunk, doc))
        plan.docs.setdefault(doc_id, build.doc_entry(doc, "", 0))["chunks"] += 1
        mean = np.mean(sent_vecs[-len(picks) :], axis=0)
        chunk_vecs.append(mean / np.linalg.norm(mean))
    vectors = build.Vectors(np.array(chunk_vecs, np.float32), np.array(sent_vecs, np.float32))
    with store.build_lock(index_dir):
        name, tmp_dir = store.reserve_version(index_dir)
        build.publish(index_dir, tmp_dir, build.assemble(plan, vectors, version=name))


def _latency(settings: Settings, rounds: int) -> dict[str, Any]:
    searcher = open_searcher(settings)
    for question in QUESTIONS:
        answer_question(searcher, question, settings=settings)
    parts: dict[str, list[float]] = {}
    for _ in range(rounds):
        for question in QUESTIONS:
            searcher.embedder._encode_query.cache_clear()  # measure a real embedding every time
            answer = answer_question(searcher, question, settings=settings)
            for key, value in answer.timings_ms.items():
                parts.setdefault(key, []).append(value)
    order = ["embedding", "search", "fusion", "composition", "total"]
    return {
        key: {"p50": round(_percentile(parts[key], 50), 2), "p95": round(_percentile(parts[key], 95), 2)}
        for key in order
        if key in parts
    } | {"questions": len(parts.get("total", []))}


def bench_ask(settings: Settings, n_chunks: int, rounds: int) -> dict[str, Any]:
    """Warm `ask` latency, split by stage, on the seeds, the whole corpus and a generated large index."""
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        seeds = _copy_seeds(settings.documents_dir, Path(tmp) / "seeds")
        seed_settings = settings.with_(documents_dir=seeds, index_dir=Path(tmp) / "seeds-index")
        corpus_settings = settings.with_(index_dir=Path(tmp) / "corpus-index")
        index_documents(settings=seed_settings)
        index_documents(settings=corpus_settings)
        results["seeds"] = _latency(seed_settings, rounds)
        results["corpus"] = _latency(corpus_settings, rounds)
        if n_chunks:
            big = settings.with_(index_dir=Path(tmp) / "big-index")
            t0 = time.perf_counter()
            _synthetic_index(corpus_settings, big.index_dir, n_chunks)
            results[f"generated ({n_chunks} chunks)"] = _latency(big, rounds) | {
                "build_s": round(time.perf_counter() - t0, 1)
            }
    return results


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of `bench`."""
    parser.add_argument("what", choices=["index", "ask"], help="which benchmark")
    parser.add_argument("--chunks", type=int, help="size of the generated corpus (index: 3000, ask: 100000)")
    parser.add_argument("--rounds", type=int, default=3, help="ask: passes over the questions")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace) -> int:
    """Run one benchmark and print its figures."""
    settings = load_settings()
    if args.what == "index":
        results = bench_index(settings, args.chunks or 3000)
    else:
        results = bench_ask(settings, 100_000 if args.chunks is None else args.chunks, args.rounds)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"threads={settings.threads} batch_size={settings.batch_size} chunk_words={settings.chunk_words}")
    for name, figures in results.items():
        print(f"{name}:")
        for key, value in figures.items():
            print(f"  {key}: {value}")
    return 0
