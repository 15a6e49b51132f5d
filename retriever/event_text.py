"""Reading one sentence for an event: the event's noun, its name, its place, its organisers, and
whether a date in it is the event's or only a report's."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from .dates import MONTHS, DateMention, iso
from .places import find_places

_NOUN = re.compile(
    r"(?<![\w-])(?:forums?|workshops?|seminars?|conferences?|summits?|meetings?|sessions?|training|"
    r"symposi(?:um|a)|webinars?|round ?tables?|hearings?|exhibitions?|expos?|"
    r"study tours?|ceremon(?:y|ies)|dialogues?|festivals?|events?|(?:knowledge )?exchange program(?:me)?s?|"
    r"lokakarya|pertemuan|atelier|réunion|taller|reunión|Week)(?![\w-])",
    re.I,
)
_LAUNCHABLE = re.compile(
    r"(?<![\w-])(?:campaigns?|initiatives?|programmes?|drives?|movements?)(?![\w-])", re.I
)
_LAUNCH = re.compile(r"\b(?:launch(?:ed|es|ing)?|kick(?:ed|s)? off|inaugurat\w+)\b", re.I)
_REPORT = re.compile(
    r"\b(?:reported|reports?|published|issued|dated|press release|story|article|update|posted|released|"
    r"datelined|announced)\b",
    re.I,
)
_CLAUSE = re.compile(r"[,;:(]\s|\s[–—]\s")
LABEL = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?(?P<label>When|Dates?|Time|Where|Venue|Location|Place|Who|Organi[sz]ers?|"
    r"Hosts?)(?:[ \t]*\((?P<aside>[^)\n]*)\))?[ \t]*:[ \t]*(?P<value>[^\n]*)",
    re.I | re.M,
)
_LABELS = dict.fromkeys(("when", "date", "dates", "time"), "when") | {"who": "who"}
_LABELS |= dict.fromkeys(("where", "venue", "location", "place"), "where")
_LABELS |= dict.fromkeys(
    ("organisers", "organizers", "organiser", "organizer", "host", "hosts"), "organisers"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split(" "))


_STOP_LEFT = _words("The A An On In At During Its Their This That These Our His Her Following After")
_ORDINALS = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth next annual"
)
_CONNECT = _words("of on and for in the & to de")
_PHRASE_STOP = _words(
    "took take takes was were is are has had have met held will which that who to with but as"
)
_FUNCTION = _words("a an the its their his her our of on in at to for and by with from during")
_VENUE = re.compile(
    r"\bat\s+(?P<v>(?:the\s+)?(?:The\s+)?(?:[A-Z][\w'’.-]*\s+){0,6}(?:Center|Centre|Hotel|Hall|Headquarters|"
    r"headquarters|Arangam|Stadium|Building|Market|University|Museum|Plaza|Palace|Auditorium|Complex)"
    r"(?:\s*\([A-Z]{2,8}\))?)"
)


@dataclass(frozen=True)
class Noun:
    """A word naming an event in a sentence ("Forum", "workshop", a launched "campaign")."""

    span: tuple[int, int]
    word: str

    def names_year(self, sentence: str, mention: DateMention) -> bool:
        """True if a bare year dates this event: "launched in 2016", or "Forum on X 2024"."""
        before = sentence[: mention.span[0]]
        if re.search(
            r"\b(?:launch\w*|kick\w* off|held|took place|met|organi[sz]ed|convened)\s+(?:in\s+)?$", before
        ):
            return True
        between = sentence[self.span[1] : mention.span[0]]
        return re.fullmatch(r"(?:\s+(?:[A-Z][\w'’-]*|of|on|for|and|the|&))*\s+", between) is not None


def event_nouns(sentence: str, launches: bool = False) -> list[Noun]:
    """Event nouns of a sentence; "campaign" and its like only where the sentence launches one (and
    with `launches`, a bare "launch" or "launched" counts too)."""
    nouns = [Noun(m.span(), m.group()) for m in _NOUN.finditer(sentence)]
    nouns = [n for n in nouns if n.word != "week"]  # "Environmental Week" is one, "last week" is not
    if _LAUNCH.search(sentence):
        nouns += [Noun(m.span(), m.group()) for m in _LAUNCHABLE.finditer(sentence)]
        if launches:
            nouns += [Noun(m.span(), m.group()) for m in _LAUNCH.finditer(sentence)]
    return sorted(nouns, key=lambda n: n.span)


def labels(text: str) -> dict[str, str]:
    """The first value of each labelled line ("When: ...", "Where: ...", "Who (organisers): ...")."""
    found: dict[str, str] = {}
    for m in LABEL.finditer(text):
        key = _LABELS.get(m.group("label").lower(), "")
        if key == "who" and re.search(r"organi[sz]", m.group("aside") or ""):
            key = "organisers"
        found.setdefault(key, m.group("value").strip())
    return found


def is_label_line(text: str, offset: int) -> bool:
    """True if the line holding `offset` is a labelled line."""
    start = text.rfind("\n", 0, offset) + 1
    return LABEL.match(text, start) is not None


def is_reported(sentence: str, mention: DateMention) -> bool:
    """True if the date's clause says it is when something was reported or published."""
    clause = max((m.end() for m in _CLAUSE.finditer(sentence, 0, mention.span[0])), default=0)
    return _REPORT.search(sentence, clause, mention.span[0]) is not None


