"""Places named in text: countries (with demonyms and local spellings), cities and provinces, regions.

ASEAN, East Asia and South Asia first; a few cities elsewhere where plastics meetings are held. The
names, in the officials' languages and scripts, are in place_names.py; the provinces, states and
districts it lacks come from ISO 3166-2 (subdivisions.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache

from .place_names import AS_WRITTEN, CITIES, COUNTRIES, GUARDS, REGIONS
from .subdivisions import subdivisions

__all__ = [
    "CITIES",
    "COUNTRIES",
    "REGIONS",
    "Place",
    "country_of",
    "find_places",
    "from_iso",
    "in_other_scripts",
]


@dataclass(frozen=True)
class Place:
    """One place named in a text: canonical `name`, its `country` ('' for a region), kind and where."""

    name: str
    country: str
    kind: str  # "country" | "city" | "region"
    span: tuple[int, int]


def _alternatives(canonical: str, others: str) -> list[str]:
    return [canonical, *filter(None, others.split("|"))]


_SCRIPTS = [  # (script, first letter, last letter)
    ("thai", "\u0e00", "\u0e7f"),
    ("lao", "\u0e80", "\u0eff"),
    ("burmese", "\u1000", "\u109f"),
    ("khmer", "\u1780", "\u17ff"),
    ("hangul", "\uac00", "\ud7af"),
    ("hangul", "\u1100", "\u11ff"),
    ("hangul", "\u3130", "\u318f"),
    ("han", "\u3040", "\u30ff"),  # and kana
    ("han", "\u3400", "\u4dbf"),
    ("han", "\u4e00", "\u9fff"),
    ("han", "\uf900", "\ufaff"),
]
# Letters of scripts written without spaces between words (Thai, Lao, Burmese, Khmer, kana, Han) and of
# Hangul, whose particles join the name before them ("서울시의", "부산에서"). A Latin name next to them is
# still a whole word ("在Bangkok举行").
_ASIAN = "".join(f"{lo}-{hi}" for _, lo, hi in _SCRIPTS)
# (before, after) a name in each script. A name in a script without spaces may sit inside a longer run
# of letters, but must not split a syllable: a Thai or Lao consonant after a vowel written before it or
# before a vowel, tone mark or silenced letter that follows it ("เวลาว่าง" and "จีนส์" hold no place); a
# Khmer or Burmese consonant stacked under another, or before a vowel sign. Korean starts a word.
_EDGES = {
    "thai": (r"(?<![\u0e40-\u0e44])", r"(?![\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]|[\u0e01-\u0e2e]\u0e4c)"),
    "lao": (r"(?<![\u0ec0-\u0ec4])", r"(?![\u0eb0-\u0ebc\u0ec8-\u0ecd])"),
    "burmese": (r"(?<!\u1039)", r"(?![\u102b-\u103e])"),
    "khmer": (r"(?<!\u17d2)", r"(?![\u17b6-\u17d3\u17dd])"),
    "hangul": (r"(?<![\w-])", ""),
    "han": ("", ""),
}


def _script(name: str) -> str:
    return next((script for script, lo, hi in _SCRIPTS if lo <= name[0] <= hi), "latin")


def _fragment(name: str) -> str:
    """`name` with its guards, looked behind once matched: alternatives starting with a letter are
    skipped fast where that letter is not."""
    escaped = re.escape(name)
    before, after = GUARDS.get(name, ("", ""))
    lookbehinds = "".join(f"(?<!{b}{escaped})" for b in before.split("|") if b)
    return escaped + lookbehinds + (f"(?!{after})" if after else "")


def _pattern(names: list[str], any_case: frozenset[str], ocean: str) -> re.Pattern[str]:
    """One regex over `names`, longest first, those in `any_case` in any case, each with its script's
    edges and its guards."""
    # Whole words; "Indian Ocean" and "Korean won" are no places.
    latin = (rf"(?<!(?![{_ASIAN}])[\w-])", rf"(?!(?![{_ASIAN}])\w|-\w|\s+{ocean}\b)")
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for name in sorted(names, key=len, reverse=True):
        folded, written = groups.setdefault(_script(name), ([], []))
        (folded if name in any_case and name.lower() != name.upper() else written).append(_fragment(name))
    parts = []
    for script, (folded, written) in groups.items():
        before, after = _EDGES.get(script, latin)
        letters = "".join(f"{lo}-{hi}" for s, lo, hi in _SCRIPTS if s == script)
        first = f"(?=[{letters}])" if letters else ""  # skips the other scripts' positions fast
        alternatives = ([f"(?i:{'|'.join(folded)})"] if folded else []) + written
        parts.append(f"{first}{before}(?:{'|'.join(alternatives)}){after}")
    return re.compile("|".join(parts))


@cache
def _names() -> tuple[dict[str, tuple[str, str, str]], frozenset[str]]:
    """name -> (canonical, country, kind) of every place, and the names taken from ISO 3166-2."""
    names: dict[str, tuple[str, str, str]] = {}
    for region, others in REGIONS.items():
        for name in _alternatives(region, others):
            names[name] = (region, "", "region")
    for country, others in COUNTRIES.items():
        for name in _alternatives(country, others):
            names[name] = (country, country, "country")
    for city, (country, others) in CITIES.items():
        for name in _alternatives(city, others):
            names[name] = (city, country, "city")
    # Provinces, states and districts the list above lacks, as ISO 3166-2 names them.
    pairs = tuple((name, canonical) for name, (canonical, _, kind) in names.items() if kind == "country")
    iso: set[str] = set()
    for area, (country, others) in subdivisions(pairs).items():
        spellings = _alternatives(area, others)
        if not any(name in names for name in spellings):
            names |= {name: (area, country, "city") for name in spellings}
            iso.update(spellings)
    return names, frozenset(iso)


@cache
def _table() -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]]:
    """One regex over every name and name -> (canonical, country, kind)."""
    names = _names()[0]
    return _pattern(list(names), frozenset(), "Ocean"), names


@lru_cache(maxsize=256)
def naming(names: frozenset[str], countries: frozenset[str] = frozenset()) -> re.Pattern[str] | None:
    """A pattern of every spelling of these places, and of any place in these countries (None: no such
    place). Far cheaper per passage than `find_places` when only some places matter."""
    wanted = [
        name
        for name, (canonical, country, kind) in _names()[0].items()
        if kind != "region" and (canonical in names or canonical in countries or country in countries)
    ]
    return _pattern(wanted, frozenset(), "Ocean") if wanted else None


@cache
def _folded() -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]]:
    """The same over names in any case, but acronyms ("KL", "PRC"), which lower-cased are words, and
    a few names that are words in another language ("hapon", "thai"), only as written."""
    _, names = _table()
    written = {n for n in names if (n.isupper() and n.isascii()) or n in AS_WRITTEN}
    # A short ISO name typed in lower case is as often a word ("trang", a page in Vietnamese; "how long an
    # event lasts" is no Long An province).
    written |= {n for n in _names()[1] if len(n) < (8 if " " in n else 6)}
    # Short Latin names in any case are words ("us"); in other scripts they are names.
    folded = {n for n in names if n not in written and not n.isupper() and (len(n) >= 3 or not n.isascii())}
    lookup = {n.casefold(): names[n] for n in folded} | {n: names[n] for n in written}
    return _pattern([*written, *folded], frozenset(folded), "(?i:ocean)"), lookup


def find_places(text: str, *, any_case: bool = False) -> list[Place]:
    """Every country, city or region named in `text`, in order. `any_case` reads a question typed
    in lower case ("how much waste did korea generate?"); documents are read as written."""
    pattern, names = _folded() if any_case else _table()
    found = []
    for m in pattern.finditer(text):
        name = m.group()
        canonical, country, kind = names[name] if name in names else names[name.casefold()]
        found.append(Place(canonical, country, kind, m.span()))
    return found


@cache
def _spellings() -> dict[str, tuple[str, ...]]:
    """Canonical name -> its names in scripts other than Latin."""
    _, names = _table()
    out: dict[str, list[str]] = {}
    for name, (canonical, _, _) in names.items():
        if _script(name) != "latin":
            out.setdefault(canonical, []).append(name)
    return {canonical: tuple(found) for canonical, found in out.items()}


@lru_cache(maxsize=1024)
def in_question(question: str) -> tuple[Place, ...]:
    """`find_places(question, any_case=True)`, read once per question however many readers ask."""
    return tuple(find_places(question, any_case=True))


def in_other_scripts(text: str, scripts: Collection[str] | None = None) -> list[str]:
    """The names, in scripts other than Latin (or only in `scripts`), of the places `text` names:
    "Chiang Mai" is "เชียงใหม่" in a Thai document, which shares no other word with an English question."""
    found = dict.fromkeys(p.name for p in in_question(text))
    names = [n for canonical in found for n in _spellings().get(canonical, ()) if n not in text]
    return names if scripts is None else [n for n in names if _script(n) in scripts]


def scripts_of(text: str) -> frozenset[str]:
    """The scripts other than Latin that a text's letters are written in ("thai", "han", ...)."""
    return frozenset(_script(c) for c in text if c.isalpha() and not c.isascii()) - {"latin"}


def named_in(text: str) -> list[str]:
    """The places a text names, as written and by their English names."""
    found = find_places(text, any_case=True)
    return [text[slice(*p.span)] for p in found] + [p.name for p in found]


def from_iso(name: str) -> bool:
    """Whether a place's name came from ISO 3166-2 (a province, state or district), not the hand-made list."""
    return name in _names()[1]


def country_of(name: str) -> str:
    """The canonical country of a country, city or demonym name, or '' if unknown."""
    places = find_places(name.strip())
    return places[0].country if places else ""
