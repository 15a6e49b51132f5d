"""Evaluation, step two: each gold question run in one mode and judged, then the metrics of a group."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from tqdm import tqdm

from . import ask, search
from .gold import SPLITS, GoldQuestion, QuestionSet
from .metrics import binary_ndcg, contains_any, holds_answer, mean, percentile, reciprocal_rank, share
from .settings import Settings
from .types import Answer, Passage

# Hybrid first: it is the product's mode, and later modes reuse the query vectors it cached.
MODES = ("hybrid", "dense", "bm25")
CUTOFFS = (1, 3, 5, 10)
DEFINITIONS = {
    "recall@k": "share of answerable questions with at least one relevant passage in the top k "
    "(a passage is relevant when its text holds an evidence string, case and white space ignored)",
    "mrr@k": "mean of 1/rank of the first relevant passage within the top k (0 when none)",
    "ndcg@k": "binary relevance; the ideal ranks on top the relevant passages of the question's whole "
    "ranked list (answer.passages), at most k",
    "cited_recall": "share of answerable questions answered with a cited passage holding an evidence string",
    "answer_accuracy": "share of answerable questions counted in cited_recall whose answer text also holds "
    "one of the gold answer strings (any text when the list is empty)",
    "refusal_accuracy": "share of unanswerable questions (empty evidence) that ask() refused",
    "false_refusal_rate": "share of answerable questions that ask() refused",
    "quote_verbatim": "share of all quotes, over all answers, found verbatim in their cited passage "
    "(1.0 when nothing was quoted); citation_validity is its issue-6 name",
    "latency_ms": "ask() timings_ms['total'] after one warm-up call; modes after the first reuse the "
    "query embedding the first one cached",
    "splits": "dev and test halves of gold/ (see gold/README.md), then each --qa file whole",
}


@dataclass(frozen=True)
class QuestionResult:
    """What one question got in one mode: ranked relevance, and the answer's checks when it was asked."""

    id: str
    set_name: str
    split: str
    lang: str
    type: str
    question: str
    answerable: bool
    relevant: tuple[bool, ...]  # per ranked passage, best first
    top: tuple[str, ...]  # the first three passages, "id (section)"
    asked: bool = False
    refused: bool = False
    answer: str = ""
    cited: bool = False
    answer_correct: bool = False
    quotes_verbatim: tuple[bool, ...] = ()
    cited_docs: tuple[str, ...] = ()
    top_score: float | None = None  # best citation score; None when refused
    latency_ms: float | None = None
    failures: tuple[str, ...] = ()

    @property
    def relevant_ranks(self) -> list[int]:
        """1-based ranks of the relevant passages."""
        return [i + 1 for i, r in enumerate(self.relevant) if r]


def _label(p: Passage) -> str:
    return f"{p.id} ({p.section or 'no section'})"


def _result(q: GoldQuestion, passages: Sequence[Passage], k: int, answer: Answer | None) -> QuestionResult:
    relevant = tuple(contains_any(p.text, q.evidence) for p in passages) if q.answerable else ()
    fields: dict[str, Any] = {}
    if answer is not None:
        cited = q.answerable and any(contains_any(c.passage, q.evidence) for c in answer.citations)
        fields = {
            "asked": True,
            "refused": answer.refused,
            "answer": answer.answer,
            "cited": cited,
            "answer_correct": cited and not answer.refused and holds_answer(answer.answer, q.answer),
            "quotes_verbatim": tuple(c.quote in c.passage for c in answer.citations),
            "cited_docs": tuple(c.doc_id for c in answer.citations),
            "top_score": None if answer.refused else max((c.score for c in answer.citations), default=None),
            "latency_ms": float(answer.timings_ms.get("total", float("nan"))),
        }
    result = QuestionResult(
        id=q.id,
        set_name=q.set_name,
        split=q.split,
        lang=q.lang,
        type=q.type,
        question=q.question,
        answerable=q.answerable,
        relevant=relevant,
        top=tuple(_label(p) for p in passages[:3]),
        **fields,
    )
    return replace(result, failures=tuple(failures(result, k)))


def run_question(
    q: GoldQuestion, settings: Settings, *, mode: str, k: int, asked: bool = True
) -> QuestionResult:
    """One question in one mode with ONE retrieval: ask() and its ranked passages, or search() alone."""
    if not asked:
        return _result(q, search(q.question, k=k, mode=mode, settings=settings), k, None)
    answer = ask(q.question, mode=mode, settings=settings)
    return _result(q, answer.passages, k, answer)