def shifted(sentence: str, mention: DateMention) -> tuple[DateMention, bool]:
    """A report's date followed by "the day after the opening" / "the previous day": the day before,
    and True; else the mention as it is, and False."""
    after = sentence[mention.span[1] :]
    if mention.precision == 3 and re.match(
        r"\s*,?\s*(?:as taking place\s+)?(?:the previous day|the day before|the day after)\b", after
    ):
        day = dt.date.fromisoformat(mention.start) - dt.timedelta(days=1)
        return replace(mention, start=iso(day.year, day.month, day.day), end=day.isoformat()), True
    return mention, False


def _core(token: str) -> str:
    return token.strip(",.;:()“”\"'‘’")


def _is_cap(word: str) -> bool:
    """A word that can be part of a name: capitalised, or a number-word like "3R" or "11th"."""
    return (
        bool(word)
        and (word[0].isupper() or (word[0].isdigit() and not word.isdigit()))
        and word not in MONTHS
    )


def _is_ordinal(word: str) -> bool:
    return word.lower() in _ORDINALS or re.fullmatch(r"\d+(?:st|nd|rd|th)", word) is not None


def _place_at(sentence: str, offset: int) -> bool:
    return any(p.span[0] == 0 and p.kind != "region" for p in find_places(sentence[offset : offset + 40]))


def _ends(token: str) -> bool:
    """True if the token closes a phrase: it ends with punctuation (initials like "M.K." aside)."""
    return token[-1] in ',;:.”"' and not re.fullmatch(r"(?:[A-Z]\.)+", token)


def _is_date_word(word: str) -> bool:
    return word.lower() in MONTHS or word.isdigit()


def title_at(sentence: str, noun: Noun) -> tuple[str, tuple[int, int]] | None:
    """The event's name around its noun, with its span: a quoted name, a capitalised name, or a
    descriptive phrase of three words or more; None when the sentence gives only "the next session"."""
    quoted = _quoted_title(sentence, noun)
    if quoted:
        return quoted
    tokens = list(re.finditer(r"\S+", sentence))
    words = [_core(t.group()) for t in tokens]
    i = next(k for k, t in enumerate(tokens) if t.start() <= noun.span[0] < t.end())
    first = _left(tokens, words, i)
    last = _right(sentence, tokens, words, i, capital=any(_is_cap(w) for w in words[first : i + 1]))
    while last > i and words[last].lower() in _CONNECT | {"a"}:
        last -= 1
    start, end = tokens[first].start(), tokens[last].end()
    text = re.sub(r"^(?:the|a|an)\s+", "", sentence[start:end].strip(",.;:“”\"'‘’ "), flags=re.I)
    acronym = re.match(r",?\s*[(,]\s*([A-Z][A-Z0-9]+(?:-\d+)?)\s*[),]", sentence[tokens[last].end() - 1 :])
    if acronym and acronym.group(1) not in text:
        text = f"{text} ({acronym.group(1)})"
    named = [w for w in _core(text).split() if _is_cap(_core(w)) and not _is_ordinal(_core(w))]
    if not named and len(text.split()) < 3:
        return None  # "the next session", "its 16th meeting": no name to show
    return text[:1].upper() + text[1:], (start, end)


def _left(tokens: list[re.Match[str]], words: list[str], i: int) -> int:
    """First token of the name ending at token i: capitalised words, or an adjective or two."""
    first = i
    lower_noun = not _is_cap(words[i])
    while first > 0:
        word, prev = words[first - 1], tokens[first - 1].group()
        if _ends(prev) or prev.endswith(("'s", "’s")) or word in _STOP_LEFT or _is_date_word(word):
            break
        if _is_ordinal(word):
            return first - 1
        if _is_cap(word) or (word.lower() in ("and", "of", "&") and first > 1 and _is_cap(words[first - 2])):
            first -= 1
        elif lower_noun and word.isalpha() and word.islower() and word not in _FUNCTION and i - first < 2:
            first -= 1  # "training workshop", "national campaign"
        else:
            break
    return first


