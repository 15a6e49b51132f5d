"""`evaluate --calibrate`: fit the answerability model on development questions only.

Each dev question is searched and composed once (`evidence.assess`, with the filter the question
states, as an answer is); its evidence features are labelled "answer" when the documents answer it
and the chosen passage holds the gold evidence, else "refuse". `answerability.fit` then learns the
weights and picks the threshold, and the model file is rewritten, so `ask()` uses it from the next
process on.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from . import answerability, scope
from .evidence import assess
from .gold import GoldQuestion
from .metrics import contains_any, share
from .retrieval import open_searcher
from .settings import Settings


def calibrate(
    dev: Sequence[tuple[GoldQuestion, Settings]], *, mode: str, save: bool = True
) -> dict[str, Any]:
    """Fit on (question, settings) pairs, all dev lines; the model and its in-sample figures."""
    if not dev:
        raise ValueError("nothing to calibrate on: no dev questions were run")
    if any(q.split == "test" for q, _ in dev):
        raise ValueError("calibration must never see a test line")
    started = time.perf_counter()
    rows, labels, answerable = [], [], []
    for question, settings in dev:
        settings = settings.with_(mode=mode)
        searcher = open_searcher(settings)
        # Measured as `answer_question` measures it: with the question's own filter ("in Malaysia").
        stated = scope.parse(question.question, searcher.version.manifest["documents"])
        found = assess(searcher, question.question, settings=settings, doc_ids=stated.doc_ids)
        if not found.chosen or not found.grounded:
            continue  # refused whatever the model says: nothing to learn from
        cited = " ".join(found.passages[c.passage].text for c in found.chosen)
        rows.append(found.features)
        labels.append(bool(question.evidence) and contains_any(cited, question.evidence))
        answerable.append(bool(question.evidence))
    model = answerability.fit(rows, labels)
    path = dev[0][1].answer_model
    if save:
        answerability.save(model, path)
    p = [answerability.probability(r, path) >= model["threshold"] for r in rows] if save else []
    return {
        "mode": mode,
        "n": len(dev),
        "fitted_on": len(rows),
        "model": model,
        "answered_when_right": share(a for a, y in zip(p, labels, strict=True) if y) if p else None,
        "refused_unanswerable": share(not a for a, u in zip(p, answerable, strict=True) if not u)
        if p
        else None,
        "seconds": round(time.perf_counter() - started, 2),
        "saved": str(path) if save else "",
    }
