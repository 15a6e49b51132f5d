"""Benchmarks that print figures: `python -m retriever bench index|ask|update`."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import bench_scale, dense, index_documents, load_settings, retrieval, store
from .answer import answer_question
from .chunking import chunk_document
from .embedding import embed_text, get_embedder
from .readers import read_document
from .retrieval import open_searcher
from .settings import Settings
from .sources import find_sources

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


def _say(message: str) -> None:
    """Progress on stderr, with the machine's load beside it."""
    print(f"[bench] {message} ({bench_scale.cpu_load()})", file=sys.stderr, flush=True)


def _sample_documents(documents_dir: Path, n_chunks: int, settings: Settings) -> tuple[list[Path], int]:
    """Real documents (Markdown and text first, in name order) holding about `n_chunks` chunks."""
    files, _ = find_sources(documents_dir)
    files.sort(key=lambda f: (f.path.suffix not in (".md", ".txt"), f.id))
    picked, total = [], 0
    for f in files:
        if total >= n_chunks:
            break
        try:
            chunks = chunk_document(read_document(f), settings.chunk_words, settings.chunk_overlap)
        except Exception:  # unreadable files are the index benchmark's concern, not this one's
            continue
        picked.append(f.path)
        total += len(chunks)
    return picked, total


def bench_index(settings: Settings, n_chunks: int) -> dict[str, Any]:
    """Texts per second of the whole pipeline and of the bare model on the same texts, in one run; the
    model's load time and its chunk and sentence shares (for the whole collection: --chunks 200)."""
    t0 = time.perf_counter()
    embedder = get_embedder(settings)
    embedder.encode(["warm up"])
    load_s = time.perf_counter() - t0  # the first text included: the engine warms up on it
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "documents"
        paths, _ = _sample_documents(settings.documents_dir, n_chunks, settings)
        for path in paths:
            target = docs / path.relative_to(settings.documents_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
        run = settings.with_(documents_dir=docs, index_dir=Path(tmp) / "index")
        _say(f"pipeline: indexing {len(paths)} documents (sentence vectors {settings.sentence_vectors})")
        t0 = time.perf_counter()
        summary = index_documents(settings=run, progress=True)
        pipeline_s = time.perf_counter() - t0
        version = store.load_version(run.index_dir)
        titles = {d: e["title"] for d, e in version.manifest["documents"].items()}
        chunks = [embed_text(titles[r["doc_id"]], r["section"], r["text"]) for r in version.records]
        sentences = [r["text"][a:b] for r in version.records for a, b in r["sentences"]]
        # What both embed: a repeated text once, a sentence equal to a chunk's text with the chunk.
        chunks = list(dict.fromkeys(chunks))
        seen = set(chunks)
        sentences = (
            [s for s in dict.fromkeys(sentences) if s not in seen] if settings.sentence_vectors else []
        )
        n_texts = len(chunks) + len(sentences)
        tokens = {
            kind: sum(map(embedder.count_tokens, part)) for kind, part in (("c", chunks), ("s", sentences))
        }
        _say(
            f"bare encoder: the same {n_texts} texts ({len(chunks)} chunks, then {len(sentences)} sentences)"
        )
        t0 = time.perf_counter()
        embedder.encode(chunks, progress=True)
        t1 = time.perf_counter()
        embedder.encode(sentences, progress=True)
        chunks_s, sentences_s = t1 - t0, time.perf_counter() - t1
        model_s = chunks_s + sentences_s
    return {
        "same texts": {
            "documents": summary.documents,
            "chunks": summary.chunks,
            "sentences": version.manifest["n_sentences"],
            "texts_embedded": n_texts,
            "model_load_s": round(load_s, 2),
            "pipeline_s": round(pipeline_s, 2),
            "bare_encoder_s": round(model_s, 2),
            "bare_chunks_s": round(chunks_s, 2),
            "bare_sentences_s": round(sentences_s, 2),
            "chunk_tokens_per_s": round(tokens["c"] / max(chunks_s, 1e-9)),
            "sentence_tokens_per_s": round(tokens["s"] / max(sentences_s, 1e-9)),
            "pipeline_texts_per_s": round(n_texts / pipeline_s, 2),
            "bare_encoder_texts_per_s": round(n_texts / model_s, 2),
            "ratio": round(model_s / pipeline_s, 3),
            "pipeline_chunks_per_s": round(summary.chunks / pipeline_s, 2),
            "load": bench_scale.cpu_load(),
        }
    }


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


def _forget(index_dir: Path) -> None:
    """Drop this process's loaded copy of a benchmark index, so its memory goes before the next one."""
    with retrieval._live_lock:
        retrieval._live.pop(index_dir.resolve(), None)


def _corpus(settings: Settings) -> Settings:
    """The settings' own index of the documents folder, brought up to date (reused between runs)."""
    _say(f"corpus index at {settings.index_dir} (built or updated)")
    index_documents(settings=settings, progress=True)
    return settings


def bench_ask(settings: Settings, sizes: list[int], rounds: int) -> dict[str, Any]:
    """Warm `ask` latency by stage on the corpus and on synthetic indexes of each size, with build
    time, index size, memory and (for HNSW) recall@10 against exact search."""
    corpus = _corpus(settings)
    results: dict[str, Any] = {"corpus": _latency(corpus, rounds) | {"load": bench_scale.cpu_load()}}
    embedder = get_embedder(settings)
    questions = np.stack([embedder.encode_query(q) for q in QUESTIONS])
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            big = settings.with_(index_dir=Path(tmp) / "index")
            _say(f"{n} synthetic chunks: generating and building")
            figures, vectors = bench_scale.write_synthetic(corpus, big, n)
            loaded = bench_scale.load_figures(big.index_dir)
            version = loaded.pop("_version")
            if figures["index_type"] != "flat":
                pool = np.asarray(version.sentence_vectors[:: max(1, len(version.sentence_vectors) // 184)])
                queries = np.vstack([questions, pool[:184]])
                figures["recall_at_10_vs_flat"] = bench_scale.recall_at_10(
                    version.faiss_index, vectors, queries
                )
                figures["ef_search"] = dense.ef_search(version.faiss_index, 10)  # as questions search
            del vectors, version
            _say(f"{n} synthetic chunks: asking")
            latency = _latency(big, rounds)
            results[f"synthetic {n} chunks"] = (
                figures
                | loaded
                | latency
                | {
                    "rss_mb": round(bench_scale.rss_mb(), 1),
                    "load": bench_scale.cpu_load(),
                }
            )
            _forget(big.index_dir)
    return results


QUESTION_NEW = "Which market does the Lakeside Accord of 2031 ban glitter in?"
NEW_FACT = "The Lakeside Accord of 2031 bans glitter in every {n}th harbour market of Zorblat province."


def bench_update(settings: Settings, rounds: int) -> dict[str, Any]:
    """Seconds from a one-document change to the first answer quoting it, in this running process: a new
    short document, an edit of a typical one (only its changed text is embedded), and a new document of
    the typical size, every text of which is embedded."""
    corpus = _corpus(settings)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        docs, index = Path(tmp) / "documents", Path(tmp) / "index"
        shutil.copytree(corpus.documents_dir, docs)
        shutil.copytree(corpus.index_dir, index, ignore=shutil.ignore_patterns(".lock"))
        live = settings.with_(documents_dir=docs, index_dir=index)
        searcher = open_searcher(live)
        answer_question(searcher, QUESTIONS[0], settings=live)  # model and index warm, as in the bot
        chunk_counts = sorted((e["chunks"], d) for d, e in store.read_manifest(index)["documents"].items())
        typical = next(d for c, d in chunk_counts[len(chunk_counts) // 2 :] if d.endswith((".md", ".txt")))
        size = dict((d, c) for c, d in chunk_counts)[typical]
        original = (docs / typical).read_text(encoding="utf-8") + "\n\n"
        new_doc = f"new document of {size} chunks (the typical one copied under a new name)"
        cases = {
            "new short document (1 chunk)": (docs / "bench-new.md", "# Lakeside\n\n"),
            f"changed typical document ({typical}, {size} chunks)": (docs / typical, original),
            new_doc: (docs / "bench-copy-0.md", original),
        }
        for r in range(rounds):
            for c, (name, (path, head)) in enumerate(cases.items()):
                if name == new_doc:  # named anew each round, the last copy removed: nothing is reused
                    (docs / f"bench-copy-{r - 1}.md").unlink(missing_ok=True)
                    path = docs / f"bench-copy-{r}.md"
                fact = NEW_FACT.format(n=10 * r + c + 1)  # its own: found only when this change is served
                path.write_text(head + fact + "\n", encoding="utf-8")
                t0 = time.perf_counter()
                index_documents(settings=live)
                t1 = time.perf_counter()
                answer = answer_question(searcher, QUESTION_NEW, settings=live)
                t2 = time.perf_counter()
                served = any(fact in p.text for p in answer.passages)
                entry = results.setdefault(name, {"served_s": [], "index_s": [], "first_answer_s": []})
                entry["served_s"].append(round(t2 - t0, 2))
                entry["index_s"].append(round(t1 - t0, 2))
                entry["first_answer_s"].append(round(t2 - t1, 2))
                manifest = store.read_manifest(index)
                for key in ("embedded_chunks", "embedded_sentences", "reused_chunks", "reused_sentences"):
                    entry[key] = manifest.get(key, 0)
                entry["found"] = entry.get("found", True) and served
                entry["load"] = bench_scale.cpu_load()
        _forget(index)
    return results


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of `bench`."""
    parser.add_argument("what", choices=["index", "ask", "update"], help="which benchmark")
    parser.add_argument(
        "--chunks",
        type=int,
        nargs="+",
        help="index: chunks of real documents to index (default 40, about a minute on one thread); "
        "ask: synthetic index sizes (default 10000 100000; 1000000 takes ~15 min, ~13 GB at its peak)",
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="ask: passes over the questions; update: changes"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace) -> int:
    """Run one benchmark and print its figures."""
    settings = load_settings()
    if args.what == "index":
        results = bench_index(settings, (args.chunks or [40])[0])
    elif args.what == "update":
        results = bench_update(settings, args.rounds)
    else:
        results = bench_ask(settings, args.chunks or [10_000, 100_000], args.rounds)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(
        f"embedder={settings.embedder} threads={settings.threads} batch_size={settings.batch_size} "
        f"index_type={settings.index_type} hnsw_threshold={settings.hnsw_threshold}"
    )
    for name, figures in results.items():
        print(f"{name}:")
        for key, value in figures.items():
            print(f"  {key}: {value}")
    return 0
