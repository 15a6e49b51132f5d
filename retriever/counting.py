"""What an English "how many" question counts, and the counts of that thing a sentence gives.

"How many people attended?" is not answered by "five events": a count answers only when a word for
the counted thing (or the same kind of thing: delegates are people, firms companies) follows it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .places import find_places, in_question

# Numbers as written, and counts in words.
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
# "resolution 5/14", "1/1/2024", "No. 2876": a number that names or dates something counts nothing.
IDENTIFIER = re.compile(
    r"\d+(?:/\d+)+|\b(?:No|Nos|Art|Article|Section|Resolution|Decree|Ordinance)\.?\s*\d+", re.IGNORECASE
)
# Words whose first five letters are a counted thing's stem but which count nothing ("particularly"
# is no participant).
_FALSE_STEMS = ("particul", "partial", "partly", "statement", "stated", "officially")
COUNT_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "hundred",
     "thousand", "million"}
)  # fmt: skip

# What a "how many" question counts: the words after it up to a verb or preposition.
_HOW_MANY = re.compile(r"\bhow many\s+(?:of\s+(?:the|these|those)\s+)?((?:[\w-]+\s*){1,3})", re.IGNORECASE)
_NOT_COUNTED = frozenset(
    {
        "did", "do", "does", "were", "was", "are", "is", "have", "has", "had", "will", "would", "can",
        "could", "in", "at", "of", "on", "for", "from", "to", "by", "under", "during", "since", "per",
        "each", "a", "the", "attended", "joined", "took", "got", "get", "gets", "been", "being",
        "or", "and",
    }
)  # fmt: skip
# Words that name people as the thing counted, not as the subject of a question.
_PEOPLE_COUNTED = frozenset({"peopl", "perso", "parti", "atten", "deleg", "ppl", "pax"})
# Words for the same kind of counted thing, as 5-letter stems: a count of delegates answers "how many people".
_COUNTED_KINDS = (
    frozenset(
        {
            "peopl", "perso", "parti", "atten", "deleg", "repre", "offic", "membe", "visit", "exper",
            "staff", "obser", "speak", "stake", "minis", "ppl", "pax",
        }
    ),
    frozenset({"compa", "firm", "busin", "enter", "produ", "manuf", "brand"}),
    frozenset({"store", "shop", "outle", "retai", "super", "marke"}),
    frozenset({"count", "natio", "state", "econo", "gover"}),
    frozenset({"item", "piece", "unit", "artic"}),
)  # fmt: skip
PEOPLE = _COUNTED_KINDS[0]  # the stems of people counted


def stem(word: str) -> str:
    """A word's first five letters, plural dropped: how counted things are compared."""
    return word.lower().rstrip("s")[:5]  # "days" and "day", "bags" and "bag" alike


def counted(question: str) -> frozenset[str]:
    """Stems of what an English "how many" question counts (any of its next words, up to a verb or
    preposition), with the words for the same kind of thing ("participants": people, delegates, ...);
    empty when it counts nothing recognisable."""
    m = _HOW_MANY.search(question)
    if m is None:
        return frozenset()
    stems: set[str] = set()
    for word in m.group(1).split():
        if word.lower() in _NOT_COUNTED or word.lower().endswith("ed"):
            break
        root = stem(word)
        stems |= next((g for g in _COUNTED_KINDS if root in g), {root})
    return frozenset(stems)


# "How many months" in the officials' languages: a count of a unit of time, which the quote must give in
# that unit ("36 months"), as an English "how many months" question's does.
UNITS_ASKED = re.compile(
    r"\b(?:ilang|berapa|mấy|bao nhiêu)\s+"
    r"(taon|tahun|năm|buwan|bulan|tháng|araw|hari|ngày|linggo|minggu|tuần)\b"
    r"|กี่\s*(ปี|เดือน|วัน|สัปดาห์)|几\s*(年|个月|個月|天|周|週)|몇\s*(년|개월|달|일|주)(?!도|에)",
    re.IGNORECASE,
)
_UNIT_STEMS = {
    "year": "taon tahun năm ปี 年 년", "month": "buwan bulan tháng เดือน 个月 個月 개월 달",
    "day": "araw hari ngày วัน 天 일", "week": "linggo minggu tuần สัปดาห์ 周 週 주",
}  # fmt: skip
_UNIT_OF = {word: unit for unit, words in _UNIT_STEMS.items() for word in words.split()}


