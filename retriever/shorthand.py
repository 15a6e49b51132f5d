"""Chat shorthand in English questions written out ("govt", "mtg", "ppl", "w/"), so that search, the
question's kind and the words it shares with a sentence read it as the documents spell it."""

from __future__ import annotations

import re

# Only shorthand that means one thing in a question on plastic policy: "min" (minimum or minister),
# "co" (company or Colombia) and "org" (also a web address's ending) are left as typed.
_WORDS = {
    "govt": "government",
    "gov't": "government",
    "govts": "governments",
    "dept": "department",
    "depts": "departments",
    "mtg": "meeting",
    "mtgs": "meetings",
    "ppl": "people",
    "yr": "year",
    "yrs": "years",
    "mgmt": "management",
    "mkt": "market",
    "mkts": "markets",
    "pkg": "packaging",
    "reg": "regulation",
    "regs": "regulations",
    "amt": "amount",
    "hrs": "hours",
    "env": "environment",
    "avg": "average",
    "max": "maximum",
    "approx": "approximately",
    "intl": "international",
    "int'l": "international",
    "natl": "national",
    "nat'l": "national",
    "assn": "association",
    "mfr": "manufacturer",
    "mfrs": "manufacturers",
    "hq": "headquarters",
    "info": "information",
    "abt": "about",
    "thru": "through",
    "smth": "something",
    "w/o": "without",
    "w/": "with",
    "n": "and",  # "styrofoam n straw ban"; a capital N (a name's initial) is left
    "styro": "styrofoam",
}
# A shorthand stands alone: "max" in "Max Müller" or "reg" in "Reg. No. 5" is a name or a label.
_ALTERNATIVES = "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
_SHORTHAND = re.compile(
    rf"(?<![\w'/.-])({_ALTERNATIVES})(?![\w'/-])(?!\.\s?(?:no|\d))",
    re.IGNORECASE,
)


def expand(question: str) -> str:
    """`question` with its chat shorthand written out: "govt mtg" -> "government meeting"."""
    return _SHORTHAND.sub(lambda m: _expanded(m.group()), question)


def _expanded(word: str) -> str:
    if word[0].isupper() and word.lower() in ("max", "reg", "n"):
        return word  # "Max", "Reg", "N": a name or an initial
    return _WORDS[word.lower()]
