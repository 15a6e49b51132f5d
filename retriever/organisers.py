"""Who organised an event, as a text says: "organised by A and B", "A and B jointly held the ...",
"X is listed as organiser", or a list of names."""

from __future__ import annotations

import re

from .places import find_places

_PRONOUN = re.compile(r"^(?:it|they|he|she|we|those|this|these|who|which)$", re.I)
_BY = re.compile(
    r"\b(?:co-?)?(?:organi[sz]ed|hosted|convened|led|sponsored)\s+(?:jointly\s+)?by\s+(?P<x>[^.;:]+)"
    r"|\bin (?:collaboration|partnership|cooperation) with\s+(?P<w>[^.;:]+)"
    r"|\bjoint undertaking of\s+(?P<j>[^.;]+)"
    r"|\borgani[sz]ed the \w+:\s*(?P<c>[^.]+)"
)
_SUBJECT = re.compile(
    r"(?P<x>(?:[^.;\n]|(?<=\b[A-Z])\.)+?)\s+(?:has\s+|have\s+)?(?:jointly\s+|together\s+)?"
    r"(?:organi[sz]es|organi[sz]ed|co-organi[sz]ed|hosted|co-hosted|held|convened|launched|kicked off)\s+"
    r"(?:the|a|an|its|their)\b"
)
_LISTED = re.compile(
    r"(?P<x>[A-Z][^.;:\n]{2,80}?)\s+(?:is|was|are|were)\s+(?:listed\s+as\s+)?(?:the\s+)?(?:organi[sz]ers?|hosts?)\b"
)
_CUT = re.compile(
    r",?\s+(?:with (?!the support)|as part|as collaborating|and formed|and was|which|who|during|to (?=[a-z]))"
    r"|,\s+(?=[a-z](?!he\b))"
)
_ADVERBIAL = re.compile(r"(?:on|in|at|during|from|since|after|before|speaking|according)\b", re.I)
_GENERIC = re.compile(
    r"(?:one|two|three|four|five|six|several|many|both|all|some|most|it|they|he|she|we)\b", re.I
)


def organisers_in(text: str, listed: bool = False) -> list[str]:
    """Who organised, as the text says ("organised by A and B", "A jointly held the ..."); with
    `listed`, `text` is itself a list of organisers ("A; B; C")."""
    if listed:
        return _names(text)
    names: list[str] = []
    for m in _BY.finditer(text):
        group = next(g for g in m.groups() if g)
        names += _names(group if m.group("c") else _CUT.split(group, maxsplit=1)[0])
    for m in _LISTED.finditer(text):
        names += _names(m.group("x"))
    for m in _SUBJECT.finditer(text):
        segments = re.split(r":\s|,\s", m.group("x"))
        dated = [k for k, seg in enumerate(segments) if re.search(r"\d{4}", seg)]
        segments = segments[dated[-1] + 1 :] if dated else segments
        while len(segments) > 1 and (_ADVERBIAL.match(segments[0]) or _only_places(segments[0])):
            segments.pop(0)
        if segments and not _GENERIC.match(segments[0]):
            names += _names(", ".join(segments))
    return list(dict.fromkeys(names))[:8]


def _only_places(text: str) -> bool:
    places = find_places(text)
    return bool(places) and sum(p.span[1] - p.span[0] for p in places) >= len(text.strip()) - 2


def _names(text: str) -> list[str]:
    parts = re.split(
        r";\s*(?:and\s+)?|,\s+and\s+|,\s+(?=the\s|[A-Z])|(?<=\))\s+and\s+|\s+and\s+(?=the\s)", text
    )
    names = []
    for part in parts:
        name = re.sub(r"^(?:the|The)\s+", "", part.strip(" ,;:\n").rstrip("."))
        if 2 <= len(name) <= 120 and not _PRONOUN.match(name) and not re.search(r"\b(?:19|20)\d\d\b", name):
            names.append(name)
    return names
