"""What a document is about beyond its words: where, what kind, when announced / in force / due, what
it replaces. Front matter wins over the text; the text is read with cheap, language-light cues."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, fields
from typing import Any

from . import texts
from .dates import DateMention, find_dates, parse_iso
from .places import REGIONS, Place, find_places, from_iso
from .sentences import split_sentences
from .types import Document

KINDS = ("regulation", "roadmap", "campaign", "event", "news")
# Words naming each kind, in a front matter value, a title or an opening; the first kind matching wins
# a tie, so a "ban announced at a forum" is a regulation before it is an event.
_KIND_CUES: dict[str, str] = {
    "regulation": r"laws?|acts?|regulations?|regulatory|bans?|banned|banning|bans|prohibit\w*|ordinances?|"
    r"decrees?|sub-decrees?|directives?|provisions|levy|levies|charges?|tax|taxes|excise|mandatory|rules|"
    r"EPR|in force|perwali|undang-undang|peraturan|loi|décret|ley|decreto",
    "roadmap": r"roadmaps?|action plans?|plans?|planning|strategy|strategies|masterplan|blueprint|targets?|"
    r"declaration|rencana|feuille de route",
    "campaign": r"campaigns?|initiatives?|movement|kempen|kampanye|campagne|campaña",
    "event": r"events?|forums?|workshops?|seminars?|conferences?|summits?|meetings?|sessions?|training|"
    r"symposium|webinars?|exchange program(?:me)?|hearing|roundtable|negotiations?|launch|"
    r"lokakarya|seminar|atelier|taller",
    "news": r"news|report|update|press release",
}
_KIND_RE = {k: re.compile(rf"(?<![\w-])(?:{v})(?![\w-])", re.I) for k, v in _KIND_CUES.items()}

_ANNOUNCED = re.compile(
    r"\b(?:announc(?:e|es|ed|ing|ement)|issued|issuing|adopt(?:s|ed|ing|ion)|pass(?:es|ed)|approv(?:es|ed|al)|"
    r"launch(?:es|ed|ing)?|released?|notifi(?:ed|cation)|published|enact(?:s|ed|ment)|signed|endorsed|"
    r"declared|introduced|unveiled|promulgated|gazetted|agreed|decided|diumumkan|ditetapkan|adopté)\b",
    re.I,
)
_IN_FORCE = re.compile(
    r"\b(?:in force|into force|takes? effect|took effect|taking effect|(?:becomes?|became) effective|"
    r"enforc(?:e|es|ed|ing|ement)|(?:has |have )?appl(?:y|ies|ied) (?:from|since)|mandatory from|"
    r"comes? into|commenc\w*|start(?:s|ed|ing)?|begins?|began|berlaku|entrée en vigueur)\b",
    re.I,
)
_DEADLINE = re.compile(
    r"\b(?:deadline|due date|no later than|target year|phase[ds]?[- ]out|clos(?:es|ed|ing) on)\b", re.I
)
_REPORTED = re.compile(r"\b(?:reported|report of|dated|press release|story|article|datelined)\b", re.I)
# A preposition right before a date says what the date is ("from 1 July 2020", "by 2025").
_LEAD = (
    r"\b({})\s+(?:(?:early|mid|late|the end of|end of|the beginning of|the start of|around|about)\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:on\s+)?$"
)
_LEAD_FORCE = re.compile(_LEAD.format(r"from|since|starting|as of|effective|sejak|mulai|depuis|desde"), re.I)
_LEAD_DEADLINE = re.compile(_LEAD.format(r"by|before|until|till|no later than|paling lambat|avant"), re.I)
# "On 1 November 2019, a panel approved ...": a date opening its clause takes the verb after it.
_OPENING = re.compile(r"^\W*(?:(?:on|in|at)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$", re.I)
_CLAUSE = re.compile(r"[;:,]\s|\s[–—]\s|\(")
_LABEL = re.compile(r"^\W*(?:when|date|dates|status)\s*:", re.I)

_SUPERSEDES = [
    re.compile(
        r"\b(?:replaces|supersedes|repeals|replacing|superseding|repealing|in place of|revokes|revoking)\s+"
        r"(?P<name>(?:the\s+)?[A-Z“\"'‘][^.;:()]{2,150}?)(?=\s*[.;:,(]|\s+(?:and|which|that|as|with)\s|$)"
    ),
    re.compile(
        r"(?P<name>[A-Z“\"'‘][^.;:]{2,150}?)\s+(?:is|was|has been|will be|are|were|have been)\s+"
        r"(?:hereby\s+)?(?:replaced|superseded|repealed|revoked)\s+by\s+(?:this|the present|these|the new)\b"
    ),
]


@dataclass(frozen=True)
class DocFacts:
    """Where a document applies, what kind it is, its dates (ISO, as precise as known) and what it
    replaces. `city` is the most specific place below the country: a city, province or state."""

    country: str = ""
    city: str = ""
    region: str = ""
    countries: tuple[str, ...] = ()  # every country the document is about, its own first
    kind: str = ""
    announced: str = ""
    in_force: str = ""
    deadline: str = ""
    supersedes: str = ""
    from_front_matter: tuple[str, ...] = ()  # fields taken from front matter rather than the text

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: tuples as lists."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocFacts:
        """The inverse of to_dict (unknown keys are ignored, so older manifests still load)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names})

    def label(self, lang: str = texts.DEFAULT) -> str:
        """One short line for citations and /docs: "Malaysia, Kuala Lumpur · event · in force 2020-12"."""
        where = ", ".join(filter(None, (self.country or self.region, self.city)))
        kind = texts.t(f"fact_{self.kind}", lang) if self.kind in KINDS else self.kind
        named = (("announced", self.announced), ("in_force", self.in_force), ("deadline", self.deadline))
        dates = [texts.t(f"fact_{name}", lang, date=value) for name, value in named if value]
        replaces = texts.t("fact_replaces", lang, name=self.supersedes) if self.supersedes else ""
        return " · ".join(filter(None, (where, kind, *dates, replaces)))


