"""Dense (FAISS) and keyword (BM25) search, fused; near-duplicates dropped; filters."""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import grounding, keyword, milvus, store
from .embedding import Embedder, get_embedder
from .settings import Settings
from .types import Passage

_WORD = re.compile(r"\w+")
# Grounding lifts, as shares of the best fused score (tuned on the dev questions).
GROUND_TITLE = 0.25
GROUND_TEXT = 0.25
_live: dict[Path, LiveIndex] = {}
_live_lock = threading.Lock()


@dataclass(frozen=True)
class SearchResult:
    """One question's ranked chunk rows, pinned to the index version they were found in.

    Everything composition reads (passages, sentence vectors, document records) comes from
    `version`, so a reindex publishing mid-question can never mix two versions' rows.
    """

    version: store.Version
    rows: tuple[int, ...]
    scores: tuple[float, ...]
    dense: dict[int, float]
    bm25: dict[int, float]
    query_vector: np.ndarray
    timings_ms: dict[str, float] = field(default_factory=dict)

    def passage(self, i: int) -> Passage:
        """The Passage of the i-th ranked row."""
        row, score = self.rows[i], self.scores[i]
        rec = self.version.records[row]
        doc = self.version.manifest["documents"][rec["doc_id"]]
        dense = self.dense.get(row)
        if dense is None:
            vector = self.version.faiss_index.reconstruct(int(rec["vid"]))
            dense = float(np.dot(vector, self.query_vector))
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
            bm25_score=self.bm25.get(row),
            sentences=tuple(tuple(s) for s in rec["sentences"]),
        )

    def passages(self) -> list[Passage]:
        """All ranked passages, best first."""
        return [self.passage(i) for i in range(len(self.rows))]

    def sentence_vectors(self, i: int) -> np.ndarray:
        """Vectors of the i-th ranked passage's sentences, one row per sentence span."""
        rec = self.version.records[self.rows[i]]
        first = rec["sent_row"]
        return self.version.sentence_vectors[first : first + len(rec["sentences"])]

    def document_text(self, doc_id: str) -> str:
        """Title, sections and text of every chunk of one document (for coverage checks)."""
        return _document_text(self.version, doc_id)

    def document_tokens(self, doc_id: str) -> frozenset[str]:
        """The keyword tokens of one whole document (tokenized once per version)."""
        return _documents(self.version).token_set(doc_id)

    @property
    def n_documents(self) -> int:
        """Documents in the version searched."""
        return int(self.version.manifest["n_documents"])


class _Documents:
    """Whole-document text and keyword tokens of one version, for the few documents answers cite.

    Bounded (least recently used out): a million-chunk index must not end up held twice in memory.
    """

    SIZE = 256

    def __init__(self, version: store.Version) -> None:
        self.version = version
        self.texts: OrderedDict[str, str] = OrderedDict()
        self.tokens: OrderedDict[str, frozenset[str]] = OrderedDict()
        self.lock = threading.RLock()  # the bot asks from several threads

    def text(self, doc_id: str) -> str:
        with self.lock:
            return self._text(doc_id)

    def _text(self, doc_id: str) -> str:
        if doc_id not in self.texts:
            version = self.version
            title = version.manifest["documents"].get(doc_id, {}).get("title", "")
            ids, column = _doc_column(version.records)
            rows = np.flatnonzero(column == ids.index(doc_id)) if doc_id in ids else []
            parts = [title] + [
                f"{version.records[int(r)]['section']}\n{version.records[int(r)]['text']}" for r in rows
            ]
            self.texts[doc_id] = "\n".join(parts)
            if len(self.texts) > self.SIZE:
                self.texts.popitem(last=False)
        self.texts.move_to_end(doc_id)
        return self.texts[doc_id]

    def token_set(self, doc_id: str) -> frozenset[str]:
        with self.lock:
            if doc_id not in self.tokens:
                self.tokens[doc_id] = frozenset(keyword.tokenize([self._text(doc_id)])[0])
                if len(self.tokens) > self.SIZE:
                    self.tokens.popitem(last=False)
            self.tokens.move_to_end(doc_id)
            return self.tokens[doc_id]


def _documents(version: store.Version) -> _Documents:
    held = _documents_of.get(id(version))
    if held is None or held.version is not version:
        # Keyed by identity and checked, so a reloaded version never reads another's texts.
        with _live_lock:
            _documents_of.clear()
            held = _documents_of[id(version)] = _Documents(version)
    return held


def _document_text(version: store.Version, doc_id: str) -> str:
    return _documents(version).text(doc_id)


_documents_of: dict[int, _Documents] = {}


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _doc_column(records: Any) -> tuple[list[str], np.ndarray]:
    """Document ids and, per chunk row, the index of its document: a column, never a row scan."""
    if hasattr(records, "doc_ids"):
        return list(records.doc_ids), np.asarray(records.doc)
    ids = list(dict.fromkeys(r["doc_id"] for r in records))
    where = {d: i for i, d in enumerate(ids)}
    return ids, np.array([where[r["doc_id"]] for r in records], dtype=np.int64)


