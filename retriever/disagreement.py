"""Sources that disagree: two cited documents giving different dates or figures for the same named
thing, found in the sentences of the passages an answer quotes and quoted side by side."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .dates import find_dates
from .exact import canonical
from .facts import date_role
from .places import find_places
from .sentences import split_sentences

_THINGS = frozenset([
    "ban", "levy", "charge", "tax", "fee", "decree", "ordinance", "act", "law", "regulation",
    "rule", "plan", "roadmap", "campaign", "forum", "workshop", "meeting", "session", "conference", "summit",
    "training", "target", "scheme", "programme", "program", "policy", "deposit", "consultation",
    "declaration", "strategy", "initiative", "prohibition", "recycling", "collection", "rate", "reduction",
])  # fmt: skip
_HELD = re.compile(
    r"\b(?:held|took place|takes place|will take place|convened|opened|hosted|organi[sz]ed)\b", re.I
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,9}\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][a-z][\w'’-]*)+")
_FIGURE = re.compile(
    r"(?P<cur>RM|US\$|NT\$|S\$|Rp\.?|THB|€|£|\$)?\s?(?P<num>\d+(?:[.,]\d+)*)\s*"
    r"(?P<unit>%|percent|per cent|tonnes?|tons?|kg|kilograms?|million|billion|baht|ringgit|rupiah|yen|won|"
    r"pesos?|cents?|bags|bottles|items)?(?!\w)",
    re.I,
)
_STOP = frozenset([
    "the", "a", "an", "of", "to", "in", "on", "for", "by", "and", "or", "with", "from", "per",
    "at", "as", "is", "are", "was", "were", "be", "its", "their",
])  # fmt: skip


@dataclass(frozen=True)
class Side:
    """One document's version: its id, title and date, the value it gives, and the verbatim sentence."""

    doc_id: str
    title: str
    date: str
    value: str  # the differing date or figure, as written
    sentence: str


@dataclass(frozen=True)
class Disagreement:
    """Two documents giving different dates or figures for the same thing, side by side."""

    subject: str  # the shared names and thing, e.g. "hainan · ban"
    kind: str  # "date:in_force" | "date:announced" | "date:deadline" | "date:held" | "figure:<unit>"
    sides: tuple[Side, Side]


@dataclass(frozen=True)
class _Sentence:
    doc_id: str
    title: str
    date: str
    text: str
    names: frozenset[str]
    strong: frozenset[str]  # places and numbered names: one of these shared names the same thing
    things: frozenset[str]
    dates: dict[str, list[tuple[str, str, str]]]
    figures: dict[str, list[tuple[float, str, frozenset[str]]]]


def _sentences(items: Iterable[Any]) -> list[_Sentence]:
    """The sentences of citations (their quotes) or passages (their text) that state a date or figure."""
    out = []
    for item in items:
        text = getattr(item, "quote", None) or getattr(item, "text", "")
        date = str(getattr(item, "date", "") or "")
        for a, b in split_sentences(text):
            s = text[a:b]
            dates = _date_values(s, int(date[:4]) if re.match(r"\d{4}", date) else None)
            figures = _figure_values(s)
            if not (dates or figures):
                continue
            strong = {p.name.lower() for p in find_places(s)}
            strong |= set(re.findall(r"\b[a-z]{1,12}-\d{1,3}\b", canonical(s)))
            names = set(strong)
            names |= {a.lower() for a in _ACRONYM.findall(s) if not a.isdigit()}
            names |= {m.group().lower() for m in _CAPITALISED.finditer(s)}
            words = {
                w.rstrip("s") if w.rstrip("s") in _THINGS else w for w in re.findall(r"[a-z]+", s.lower())
            }
            title = getattr(item, "title", "")
            things = frozenset(words & _THINGS)
            out.append(
                _Sentence(
                    item.doc_id, title, date, s, frozenset(names), frozenset(strong), things, dates, figures
                )
            )
    return out


