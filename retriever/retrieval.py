"""Dense (FAISS) and keyword (BM25) search, fused; near-duplicates dropped; filters."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import keyword, store
from .embedding import Embedder, get_embedder
from .settings import Settings
from .types import Passage

_WORD = re.compile(r"\w+")
_live: dict[Path, LiveIndex] = {}
_live_lock = threading.Lock()


@dataclass
class Hits:
    """Ranked chunk rows with their scores, plus what the answer step reuses."""

    rows: list[int]
    scores: list[float]
    dense: dict[int, float]
    bm25: dict[int, float]
    query_vector: np.ndarray
    timings_ms: dict[str, float] = field(default_factory=dict)


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _allowed_rows(
    version: store.Version, doc_ids: Iterable[str] | None, date_from: str | None, date_to: str | None
) -> np.ndarray | None:
    """Boolean mask of chunk rows passing the filters, or None when nothing is filtered."""
    if doc_ids is None and date_from is None and date_to is None:
        return None
    wanted = set(doc_ids) if doc_ids is not None else None
    docs = version.manifest["documents"]
    mask = np.zeros(len(version.records), dtype=bool)
    for i, rec in enumerate(version.records):
        doc_id = rec["doc_id"]
        if wanted is not None and doc_id not in wanted:
            continue
        # ISO dates compare as strings; a "2025-11" month sorts between its days' bounds.
        date = str(docs[doc_id].get("date") or "")
        if date_from and (not date or date[: len(date_from)] < date_from):
            continue
        if date_to and (not date or date[: len(date_to)] > date_to):
            continue
        mask[i] = True
    return mask


class LiveIndex:
    """The live version of one index folder, swapped for a newer one as soon as a build publishes it."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._version: store.Version | None = None
        self._lock = threading.Lock()

    @property
    def version(self) -> store.Version:
        """The loaded version; CURRENT is re-read on every call, which costs a few microseconds."""
        live = store.current_version(self.index_dir)
        current = self._version
        if current is not None and (live is None or live == current.name):
            return current
        with self._lock:
            if self._version is None or self._version.name != live:
                self._version = store.load_version(self.index_dir, live)
            return self._version


