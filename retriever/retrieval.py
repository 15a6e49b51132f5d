"""Dense (FAISS) and keyword (BM25) search over the live index version, fused and ranked (ranking.py),
filtered by document and date (doc_rows.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import catalog, doc_rows, glossary, keyword, milvus, places, store
from .dense import search as faiss_search
from .embedding import Embedder, get_embedder
from .ranking import dedupe, fuse, ground
from .settings import Settings
from .types import Passage

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
        return doc_rows.of(self.version).text(doc_id)

    def document_tokens(self, doc_id: str) -> frozenset[str]:
        """The keyword tokens of one whole document (tokenized once per version)."""
        return doc_rows.of(self.version).token_set(doc_id)

    @property
    def n_documents(self) -> int:
        """Documents in the version searched."""
        return int(self.version.manifest["n_documents"])


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
                # The documents' catalog (scope, titles) is built aside, before questions need it.
                documents = catalog.of(self._version.manifest["documents"])
                threading.Thread(target=documents.warm, name="catalog", daemon=True).start()
            return self._version


def place_spellings(version: store.Version, query: str) -> list[str]:
    """The asked places' names in the scripts of the documents about them. A name's character pairs
    in Burmese or Lao are mostly vowel signs every text in that script holds: "Ho Chi Minh City" in
    Burmese had put a Burmese document on Bagan above the English one on the city's workshop."""
    docs = version.manifest["documents"]
    found = catalog.of(docs)
    about = {d for p in places.in_question(query) for d in found.place_docs(p.name, p.country, p.kind)}
    scripts = frozenset().union(*(places.scripts_of(docs[d].get("title", "")) for d in about if d in docs))
    return places.in_other_scripts(query, scripts) if scripts else []


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
        return faiss_search(version, qv, n, mask)

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
        # Both sides read the question with English for its glossary terms (the model too: dev non-English
        # cited recall 0.92 -> 0.97 over glossing the keyword side alone; English questions are unchanged).
        words = glossary.keyword_query(query)
        qv = self.embedder.encode_query(words)
        t1 = time.perf_counter()
        mask = doc_rows.of(version).allowed(doc_ids, date_from, date_to)
        depth = max(50, 4 * k)
        dense = self._dense(version, qv, depth, mask) if mode in ("dense", "hybrid") else {}
        # Only the keyword side reads the question's places in other scripts and its policy words in the
        # language of the country asked about: an English question shares no other word with a Thai or
        # Indonesian document, and the model relates languages already.
        bridged = " ".join([words, *place_spellings(version, query), *glossary.native_terms(query)])
        bm25 = self._bm25(version, bridged, depth, mask) if mode in ("bm25", "hybrid") else {}
        t2 = time.perf_counter()
        if mode == "dense":
            fused = dense
        elif mode == "bm25":
            fused = bm25
        else:
            known = keyword.known_share(version.bm25, words)
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


def open_searcher(settings: Settings) -> Searcher:
    """A searcher over the process-wide copy of an index folder (model and index load once)."""
    key = settings.index_dir.resolve()
    with _live_lock:
        live = _live.setdefault(key, LiveIndex(key))
    return Searcher(settings, live)
