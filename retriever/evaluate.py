"""`python -m retriever evaluate`: gold-set metrics, answer checks, threshold calibration, BEIR."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from . import ask, index_documents, load_settings, status
from .metrics import binary_ndcg, contains_any, hit_at, mean, normalize, percentile, reciprocal_rank
from .settings import ROOT, Settings
from .types import IndexMissing, Passage

# The release gate on the gold set in hybrid mode; tests/test_gold_gate.py and the report read it here.
GATE = {"recall@5": 0.95, "refusal_accuracy": 0.9, "citation_validity": 1.0}
MODES = ("dense", "bm25", "hybrid")
DEFAULT_QA = ROOT / "tests" / "data" / "gold_qa.jsonl"
CUTOFFS = (1, 3, 5, 10)
DEFINITIONS = {
    "recall@k": "share of answerable questions with at least one relevant passage in the top k "
    "(a passage is relevant when its text holds an evidence string, case and white space ignored)",
    "mrr@k": "mean of 1/rank of the first relevant passage within the top k (0 when none)",
    "ndcg@k": "binary relevance; the ideal ranks min(relevant passages in the whole index, k) on top",
    "refusal_accuracy": "share of all questions where ask() refused exactly when the gold evidence is empty",
    "answer_accuracy": "share of answerable questions whose answer is not a refusal and holds one of the "
    "gold answer strings (case and white space ignored)",
    "citation_validity": "share of all quotes, over all answers, found verbatim in their cited passage",
    "latency_ms": "ask() timings_ms['total'] over all questions, after one warm-up call",
}


@dataclass(frozen=True)
class GoldQuestion:
    """One line of the gold set; empty evidence means the documents do not answer it."""

    id: str
    question: str
    evidence: tuple[str, ...]
    answer: tuple[str, ...]
    lang: str = "en"

    @property
    def answerable(self) -> bool:
        """Whether the documents answer this question."""
        return bool(self.evidence)


def load_gold(path: Path) -> list[GoldQuestion]:
    """The questions of a gold-set JSONL file; errors name the file and line."""
    questions: list[GoldQuestion] = []
    seen: set[str] = set()
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            item = GoldQuestion(
                id=str(row["id"]),
                question=str(row["question"]),
                evidence=tuple(row.get("evidence") or ()),
                answer=tuple(row.get("answer") or ()),
                lang=str(row.get("lang") or "en"),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a gold-set line ({exc})") from exc
        if item.id in seen:
            raise ValueError(f"{path}:{number}: duplicate id {item.id!r}")
        seen.add(item.id)
        questions.append(item)
    return questions


def scratch_index_dir(kind: str, folder: Path) -> Path:
    """index/<kind>/<folder name>-<hash of its absolute path>: never the product's live index."""
    folder = Path(folder).resolve()
    digest = hashlib.sha256(str(folder).encode()).hexdigest()[:8]
    return ROOT / "index" / kind / f"{folder.name}-{digest}"


def run_search(query: str, *, k: int, mode: str, settings: Settings) -> list[Passage]:
    """Top-k passages in one mode, as `retriever.search()` gives them."""
    from . import search

    return search(query, k=k, mode=mode, settings=settings)


def _indexed_texts(settings: Settings) -> list[str]:
    """Normalised text of every chunk in the index, to count each question's relevant passages."""
    # The public API lists no passages; the searcher already holds them (as bench.py reads them).
    from .retrieval import open_searcher

    return [normalize(rec["text"]) for rec in open_searcher(settings).version.records]


def _cutoffs(k: int) -> list[int]:
    return sorted({c for c in CUTOFFS if c <= k} | {k})


