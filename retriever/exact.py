"""Exact entities in text: numbered names (INC-3, Decree No. 168), editions (9th, "second"), years.

Matched as whole canonical tokens, never as prefixes: "inc-3" is not in "inc-30", "9th" not in "19th".
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import editions
from .editions import ordinal, read_editions

ORDINAL_WORDS = {
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
    "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th", "eleventh": "11th",
    "twelfth": "12th", "thirteenth": "13th", "fourteenth": "14th", "fifteenth": "15th", "sixteenth": "16th",
    "seventeenth": "17th", "eighteenth": "18th", "nineteenth": "19th", "twentieth": "20th",
}  # fmt: skip

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—−"})

# "INC-3", "INC 3", "INC3", "COP28", "Decree 05", "R3": a name that carries a number.
# "Decree No. 168" and "Decree 168" are one name: the "No." between is dropped. Bounded by ASCII
# letters and digits only, so a Korean or Thai particle written on ("INC-3는") leaves it whole.
_NUMBERED = re.compile(
    r"(?<![A-Za-z0-9_])([A-Za-z]{1,12}-|[A-Z][A-Za-z]{0,11} ?)(?:(?:No|Nr|Number)\.? ?|# ?)?(\d{1,3})"
    r"(?![A-Za-z0-9_])(?![-/.,]?\d)"
)

# "the first session", "the Second Regional Forum" name an edition; "first launched", "a first
# offence" do not, and must not confine the answer to a document titled "1st".
_EDITION = re.compile(
    r"(?:sessions?|forums?|meetings?|conferences?|editions?|rounds?|plans?|summits?|congress|workshops?"
    r"|assembl(?:y|ies)|dialogues?|programmes?|programs?|steering|exchanges?|five-year)\b"
)

_PLAIN_ORDINAL = re.compile(
    r"\b((?i:" + "|".join(ORDINAL_WORDS) + r"))\b"
    r"(?!\s+(?:[A-Z0-9]|(?:\w+\s+)?(?i:" + _EDITION.pattern + ")))"
)

# "a 3rd offence", "the 2nd batch": a numbered ordinal counting something that is no edition.
_COUNTING_ORDINAL = re.compile(
    r"\b(\d{1,2}(?:st|nd|rd|th))(?=\s+(?i:offen[cs]es?|violations?|infractions?|times?|days?|years?"
    r"|anniversary|phases?|batch(?:es)?|quarters?|place|largest|biggest|highest|lowest)\b)"
)

# A numbered name as canonical text spells it: "inc-3", and a part of one, "inc-5.2" (the resumed
# fifth session), which is not "inc-5".
NUMBERED_NAME = r"[a-z]{1,12}-\d{1,3}(?:\.\d{1,2})?(?![\d.]*\d)"

YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")

# Number prefixes that are units or counts, not the name of a numbered thing ("30 percent").
_NOT_A_NAME = {
    "in",
    "on",
    "at",
    "by",
    "of",
    "to",
    "for",
    "from",
    "since",
    "until",
    "and",
    "or",
    "the",
    "rm",
    "us",
}


def canonical(text: str) -> str:
    """Lower-cased text with numbered names joined ("INC 3", "inc-3" -> "inc-3") and ordinals as digits,
    editions named in other languages too ("ครั้งที่ 9", "第九届", "제9차" -> "9th"; see editions.py)."""
    text = _NUMBERED.sub(_join_numbered, read_editions(text.translate(_DASHES)))
    pattern = r"\b(" + "|".join(ORDINAL_WORDS) + r")\b"
    return re.sub(pattern, lambda m: ORDINAL_WORDS[m.group(1)], text.lower())


def _join_numbered(match: re.Match[str]) -> str:
    word, number = match.group(1).rstrip("- "), match.group(2)
    if word.lower() in _NOT_A_NAME:
        return match.group(0)
    return f"{word.lower()}-{int(number)}"


# Thai (and often Lao) text counts years in the Buddhist era, 543 ahead: 2566 is 2023.
_BUDDHIST_SCRIPT = re.compile("[\u0e00-\u0eff]")
_BUDDHIST_YEAR = re.compile(r"(?<![\d,.])25\d\d(?![\d,.])")


def exact_tokens(text: str) -> frozenset[str]:
    """The canonical tokens `has_exact` matches in `text` (numbered names, ordinals, numbers, and the
    common-era years of Thai and Lao text's Buddhist-era ones); not memoised, for reading many texts
    once (a collection's titles)."""
    tokens = set(re.findall(rf"{NUMBERED_NAME}|\d{{1,3}}(?:st|nd|rd|th)|\d+", canonical(text)))
    if _BUDDHIST_SCRIPT.search(text):
        tokens |= {str(int(y) - 543) for y in _BUDDHIST_YEAR.findall(text)}
    return frozenset(tokens)


_canonical_tokens = lru_cache(maxsize=8192)(exact_tokens)


def has_exact(text: str, token: str) -> bool:
    """Whether `text` holds `token` as a whole canonical token ("inc-3" is not in "inc-30")."""
    return token in _canonical_tokens(text)


# What a counting ordinal counts, as canonical text says it: "a 2nd batch", "the third offence".
_COUNTED_NOUN = (
    r"(offen[cs]e|violation|infraction|batch|phase|stage|tranche|round|quarter|place|prize)(?:s|es)?"
)
_COUNTED_ORDINAL = re.compile(rf"\b(\d{{1,2}}(?:st|nd|rd|th))\s+(?:[a-z-]+\s+){{0,2}}?{_COUNTED_NOUN}\b")


_NUMBERED_COUNT = re.compile(rf"\b{_COUNTED_NOUN}[- ](?:no\.? ?)?(\d{{1,2}})\b(?![.,/:]\d)")


# "Caught the 3rd time", "fined a second time": an offence counted by its times.
_OFFENCE_TIME = re.compile(r"\b(\d{1,2}(?:st|nd|rd|th))\s+time\b")
_OFFENDING = re.compile(r"\b(?:caught|fined|penali[sz]|violat|offen[cd]|breach|break|repeat)")
_FINED = re.compile(r"(?i)denda|kompaun|sanksi|multa|phạt|ปรับ|罚|과태료|벌금|penalt|fine")


def counted_ordinals(question: str, *, told: bool = True) -> tuple[tuple[str, str], ...]:
    """(ordinal, noun) of each "second batch", "3rd offence" or "batch 1" a question asks about;
    `told=False` leaves out the offences only told by their times ("caught the 3rd time"), which
    point to the right row of a table but are no name a quote must repeat."""
    text = canonical(question)
    found = _COUNTED_ORDINAL.findall(text)
    if told and _OFFENDING.search(text):
        found += [(ordinal, "offence") for ordinal in _OFFENCE_TIME.findall(text)]
    # "denda kesalahan pertama", "multa sa ikalawang paglabag", "首次违规罚多少": asked with a fine.
    if _FINED.search(question):
        said = question.lower()
        found += [(ordinal(n), "offence") for n in range(1, 10) if re.search(_natively(n), said)]
    found += [(ordinal(int(n)), noun) for noun, n in _NUMBERED_COUNT.findall(text)]
    return tuple(dict.fromkeys((ordinal, noun) for ordinal, noun in found))


def _one_of_series(noun: str, ordinal: str, number: str) -> str:
    """A pattern for one of a series in canonical text: "2nd batch", "second training batch", "Batch 2"."""
    noun = re.sub(r"offen[cs]e", "(?:offen[cs]e|time)", noun)  # "caught a third time" is a 3rd offence
    noun = re.sub(r"^(?:place|prize)$", "(?:place|prize)", noun)  # "took first place": won the first prize
    return rf"\b{ordinal}\s+(?:[a-z-]+\s+){{0,3}}?{noun}|\b{noun}(?:s|es)?[- ](?:no\.? ?)?{number}\b"


# An offence counted in the officials' languages: "kesalahan pertama", "ikalawang paglabag", "vi phạm
# lần thứ hai", "ครั้งที่ 2", "第三次", "2차 위반", "4번째 위반". The ordinal words are 1st to 5th's; past
# them an offence is counted in digits only.
_NATIVE_ORDINALS = (
    "pertama|unang|đầu|แรก|一|首|첫",
    "kedua|ikalawang|hai|สอง|二|두",
    "ketiga|ikatlong|ba|สาม|三|세",
    "keempat|ikaapat|tư|สี่|四|네",
    "kelima|ikalimang|năm|ห้า|五|다섯",
)
_NATIVE_OFFENCE = (
    r"(?:kesalahan|pelanggaran)\s+(?:yang\s+)?(?:kali\s+)?(?:ke-?{n}\b|(?:{w})\b)"
    r"|\b(?:ika-?{n}|{w})(?:ng)?\s+(?:na\s+)?(?:paglabag|pagkakasala)"
    r"|vi phạm\s+lần\s+(?:thứ\s+)?(?:{n}|{w})\b|lần\s+(?:thứ\s+)?(?:{n}|{w})\s+vi phạm"
    r"|ครั้งที่\s*(?:{n}(?!\d)|{w})|ครั้ง(?:{w})|第(?:{n}|{w})次|(?:{w})次违"
    r"|(?<!\d){n}\s*(?:[차회]|번째)\s*위반|위반\s*{n}\s*회|(?:{w})\s*번째\s*위반"
)


def _natively(n: int) -> str:
    """The pattern of the n-th offence in other languages than English ('' past the ninth)."""
    if not 1 <= n <= 9:
        return ""
    return _NATIVE_OFFENCE.format(n=n, w=_NATIVE_ORDINALS[n - 1] if n <= len(_NATIVE_ORDINALS) else "(?!)")


def states_ordinal(text: str, ordinal: str, noun: str) -> bool:
    """Whether text speaks of that one ("the second batch", "Batch 2", "phase-2"), not only of
    another ("A first batch of products ... has been published" is no second batch)."""
    number = re.match(r"\d+", ordinal)
    pattern = _one_of_series(noun, ordinal, number.group() if number else "")
    if re.search(pattern, canonical(text)):
        return True
    # An enumerated series names the noun in its earlier steps only: "(1) a PHP1,000 fine for a first
    # offence; (2) a PHP3,000 fine for a second offence ...; and (3) a PHP5,000 fine" states the third.
    n = int(number.group()) if number else 0
    if n > 1 and re.search(rf"\(\s*{n}\s*\)", text):
        before = _one_of_series(noun, editions.ordinal(n - 1), str(n - 1))
        if re.search(before, canonical(text)):
            return True
    # Read as written: the canonical form has made "lần thứ hai" and "ครั้งที่ 2" plain ordinals.
    native = _natively(n) if number and noun.startswith("offen") else ""
    return bool(native) and re.search(native, text.lower()) is not None


def states_other_ordinal(text: str, ordinal: str, noun: str) -> bool:
    """Whether text speaks only of another one of the same series: "the second batch finished
    today" for a question on batch 1."""
    if states_ordinal(text, ordinal, noun):
        return False
    return re.search(_one_of_series(noun, r"\d{1,2}(?:st|nd|rd|th)", r"\d{1,2}"), canonical(text)) is not None


def question_canonical(question: str) -> str:
    """A question's canonical text, with ordinal words that name no edition left as words."""
    question = _COUNTING_ORDINAL.sub(lambda m: m.group(1) + "_", question)
    return canonical(_PLAIN_ORDINAL.sub(lambda m: m.group(1) + "_", question))
