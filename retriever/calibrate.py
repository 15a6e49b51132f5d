"""`evaluate --calibrate`: sweep the refusal threshold min_score over the gold set."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
from tqdm import tqdm

from . import ask
from .evaluate import GoldQuestion
from .metrics import contains_any, mean
from .settings import Settings

GRID = tuple(float(t) for t in np.round(np.arange(0.0, 0.8 + 1e-9, 0.025), 3))


def calibrate(
    questions: Sequence[GoldQuestion],
    settings: Settings,
    *,
    mode: str = "hybrid",
    grid: Sequence[float] = GRID,
    progress: bool = True,
) -> dict[str, Any]:
    """Sweep the refusal threshold min_score; one ask() per question, checked by a second pass."""
    started = time.perf_counter()
    # answer.py refuses when its best sentence scores below min_score (the top citation's score)
    # and otherwise composes the same text, so one unthresholded pass predicts every threshold.
    open_settings = settings.with_(mode=mode, min_score=-1.0)
    base = []
    for q in tqdm(questions, desc="calibrate", file=sys.stderr, disable=not progress, leave=False):
        answer = ask(q.question, settings=open_settings)
        top = max((c.score for c in answer.citations), default=None) if not answer.refused else None
        base.append((q, top, contains_any(answer.answer, q.answer)))

    def scores(t: float) -> dict[str, float]:
        refused = [top is None or top < t for _, top, _ in base]
        answerable = [(r, ok) for (q, _, ok), r in zip(base, refused, strict=True) if q.answerable]
        return {
            "min_score": t,
            "refusal_accuracy": mean(
                [float(r == (not q.answerable)) for (q, _, _), r in zip(base, refused, strict=True)]
            ),
            "answer_accuracy": mean([float(ok and not r) for r, ok in answerable]),
        }

    rows = [scores(t) for t in grid]
    objective = [r["refusal_accuracy"] + r["answer_accuracy"] for r in rows]
    # Among equally good thresholds take the middle one: the widest margin on both sides.
    tied = [r["min_score"] for r, o in zip(rows, objective, strict=True) if o >= max(objective) - 1e-12]
    best = tied[len(tied) // 2]
    sweep_seconds = time.perf_counter() - started
    check_settings = settings.with_(mode=mode, min_score=best)
    mismatches = [
        q.id
        for q, top, _ in base
        if ask(q.question, settings=check_settings).refused != (top is None or top < best)
    ]
    return {
        "mode": mode,
        "grid": rows,
        "best": scores(best),
        "current": scores(settings.min_score) | {"min_score": settings.min_score},
        "sweep_seconds": round(sweep_seconds, 2),
        "check_seconds": round(time.perf_counter() - started - sweep_seconds, 2),
        "check_mismatches": mismatches,
    }
