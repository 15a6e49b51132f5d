"""A follow-up read with the question before it: "and where was it held?" after "Who organised the KEP
in Kuala Lumpur?" asks where the KEP in Kuala Lumpur was held, and "what about Malaysia?" after "What
is the fine for plastic bags in Thailand?" asks Malaysia's fine."""

from __future__ import annotations

import re

from .chatter import is_follow_up
from .exact import ORDINAL_WORDS, YEAR
from .places import find_places
from .question_words import question_kind, without_question_words

# A numbered session or edition ("INC-3", "Decree 168", "the 2nd offence", "the third forum"): one the
# follow-up names replaces the earlier one.
_NUMBERED = re.compile(
    r"(?<![A-Za-z0-9_])[A-Za-z]{1,12}[- ]?\d{1,3}(?![A-Za-z0-9_])|\b\d{1,3}(?:st|nd|rd|th)\b"
    rf"|\b(?:{'|'.join(ORDINAL_WORDS)})\b",
    re.IGNORECASE,
)


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def with_context(question: str, previous: str) -> str:
    """The question to search for: a follow-up with what the question before it asked about (less the
    place, year, edition or question words the follow-up brings itself); any other question as it is."""
    if not previous.strip() or not is_follow_up(question):
        return question
    earlier = previous
    if places := find_places(question, any_case=True):
        named = {p.name for p in places}
        earlier = _cut(earlier, [p.span for p in find_places(earlier, any_case=True) if p.name not in named])
    if YEAR.search(question):
        earlier = YEAR.sub(" ", earlier)
    if _NUMBERED.search(question):
        earlier = _NUMBERED.sub(" ", earlier)
    if question_kind(question):  # "and where was it held?" asks where, not who as the earlier one did
        earlier = without_question_words(earlier)
    earlier = " ".join(earlier.split()).strip(" ?？!.,;:")
    return f"{question.strip()} ({earlier})" if earlier else question


def whole_question(question: str, previous: str) -> str:
    """The question a later follow-up leans on: the one before, when this one follows on from it (a
    follow-up's follow-up keeps the same subject), else this one."""
    return previous if previous.strip() and is_follow_up(question) else question