def _right(sentence: str, tokens: list[re.Match[str]], words: list[str], i: int, capital: bool) -> int:
    """Last token of the name starting before token i: "(KEP)", "of the X Committee (INC-3)", or for a
    common noun "on marine debris"; never a place, a date or a verb."""
    last = i
    while last + 1 < len(tokens) and not _ends(tokens[last].group()):
        token, word = tokens[last + 1].group(), words[last + 1]
        nxt = words[last + 2] if last + 2 < len(tokens) else ""
        after = words[last + 3] if last + 3 < len(tokens) else ""
        if re.fullmatch(r"\([A-Z][A-Za-z0-9]+(?:-\d+)?\)[,.;:]?", token):
            last += 1
            continue
        if _is_date_word(word) or _place_at(sentence, tokens[last + 1].start()):
            break
        if (
            word.lower() in ("in", "at")
            and last + 2 < len(tokens)
            and _place_at(sentence, tokens[last + 2].start())
        ):
            break
        joins = word.lower() in _CONNECT | {"a", "at", "between", "about", "against"}
        if joins and (_is_cap(nxt) or (nxt.lower() in ("the", "a") and _is_cap(after))):
            capital = True
            last += 1
        elif capital and _is_cap(word) and (last > i or words[i][0].isupper()):
            last += 1
        elif not capital and word.isalpha() and word.islower() and word not in _PHRASE_STOP and last - i < 7:
            if last == i and not joins:
                break  # a common noun goes on only through a preposition: "workshop on ..."
            last += 1
        else:
            break
    return last


def _quoted_title(sentence: str, noun: Noun) -> tuple[str, tuple[int, int]] | None:
    quotes = re.finditer(r"[“\"]([^“”\"]{3,150})[”\"]|(?:(?<=\s)|^)['‘]([^'‘’]{3,120})['’](?!\w)", sentence)
    for q in quotes:
        name = q.group(1) or q.group(2)
        if q.start() <= noun.span[0] and noun.span[1] <= q.end():
            return name, q.span()
        if 0 <= noun.span[0] - q.end() <= 2:
            return f"{name} {noun.word}", (q.start(), noun.span[1])
        gap = sentence[noun.span[1] : q.start()]
        if q.start() >= noun.span[1] and re.fullmatch(
            r"\s*(?:titled|entitled|called|named|themed|,)?\s*", gap
        ):
            return name, q.span()
    return None


def place_in(sentence: str, title_span: tuple[int, int], others: list[tuple[int, int]]) -> str:
    """Where the event named at `title_span` took place, as the sentence says: "Venue, City, Country"."""

    def near(span: tuple[int, int], spans: list[tuple[int, int]]) -> int:
        return min((max(0, s[0] - span[1], span[0] - s[1]) for s in spans), default=10**6)

    if re.search(r"\b(?:online|virtual)\s+$", sentence[: title_span[0]]) or re.match(
        r"\s+(?:online|virtually)\b", sentence[title_span[1] :]
    ):
        return "online"
    places = [
        p
        for p in find_places(sentence)
        if p.kind != "region" and near(p.span, [title_span]) <= near(p.span, others)
    ]
    cities = [p for p in places if p.kind == "city"]

    def lead(p: object) -> bool:
        return p.span[0] == 0 or re.search(r"\b(?:in|at)\s+(?:the\s+)?$", sentence[: p.span[0]]) is not None

    inside = [p for p in cities if title_span[0] <= p.span[0] < title_span[1]]
    chosen = (
        inside or [p for p in cities if lead(p)] or sorted(cities, key=lambda p: near(p.span, [title_span]))
    )[:1]
    if not chosen:
        countries = [
            p
            for p in places
            if p.kind == "country" and lead(p) and not (title_span[0] <= p.span[0] < title_span[1])
        ]
        if countries:
            return countries[0].name
        return "online" if re.search(r"\bonline\b|\bvirtual(?:ly)?\b", sentence, re.I) else ""
    city = chosen[0]
    parts = [sentence[city.span[0] : city.span[1]]]
    after = [
        p
        for p in places
        if p.kind == "country" and p.country == city.country and 0 <= p.span[0] - city.span[1] <= 3
    ]
    if after:
        parts.append(sentence[after[0].span[0] : after[0].span[1]])
    venue = next((v for v in _VENUE.finditer(sentence) if 0 <= city.span[0] - v.end() <= 12), None)
    if venue:
        parts.insert(0, re.sub(r"^the\s+", "", venue.group("v")))
    return ", ".join(parts)
