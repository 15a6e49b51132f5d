"""Provinces, states and districts from ISO 3166-2 (pycountry), for the countries place_names.py knows.

The hand-made list in place_names.py holds cities and the provinces plastics news names most, in the
officials' scripts; a question on Punjab's, Zhejiang's or Chiang Rai's rules names a place it lacks, and
then no filter holds the answer to that place's documents. These names are Latin only, as ISO writes
them (with and without accents, Chinese and Korean administrative suffixes dropped). A name the hand-made
list already knows keeps its entry there.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# "Guangdong Sheng", "Ningxia Huizu Zizhiqu", "Gyeonggi-do", "Busan-gwangyeoksi": the name is the first part.
_SUFFIX = re.compile(
    r"\s+(?:(?:Huizu|Zhuangzu|Uygur)\s+)?(?:Sheng|Shi|Zizhiqu)$"
    r"|-(?:do|si|gwangyeoksi|teukbyeolsi|teukbyeoljachisi|teukbyeoljachido)$"
)
# Names that are English words or say only a direction: "Central" (Fiji), "Antique" (the Philippines).
_WORDS = frozenset(
    {"central", "eastern", "western", "northern", "southern", "capital", "antique", "aurora", "victoria"}
)
# Where plastics policy is asked about here: Asia and the Pacific (place_names.py also knows a few
# countries elsewhere where meetings are held; their counties and departments would only add noise).
COVERED = frozenset(
    {
        "Brunei Darussalam", "Cambodia", "Indonesia", "Lao PDR", "Malaysia", "Myanmar", "Philippines",
        "Singapore", "Thailand", "Viet Nam", "Timor-Leste", "China", "Japan", "Republic of Korea", "Mongolia",
        "Taiwan", "India", "Bangladesh", "Pakistan", "Sri Lanka", "Nepal", "Bhutan", "Maldives", "Australia",
        "New Zealand", "Fiji", "Vanuatu", "Samoa", "Tonga", "Papua New Guinea", "Solomon Islands", "Palau",
    }
)  # fmt: skip
_DIRECTIONS = frozenset({"north", "south", "east", "west", "central", "centre", "center", "province"})
MIN_LETTERS = 5  # shorter names ("Goa", "Nan", "Tak", "Mon") are pieces or words in too many texts


def plain(name: str) -> str:
    """A name without its accents: "Rājasthān" as "Rajasthan", "Quảng Nam" as "Quang Nam"."""
    return (
        "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        .replace("Đ", "D")
        .replace("đ", "d")
    )


@cache
def subdivisions(country_names: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, str]]:
    """ISO 3166-2 name -> (country, other spellings "a|b") for the subdivisions of the countries named
    in `country_names`, pairs of (a name of the country as place_names.py writes it, its canonical
    name): pycountry's "Korea, Republic of" is found by its common or official name."""
    import pycountry

    canonical_of = dict(country_names)
    by_code: dict[str, str] = {}
    for country in pycountry.countries:
        names = (country.name, getattr(country, "common_name", ""), getattr(country, "official_name", ""))
        found = next((canonical_of[n] for n in names if n in canonical_of), "")
        if found in COVERED:
            by_code[country.alpha_2] = found
    out: dict[str, tuple[str, str]] = {}
    ambiguous: set[str] = set()
    for sub in pycountry.subdivisions:
        country = by_code.get(sub.country_code)
        name = _SUFFIX.sub("", sub.name).strip()
        if not country or len(name) < MIN_LETTERS or name.casefold() in _WORDS or not name[0].isupper():
            continue
        if set(name.casefold().replace("-", " ").split()) <= _DIRECTIONS:  # "North East" (Singapore)
            continue
        spellings = {plain(name), plain(sub.name), sub.name} - {name}
        if name in out and out[name][0] != country:
            ambiguous.add(name)  # Punjab is in India and in Pakistan: which one a text means is unknown
        out.setdefault(name, (country, "|".join(sorted(spellings))))
    return {name: entry for name, entry in out.items() if name not in ambiguous}
