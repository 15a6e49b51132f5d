"""Dates written in text -> ISO strings exactly as precise as the text: YYYY-MM-DD, YYYY-MM or YYYY."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# Month names of the collection's likely languages (English, Malay/Indonesian, French, Spanish,
# Portuguese); a table is all it takes, and it keeps the module free of locale settings.
_MONTH_NAMES = {
    1: "january jan januari janvier enero janeiro",
    2: "february feb februari février fevrier febrero fevereiro",
    3: "march mar maret mac mars marzo março",
    4: "april apr avril abril",
    5: "may mei mai mayo maio",
    6: "june jun juni juin junio junho",
    7: "july jul juli julai juillet julio julho",
    8: "august aug agustus ogos août aout agosto",
    9: "september sept sep septembre septiembre setiembre setembro",
    10: "october oct oktober octobre octubre outubro",
    11: "november nov novembre noviembre novembro",
    12: "december dec desember disember décembre decembre diciembre dezembro",
}
MONTHS: dict[str, int] = {name: n for n, names in _MONTH_NAMES.items() for name in names.split()}
# Lower-case words that are also ordinary words or bare abbreviations: a month only when capitalised.
_CASE_SENSITIVE = frozenset(
    re.findall(r"\w+", "may mar jan feb apr jun jul aug sep sept oct nov dec mac mei mai")
)

_M = "(?P<{}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?![\w])"
_D = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_Y = r"(?P<{}>(?:19|20)\d\d)(?![\d])"
_TO = r"\s*(?:-|–|—|to|until|till|and|au|al|hingga|sampai|s/d)\s*"
_OF = r"(?:\s+(?:of|de))?\s+"
_YEAR_AFTER = r"(?:,?(?:\s+de)?\s+" + _Y.format("y") + ")?"


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_DAY, _DAY2, _MONTH, _MONTH2 = _D.format("d"), _D.format("d2"), _M.format("mo"), _M.format("mo2")
# Most specific first: a mention found by an earlier pattern is not re-read by a later one.
_PATTERNS: list[re.Pattern[str]] = [
    _p(r"(?<![\d-])" + _Y.format("y") + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),  # ISO 2024-11-07
    _p(r"(?<![\d/.])(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.]" + _Y.format("y")),  # 31/12/2018, day first
    _p(_Y.format("y") + r"\s*[年년]\s*(?P<m>[01]?\d)\s*[月월](?:\s*(?P<d>[0-3]?\d)\s*[日일])?"),  # CJK
    _p(r"(?:ngày\s+(?P<d>[0-3]?\d)\s+)?tháng\s+(?P<m>[01]?\d)\s+năm\s+" + _Y.format("y")),  # Vietnamese
    _p(rf"(?<!\d){_DAY}{_OF}{_MONTH}{_TO}{_DAY2}{_OF}{_MONTH2}{_YEAR_AFTER}"),  # 20 September to 14 October
    _p(rf"(?<!\d){_DAY}{_TO}{_DAY2}{_OF}{_MONTH}{_YEAR_AFTER}"),  # 4-6 March 2019
    _p(rf"{_MONTH}\s+{_DAY}{_TO}{_DAY2}(?!\s*[:.]\d){_YEAR_AFTER}"),  # March 4-6, 2019
    _p(rf"(?<!\d){_DAY}{_OF}{_MONTH}{_YEAR_AFTER}"),  # 22 June 2019, 5 March
    _p(rf"{_MONTH}\s+{_DAY}{_YEAR_AFTER}"),  # November 7, 2024
    _p(_MONTH + r",?(?:\s+(?:of|de))?\s+" + _Y.format("y")),  # November 2023
    _p(
        r"(?<![\w:/.,-])" + _Y.format("y") + r"\s*(?:-|–|—|to)\s*" + _Y.format("y2") + r"(?![\w/])"
    ),  # 2021-30
    _p(r"(?<![\w:/.,$-])" + _Y.format("y") + r"(?![\w/%]|[.,]\d|-\d)"),  # a bare year
]


@dataclass(frozen=True)
class DateMention:
    """A date or date range written in a text: ISO `start` and `end` (equal for one date), and where."""

    start: str
    end: str
    span: tuple[int, int]

    @property
    def precision(self) -> int:
        """3 for a day, 2 for a month, 1 for a year."""
        return self.start.count("-") + 1


def iso(year: int, month: int | None = None, day: int | None = None) -> str:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raises ValueError for a day the calendar lacks."""
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise ValueError(f"month {month}")
    if day is None:
        return f"{year:04d}-{month:02d}"
    return dt.date(year, month, day).isoformat()