def document_facts(doc: Document) -> DocFacts:
    """Facts of one document: front matter values where given, else what its text says (no dates
    from the text of a digest whose title names several places)."""
    meta = {k.lower().replace("-", "_"): v for k, v in doc.meta.items()}
    given: list[str] = []
    where = _where(doc, meta, given)
    kind = _kind_from(meta.get("kind", ""))
    if kind:
        given.append("kind")
    else:
        kind = _kind_from(meta.get("topic", "")) or _kind_from_text(doc)
    year = int(doc.date[:4]) if re.match(r"\d{4}", doc.date) else None
    # A digest of several places' measures has no dates of its own: each date in it is one place's.
    none = {"announced": "", "in_force": "", "deadline": ""}
    dates = none if _names_several_places(doc.title) else _dates_from_text(doc.text, kind, year)
    for name in ("announced", "in_force", "deadline"):
        value = _front_date(meta, name)
        if value:
            dates[name] = value
            given.append(name)
    supersedes = meta.get("supersedes") or meta.get("replaces") or ""
    if supersedes:
        given.append("supersedes")
    else:
        supersedes = _supersedes_from_text(doc.text)
    return DocFacts(**where, kind=kind, **dates, supersedes=supersedes, from_front_matter=tuple(given))


def _front_date(meta: dict[str, str], name: str) -> str:
    aliases = {
        "announced": ("announced", "adopted", "issued"),
        "in_force": ("in_force", "effective"),
        "deadline": ("deadline", "due"),
    }[name]
    for key in aliases:
        try:
            return parse_iso(str(meta.get(key, "")))
        except ValueError:
            continue
    return ""


def _kind_from(value: str) -> str:
    """The kind named by a front matter value, or '' when it names none."""
    hits = [k for k in KINDS if _KIND_RE[k].search(value)]
    return hits[0] if hits else ""


def _kind_from_text(doc: Document) -> str:
    """The kind whose cue words weigh most in the title (x3) and the opening sentences; else news."""
    body = " ".join(doc.text[a:b] for a, b in split_sentences(doc.text)[1:4])
    score = Counter[str]()
    for kind in KINDS:
        score[kind] = 3 * len(_KIND_RE[kind].findall(doc.title)) + len(_KIND_RE[kind].findall(body))
    best = max(KINDS, key=lambda k: score[k])  # max keeps the first of equals: KINDS is the tie order
    return best if score[best] else "news"


def _where(doc: Document, meta: dict[str, str], given: list[str]) -> dict[str, Any]:
    """country, city, region, countries: front matter first, then the title, then the whole text."""
    country, city, region = meta.get("country", ""), meta.get("city", ""), meta.get("region", "")
    jurisdiction = meta.get("jurisdiction", "")
    if jurisdiction:
        places = find_places(jurisdiction)
        country = country or next((p.country for p in places if p.kind != "region"), "")
        city = city or next((p.name for p in places if p.kind == "city"), "")
        region = region or next((p.name for p in places if p.kind == "region"), "")
        parts = [p.strip() for p in jurisdiction.split(",")]
        if country and not city and len(parts) > 1 and not find_places(parts[0]):
            city = parts[0]  # "Kamikatsu-cho, Japan": a place too small for the gazetteer
        if not (country or region):
            region = jurisdiction
    given += [k for k, v in (("country", country), ("city", city), ("region", region)) if v]
    title = find_places(doc.title)
    text = find_places(doc.text)
    if not region:
        region = next((p.name for p in title if p.kind == "region" and p.name in REGIONS), "")
    title_countries = list(dict.fromkeys(p.country for p in title if p.country))
    if not country and len(title_countries) == 1:
        country = title_countries[0]
    elif not country and not title_countries:
        country = _dominant(text)
    if country and not city:
        cities = _most_specific(
            list(dict.fromkeys(p.name for p in title if p.kind == "city" and p.country == country))
        )
        city = cities[0] if len(cities) == 1 else ""
    counts = Counter(p.country for p in text if p.country)
    others = [
        c
        for c in [*title_countries, *sorted(counts, key=lambda c: -counts[c])]
        if c != country and (c in title_countries or counts[c] >= 2)
    ]
    countries = tuple(dict.fromkeys([country, *others] if country else others))
    return {"country": country, "city": city, "region": region, "countries": countries}