def run_questions(
    questions: Sequence[GoldQuestion],
    settings: Settings,
    *,
    mode: str,
    k: int = 10,
    asked: bool = True,
    progress: bool = True,
) -> list[QuestionResult]:
    """Every question in one mode, after one untimed warm-up call that loads model and index."""
    if questions:
        warm_up = "What do the documents say about plastic bags?"
        if asked:
            ask(warm_up, mode=mode, settings=settings)
        else:
            search(warm_up, k=k, mode=mode, settings=settings)
    return [
        run_question(q, settings, mode=mode, k=k, asked=asked)
        for q in tqdm(questions, desc=f"{mode}", file=sys.stderr, disable=not progress, leave=False)
    ]


def failures(r: QuestionResult, k: int) -> list[str]:
    """Why a question counts against the system, in words (empty when it does not)."""
    out = []
    if r.answerable and not any(r.relevant[:k]):
        out.append(f"no relevant passage in the top {k}")
    if r.asked:
        if r.answerable and r.refused:
            out.append("wrongly refused")
        elif not r.answerable and not r.refused:
            out.append("answered although the documents do not answer it")
        elif r.answerable and not r.cited:
            out.append("no cited passage holds the evidence")
        elif r.answerable and not r.answer_correct:
            out.append("answer lacks every gold answer string")
        if not all(r.quotes_verbatim):
            out.append("a quote is not verbatim in its cited passage")
    return out


def cutoffs(k: int) -> list[int]:
    """The recall@ cut-offs reported for depth k."""
    return sorted({c for c in CUTOFFS if c <= k} | {k})


def gold_metrics(results: Sequence[QuestionResult], k: int) -> dict[str, float]:
    """The metrics of one group of questions run in one mode."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    out: dict[str, float] = {}
    for c in cutoffs(k):
        out[f"recall@{c}"] = share(any(r.relevant[:c]) for r in answerable)
    out[f"mrr@{k}"] = mean([reciprocal_rank(r.relevant, k) for r in answerable])
    out[f"ndcg@{k}"] = mean([binary_ndcg(r.relevant, sum(r.relevant), k) for r in answerable])
    if results and all(r.asked for r in results):
        quotes = [v for r in results for v in r.quotes_verbatim]
        latencies = [r.latency_ms for r in results if r.latency_ms is not None]
        out["cited_recall"] = share(r.cited for r in answerable)
        out["answer_accuracy"] = share(r.answer_correct for r in answerable)
        out["refusal_accuracy"] = share(r.refused for r in unanswerable)
        out["false_refusal_rate"] = share(r.refused for r in answerable)
        # Nothing quoted cannot break the promise: met rather than undefined.
        out["quote_verbatim"] = share(quotes) if quotes else 1.0
        out["citation_validity"] = out["quote_verbatim"]
        out["latency_ms_p50"] = percentile(latencies, 50)
        out["latency_ms_p95"] = percentile(latencies, 95)
    out["n"] = len(results)
    out["n_answerable"] = len(answerable)
    out["n_unanswerable"] = len(unanswerable)
    return out


_BREAKDOWNS: dict[str, Callable[[QuestionResult], str]] = {
    "by_lang": lambda r: r.lang,
    "by_type": lambda r: r.type,
    "by_set": lambda r: r.set_name,
}


def summarize(results: Sequence[QuestionResult], k: int) -> dict[str, Any]:
    """Metrics of a group, then the same per language, kind of question and set where those vary."""
    out: dict[str, Any] = dict(gold_metrics(results, k))
    for key, of in _BREAKDOWNS.items():
        values = sorted({of(r) for r in results})
        if key == "by_lang" or len(values) > 1 or (key == "by_type" and values and values[0]):
            out[key] = {v or "(none)": gold_metrics([r for r in results if of(r) == v], k) for v in values}
    return out


def split_groups(
    results: Sequence[QuestionResult], sets: Iterable[QuestionSet]
) -> dict[str, list[QuestionResult]]:
    """The results of the gold dev and test halves, then of each --qa set, by name."""
    groups: dict[str, list[QuestionResult]] = {}
    gold_names = {s.name for s in sets if s.gold}
    for split in SPLITS:
        chosen = [r for r in results if r.set_name in gold_names and r.split == split]
        if chosen:
            groups[split] = chosen
    for s in sets:
        if not s.gold:
            groups[s.name] = [r for r in results if r.set_name == s.name]
    return groups
