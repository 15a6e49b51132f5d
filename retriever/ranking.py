"""What happens to the two search modes' hits before a question sees them: fusion, grounding on the
exact names and years asked about, and near-duplicates dropped."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

from . import catalog, doc_rows, exact, grounding, places, scope, store
from .settings import Settings

_WORD = re.compile(r"\w+")
# Grounding lifts, as shares of the best fused score (tuned on the dev questions).
GROUND_TITLE = 0.25
GROUND_TEXT = 0.25
# A passage of a page that only mentions the country asked about, not speaking of it, sinks by this share.
GROUND_PLACE = 0.125
PLACE_READ = 30  # passages of other documents read for the place asked, best first
# A proper name the question gives that only a few documents' titles hold ("Port Dickson", a town the
# place list lacks) says which documents it is about, as a numbered name does; a name many titles
# hold does not, nor an acronym ("EPR", "NPAP"), which names a topic more often than a place.
GROUND_NAME = 0.125
NAME_TITLES = 3


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
    fused = _ground_place(version, query, fused)
    focus = grounding.focus(query)
    fused = _ground_name(version, query, focus, fused)
    if not (focus.exact or focus.years) or not fused:
        return fused
    titled = [catalog.of(version.manifest["documents"]).titled(t) for t in focus.exact]
    rows, records = doc_rows.of(version), version.records
    top = max(fused.values()) or 1.0
    out = {}
    for row, score in fused.items():
        doc_id = records.field("doc_id", row)  # the fields read, not the whole record
        lift = 0.0
        if focus.exact:
            in_title = sum(doc_id in docs for docs in titled) / len(focus.exact)
            passage = f"{records.field('section', row)} {records.field('text', row)}"
            in_text = sum(exact.has_exact(passage, t) for t in focus.exact)
            share = max(in_title, in_text / len(focus.exact))
            lift += GROUND_TITLE * in_title + GROUND_TEXT * (share - 1)
        if focus.years:
            text = rows.text(doc_id)
            found = sum(exact.has_exact(text, y) for y in focus.years) / len(focus.years)
            lift += 0.5 * GROUND_TEXT * (found - 1)
        out[row] = score + top * lift
    return out


def _ground_place(version: store.Version, query: str, fused: dict[int, float]) -> dict[int, float]:
    """Sink passages of documents that are not about the place asked and do not speak of it.

    A filter to Japan keeps a regional page that names Japan once; its passage of Korean interface
    labels must not outrank Japan's own fact sheet for a Korean question on Japan's bag charge. A
    document set in the place asked (or, for a city, of its country as a whole) is about it in every
    passage; another one counts only where its passage names the place (or a city of the country).
    """
    asked = scope.question_places(grounding.without_contrast(query))
    if not asked or not fused:
        return fused
    docs = catalog.of(version.manifest["documents"])
    about = frozenset().union(*(docs.own_docs(*place) for place in asked))
    if not about:  # a place the collection has no document about is no filter, nor any grounding
        return fused
    cities = frozenset(name for name, _, kind in asked if kind == "city")
    naming = places.naming(cities, frozenset(name for name, _, kind in asked if kind == "country"))
    records, top = version.records, max(fused.values()) or 1.0
    out = dict(fused)
    # Only the best-ranked passages of other documents are read: those far below cannot reach the top.
    ranked = sorted(fused, key=lambda r: -fused[r])
    others = [row for row in ranked if records.field("doc_id", row) not in about]
    for row in others[:PLACE_READ]:
        if naming is None or not _names(version, row, naming):
            out[row] -= top * GROUND_PLACE
    return out


def _ground_name(
    version: store.Version, query: str, focus: grounding.Focus, fused: dict[int, float]
) -> dict[int, float]:
    """Lift passages of the few documents whose titles hold a proper name the question gives."""
    names = [n for n in focus.names if _proper(query, n) and not grounding.place_named(n)]
    if not names or not fused:
        return fused
    docs = catalog.of(version.manifest["documents"])
    titled = [d for d in map(docs.title_named, names) if 0 < len(d) <= NAME_TITLES]
    if not titled:
        return fused
    records, top = version.records, max(fused.values()) or 1.0
    out = {}
    for row, score in fused.items():
        doc_id = records.field("doc_id", row)
        out[row] = score + top * GROUND_NAME * sum(doc_id in d for d in titled) / len(titled)
    return out


def _proper(query: str, name: str) -> bool:
    """Whether a name is written in the question as a proper name ("Port Dickson"), not an acronym."""
    found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", query, re.IGNORECASE)
    return found is not None and not found.group().isupper()


_NAMED: OrderedDict[tuple[str, int, str], bool] = OrderedDict()  # the same passages come back often
_NAMED_KEPT = 50_000
_NAMED_LOCK = threading.Lock()


def _names(version: store.Version, row: int, naming: re.Pattern[str]) -> bool:
    """Whether a passage (section or text) names a place of the pattern, read once per version."""
    key = (version.name, row, naming.pattern)
    with _NAMED_LOCK:  # questions are answered on several threads
        if key in _NAMED:
            _NAMED.move_to_end(key)
            return _NAMED[key]
    records = version.records
    found = naming.search(f"{records.field('section', row)} {records.field('text', row)}") is not None
    with _NAMED_LOCK:
        _NAMED[key] = found
        if len(_NAMED) > _NAMED_KEPT:
            _NAMED.popitem(last=False)
    return found


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def dedupe(version: store.Version, ranked: list[int], k: int, threshold: float = 0.8) -> list[int]:
    """The first k rows, skipping any whose words mostly repeat a better-ranked passage."""
    kept: list[int] = []
    kept_words: list[set[str]] = []
    for row in ranked:
        words = _words(version.records.field("text", row))
        if any(len(words & other) / (len(words | other) or 1) >= threshold for other in kept_words):
            continue
        kept.append(row)
        kept_words.append(words)
        if len(kept) >= k:
            break
    return kept
