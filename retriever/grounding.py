"""What a question is about: the exact entities and names a passage must speak of to answer it.

Rules over the question's text, kept language-neutral where the signal is (digits, Latin acronyms,
numbered names); the kind of fact asked is `question_words.py`'s, exact-token matching `exact.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from . import glossary, places
from .asked import ACRONYM
from .exact import NUMBERED_NAME, YEAR, counted_ordinals, question_canonical
from .question_words import question_kind

# Words that open a question in the Latin-script languages asked in; capitalised only by position.
_LEADING_WORDS = (
    "what which who whom whose when where why how does do did is are was were can could will would should"
    " has have had in on at for under by from since after before during the a an according"
    " apa siapa bilakah bila kapan di berapa bagaimana mengapa kenapa adakah apakah"
    " ano sino kailan saan ilan magkano paano bakit alin may"
)

_LEADING = frozenset(_LEADING_WORDS.split())

# Months and weekdays are capitalised in English, Malay, Indonesian and Filipino but name nothing:
# "workshop EPR Manila Maret 2024" asks about Manila, and an English page says "March", not "Maret".
_CALENDAR_WORDS = (
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
    " monday tuesday wednesday thursday friday saturday sunday"
    " januari februari maret mac mei juni jun juli julai agustus ogos oktober desember disember"
    " enero pebrero marso abril mayo hunyo hulyo agosto setyembre oktubre nobyembre disyembre"
    " senin selasa rabu kamis jumat sabtu minggu isnin khamis jumaat ahad"
    " lunes martes miyerkules huwebes biyernes sabado linggo"
)
_CALENDAR = frozenset(_CALENDAR_WORDS.split())

# "not Ottawa", "(the 11th, not the 9th)", "as opposed to China's plan": a named thing set aside, up to
# the next punctuation. Only before a name, number or ordinal: "did not sign" sets nothing aside.
_CONTRAST = re.compile(
    r"(?i:\b(?:as opposed to|rather than|instead of|in contrast to|unlike|not))\s+"
    r"(?i:(?:the|in|at|of|for)\s+)?(?=[A-Z0-9]|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth)\b)[^,.;:?!()]*"
)

def _latin(test: Callable[[str], bool]) -> str:
    """The accented Latin letters passing `test`, for a regex class: Vietnamese capitals such as the
    "Đ" of "Đài Loan" (Taiwan) and "Đà Nẵng" start names as "T" and "D" do."""
    return re.escape("".join(c for c in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]) if test(c)))


_UPPER, _LOWER = f"A-Z{_latin(str.isupper)}", f"a-z{_latin(str.islower)}"
_CAPITALISED = re.compile(rf"\b[{_UPPER}][{_LOWER}][\w'’-]*(?:\s+[{_UPPER}][{_LOWER}][\w'’-]*)*")


@dataclass(frozen=True)
class Focus:
    """What a question is about: exact tokens that must appear, and names that should."""

    exact: tuple[str, ...]  # canonical numbered names and ordinals ("inc-3", "9th"): whole tokens
    years: tuple[str, ...]  # years asked about: the cited document must mention them
    names: tuple[str, ...]  # capitalised names and acronyms (lower-cased): matched as word prefixes
    kind: str  # when | where | who | number | "" (anything)


@lru_cache(maxsize=4096)
def without_contrast(question: str) -> str:
    """The question without the entities it sets aside: "at the Paris session (INC-2), not Ottawa",
    "the 11th forum, not the 9th", "as opposed to China's national plan" ask about the first only."""
    return _CONTRAST.sub(" ", question)


def focus(question: str) -> Focus:
    """The exact entities, names and asked kind of one question."""
    kind = question_kind(question)
    question = without_contrast(question)
    text = question_canonical(question)
    exact: list[str] = []
    # An offence or batch counted in another language ("vi phạm lần thứ 3") is no edition's name.
    counting = {ordinal for ordinal, _ in counted_ordinals(question)}
    for match in re.finditer(
        rf"(?<![a-z0-9_])(?:{NUMBERED_NAME}|\d{{1,3}}(?:st|nd|rd|th))(?![a-z0-9_])", text
    ):
        if match.group() not in counting:
            exact.append(match.group())
    exact += glossary.numbered_names(question)  # "អនុក្រឹត្យលេខ168" is Sub-Decree No. 168
    years = tuple(dict.fromkeys(YEAR.findall(text)))
    names: list[str] = []
    for match in _CAPITALISED.finditer(question):
        name = match.group().lower()
        # The first word of a sentence is capitalised anyway: a question word is no part of a name
        # ("Does Cambodia"), and a lone first word is kept only when it is a longer name.
        if match.start() == 0 or question[: match.start()].rstrip().endswith(("?", ".", "!")):
            first, _, rest = name.partition(" ")
            if not rest:
                continue
            name = rest if first in _LEADING else name
        for part in re.split(r"['’]s\b", name):
            # A month inside a run of capitals splits it: "Manila Maret" is Manila.
            runs = " ".join("|" if w in _CALENDAR else w for w in part.split()).split("|")
            names += [run.strip() for run in runs if run.strip()]
    names += [a.lower() for a in ACRONYM.findall(question) if not any(ch.isdigit() for ch in a)]
    exact_set = dict.fromkeys(exact)
    names = [n for n in dict.fromkeys(names) if not any(n in e for e in exact_set)]
    return Focus(tuple(exact_set), years, tuple(names), kind)


@lru_cache(maxsize=1024)
def place_named(name: str) -> str:
    """The country or city a whole name denotes (a demonym, or a code such as "sg", too), else ""."""
    # Acronyms are kept lower-cased and codes match only as written: "sg" is read as "SG".
    found = places.find_places(name.upper() if len(name) <= 3 and name.isalpha() else name, any_case=True)
    return found[0].name if len(found) == 1 and found[0].span == (0, len(name)) else ""


def mentions_name(text_lower: str, name: str) -> bool:
    """Whether lower-cased text mentions every word of a name, each as a word prefix
    ('malaysia' finds 'malaysian'; 'mandatory packaging reporting' needs all three words)."""
    words = name.split()
    as_word = re.search(rf"(?<!\w){re.escape(name)}s?(?!\w)", text_lower) is not None  # "NGOs"
    if len(words) == 1 and 2 <= len(name) <= 4 and name.isalpha() and not as_word:
        # An acronym the text spells out: "qc" is "Quezon City", "epr" "extended producer responsibility"
        # ("kl" inside "tackle" is no mention of KL); else a word it begins ("thai" in "Thailand").
        spelled = r"[\s-]+".join(rf"{re.escape(letter)}\w*" for letter in name)  # "SUP": single-use plastic
        if re.search(rf"(?<!\w){spelled}", text_lower) is not None:
            return True
    for word in words:
        # A demonym names its country: "japanese" finds "japan", "vietnamese" "viet nam"'s "vietnam".
        stem = word[:-3] if word.endswith("ese") and len(word) > 6 else word
        stem = stem if len(stem) <= 5 else stem[: max(5, len(stem) - 2)]
        if re.search(rf"(?<!\w){re.escape(stem)}", text_lower) is None:
            break
    else:
        return True
    # Else read as places: "vietnamese" finds "Viet Nam", "korean" "Republic of Korea".
    place = place_named(name)
    return bool(place) and any(p.name == place for p in places.find_places(text_lower, any_case=True))