# Places and shops counted in the officials' languages ("กี่จุด", "ຈັກຈຸດ", "bao nhiêu điểm", "몇 곳"): the
# quote must count stations, points or sites (or shops), not the cities taking part.
_SITES = frozenset({"stati", "point", "spot", "site", "locat", "machi", "kiosk", "dispe", "centr", "facil"})
_THINGS_ASKED = re.compile(
    r"\b(?:berapa|bao nhiêu|mấy|ilang)\s+(?:(titik|stasiun|stesen|lokasi|điểm|trạm|istasyon|lugar)"
    r"|(toko|kedai|gerai|cửa hàng|tindahan))\b"
    r"|(?:กี่|ຈັກ)\s*(?:(จุด|แห่ง|สถานี|ຈຸດ|ແຫ່ງ|ສະຖານີ|ບ່ອນ)|(ร้าน|ຮ້ານ))"
    r"|(?:几|幾|多少)\s*(?:(个站|個站|个点|個點|处|處)|(家店|家商店|家门店|家門店))"
    r"|몇\s*(?:(곳|개소|군데)|(개 매장|매장))",
    re.IGNORECASE,
)


def things_counted(question: str) -> frozenset[str]:
    """Stems of the sites or shops a question in another language counts ("กี่จุด": stations, points)."""
    m = _THINGS_ASKED.search(question)
    if m is None:
        return frozenset()
    sites = any(m.group(i) for i in (1, 3, 5, 7))
    return _SITES if sites else _COUNTED_KINDS[2]


def units_counted(question: str) -> frozenset[str]:
    """The unit of time a question in another language counts ("ilang buwan": months), as a stem."""
    m = UNITS_ASKED.search(question)
    return frozenset({_UNIT_OF[next(g for g in m.groups() if g).lower()]}) if m else frozenset()


def counts_of(sentence: str, stems: frozenset[str]) -> list[str]:
    """The numbers of a sentence whose noun (within three words, past "million" and the like) is a
    word for the counted thing: "Three bodies organised the training" counts bodies, not trainees."""
    tokens = re.findall(r"[\w.,%]+", IDENTIFIER.sub(" ", sentence))  # "two-day" is "two" "day"
    found = []
    for i, token in enumerate(tokens):
        is_count = NUMBER.fullmatch(token) is not None or token.lower() in COUNT_WORDS
        following = [t for t in tokens[i + 1 : i + 6] if t.lower() not in _MULTIPLIERS][:3]
        # "four categories of businesses" counts categories: the businesses in them are not counted.
        if following and following[0].lower() in _CLASSES and not _counts(following[0], stems):
            continue
        if is_count and any(_counts(t, stems) for t in following):
            found.append(token)
    return found


_CLASSES = frozenset(
    {"categories", "category", "types", "type", "kinds", "kind", "classes", "sorts", "groups", "sectors",
     "sizes", "tiers", "levels", "phases", "stages"}
)  # fmt: skip
_MULTIPLIERS = frozenset(
    {"hundred", "thousand", "million", "billion", "dozen", "more", "than", "over", "some"}
)


def _counts(word: str, stems: frozenset[str]) -> bool:
    return stem(word) in stems and not word.lower().startswith(_FALSE_STEMS)


def people_counted(words: str) -> frozenset[str]:
    """The stems for people when `words` (the English of a question in another language) name
    people as what is counted ("participants", "delegates"); else empty. Only people: other counted
    words in a glossed question are as often its subject ("products", "ministry")."""
    people = PEOPLE
    named = {stem(w) for w in re.findall(r"[a-z]+", words.lower())} & _PEOPLE_COUNTED
    return people if named else frozenset()


