"""The release gate: retrieval and answers on the gold set over the real documents, hybrid mode."""

from __future__ import annotations

from typing import Any

import pytest

from retriever import Settings
from retriever.evaluate import DEFAULT_QA, MODES, evaluate_gold, gate_failures, load_gold
from retriever.report import failure_lines


@pytest.fixture(scope="module")
def gold_result(corpus_settings: Settings) -> dict[str, Any]:
    """Every mode searched, only hybrid (the product's mode) asked: the gate needs no more."""
    return evaluate_gold(
        load_gold(DEFAULT_QA), corpus_settings, modes=MODES, answer_modes=("hybrid",), progress=False
    )


def test_gold_gate_hybrid(gold_result: dict[str, Any]) -> None:
    failing = gate_failures(gold_result["metrics"]["hybrid"])
    hybrid_only = {"questions": {"hybrid": gold_result["questions"]["hybrid"]}}
    assert not failing, "\n".join(["gate missed: " + "; ".join(failing), *failure_lines(hybrid_only)])


def test_fusion_beats_each_single_mode(gold_result: dict[str, Any]) -> None:
    metrics, rows = gold_result["metrics"], gold_result["questions"]
    mrr = {mode: round(metrics[mode]["mrr@10"], 4) for mode in MODES}

    def first(mode: str, i: int) -> int | None:
        ranks = rows[mode][i]["relevant_ranks"]
        return ranks[0] if ranks else None

    # Where fusion ranks the first relevant passage below the better single mode: (hybrid, dense, bm25).
    worse = {
        row["id"]: (first("hybrid", i), first("dense", i), first("bm25", i))
        for i, row in enumerate(rows["hybrid"])
        if row["answerable"]
        and (first("hybrid", i) or 99) > min(first("dense", i) or 99, first("bm25", i) or 99)
    }
    assert mrr["hybrid"] >= max(mrr["dense"], mrr["bm25"]), f"MRR@10 {mrr}; hybrid ranks worse on {worse}"
