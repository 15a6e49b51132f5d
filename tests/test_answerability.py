"""The answerability model: fitting on labelled evidence, its threshold, and cross-lingual scaling."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest

from retriever import answerability
from retriever.answerability import CROSS, FEATURES, fit, probability, save, threshold


def _row(good: bool, rng: random.Random, cross: bool = False) -> dict[str, float]:
    base = 0.7 if good else 0.3
    row = {name: min(1.0, max(0.0, base + rng.uniform(-0.2, 0.2))) for name in FEATURES}
    row[CROSS] = 1.0 if cross else 0.0
    row["kind_stated"] = row["first_stated"] = 1.0
    row["stated_elsewhere"] = 0.0  # flags, not evidence that grows with strength
    return row


@pytest.fixture()
def fitted(tmp_path: Path) -> Path:
    rng = random.Random(7)
    rows = [_row(i % 2 == 0, rng) for i in range(120)]
    labels = [i % 2 == 0 for i in range(120)]
    path = tmp_path / "model.json"
    save(fit(rows, labels), path)
    return path


def test_fit_separates_strong_from_weak_evidence(fitted: Path) -> None:
    rng = random.Random(11)
    good = [probability(_row(True, rng), fitted) for _ in range(30)]
    weak = [probability(_row(False, rng), fitted) for _ in range(30)]
    t = threshold(fitted)
    assert 0.0 < t < 1.0
    assert sum(p >= t for p in good) >= 27 and sum(p < t for p in weak) >= 27


def test_more_evidence_never_lowers_the_probability(fitted: Path) -> None:
    row = {name: 0.5 for name in FEATURES} | {CROSS: 0.0}
    low = probability(row, fitted)
    assert probability(row | {"sentence_cover": 0.9, "names_found": 1.0}, fitted) > low


def test_word_overlap_across_languages_is_read_on_its_own_scale(tmp_path: Path) -> None:
    """A Thai question shares only its glossary's English with an English passage: a little overlap
    there counts as the usual, none is weaker evidence, and much is no stronger."""
    rng = random.Random(3)
    rows, labels = [], []
    for i in range(200):
        good, cross = i % 2 == 0, i % 4 >= 2
        row = _row(good, rng, cross)
        if cross:
            row |= {name: row[name] * 0.3 for name in ("sentence_cover", "document_cover")}
        rows.append(row)
        labels.append(good)
    path = tmp_path / "model.json"
    save(fit(rows, labels), path)
    # Only the word overlap differs between the two: the other overlap features sit at the average
    # (across languages their gains are capped too) and the flags as on every row.
    flags = {"kind_stated": 1.0, "first_stated": 1.0, "stated_elsewhere": 0.0}
    average = {"names_found": 0.5, "place_matches": 0.5, "cover_lead": 0.5}
    little = {name: 0.7 for name in FEATURES} | flags | average
    little |= {"sentence_cover": 0.21, "document_cover": 0.21}
    assert probability(little | {CROSS: 1.0}, path) > probability(little | {CROSS: 0.0}, path)
    assert probability(little | {CROSS: 1.0}, path) >= threshold(path)
    none = little | {"sentence_cover": 0.0, "document_cover": 0.0, CROSS: 1.0}
    assert probability(none, path) < probability(little | {CROSS: 1.0}, path)
    # Much overlap across languages (generic glossary words) is no stronger evidence than the usual.
    much = little | {"sentence_cover": 0.9, "document_cover": 0.9, CROSS: 1.0}
    assert probability(much, path) == pytest.approx(probability(little | {CROSS: 1.0}, path))


def test_the_shipped_model_matches_the_feature_list() -> None:
    model = json.loads(answerability.MODEL_FILE.read_text(encoding="utf-8"))
    assert model["features"] == list(FEATURES)
    assert len(model["weights"]) == len(FEATURES) and 0.0 < model["threshold"] < 1.0


def test_unmeasured_word_overlap_reads_as_the_average(tmp_path: Path) -> None:
    """A question and a document in two languages the glossary does not join share no word whether
    or not it answers: NaN overlap is neither evidence for nor against."""
    rng = random.Random(5)
    rows, labels = [], []
    for i in range(200):
        row = _row(i % 2 == 0, rng, cross=i % 4 >= 2)
        if i % 8 == 6:
            row |= {"sentence_cover": math.nan, "document_cover": math.nan, "cover_lead": math.nan}
        rows.append(row)
        labels.append(i % 2 == 0)
    model = fit(rows, labels)
    stats = ("mean", "scale", "cross_mean", "cross_scale")
    assert not any(math.isnan(v) for key in stats for v in model[key])
    path = tmp_path / "model.json"
    save(model, path)
    mean = dict(zip(FEATURES, model["cross_mean"], strict=True))
    usual = {name: 0.7 for name in FEATURES} | {CROSS: 1.0}
    unknown = usual | {"sentence_cover": math.nan, "document_cover": math.nan, "cover_lead": math.nan}
    average = usual | {name: mean[name] for name in ("sentence_cover", "document_cover", "cover_lead")}
    assert probability(unknown, path) == pytest.approx(probability(average, path))
    none = usual | {"sentence_cover": 0.0, "document_cover": 0.0}
    assert probability(unknown, path) > probability(none, path)


def test_a_quote_sharing_no_word_of_the_question_is_told_from_one_that_cannot_be_compared() -> None:
    assert answerability.shares_no_word({"sentence_cover": 0.0, "asked_words": 2})
    assert not answerability.shares_no_word({"sentence_cover": 0.05, "asked_words": 2})
    # One word asked and missed is as often a synonym ("ban" asked, "forbids" quoted).
    assert not answerability.shares_no_word({"sentence_cover": 0.0, "asked_words": 1})
    # Between two languages the glossary cannot bridge, no overlap was measured: nothing is told.
    assert not answerability.shares_no_word({"sentence_cover": math.nan, "asked_words": 3})
    assert not answerability.shares_no_word({})