# "A rate per kg" is not answered by "200 rupiah per plastic carrier bag": the words after "per" (or a
# "/kg") say what a rate is of.
_PER = re.compile(r"\bper[\s-]+((?:[^\W\d_]+\s+){0,2}[^\W\d_]+)|/\s?([^\W\d_]+)\b", re.IGNORECASE)
_UNITS = {
    "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg", "tonnes": "tonne", "tons": "tonne",
    "ton": "tonne", "t": "tonne", "capita": "person", "head": "person", "persons": "person",
    "people": "person",
}  # fmt: skip
_PER_SKIPPED = frozenset({"a", "an", "one", "each", "every", "the"})
# Words that end what a rate is per: "per kg did Indonesia ...", "per kilogram of plastic".
_PER_ENDS = frozenset(
    {"of", "did", "does", "do", "is", "are", "was", "were", "will", "in", "for", "under", "at", "on", "to",
     "from", "and", "or", "with", "by", "that", "which", "cent", "centum", "annum", "se"}
)  # fmt: skip


def per_units(text: str) -> frozenset[str]:
    """What the rates of a text are per ("per kg" -> {"kg"}, "per plastic bag" -> {"plast", "bag"})."""
    units: set[str] = set()
    for m in _PER.finditer(text):
        for word in (m.group(1) or m.group(2)).lower().split():
            if word in _PER_ENDS:
                break
            if word not in _PER_SKIPPED:
                unit = _UNITS.get(word, word)
                units.add(unit if unit in _UNITS.values() else unit.rstrip("s")[:5])
    return frozenset(units)


# "How many participants from Indonesia": people counted by where they came from, in each answered
# language ("peserta dari Indonesia", "đến từ Việt Nam", "来自印尼的代表", "จากไทย").
_FROM = re.compile(
    r"(?:\bfrom|\bdari|\bdaripada|\bgaling sa|\bmula sa|\btaga|\btừ|来自|來自|จาก|ຈາກ|ពី)\s*-?\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def from_places(question: str) -> tuple[str, ...]:
    """The places a question's counted people come from (canonical names); empty when none is said."""
    found = in_question(question)
    return tuple(p.name for p in found if _FROM.search(question[max(0, p.span[0] - 12) : p.span[0]]))


# "How many of the participants were from companies?": people counted by the kind of body they came
# from; a sentence must name that kind ("12 came from industry" or "producers") to count them.
_GROUP_ASKED = re.compile(
    r"\b(?:from|were|are)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?(compan(?:y|ies)|business(?:es)?|industry|private"
    r"|producers?|government|governments|ministr(?:y|ies)|ngos?|civil society|universit(?:y|ies)|academia"
    r"|youth|students?)\b",
    re.IGNORECASE,
)
_GROUP_WORDS = {
    "compa": "compa|busin|firm|enter|indus|priva|produ|brand", "busin": "compa|busin|firm|enter|indus|priva",
    "indus": "compa|busin|firm|indus|priva|produ", "priva": "compa|busin|firm|indus|priva",
    "produ": "compa|busin|indus|priva|produ|brand", "gover": "gover|minis|offic|agenc|autho",
    "minis": "gover|minis|offic|agenc", "ngo": "ngo|non-g|civil|organ", "civil": "ngo|non-g|civil",
    "unive": "unive|acade|resea|schol", "acade": "unive|acade|resea", "youth": "youth|young|stude",
    "stude": "stude|youth|young|schoo",
}  # fmt: skip


@lru_cache(maxsize=1024)
def groups_asked(question: str) -> tuple[str, ...]:
    """Stem patterns of the kinds of body counted people are asked as coming from; empty for none."""
    return tuple(_GROUP_WORDS[m.group(1).lower()[:5]] for m in _GROUP_ASKED.finditer(question))


def names_group(sentence: str, groups: tuple[str, ...]) -> bool:
    """Whether a sentence names one of the kinds of body asked (any word for it)."""
    return any(re.search(rf"\b(?:{g})", sentence, re.IGNORECASE) for g in groups)


def names_place(sentence: str, names: tuple[str, ...]) -> bool:
    """Whether a sentence names one of these places, or its people ("Indonesian delegates")."""
    return any(p.name in names or p.country in names for p in find_places(sentence, any_case=True))


def from_elsewhere(question: str, sentence: str) -> bool:
    """Whether people are counted as coming from a place or kind of body ("from Indonesia", "from
    companies") that the sentence does not name: its count is of all of them, not of those."""
    places, groups = from_places(question), groups_asked(question)
    elsewhere = bool(places) and not names_place(sentence, places)
    return elsewhere or (bool(groups) and not names_group(sentence, groups))