def evaluate_gold(
    questions: Sequence[GoldQuestion],
    settings: Settings,
    *,
    modes: Iterable[str] = MODES,
    k: int = 10,
    answer_modes: Iterable[str] | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Search (and ask, in `answer_modes`, default all) every question; metrics and details per mode."""
    modes = list(modes)
    answer_modes = set(modes if answer_modes is None else answer_modes)
    texts = _indexed_texts(settings)
    n_relevant = {q.id: sum(any(normalize(e) in t for e in q.evidence) for t in texts) for q in questions}
    details: dict[str, list[dict[str, Any]]] = {}
    for mode in modes:
        answering = mode in answer_modes
        if answering and questions:
            ask(questions[0].question, mode=mode, settings=settings)  # warm-up: not timed
        rows = []
        for q in tqdm(questions, desc=f"gold {mode}", file=sys.stderr, disable=not progress, leave=False):
            answered = _answer_row(q, mode, settings) if answering else {}
            passages = run_search(q.question, k=k, mode=mode, settings=settings)
            relevant = [contains_any(p.text, q.evidence) for p in passages] if q.answerable else []
            row: dict[str, Any] = {
                "id": q.id,
                "question": q.question,
                "answerable": q.answerable,
                "relevant": relevant,
                "relevant_ranks": [i + 1 for i, r in enumerate(relevant) if r],
                "n_relevant": n_relevant[q.id],
                "top": [
                    {"id": p.id, "doc_id": p.doc_id, "section": p.section, "score": round(p.score, 4)}
                    for p in passages[:3]
                ],
            }
            row.update(answered)
            row["failures"] = _failures(row, k)
            rows.append(row)
        details[mode] = rows
    return {
        "k": k,
        "metrics": {mode: gold_metrics(details[mode], k) for mode in modes},
        "questions": details,
    }


def _forget_query_vectors(settings: Settings) -> None:
    """Empty the embedder's per-question cache, so each timed ask() pays for its embedding."""
    from .embedding import get_embedder

    # Without this, every mode after the first (and any repeat) would time a cached vector,
    # which no new question from a user gets.
    cache = getattr(get_embedder(settings), "_encode_query", None)
    if hasattr(cache, "cache_clear"):
        cache.cache_clear()


def _answer_row(q: GoldQuestion, mode: str, settings: Settings) -> dict[str, Any]:
    _forget_query_vectors(settings)
    started = time.perf_counter()
    answer = ask(q.question, mode=mode, settings=settings)
    wall_ms = (time.perf_counter() - started) * 1000
    quotes_valid = [c.quote in c.passage for c in answer.citations]
    return {
        "refused": answer.refused,
        "answer": answer.answer,
        "answer_correct": q.answerable and not answer.refused and contains_any(answer.answer, q.answer),
        "citations": [
            {"n": c.n, "doc_id": c.doc_id, "section": c.section, "score": c.score, "quote_valid": ok}
            for c, ok in zip(answer.citations, quotes_valid, strict=True)
        ],
        "latency_ms": float(answer.timings_ms.get("total", wall_ms)),
    }


def _failures(row: dict[str, Any], k: int) -> list[str]:
    """Why a question counts against the system, in words (empty when it does not)."""
    out = []
    if row["answerable"] and not row["relevant_ranks"]:
        out.append(f"no relevant passage in the top {k}")
    if "refused" in row:
        if row["answerable"] and row["refused"]:
            out.append("wrongly refused")
        elif not row["answerable"] and not row["refused"]:
            out.append("answered although the documents do not answer it")
        elif row["answerable"] and not row["answer_correct"]:
            out.append("answer lacks every gold answer string")
        if not all(c["quote_valid"] for c in row["citations"]):
            out.append("a quote is not verbatim in its cited passage")
    return out


def gold_metrics(rows: Sequence[dict[str, Any]], k: int) -> dict[str, Any]:
    """The evaluate metrics of one mode from its per-question rows."""
    answerable = [r for r in rows if r["answerable"]]
    out: dict[str, Any] = {}
    for c in _cutoffs(k):
        out[f"recall@{c}"] = mean([hit_at(r["relevant"], c) for r in answerable])
    out[f"mrr@{k}"] = mean([reciprocal_rank(r["relevant"], k) for r in answerable])
    out[f"ndcg@{k}"] = mean([binary_ndcg(r["relevant"], r["n_relevant"], k) for r in answerable])
    if rows and all("refused" in r for r in rows):
        quotes = [c["quote_valid"] for r in rows for c in r["citations"]]
        latencies = [r["latency_ms"] for r in rows]
        out["refusal_accuracy"] = mean([float(r["refused"] == (not r["answerable"])) for r in rows])
        out["answer_accuracy"] = mean([float(r["answer_correct"]) for r in answerable])
        # No quotes at all cannot break the promise; report it as met rather than undefined.
        out["citation_validity"] = mean([float(v) for v in quotes]) if quotes else 1.0
        out["latency_ms_p50"] = percentile(latencies, 50)
        out["latency_ms_p95"] = percentile(latencies, 95)
    out["n"] = len(rows)
    out["n_answerable"] = len(answerable)
    out["n_unanswerable"] = len(rows) - len(answerable)
    return out


def gate_failures(metrics: dict[str, Any]) -> list[str]:
    """The GATE thresholds a mode's metrics miss, in words."""
    return [
        f"{key} {metrics.get(key, float('nan')):.3f} < {floor}"
        for key, floor in GATE.items()
        if not metrics.get(key, float("nan")) >= floor
    ]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `evaluate`."""
    parser.add_argument(
        "--qa", type=Path, default=DEFAULT_QA, help="gold set JSONL (default: tests/data/gold_qa.jsonl)"
    )
    parser.add_argument(
        "--documents", type=Path, help="evaluate over this folder (indexed into --index first)"
    )
    parser.add_argument(
        "--index", type=Path, help="index folder (default: the settings' index, or a scratch one)"
    )
    parser.add_argument("--mode", choices=[*MODES, "all"], default="all", help="search mode (default: all)")
    parser.add_argument("--k", type=int, default=10, help="retrieval depth for the metrics (default: 10)")
    parser.add_argument("--json", action="store_true", help="print only {mode: {metric: value}} as JSON")
    parser.add_argument("--out", type=Path, help="write report.md, results.json and recall.png here")
    parser.add_argument("--calibrate", action="store_true", help="sweep the refusal threshold min_score")
    parser.add_argument(
        "--beir", type=Path, help="a BEIR dataset folder (corpus.jsonl, queries.jsonl, qrels/)"
    )
    parser.add_argument("--max-docs", type=int, help="BEIR: index only the first N corpus entries")


def _gold_settings(args: argparse.Namespace) -> Settings:
    """Settings whose index is ready: a scratch index for --documents, else the settings' own."""
    settings = load_settings()
    if args.documents:
        settings = settings.with_(
            documents_dir=args.documents.resolve(),
            index_dir=args.index or scratch_index_dir("eval", args.documents),
        )
        index_documents(settings=settings, progress=True)
        return settings
    settings = settings.with_(index_dir=args.index)
    try:
        status(settings=settings)
    except IndexMissing:
        index_documents(settings=settings, progress=True)
    return settings


def run(args: argparse.Namespace) -> int:
    """Run `evaluate` as parsed by `add_arguments`; 0 when done (metrics do not set the exit code)."""
    from . import report

    modes = list(MODES) if args.mode == "all" else [args.mode]
    if args.beir:
        from .beir import run_beir

        return run_beir(args, modes)
    settings = _gold_settings(args)
    questions = load_gold(args.qa)
    if args.calibrate:
        from .calibrate import calibrate

        result = calibrate(questions, settings, mode="hybrid" if args.mode == "all" else args.mode)
        print(
            json.dumps(report.json_safe(result), indent=2)
            if args.json
            else "\n".join(report.calibration_lines(result))
        )
        return 0
    result = evaluate_gold(questions, settings, modes=modes, k=args.k)
    result |= {"kind": "gold", "qa": str(args.qa), "index": str(settings.index_dir), "gate": GATE}
    result["definitions"] = DEFINITIONS
    report.emit(result, out=args.out, as_json=args.json, lines=report.gold_lines(result))
    return 0
