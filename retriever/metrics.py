"""Metric arithmetic on plain values: string matching, recall, MRR, nDCG, shares, percentiles; no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np


def normalize(text: str) -> str:
    """Case-folded text with runs of white space made one space, for forgiving substring tests."""
    return " ".join(text.casefold().split())


def contains_any(text: str, fragments: Iterable[str]) -> bool:
    """Whether `text` holds one of `fragments`, ignoring case and white space."""
    haystack = normalize(text)
    return any(normalize(f) in haystack for f in fragments if f.strip())


def holds_answer(text: str, answers: Sequence[str]) -> bool:
    """Whether `text` states one of the gold `answers`; an empty list accepts any text."""
    return not any(a.strip() for a in answers) or contains_any(text, answers)


def hit_at(relevant: Sequence[bool], k: int) -> float:
    """1.0 when a relevant item is among the first k, else 0.0 (the gold set's recall@k)."""
    return 1.0 if any(relevant[:k]) else 0.0


def recall_at(ranked: Sequence[str], gains: Mapping[str, float], k: int) -> float:
    """Share of the relevant ids (gain > 0) found in the first k (BEIR's recall@k)."""
    wanted = {i for i, g in gains.items() if g > 0}
    if not wanted:
        return 0.0
    return len(wanted.intersection(ranked[:k])) / len(wanted)


def reciprocal_rank(relevant: Sequence[bool], k: int) -> float:
    """1/rank of the first relevant item within the first k, 0.0 when there is none."""
    for rank, rel in enumerate(relevant[:k], start=1):
        if rel:
            return 1.0 / rank
    return 0.0


def dcg(gains: Sequence[float], k: int) -> float:
    """Discounted cumulative gain of the first k gains, linear gain (trec_eval's ndcg_cut)."""
    g = np.asarray(gains[:k], dtype=float)
    if g.size == 0:
        return 0.0
    return float(np.sum(g / np.log2(np.arange(2, g.size + 2))))


def ndcg(gains: Sequence[float], ideal_gains: Iterable[float], k: int) -> float:
    """nDCG@k of a ranking's gains against the best possible order of `ideal_gains`."""
    ideal = sorted((g for g in ideal_gains if g > 0), reverse=True)
    best = dcg(ideal, k)
    return dcg(gains, k) / best if best > 0 else 0.0


def binary_ndcg(relevant: Sequence[bool], n_relevant: int, k: int) -> float:
    """nDCG@k with binary relevance; the ideal puts min(n_relevant, k) relevant items on top."""
    n_ideal = max(n_relevant, sum(bool(r) for r in relevant[:k]))
    return ndcg([1.0 if r else 0.0 for r in relevant], [1.0] * n_ideal, k)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (linear interpolation), NaN for no values."""
    return float(np.percentile(values, q)) if len(values) else float("nan")


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean, NaN for no values."""
    return float(np.mean(values)) if len(values) else float("nan")


def share(flags: Iterable[bool]) -> float:
    """Share of true flags, NaN for none (a rate over an empty group is undefined, not 0)."""
    return mean([1.0 if f else 0.0 for f in flags])