def _allowed_rows(
    version: store.Version, doc_ids: Iterable[str] | None, date_from: str | None, date_to: str | None
) -> np.ndarray | None:
    """Boolean mask of chunk rows passing the filters, or None when nothing is filtered."""
    if doc_ids is None and date_from is None and date_to is None:
        return None
    wanted = set(doc_ids) if doc_ids is not None else None
    docs = version.manifest["documents"]
    ids, column = _doc_column(version.records)

    def passes(doc_id: str) -> bool:
        if wanted is not None and doc_id not in wanted:
            return False
        # ISO dates compare as strings; a "2025-11" month sorts between its days' bounds.
        date = str(docs.get(doc_id, {}).get("date") or "")
        if date_from and (not date or date[: len(date_from)] < date_from):
            return False
        return not (date_to and (not date or date[: len(date_to)] > date_to))

    return np.isin(column, [i for i, d in enumerate(ids) if passes(d)])


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
        if self.settings.backend == "milvus":
            return milvus.dense(self.settings, version, qv, n, mask)
        index = version.faiss_index
        total = index.ntotal
        if total == 0:
            return {}
        params = None
        if mask is not None:
            # Filters search only the allowed ids (FAISS skips the rest), instead of ranking everything.
            import faiss

            allowed = version.records.columns["vid"][np.flatnonzero(mask)]
            if not len(allowed):
                return {}
            selector = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
            hnsw = getattr(faiss.downcast_index(index.index), "hnsw", None)
            if hnsw is not None:
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(hnsw.efSearch, n))
            else:
                params = faiss.SearchParameters(sel=selector)
            n = min(n, len(allowed))
        depth = min(total, n)
        scores, ids = index.search(qv[None, :], depth, params=params)
        rows = version.row_of_id.rows(ids[0])
        return {int(r): float(s) for r, s in zip(rows, scores[0], strict=True) if r >= 0}

    def _bm25(self, version: store.Version, query: str, n: int, mask: np.ndarray | None) -> dict[int, float]:
        if self.settings.backend == "milvus":
            return milvus.keyword_hits(self.settings, version, query, n, mask)
        scores = keyword.scores(version.bm25, query, len(version.records))
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        # Only the n best are needed: a partition, then a sort of those few (1M chunks: ~5 ms, not ~80).
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n] if n else np.zeros(0, dtype=np.int64)
        top = top[np.argsort(-scores[top], kind="stable")]
        return {int(i): float(scores[i]) for i in top if scores[i] > 0}

    def search_result(
        self,
        query: str,
        *,
        k: int,
        mode: str,
        doc_ids: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> SearchResult:
        """Ranked rows for a query in one mode, all read from one pinned index version."""
        if mode not in ("dense", "bm25", "hybrid"):
            raise ValueError(f"unknown search mode {mode!r}: use dense, bm25 or hybrid")
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
            known = keyword.known_share(version.bm25, query)
            fused = fuse(dense, bm25, self.settings, keyword_trust=known)
        fused = ground(version, query, fused)
        ranked = sorted(fused, key=lambda r: -fused[r])
        rows = dedupe(version, ranked, k)
        t3 = time.perf_counter()
        return SearchResult(
            version=version,
            rows=tuple(rows),
            scores=tuple(fused[r] for r in rows),
            dense=dense,
            bm25=bm25,
            query_vector=qv,
            timings_ms={
                "embedding": (t1 - t0) * 1000,
                "search": (t2 - t1) * 1000,
                "fusion": (t3 - t2) * 1000,
            },
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
        found = self.search_result(
            query, k=k, mode=mode, doc_ids=doc_ids, date_from=date_from, date_to=date_to
        )
        return found.passages()


def fuse(
    dense: dict[int, float], bm25: dict[int, float], settings: Settings, keyword_trust: float = 1.0
) -> dict[int, float]:
    """Combine the two rankings: weighted normalised scores, or reciprocal rank fusion.

    `keyword_trust` (0-1) is the share of the query's words the keyword index knows: a Thai
    question over English documents shares only its names and numbers with them, and scaling its
    few keyword hits to [0, 1] would let them outvote the cross-lingual dense ranking.
    """
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
    wb = (1 - settings.dense_weight) * keyword_trust
    return {r: (1 - wb) * d.get(r, 0.0) + wb * b.get(r, 0.0) for r in rows}


def ground(version: store.Version, query: str, fused: dict[int, float]) -> dict[int, float]:
    """Lift passages of documents about the question's numbered names and years; sink the rest.

    "INC-3" and "9th forum" look alike to both search modes; a passage whose document title or
    text holds the exact name is about it, one that lacks it is at best about a look-alike. A year
    asked about counts at half strength, wherever its document mentions it.
    """
    focus = grounding.focus(query)
    if not (focus.exact or focus.years) or not fused:
        return fused
    docs = version.manifest["documents"]
    top = max(fused.values()) or 1.0
    out = {}
    for row, score in fused.items():
        rec = version.records[row]
        lift = 0.0
        if focus.exact:
            title = docs[rec["doc_id"]].get("title", "")
            in_title = sum(grounding.has_exact(title, t) for t in focus.exact) / len(focus.exact)
            in_text = sum(grounding.has_exact(f"{rec['section']} {rec['text']}", t) for t in focus.exact)
            share = max(in_title, in_text / len(focus.exact))
            lift += GROUND_TITLE * in_title + GROUND_TEXT * (share - 1)
        if focus.years:
            text = _document_text(version, rec["doc_id"])
            found = sum(grounding.has_exact(text, y) for y in focus.years) / len(focus.years)
            lift += 0.5 * GROUND_TEXT * (found - 1)
        out[row] = score + top * lift
    return out


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