def _plain_word(match: re.Match[str]) -> bool:
    """True if a month of the match is an ordinary lower-case word ("we may 5", "mar")."""
    words = (match.groupdict().get(g) for g in ("mo", "mo2"))
    return any(w and w.lower() in _CASE_SENSITIVE and w[0].islower() for w in words)


def _month(match: re.Match[str], group: str) -> int | None:
    word = match.group(group)
    return None if word is None else MONTHS[word.lower().rstrip(".")]


def _read(match: re.Match[str], default_year: int | None) -> tuple[str, str] | None:
    """(start, end) ISO of one match, or None if it is no real date."""
    g = match.groupdict()
    try:
        month = int(g["m"]) if g.get("m") else _month(match, "mo") if "mo" in g else None
        month2 = _month(match, "mo2") if g.get("mo2") else month
        year = int(g["y"]) if g.get("y") else default_year
        if year is None:
            return None
        if g.get("y2"):
            start, end = iso(year), iso(int(g["y2"]))
            return (start, end) if start < end else None
        day = int(g["d"]) if g.get("d") else None
        if "m" in g and g.get("d") and month is not None and month > 12 and day is not None and day <= 12:
            month, day = day, month  # 12/31/2018: month first after all
        start = iso(year, month, day)
        end = iso(year, month2, int(g["d2"])) if g.get("d2") else start
    except ValueError:
        return None
    return (start, end) if start <= end else None


def find_dates(text: str, year: int | None = None) -> list[DateMention]:
    """Every date in `text`, in order; a day and month without a year take the year of the nearest
    earlier mention in `text`, else `year`, else are left out."""
    taken: list[tuple[int, int, re.Match[str]]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if _plain_word(m) or _read(m, year or 2000) is None:
                continue  # a month word used as a word, or "7th and 5 March" read as a backward range
            if not any(m.start() < b and a < m.end() for a, b, _ in taken):
                taken.append((m.start(), m.end(), m))
    found: list[DateMention] = []
    for a, b, m in sorted(taken, key=lambda t: t[0]):
        known = int(found[-1].end[:4]) if found else year
        read = _read(m, known)
        if read:
            found.append(DateMention(read[0], read[1], (a, b)))
    return found


def contains(outer: DateMention | tuple[str, str], inner: DateMention | tuple[str, str]) -> bool:
    """True if the inner range lies within the outer one, comparing at the coarser precision."""
    o = (outer.start, outer.end) if isinstance(outer, DateMention) else outer
    i = (inner.start, inner.end) if isinstance(inner, DateMention) else inner
    return o[0] <= i[0][: len(o[0])] and i[1][: len(o[1])] <= o[1]


def as_date(value: str, *, end: bool = False) -> dt.date:
    """An ISO date of any precision as a day: its first day, or its last one with `end=True`."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        y, m = parts
        return dt.date(y, m, calendar.monthrange(y, m)[1] if end else 1)
    return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)


def parse_iso(value: str) -> str:
    """A user's `YYYY[-MM[-DD]]` checked and normalised; raises ValueError naming the expected form."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", value or "")
    try:
        if m:
            return iso(int(m.group(1)), *(int(g) for g in m.groups()[1:] if g))
    except ValueError:
        pass
    raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")


_HEADER_CHARS = 250  # longer than a header line (issuer, place and date): the body has begun
# "RAYONG, 9 June 2023 –" or "Ha Noi (VNA) – 5/3/2024": a place, then the date, opening the story.
_DATELINE = re.compile(r"[*_]*(?:[^\W\d][\w .’'()/,]{0,60}?(?:,|\s[–—-]))?\s*[*_]*")


def stated_date(text: str) -> str:
    """The date a document gives itself: in a short line above its body ("Issued 28 June 2021",
    "Ulaanbaatar, 18 September 2024") or in its first paragraph's dateline; '' when it gives none.

    A Word or PDF file's own creation date is when the file was made, not when its text was issued.
    Only a day or a month counts: a year alone is in titles ("Action Plan 2024-2030").
    """
    for paragraph in filter(None, (p.strip() for p in text.split("\n\n")[:8])):
        if paragraph.startswith("#"):
            continue
        header = len(paragraph) <= _HEADER_CHARS and not paragraph.endswith(".")
        found = [d for d in find_dates(paragraph) if d.precision >= 2]
        if header and found:
            return found[0].start
        if found and _DATELINE.fullmatch(paragraph[: found[0].span[0]]):
            return found[0].start
        if len(paragraph) > _HEADER_CHARS:
            return ""
    return ""
