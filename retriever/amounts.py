"""Whether an amount a sentence gives is the one asked: of the same thing, a total where a total is
asked, over the same opening period.

"How many tonnes of plastic straws" is not answered by "200 tonnes of disposable plastic tableware",
nor "how much did the levy raise" by "20 cents per bag", nor "in the first year" by "in the first two
weeks".
"""

from __future__ import annotations

import re
from functools import lru_cache

from .counting import per_units, stem

# "How many tonnes of plastic straws" is not answered by "200 tonnes of disposable plastic tableware":
# an amount measured out of something names what it is of, and that must be the thing asked.
_MEASURED_OF = re.compile(
    r"\b(?:tonnes?|tons?|kg|kilo(?:gram)?s?|litres?|liters?|pieces|units|items|bottles|bags)\s+of\s+"
    r"((?:[a-z-]+\s+){0,3}?[a-z-]+)(?=\s+(?:does|do|did|is|are|was|were|will|has|have|had|a|per|each|in|on"
    r"|at|from|by|to|were|that|which|annually|daily|every)\b|\W*$|[,.;?])",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def _measured_heads(question: str) -> frozenset[str]:
    """Stems of what a question's amounts are measured of ("tonnes of plastic straws": "straw")."""
    return frozenset(stem(m.group(1).split()[-1]) for m in _MEASURED_OF.finditer(question))


def measures_other(question: str, sentence: str) -> bool:
    """Whether a sentence's only amounts measured 'of' something are of another thing than the
    question's ('of tableware' for 'of plastic straws'); False when either names none."""
    heads = _measured_heads(question)
    told = [m.group(1) for m in _MEASURED_OF.finditer(sentence)] if heads else []
    return bool(told) and not any(stem(w) in heads for phrase in told for w in phrase.split())


# "How much did the levy raise in 2019?" asks a total: "20 cents per bag" is the rate, not what it raised.
_TOTAL_ASKED = re.compile(
    r"\b(?:collect(?:ed)?|rais(?:e|ed)|revenues?|generat(?:e|ed)|earn(?:ed)?|proceeds|income|takings"
    r"|kutipan|pendapatan|penerimaan|hasil|thu được|doanh thu|nakolekta|kita)\b|收入|收益|수입|세수|รายได้",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"(?:[$€£¥₱฿₫]|\b[A-Z]{2,3}\$?\s?|\b(?:Rp|RM|PHP|P)\s?)\d[\d.,]*(?:\s*(?:million|billion))?"
    r"|\b\d[\d.,]*[\s-]*(?:cents?|sen|pence|won|baht|dong|riel|yuan|rupiah|pesos?)\b"
)
_RATE_AFTER = re.compile(r"\s*(?:[a-z]+\s+){0,2}?(?:per|each|a|an|/)\s*(?:[a-z]+)", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _asks_total(question: str) -> bool:
    """Whether a question asks what was collected or raised in all, not a rate."""
    return _TOTAL_ASKED.search(question) is not None and not per_units(question)


def rate_for_total(question: str, sentence: str) -> bool:
    """Whether a question asks what was collected in all and the sentence's amounts are all rates
    ("20 cents per bag"); False when it asks a rate or names no total."""
    if not _asks_total(question):
        return False
    amounts = list(_AMOUNT.finditer(sentence))
    # "the 20-cent levy" is a rate too: a price written as an adjective.
    rates = [m for m in amounts if _RATE_AFTER.match(sentence, m.end()) or "-" in m.group()]
    return bool(amounts) and len(rates) == len(amounts)


# "In the whole first year" is not answered by "in the first two weeks": the opening period an amount
# is counted over must be the one asked.
_FIRST_PERIOD = re.compile(
    r"\bfirst\s+((?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|few)\s+)?"
    r"(day|week|month|quarter|year|half)s?\b",
    re.IGNORECASE,
)


_NATIVE_UNITS = {
    "taon": "12 month", "buwan": "1 month", "linggo": "1 week", "tahun": "12 month", "bulan": "1 month",
    "minggu": "1 week", "năm": "12 month", "tháng": "1 month", "tuần": "1 week", "年": "12 month",
    "个月": "1 month", "個月": "1 month", "周": "1 week", "週": "1 week", "ปี": "12 month",
    "เดือน": "1 month", "สัปดาห์": "1 week", "해": "12 month", "달": "1 month", "주": "1 week",
}  # fmt: skip
_FIRST_NATIVE = re.compile(
    r"\bunang\s+(taon|buwan|linggo)\b|\b(tahun|bulan|minggu)\s+pertama\b|\b(năm|tháng|tuần)\s+đầu"
    r"|第一(年|个月|個月|周|週)|首(年)|(ปี|เดือน|สัปดาห์)แรก|첫\s?(해|달|주)",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "twelve": "12"}  # fmt: skip
_IN_MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1}  # a first half year is six months


@lru_cache(maxsize=4096)
def _periods(text: str) -> frozenset[str]:
    """The opening periods a text names, as "2 week" or in months ("first year": "12 month")."""
    found = set()
    for m in _FIRST_PERIOD.finditer(text):
        said, unit = (m.group(1) or "1").strip().lower(), m.group(2).lower()
        count = _NUMBER_WORDS.get(said, said)
        n = int(count) if count.isdigit() else 0  # "the first few weeks": 0, any number of them
        months = _IN_MONTHS.get(unit)
        found.add(f"{n * months} month" if months else f"{n} {unit}")
    # The first year, month or week in the officials' languages: "unang taon", "tahun pertama", "năm
    # đầu", 第一年, ปีแรก, 첫해.
    for m in _FIRST_NATIVE.finditer(text):
        word = next(w for w in m.groups() if w)
        found.add(_NATIVE_UNITS[word])
    return frozenset(found)


def other_period(question: str, sentence: str) -> bool:
    """Whether the sentence counts over another opening period ('first two weeks') than the one
    asked ('first year'); False when either names none."""
    asked, told = _periods(question), _periods(sentence)

    def same(a: str, b: str) -> bool:  # "the first few weeks" (0) are any number of them
        (n, unit), (m, other) = a.split(), b.split()
        return unit == other and (n == m or "0" in (n, m))

    return bool(asked) and bool(told) and not any(same(a, b) for a in asked for b in told)


def measured_otherwise(question: str, sentence: str) -> bool:
    """Whether a sentence's amount is of another thing, kind (a rate for a total) or opening period
    than the question asks."""
    return (
        measures_other(question, sentence)
        or rate_for_total(question, sentence)
        or other_period(question, sentence)
    )
