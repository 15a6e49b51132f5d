"""Whether a sentence speaks of another place or year than the question asks about.

"How much waste does Malaysia generate?" is not answered by Bangkok's 9,000 tonnes a day, nor "What is
the 2030 target?" by a figure under "Targets to 2025".
"""

from __future__ import annotations

import re

from . import exact, grounding, places, scope
from .stated import DOCUMENT_NUMBER
from .types import Passage

_YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
# A law cited by its year ("Act No. 47 of 1980", "Management Act 2007") says which law, not when.
_STATUTE = re.compile(
    r"\b(?:Act|Law|Decree|Regulation|Ordinance|Order|Rules?)\s+(?:No\.?\s*\d+\s+)?(?:of\s+)?(?:19|20)\d\d\b"
)


# A year naming the source a figure is cited from ("per the 2024 Seoul climate forum", "the Seoul forum
# 2024 post") says where it was said, not which year the figure is for: a target for 2026 told at a 2024
# forum answers it. A year that only names an edition ("attendance at the 2025 meeting") still counts.
_SOURCE = (
    r"(?:forum|conference|summit|workshop|meeting|session|seminar|dialogue|congress|report|post|article"
    r"|press release|statement)"
)
_CITED_YEAR = re.compile(
    rf"\b(?:per|according to|as (?:said|stated|reported|announced) (?:at|in|by))\s+(?:the\s+)?"
    rf"(?:\S+\s+){{0,4}}?((?:19|20)\d\d)\b(?:\s+\S+){{0,4}}?\s*{_SOURCE}\b"
    rf"|\b{_SOURCE}\s+((?:19|20)\d\d)\s+(?:post|report|article|press release|statement)\b",
    re.IGNORECASE,
)


def cited_years(question: str) -> frozenset[str]:
    """Years a question gives as those of the source it cites, not of the fact it asks."""
    return frozenset(y for m in _CITED_YEAR.finditer(question) for y in m.groups() if y)


def other_years(sentence: str, heading: str, asked: frozenset[str]) -> bool:
    """Whether a sentence (else, naming none, its section's heading) names years but none of those asked:
    "What is the 2030 target?" is not answered by "giảm 50% ..." under "Mục tiêu đến năm 2025"."""
    for text in (sentence, heading):
        text = _STATUTE.sub(" ", DOCUMENT_NUMBER.sub(" ", text))  # "Decree 08/2022/ND-CP" names no year
        named = set(exact.YEAR.findall(text))
        for first, last in _YEAR_SPAN.findall(text):  # "2020-2023" covers 2021 and 2022
            named |= {str(y) for y in range(int(first), int(last) + 1)}
        if named:
            return not named & asked
    return False


def asked_places(question: str) -> frozenset[str]:
    """Countries and cities a question asks about (as its filter reads them), with their countries."""
    found = scope.question_places(grounding.without_contrast(question))
    return frozenset(name for name, _, _ in found) | frozenset(country for _, country, _ in found)


def only_elsewhere(asked: frozenset[str], passage: Passage, start: int, end: int) -> bool:
    """Whether a sentence (else the one before it, else its section) speaks only of places other
    than those asked about: "How much waste does Malaysia generate?" is not answered by Bangkok's
    9,000 tonnes a day, nor "What rate is Beijing targeting?" by "The goal is ... 79%" after a
    sentence on Seoul."""
    if not asked:
        return False
    before = [s for s, e in passage.sentences if e <= start]
    previous = passage.text[max(before) : start] if before else ""
    for text in (passage.text[start:end], previous, passage.section):
        named = [p for p in places.find_places(text) if p.kind != "region"]
        if not named:
            continue
        if any(p.name in asked or p.country in asked for p in named):
            return False
        # In a document titled by the city asked about, countries named are where its people came from
        # ("62 participants from 11 countries: ... and Timor-Leste"), not where the figure was told.
        if all(p.kind == "country" for p in named):
            return not any(p.kind == "city" and p.name in asked for p in places.find_places(passage.title))
        return True
    return False
