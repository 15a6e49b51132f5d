"""Every evaluation metric on hand-made inputs: ranking arithmetic, answer checks, splits and the gate."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from retriever.gate import GATE, floor_failures, gate_failures
from retriever.gold import QuestionSet, split_of
from retriever.metrics import (
    binary_ndcg,
    contains_any,
    dcg,
    hit_at,
    holds_answer,
    mean,
    ndcg,
    percentile,
    recall_at,
    reciprocal_rank,
    share,
)
from retriever.scoring import QuestionResult, gold_metrics, split_groups, summarize

# --- ranking arithmetic --------------------------------------------------------------------------


def test_hit_and_reciprocal_rank() -> None:
    ranking = [False, False, True, False, True]
    assert [hit_at(ranking, k) for k in (1, 2, 3, 10)] == [0.0, 0.0, 1.0, 1.0]
    assert reciprocal_rank(ranking, 10) == pytest.approx(1 / 3)
    assert reciprocal_rank(ranking, 2) == 0.0
    assert reciprocal_rank([], 10) == 0.0


def test_ndcg_known_values() -> None:
    assert dcg([3, 2, 3, 0, 1, 2], 6) == pytest.approx(
        3 + 2 / math.log2(3) + 3 / 2 + 0 + 1 / math.log2(6) + 2 / math.log2(7)
    )
    # The ideal sorts every judged gain, also those the ranking missed.
    assert ndcg([3, 2, 3, 0, 1, 2], [3, 2, 3, 0, 1, 2, 3, 2], 6) == pytest.approx(
        dcg([3, 2, 3, 0, 1, 2], 6) / dcg([3, 3, 3, 2, 2, 2], 6)
    )
    assert ndcg([1, 0], [1], 10) == 1.0
    assert ndcg([0, 1], [1], 10) == pytest.approx(1 / math.log2(3))
    assert ndcg([0, 0], [], 10) == 0.0


def test_binary_ndcg_ideal() -> None:
    assert binary_ndcg([False, True], 1, 10) == pytest.approx(1 / math.log2(3))
    # Two relevant passages exist but only one was found at rank 1: the ideal has two on top.
    assert binary_ndcg([True, False], 2, 10) == pytest.approx(1 / (1 + 1 / math.log2(3)))
    # An undercounted ideal never lets nDCG pass 1.
    assert binary_ndcg([True, True], 1, 10) == 1.0


def test_recall_fraction_for_beir() -> None:
    gains = {"a": 2, "b": 1, "c": 0}
    assert recall_at(["a", "x", "b"], gains, 2) == 0.5
    assert recall_at(["a", "x", "b"], gains, 3) == 1.0
    assert recall_at(["c"], {"c": 0}, 10) == 0.0


def test_string_checks_ignore_case_and_white_space() -> None:
    assert contains_any("The KEP was held on\n18-19   November 2025.", ["held on 18-19 november 2025"])
    assert not contains_any("held on 18 November", ["held on 18-19 November"])
    assert not contains_any("anything", [])
    assert holds_answer("It costs TEN cents.", ["ten cents", "10 cents"])
    assert not holds_answer("It costs a dollar.", ["ten cents"])
    assert holds_answer("Anything at all.", [])  # an empty answer list accepts any text


def test_share_mean_percentile() -> None:
    assert share([True, False, True, True]) == 0.75
    assert math.isnan(share([])) and math.isnan(mean([])) and math.isnan(percentile([], 50))
    assert percentile([10.0, 20.0, 30.0, 40.0], 50) == 25.0
    assert percentile([10.0, 20.0, 30.0, 40.0], 95) == pytest.approx(38.5)


# --- gold metrics on made-up question results ----------------------------------------------------


def _r(qid: str, answerable: bool = True, **fields: object) -> QuestionResult:
    base = QuestionResult(
        id=qid, set_name="s", split="test", lang="en", type="", question=f"{qid}?", answerable=answerable,
        relevant=(), top=(), asked=True, latency_ms=10.0,
    )  # fmt: skip
    return replace(base, **fields)


ROWS = [
    # answered from a relevant cited passage with the right answer string
    _r(
        "a",
        relevant=(False, True),
        cited=True,
        answer_correct=True,
        quotes_verbatim=(True, True),
        top_score=0.6,
    ),
    # answered, relevant passage ranked 3rd but cited the wrong one
    _r("b", relevant=(False, False, True), quotes_verbatim=(True, False), top_score=0.5, latency_ms=30.0),
    # wrongly refused, nothing relevant retrieved
    _r("c", relevant=(False,) * 10, refused=True, latency_ms=20.0),
    # cited the evidence but the answer text misses the fact
    _r(
        "d", relevant=(True, True, False), cited=True, quotes_verbatim=(True,), top_score=0.4, latency_ms=40.0
    ),
    # unanswerable: one refused, one answered
    _r("u1", answerable=False, refused=True, latency_ms=50.0),
    _r("u2", answerable=False, quotes_verbatim=(True,), top_score=0.45, latency_ms=60.0),
]


def test_ranking_metrics_count_answerable_questions_only() -> None:
    m = gold_metrics(ROWS, 10)
    assert (m["recall@1"], m["recall@3"], m["recall@5"], m["recall@10"]) == (0.25, 0.75, 0.75, 0.75)
    assert m["mrr@10"] == pytest.approx((1 / 2 + 1 / 3 + 0 + 1) / 4)
    # d: two relevant in its list, both on top -> 1.0; a: one relevant at rank 2.
    assert m["ndcg@10"] == pytest.approx((1 / math.log2(3) + 0.5 + 0 + 1.0) / 4)


def test_answer_metrics() -> None:
    m = gold_metrics(ROWS, 10)
    assert m["cited_recall"] == 0.5  # a and d of four answerable
    assert m["answer_accuracy"] == 0.25  # a only: d cites the evidence but misses the answer string
    assert m["refusal_accuracy"] == 0.5  # of the two unanswerable questions, u1 was refused
    assert m["false_refusal_rate"] == 0.25  # c
    assert m["quote_verbatim"] == m["citation_validity"] == pytest.approx(5 / 6)
    assert (m["latency_ms_p50"], m["latency_ms_p95"]) == (35.0, pytest.approx(57.5))
    assert (m["n"], m["n_answerable"], m["n_unanswerable"]) == (6, 4, 2)


def test_metrics_without_answers_or_quotes() -> None:
    searched = [replace(r, asked=False) for r in ROWS]
    assert "cited_recall" not in gold_metrics(searched, 10) and "recall@5" in gold_metrics(searched, 10)
    refused = [_r("x", refused=True, relevant=(True,)), _r("y", answerable=False, refused=True)]
    m = gold_metrics(refused, 10)
    assert m["quote_verbatim"] == 1.0  # nothing quoted breaks no promise
    assert (m["refusal_accuracy"], m["false_refusal_rate"], m["cited_recall"]) == (1.0, 1.0, 0.0)
    only_answerable = gold_metrics([_r("z", relevant=(True,), cited=True, answer_correct=True)], 10)
    assert math.isnan(only_answerable["refusal_accuracy"])  # undefined, not perfect


def test_breakdowns_per_lang_type_and_set() -> None:
    rows = [replace(ROWS[0], lang="ms", type="event"), replace(ROWS[2], set_name="t"), ROWS[4]]
    s = summarize(rows, 10)
    assert set(s["by_lang"]) == {"en", "ms"} and s["by_lang"]["ms"]["n"] == 1
    assert s["by_lang"]["en"]["refusal_accuracy"] == 1.0
    assert set(s["by_type"]) == {"(none)", "event"} and set(s["by_set"]) == {"s", "t"}
    plain = summarize([ROWS[0], ROWS[1]], 10)
    assert "by_type" not in plain and "by_set" not in plain and set(plain["by_lang"]) == {"en"}


def test_split_rule_and_groups() -> None:
    assert split_of("kep-dates") == split_of("kep-dates") in ("dev", "test")
    assert {split_of(f"q{i}") for i in range(20)} == {"dev", "test"}
    rows = [replace(ROWS[0], split="dev"), ROWS[1], replace(ROWS[2], set_name="mine", split="")]
    sets = [QuestionSet("s", None, ()), QuestionSet("mine", None, (), gold=False)]  # type: ignore[arg-type]
    groups = split_groups(rows, sets)
    assert list(groups) == ["dev", "test", "mine"]
    assert [r.id for r in groups["dev"]] == ["a"] and [r.id for r in groups["mine"]] == ["c"]


# --- the gate and calibration ----------------------------------------------------------------------


def test_gate_reads_the_test_half_of_each_gated_set() -> None:
    assert floor_failures(
        {"recall@5": 0.9, "quote_verbatim": 1.0}, {"recall@5": 0.95, "quote_verbatim": 1.0}
    ) == ["recall@5 0.900 < 0.95"]
    assert floor_failures({}, {"cited_recall": 0.5}) == ["cited_recall nan < 0.5"]
    name = next(iter(GATE))
    perfect = [
        _r("p", relevant=(True,), cited=True, answer_correct=True, quotes_verbatim=(True,), set_name=name),
        _r("q", answerable=False, refused=True, set_name=name),
    ]
    assert gate_failures(perfect) == []
    # A dev-half failure does not move the gate; the same failure in the test half does.
    bad = _r("r", relevant=(False,), refused=True, set_name=name)
    assert gate_failures([*perfect, replace(bad, split="dev")]) == []
    assert any("recall@5" in f for f in gate_failures([*perfect, bad]))
    assert gate_failures([replace(r, split="dev") for r in perfect]) == [
        f"{name}: no test-half questions evaluated"
    ]