class Searcher:
    """Searches one index folder with one set of settings."""

    def __init__(self, settings: Settings, live: LiveIndex) -> None:
        self.settings = settings
        self.live = live
        self.embedder: Embedder = get_embedder(settings)

    @property
    def version(self) -> store.Version:
        """The live index version."""
        return self.live.version

    def _dense(
        self, version: store.Version, qv: np.ndarray, n: int, mask: np.ndarray | None
    ) -> dict[int, float]:
        total = version.faiss_index.ntotal
        if total == 0:
            return {}
        depth = total if mask is not None else min(total, n)
        scores, ids = version.faiss_index.search(qv[None, :], depth)
        hits: dict[int, float] = {}
        for score, vid in zip(scores[0], ids[0], strict=True):
            row = version.row_of_id.get(int(vid))
            if row is not None and (mask is None or mask[row]):
                hits[row] = float(score)
                if len(hits) >= n:
                    break
        return hits

    def _bm25(self, version: store.Version, query: str, n: int, mask: np.ndarray | None) -> dict[int, float]:
        scores = keyword.scores(version.bm25, query, len(version.records))
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        top = np.argsort(-scores, kind="stable")[:n]
        return {int(i): float(scores[i]) for i in top if scores[i] > 0}

    def hits(
        self,
        query: str,
        *,
        k: int,
        mode: str,
        doc_ids: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> Hits:
        """Ranked rows for a query in one mode; the step the answer composer builds on."""
        version = self.version
        t0 = time.perf_counter()
        qv = self.embedder.encode_query(query)
        t1 = time.perf_counter()
        mask = _allowed_rows(version, doc_ids, date_from, date_to)
        depth = max(50, 4 * k)
        dense = self._dense(version, qv, depth, mask) if mode in ("dense", "hybrid") else {}
        bm25 = self._bm25(version, query, depth, mask) if mode in ("bm25", "hybrid") else {}
        t2 = time.perf_counter()
        if mode == "dense":
            fused = dense
        elif mode == "bm25":
            fused = bm25
        else:
            fused = fuse(dense, bm25, self.settings)
        ranked = sorted(fused, key=lambda r: -fused[r])
        rows = dedupe(version, ranked, k)
        t3 = time.perf_counter()
        return Hits(
            rows=rows,
            scores=[fused[r] for r in rows],
            dense=dense,
            bm25=bm25,
            query_vector=qv,
            timings_ms={
                "embedding": (t1 - t0) * 1000,
                "search": (t2 - t1) * 1000,
                "fusion": (t3 - t2) * 1000,
            },
        )

    def passage(self, row: int, score: float, hits: Hits | None = None) -> Passage:
        """The Passage for one chunk row."""
        version = self.version
        rec = version.records[row]
        doc = version.manifest["documents"][rec["doc_id"]]
        dense = hits.dense.get(row) if hits else None
        if dense is None and hits is not None:
            vector = version.faiss_index.reconstruct(int(rec["vid"]))
            dense = float(np.dot(vector, hits.query_vector))
        return Passage(
            id=rec["id"],
            doc_id=rec["doc_id"],
            text=rec["text"],
            title=doc.get("title", ""),
            section=rec["section"],
            page=rec["page"],
            date=doc.get("date", ""),
            source=doc.get("source", ""),
            publisher=doc.get("publisher", ""),
            start=rec["start"],
            end=rec["end"],
            score=score,
            dense_score=dense,
            bm25_score=hits.bm25.get(row) if hits else None,
            sentences=tuple(tuple(s) for s in rec["sentences"]),
        )

    def search(
        self,
        query: str,
        *,
        k: int = 10,
        mode: str = "hybrid",
        doc_ids: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[Passage]:
        """Top-k passages for a query."""
        if mode not in ("dense", "bm25", "hybrid"):
            raise ValueError(f"unknown search mode {mode!r}: use dense, bm25 or hybrid")
        found = self.hits(query, k=k, mode=mode, doc_ids=doc_ids, date_from=date_from, date_to=date_to)
        return [self.passage(r, s, found) for r, s in zip(found.rows, found.scores, strict=True)]


def fuse(dense: dict[int, float], bm25: dict[int, float], settings: Settings) -> dict[int, float]:
    """Combine the two rankings: weighted normalised scores, or reciprocal rank fusion."""
    rows = set(dense) | set(bm25)
    if settings.fusion == "rrf":
        fused = dict.fromkeys(rows, 0.0)
        for ranking in (dense, bm25):
            for rank, row in enumerate(sorted(ranking, key=lambda r: -ranking[r])):
                fused[row] += 1.0 / (settings.rrf_k + rank + 1)
        return fused

    # Cosines live in a narrow band and BM25 is unbounded: scale each list to [0, 1] first.
    def scaled(scores: dict[int, float]) -> dict[int, float]:
        if not scores:
            return {}
        low, high = min(scores.values()), max(scores.values())
        span = (high - low) or 1.0
        return {r: (s - low) / span for r, s in scores.items()}

    d, b = scaled(dense), scaled(bm25)
    w = settings.dense_weight
    return {r: w * d.get(r, 0.0) + (1 - w) * b.get(r, 0.0) for r in rows}


def dedupe(version: store.Version, ranked: list[int], k: int, threshold: float = 0.8) -> list[int]:
    """The first k rows, skipping any whose words mostly repeat a better-ranked passage."""
    kept: list[int] = []
    kept_words: list[set[str]] = []
    for row in ranked:
        words = _words(version.records[row]["text"])
        if any(len(words & other) / (len(words | other) or 1) >= threshold for other in kept_words):
            continue
        kept.append(row)
        kept_words.append(words)
        if len(kept) >= k:
            break
    return kept


def open_searcher(settings: Settings) -> Searcher:
    """A searcher over the process-wide copy of an index folder (model and index load once)."""
    key = settings.index_dir.resolve()
    with _live_lock:
        live = _live.setdefault(key, LiveIndex(key))
    return Searcher(settings, live)