# Pure in their sentence, and answers keep quoting the same passages: worth remembering.
@lru_cache(maxsize=8192)
def _date_values(s: str, year: int | None) -> dict[str, list[tuple[str, str, str]]]:
    """role -> [(start, end, as written)] of the dates a sentence states with a role."""
    mentions = find_dates(s, year)
    out: dict[str, list[tuple[str, str, str]]] = {}
    for m, nxt in zip(mentions, [*mentions[1:], None], strict=False):
        role, _ = date_role(s, m, nxt.span[0] if nxt else None)
        if not role and _HELD.search(s):
            role = "held"
        if role in ("announced", "in_force", "deadline", "held"):
            out.setdefault(f"date:{role}", []).append((m.start, m.end, s[m.span[0] : m.span[1]]))
    return out


@lru_cache(maxsize=8192)
def _figure_values(s: str) -> dict[str, list[tuple[float, str, frozenset[str]]]]:
    """unit -> [(value, as written, words around it)] of the figures with a unit or currency."""
    out: dict[str, list[tuple[float, str, frozenset[str]]]] = {}
    for m in _FIGURE.finditer(s):
        unit = (m.group("cur") or m.group("unit") or "").lower()
        unit = unit.replace("per cent", "%").replace("percent", "%")
        if not unit:
            continue
        near = re.findall(
            r"[a-z]+", (s[max(0, m.start() - 40) : m.start()] + s[m.end() : m.end() + 40]).lower()
        )
        words = frozenset(w for w in near if w not in _STOP and len(w) > 2)
        value = float(m.group("num").replace(",", ""))
        out.setdefault(f"figure:{unit.rstrip('s')}", []).append((value, m.group().strip(), words))
    return out


def _compatible(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """The two dates (or ranges) overlap when read at the coarser precision ("2020" and "2020-12-01")."""
    n = min(len(a[0]), len(b[0]))
    return not (a[1][:n] < b[0][:n] or b[1][:n] < a[0][:n])


def _side(s: _Sentence, value: str) -> Side:
    return Side(s.doc_id, s.title, s.date, value, s.text)


def disagreements(items: Iterable[Any]) -> list[Disagreement]:
    """Pairs of cited documents (Citations or Passages) whose sentences about the same named thing give
    different dates of the same role, or different figures of the same unit and measure. Conservative:
    both sentences must share a place or numbered name (or two other names: acronyms, capitalised names)
    and a thing (ban, plan, forum, ...), and no value of one may agree with a value of the other."""
    sentences = _sentences(items)
    found: dict[tuple[str, str, str], Disagreement] = {}
    for i, x in enumerate(sentences):
        for y in sentences[i + 1 :]:
            names, things = x.names & y.names, x.things & y.things
            # "Reform Commission" alone (two commissions, two plans) is too weak a subject.
            if x.doc_id == y.doc_id or not things or not (len(names) >= 2 or x.strong & y.strong):
                continue
            subject = " · ".join(sorted(names)[:3] + sorted(things)[:2])
            for kind in sorted(x.dates.keys() & y.dates.keys()):
                dx, dy = x.dates[kind], y.dates[kind]
                if not any(_compatible(a, b) for a in dx for b in dy):
                    sides = (_side(x, dx[0][2]), _side(y, dy[0][2]))
                    found.setdefault((x.doc_id, y.doc_id, kind), Disagreement(subject, kind, sides))
            for kind in sorted(x.figures.keys() & y.figures.keys()):
                fx, fy = x.figures[kind], y.figures[kind]
                # The same measure: words around the figures shared; no figure of one in the other.
                pairs = [(a, b) for a in fx for b in fy if a[2] & b[2]]
                if pairs and not any(a[0] == b[0] for a in fx for b in fy):
                    sides = (_side(x, pairs[0][0][1]), _side(y, pairs[0][1][1]))
                    found.setdefault((x.doc_id, y.doc_id, kind), Disagreement(subject, kind, sides))
    return list(found.values())
