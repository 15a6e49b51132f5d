"""`evaluate --calibrate`: fit the refusal decision on development results only.

Today the decision is one threshold, `min_score`, on the best citation score. The entry point is
`calibrate(results_on_dev) -> dict`; a learned answerability model replaces it by fitting on the same
results and returning its own settings under "best".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .gold import QuestionResult
from .metrics import share

GRID = tuple(float(t) for t in np.round(np.arange(0.0, 0.8 + 1e-9, 0.025), 3))


def at_threshold(results: Sequence[QuestionResult], min_score: float) -> dict[str, float]:
    """The refusal figures `min_score` would give, predicted from results asked without a threshold."""
    # answer.py refuses when its best sentence scores below min_score (the top citation's score) and
    # otherwise composes the same text, so one unthresholded pass predicts every threshold.
    refused = [r.top_score is None or r.top_score < min_score for r in results]
    answerable = [(r, x) for r, x in zip(results, refused, strict=True) if r.answerable]
    return {
        "min_score": min_score,
        "decision_accuracy": share(x != r.answerable for r, x in zip(results, refused, strict=True)),
        "refusal_accuracy": share(x for r, x in zip(results, refused, strict=True) if not r.answerable),
        "false_refusal_rate": share(x for _, x in answerable),
        "answer_accuracy": share(r.answer_correct and not x for r, x in answerable),
    }


def calibrate(results_on_dev: Sequence[QuestionResult], grid: Sequence[float] = GRID) -> dict[str, Any]:
    """Sweep min_score over dev results asked with min_score=-1; best = most decision + answer accuracy."""
    if not results_on_dev:
        raise ValueError("nothing to calibrate on: no dev questions were run")
    rows = [at_threshold(results_on_dev, t) for t in grid]
    # Refused-exactly-when-unanswerable over ALL questions, weighted by how often each kind is asked, plus
    # answer accuracy: refusal_accuracy alone (unanswerable only) would buy refusals with many false ones.
    objective = [np.nan_to_num(r["decision_accuracy"]) + np.nan_to_num(r["answer_accuracy"]) for r in rows]
    # Among equally good thresholds take the middle one: the widest margin on both sides.
    tied = [r["min_score"] for r, o in zip(rows, objective, strict=True) if o >= max(objective) - 1e-12]
    best = tied[len(tied) // 2]
    return {"grid": rows, "best": at_threshold(results_on_dev, best), "n": len(results_on_dev)}
