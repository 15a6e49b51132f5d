"""Events a document describes (meetings, forums, workshops, launches) with when, where, who organised
and the verbatim sentence that says so; and listing them upcoming first, then most recent."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import Any

from .dates import DateMention, as_date, contains, find_dates, parse_iso
from .event_text import (
    LABEL,
    event_nouns,
    is_label_line,
    is_reported,
    labels,
    place_in,
    shifted,
    title_at,
)
from .organisers import organisers_in
from .places import find_places
from .sentences import split_sentences
from .types import Document


@dataclass(frozen=True)
class Event:
    """One event; its fields are the keys of `events --json`. Dates are ISO as precise as the text
    (`end` equals `start` for a one-day event, '' when the text gives no end); `quote` is verbatim."""

    title: str
    start: str
    end: str
    place: str
    organisers: tuple[str, ...]
    doc_id: str
    quote: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, organisers as a list."""
        return asdict(self) | {"organisers": list(self.organisers)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """The inverse of to_dict, for events stored with the index."""
        return cls(**{**data, "organisers": tuple(data.get("organisers", ()))})

    def last_day(self) -> dt.date:
        """The day the event ends at the latest (the end of its month or year when that is all we know)."""
        return as_date(self.end or self.start, end=True)


def extract_events(doc: Document) -> list[Event]:
    """Every dated event the document describes, in text order; the one call the index build makes
    per document. A sentence makes an event when it names a meeting-like thing (or the launch of a
    campaign) and a date that is not merely when something was reported."""
    year = int(doc.date[:4]) if re.match(r"\d{4}", doc.date) else None
    fields = labels(doc.text)
    found: list[tuple[Event, int]] = []  # with the offset of the sentence's line, for organisers
    for a, b in split_sentences(doc.text):
        if is_label_line(doc.text, a) or _is_heading(doc, a, b):
            continue  # "When: ..." lines are the document's own summary, read below; titles say it again
        found += [(e, a) for e in _from_sentence(doc, a, b, year)]
    main = _main_date(fields, year)
    events = [_complete(doc, e, at, fields, main, alone=len(found) == 1) for e, at in found]
    if main and not any(_overlaps(e, main) for e in events):
        labelled = _from_label(doc, fields, main)
        events += [labelled] if labelled else []
    return merge_events(events)


def _from_sentence(doc: Document, a: int, b: int, year: int | None) -> list[Event]:
    sentence = doc.text[a:b]
    named = [(n, t) for n in event_nouns(sentence) if (t := title_at(sentence, n))]
    if not named:
        return []
    events = []
    for written in find_dates(sentence, year):
        mention, relative = shifted(sentence, written)
        if not relative and is_reported(sentence, mention):
            continue
        # The date of the event named nearest to it, unless that one is only "before the G20 Summit".
        candidates = [(n, t) for n, t in named if not _other_event(sentence, mention, t[1])]
        if not candidates:
            continue
        noun, (title, span) = min(candidates, key=lambda c: _distance(c[1][1], mention.span))
        if mention.precision == 1 and not noun.names_year(sentence, mention):
            continue  # a bare year is an event's date only as "launched in 2016" or "Forum ... 2024"
        others = [t[1] for n, t in named if n is not noun]
        place = place_in(sentence, span, others)
        end = mention.end if mention.end != mention.start or mention.precision == 3 else ""
        events.append(Event(title, mention.start, end, place, (), doc.id, sentence))
    return events


def _other_event(sentence: str, mention: DateMention, span: tuple[int, int]) -> bool:
    """True if the words between the date and a name after it set that event apart ("before the ...")."""
    between = sentence[mention.span[1] : span[0]]
    return (
        span[0] >= mention.span[1]
        and re.search(r"\b(?:before|after|ahead of|following|prior to)\b", between) is not None
    )


def _is_heading(doc: Document, a: int, b: int) -> bool:
    line_start = doc.text.rfind("\n", 0, a) + 1
    return doc.text.startswith("#", line_start) or doc.text[a:b].strip() == doc.title.strip()


def _distance(x: tuple[int, int], y: tuple[int, int]) -> int:
    return max(0, y[0] - x[1], x[0] - y[1])


def _main_date(fields: dict[str, str], year: int | None) -> DateMention | None:
    """The first date of the document's When: line that is not a report's date."""
    when = fields.get("when", "")
    for mention in find_dates(when, year):
        if not is_reported(when, mention):
            return mention
    return None


def _overlaps(event: Event, main: DateMention) -> bool:
    span = (event.start, event.end or event.start)
    return contains(span, main) or contains(main, span)


def _complete(
    doc: Document, event: Event, at: int, fields: dict[str, str], main: DateMention | None, alone: bool
) -> Event:
    """Fill place and organisers from the sentence's paragraph, then the document's labelled lines."""
    line_start = doc.text.rfind("\n", 0, at) + 1
    line_end = doc.text.find("\n", at)
    paragraph = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
    organisers = organisers_in(paragraph[at - line_start :])
    is_main = main is not None and _overlaps(event, main)
    if not organisers and (is_main or alone):
        organisers = _document_organisers(doc, fields)
    place = event.place or _possessor(paragraph, event.title)
    where = _where_value(fields.get("where", ""))
    if is_main and where and (not place or _same_place(place, where)):
        place = where  # the labelled place names the venue as well
    return replace(event, place=place, organisers=tuple(organisers))


def _possessor(paragraph: str, title: str) -> str:
    """The city whose name the event's name follows elsewhere in the paragraph: "Kuala Lumpur's "X"."""
    for m in re.finditer(re.escape(title), paragraph):
        before = paragraph[max(0, m.start() - 30) : m.start()]
        for p in find_places(before):
            if p.kind == "city" and re.match(r"['’]s\s*[“\"'‘]?$", before[p.span[1] :]):
                return before[p.span[0] : p.span[1]]
    return ""


def _document_organisers(doc: Document, fields: dict[str, str]) -> list[str]:
    """Organisers named anywhere in the prose, else on an "Organisers:" or "Who:" line."""
    prose = "\n".join(
        line for line in doc.text.split("\n") if not LABEL.match(line) and not line.startswith("#")
    )
    return (
        organisers_in(prose)
        or organisers_in(fields.get("organisers", ""), listed=True)
        or organisers_in(fields.get("who", ""))
    )


def _where_value(value: str) -> str:
    """ "UNESCO headquarters, Paris, France; host country France" -> "UNESCO headquarters, Paris, France"."""
    first = value.split(";")[0]
    first = re.sub(r"\s*\((?=[^)]*\s)[^)]*\)", "", first)  # asides, not acronyms like "(NCC)"
    return first.strip(" .,")


def _same_place(place: str, where: str) -> bool:
    names = {p.name for p in find_places(place) if p.kind == "city"} or {place.lower()}
    found = {p.name for p in find_places(where)} | {where.lower()}
    return bool(names & found) or place.lower() in where.lower()


def _from_label(doc: Document, fields: dict[str, str], main: DateMention) -> Event | None:
    """The document's own event from its When:/Where:/Who: lines, when its prose gives no date."""
    when = fields["when"]
    clause = re.split(r";", when[: main.span[1]])[-1] + when[main.span[1] :].split(";")[0]
    if not (event_nouns(clause, launches=True) or doc_kind_is_event(doc)):
        return None
    line = next(m for m in LABEL.finditer(doc.text) if m.group("label").lower() in ("when", "date", "dates"))
    quote = doc.text[line.start("value") : line.end("value")].strip()
    title = re.sub(r"^[^:]{1,40}:\s+", "", doc.title)  # "Philippines: Launch of ..." -> "Launch of ..."
    title = re.sub(r"\s*\([^()]*\)$", "", title)  # a trailing "(January 2025)" is the date again
    end = main.end if main.end != main.start or main.precision == 3 else ""
    organisers = _document_organisers(doc, fields)
    place = _where_value(fields.get("where", ""))
    return Event(title, main.start, end, place, tuple(organisers), doc.id, quote)


def doc_kind_is_event(doc: Document) -> bool:
    """True if the document says, in its front matter, that it reports an event."""
    value = (doc.meta.get("kind") or doc.meta.get("topic") or "").lower()
    return bool(re.search(r"\bevent|forum|workshop|meeting|conference|seminar\b", value))


def _key(title: str) -> str:
    """A title reduced to compare: no years, articles, case or punctuation."""
    words = re.findall(r"[^\W\d_]+|\d+(?:st|nd|rd|th)?", title.lower())
    return " ".join(w for w in words if w not in ("the", "a", "an", "of", "on", "in") and not w.isdigit())


def merge_events(events: Iterable[Event]) -> list[Event]:
    """One event per (title, compatible dates): the most precise dates and its quote are kept, the
    organisers pooled, the longest place kept."""
    kept: list[Event] = []
    for event in events:
        twin = next(
            (
                i
                for i, k in enumerate(kept)
                if (_key(k.title) == _key(event.title) or _key(k.title) in _key(event.title))
                and (
                    contains((k.start, k.end or k.start), (event.start, event.end or event.start))
                    or contains((event.start, event.end or event.start), (k.start, k.end or k.start))
                )
            ),
            None,
        )
        if twin is None:
            kept.append(event)
            continue
        old = kept[twin]
        best, other = (event, old) if len(event.start) > len(old.start) else (old, event)
        kept[twin] = replace(
            best,
            place=max((best.place, other.place), key=len),
            organisers=tuple(dict.fromkeys(best.organisers + other.organisers)),
        )
    return kept


def select_events(
    events: Iterable[Event],
    date_from: str | None = None,
    date_to: str | None = None,
    today: dt.date | None = None,
) -> list[Event]:
    """Events overlapping [date_from, date_to] (ISO, any precision), upcoming first (soonest first,
    running events included), then past ones, most recent first."""
    today = today or dt.date.today()
    low = as_date(parse_iso(date_from)) if date_from else None
    high = as_date(parse_iso(date_to), end=True) if date_to else None
    chosen = [
        e
        for e in events
        if (low is None or e.last_day() >= low) and (high is None or as_date(e.start) <= high)
    ]
    upcoming = sorted((e for e in chosen if e.last_day() >= today), key=lambda e: (as_date(e.start), e.title))
    past = sorted((e for e in chosen if e.last_day() < today), key=lambda e: (as_date(e.start), e.last_day()))
    past.reverse()  # most recent start first

    return upcoming + past


def list_events(
    documents: Iterable[Document],
    date_from: str | None = None,
    date_to: str | None = None,
    today: dt.date | None = None,
) -> list[Event]:
    """Events of all the documents, filtered and ordered as `select_events` does."""
    events = [e for doc in documents for e in extract_events(doc)]
    return select_events(events, date_from, date_to, today)