def _names_several_places(title: str) -> bool:
    """Whether `title` names two or more cities or countries; a country and its own city are one."""
    places = [p for p in find_places(title) if p.country]  # regions have no country and are no place
    cities = _most_specific(list({p.name for p in places if p.kind == "city"}))
    return len(cities) > 1 or len({p.country for p in places}) > 1


def _most_specific(cities: list[str]) -> list[str]:
    """The cities of a list, without the ISO provinces beside them: "Ha Long Bay, Quang Ninh" is set in
    Ha Long, not in two places."""
    return [c for c in cities if not from_iso(c)] or cities


def _dominant(places: list[Place]) -> str:
    """The country named most often, if at least twice and twice as often as any other."""
    counts = Counter(p.country for p in places if p.country).most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[0][1] < 2 * counts[1][1]):
        return ""
    return counts[0][0]


def date_role(text: str, mention: DateMention, until: int | None = None) -> tuple[str, int]:
    """What a date in the sentence `text` is, from the words before it in its clause, or for a date
    opening its clause the first cue after it (up to `until`): ("announced" | "in_force" | "deadline"
    | "reported" | "", strength 0-2)."""
    a, b = mention.span
    if text[a - 1 : a] == "(" and text[b : b + 1] == ")":
        return "", 0  # "(2018)": a time tag on a title, not a statement
    clause = max((m.end() for m in _CLAUSE.finditer(text, 0, a)), default=0)
    before = text[clause:a]
    if _LEAD_FORCE.search(before):
        return "in_force", 2
    if _LEAD_DEADLINE.search(before):
        return "deadline", 2
    cues = _cues(before)
    if cues:
        return max(cues)[1], 2
    if _OPENING.match(before):
        cues = _cues(text[b:until])
        if cues:
            return min(cues)[1], 1
    return "", 0


def _cues(text: str) -> list[tuple[int, str]]:
    """(position, role) of every cue word in `text`."""
    return [
        (m.end(), role)
        for role, rx in (
            ("announced", _ANNOUNCED),
            ("in_force", _IN_FORCE),
            ("deadline", _DEADLINE),
            ("reported", _REPORTED),
        )
        for m in rx.finditer(text)
    ]


def _dates_from_text(text: str, kind: str, year: int | None) -> dict[str, str]:
    """announced, in_force and deadline: for each, the date best placed (a When: line or the opening
    paragraph), best cued, most precise and earliest. Events get none: their dates are the event's."""
    found: dict[str, list[tuple[tuple[int, int, int, int], str]]] = {}
    if kind == "event":
        return {"announced": "", "in_force": "", "deadline": ""}
    opening = next((m.start() for m in re.finditer(r"\n\s*\n", text) if text[: m.start()].count(".")), 0)
    for a, b in split_sentences(text):
        sentence = text[a:b]
        placed = 1 if _LABEL.match(sentence) or a < opening else 0
        mentions = find_dates(sentence, year)
        for mention, following in zip(mentions, [*mentions[1:], None], strict=False):
            role, strength = date_role(sentence, mention, following.span[0] if following else None)
            if role == "reported" or (placed and not role and _LABEL.match(sentence)):
                role, strength = "announced", 0  # a report's date: the announcement at the latest
            if role in ("announced", "in_force", "deadline"):
                value = mention.end if role == "deadline" else mention.start
                rank = (placed, strength, mention.precision, -(a + mention.span[0]))
                found.setdefault(role, []).append((rank, value))
    best = {role: max(found.get(role, [((0, 0, 0, 0), "")]))[1] for role in ("announced", "in_force")}
    announced = best["announced"]
    # The document's measure cannot be in force before it was announced; such a date is history.
    later = [c for c in found.get("in_force", []) if not announced or c[1] >= announced[: len(c[1])]]
    in_force = max(later)[1] if later else ""
    deadline = max(found.get("deadline", [((0, 0, 0, 0), "")]))[1]
    return {"announced": announced, "in_force": in_force, "deadline": deadline}


def _supersedes_from_text(text: str) -> str:
    """The name of a document the text says this one replaces, or ''."""
    for pattern in _SUPERSEDES:
        m = pattern.search(text)
        if m:
            return m.group("name").strip(" \"“”'‘’").removeprefix("the ")
    return ""
