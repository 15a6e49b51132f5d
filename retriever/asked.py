"""What a question already says and asks for (an amount, a count, a person), and whether a sentence
states it: a sentence "states" the asked fact when it adds a value of that kind beyond the question.
Which kind is asked is `question_words`' to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import amounts, counting, glossary, specifics
from .counting import IDENTIFIER, NUMBER, per_units
from .exact import YEAR, canonical
from .lang import detect, is_latin
from .persons import (
    ASKS_PERSON,
    NAME_ASKED,
    NAME_OF_ROLE,
    ROLE,
    names_a_person,
    nationality_asked,
    serves_elsewhere,
)
from .places import find_places
from .question_words import JAIL_TERM
from .stated import (
    COUNT_WORD,
    CURRENCY_WORDS,
    DATE_SPAN,
    DOCUMENT_NUMBER,
    DURATION,
    HYPHENATED,
    MEASURED,
    MEASURES,
    MONTH,
    PERSON_NAMED,
    PERSON_TITLE,
    VENUE,
    WEEKDAYS,
)

# "How long", and its kin in other languages ("berapa lama", "bao lâu", 多久; a count of a unit of time,
# "ilang buwan" or 몇 년, as `counting` reads it).
_DURATION_ASKED = re.compile(
    r"\bhow long\b|\b(?:days?|weeks?|months?|years|hours?)\b|\bberapa lama\b|\bgaano katagal\b"
    rf"|{JAIL_TERM}|{counting.UNITS_ASKED.pattern}"
    r"|\bbao lâu\b|นาน(?:เท่าไร|เท่าไหร่|แค่ไหน)|多久|多长时间|多長時間|얼마나 오래|기간",
    re.IGNORECASE,
)


# A cabinet member is a minister in most of the region and a secretary in the Philippines ("DENR
# Secretary Loyzaga" is the minister who launched the NPAP).
_SAME_ROLE = {"minist": "minist|secret", "secret": "secret|minist"}
# Bounded by Latin letters and digits only: "KEP를", "EPR을" hold an acronym before a Korean particle.
ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{1,9}(?![A-Za-z0-9])")

# "How many" in each language, where it differs from "how much" (Indonesian "berapa", Chinese 多少 ask both;
# 多少 before a classifier, 多少张 or 多少家, asks how many).
_COUNT_ASKED = re.compile(
    r"\bhow many\b|กี่(?!โมง)|\bmấy\b|几|幾|몇(?!\s*(?:년|월|일|시))|\bilan(?:g)?\b|ຈັກ|ဘယ်နှစ်"
    r"|多少(?=[张張个個家名位次份台件所座项項条條])",
    re.IGNORECASE,
)
# "몇 %", "กี่เปอร์เซ็นต์", "mấy phần trăm" ask for a share, not a count.
_PERCENT_COUNTED = re.compile(
    r"(?:\bhow many|กี่|\bmấy|几|幾|몇|\bilang?|ຈັກ)\s*"
    r"(?:%|per ?cent|เปอร์เซ็นต์|phần trăm|퍼센트|프로|porsyento|ເປີເຊັນ)",
    re.IGNORECASE,
)
# "What's the (minimum) share ...": the word a question asks for by "what".
_WHAT_THE = re.compile(
    r"\bwhat(?:['’]?s| is| are| was| were)?\s+(?:the\s+)?(?:(?:min|max|minimum|maximum|average|total)\s+)?"
    r"(\w+)",
    re.IGNORECASE,
)
# "How many ringgit is the fine?" counts money.
_CURRENCY_COUNTED = re.compile(rf"\bhow many (?:{CURRENCY_WORDS}|won|dong)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Asked:
    """What a question already says and how it asks, read once per question rather than once for
    each sentence weighed against it."""

    said: str  # the question, canonical: a value it holds is not news
    measure: str  # money | weight | percent | "" (a "how much" question's unit)
    measured: tuple[str, ...]  # the words asking for it ("harga", "price", "fine")
    person: bool  # it asks for a person, not a body
    name: bool  # ... by name: a title alone ("the Mayor of Cebu City") does not answer
    nationality: str  # ... serving this country ("which Japanese minister"); "" for any
    role: str  # ... by this English role ("mayor"), "" for none
    counted: frozenset[str]  # stems of what "how many" counts; empty for none
    count: bool  # it asks how many (a count), not how much
    how_long: bool  # it asks for a duration, so "a two-day tour" counts
    per: frozenset[str]  # what an asked rate is per ("kg"); empty for none
    amount_of: tuple[str, ...]  # what an asked amount is of: ("penalty",) wants a fine, not a tax
    actor: str  # who an asked amount is for: "person" or "business" ("" for either)
    date_of: tuple[str, ...]  # what an asked date is of: ("start",) wants the day it took effect
    place_of: tuple[str, ...]  # what an asked place is: ("building",) wants a hotel or hall, not a city
    who_of: tuple[str, ...]  # what an asked person or body did: ("funder",) wants who paid, not who met


@lru_cache(maxsize=1024)
def _asked(question: str) -> _Asked:
    role = ROLE.search(question)
    # A question in another language is read with the English of its glossary terms too: "罚多少钱"
    # and "ពិន័យប៉ុន្មាន" ask for a fine as "what is the fine?" does, "ຜູ້ເຂົ້າຮ່ວມຈັກຄົນ" for people.
    english = " ".join(glossary.translate(question).english)
    glossed = f"{question} {english}"
    measure = next((m for m, (asks, _) in MEASURES.items() if asks.search(glossed)), "")
    if (head := _WHAT_THE.search(question)) is not None:
        # "whats the min share of plant material for a bag to be exempt from the charge": the measure
        # the question word is put to, not the first one named.
        measure = next((m for m, (asks, _) in MEASURES.items() if asks.fullmatch(head.group(1))), measure)
    if MEASURES["percent"][1].search(question):
        measure = "percent"  # "회수율은 몇 %": a share asked outright, whatever else the question names
    elif _CURRENCY_COUNTED.search(question):
        measure = "money"  # "how many pesos are earmarked": money, whether or not a fine or price is named
    count = _COUNT_ASKED.search(question) is not None and not _PERCENT_COUNTED.search(question)
    if count and measure == "money" and not _CURRENCY_COUNTED.search(glossed):
        # "How many fines were issued?" counts fines; "how much is the fine?" asks for money.
        measure = ""
    return _Asked(
        said=canonical(question),
        measure=measure,
        measured=tuple(m.group() for m in MEASURES[measure][0].finditer(glossed)) if measure else (),
        person=ASKS_PERSON.search(question) is not None or NAME_OF_ROLE.search(question) is not None,
        name=NAME_ASKED.search(question) is not None,
        nationality=nationality_asked(question),
        role=role.group(1).lower() if role else "",
        # A question in another language counts a unit of time ("ilang buwan": months), or people in its
        # glossary's English or in English it mixes in ("Ilan ang participants ...?"); an English one
        # only after "how many".
        counted=counting.counted(question)
        or counting.units_counted(question)
        or counting.things_counted(question)
        or counting.people_counted(english and glossed),
        count=count,
        how_long=_DURATION_ASKED.search(question) is not None,
        per=per_units(question) if detect(question) == "en" else frozenset(),  # "per kantong" is "per bag"
        amount_of=specifics.asked_of(glossed, "number"),
        actor=specifics.actor_asked(glossed),
        date_of=specifics.asked_of(glossed, "when"),
        place_of=specifics.asked_of(glossed, "where"),
        who_of=specifics.asked_of(glossed, "who"),
    )


def measure_words(question: str) -> list[str]:
    """The words by which a question asks for a measured amount ("harga", "price", "fine"), if it does."""
    return list(_asked(question).measured)


def _is_place(name: str) -> bool:
    """Whether a name is a place the gazetteer knows, whole ("Nusa Dua" or "Bali", not "Bali International
    Convention Centre")."""
    return any(p.span == (0, len(name)) for p in find_places(name))


def states_kind(sentence: str, kind: str, question: str = "") -> bool:
    """Whether a sentence holds the kind of fact asked for, beyond what the question already says.

    "Who introduced the Quezon City ban?" is not answered by a sentence whose only names are
    "Quezon City": the answer must add a date, number, name or place of its own.
    """
    asked = _asked(question)

    def novel(values: Iterable[str]) -> bool:
        return any(v.lower() not in asked.said for v in values)

    if kind == "when":
        sentence = DOCUMENT_NUMBER.sub(" ", sentence)  # "Decree 08/2022/ND-CP" is no date
        dates = YEAR.findall(sentence) + [
            m.group() for m in MONTH.finditer(sentence) if NUMBER.search(sentence)
        ]
        return novel(dates) and specifics.speaks_of(sentence, "when", asked.date_of)
    if kind == "number":
        if not specifics.speaks_of(sentence, "number", asked.amount_of):
            return False
        if asked.actor and specifics.speaks_only_of_other_actor(sentence, asked.actor):
            return False  # a company's fine for one asked of a shopper
        if asked.per and (told := per_units(sentence)) and not told & asked.per and detect(sentence) == "en":
            return False  # a rate per bag for one asked per kg
        if amounts.measured_otherwise(question, sentence):
            return False  # tableware for straws, a rate for what it raised, 2 weeks for a year
        if asked.counted & counting.PEOPLE and counting.from_elsewhere(question, sentence):
            return False  # all participants for those from Indonesia, or from companies
        if asked.measure:  # "What is the fine?" wants an amount of money, not any number
            return MEASURES[asked.measure][1].search(sentence) is not None
        # A count or amount, not a date or a name: "30 April 2024" says when, "INC-1" which session,
        # and "a two-day training" how long, unless the question asks how long.
        undated = HYPHENATED.sub(" ", DATE_SPAN.sub(" ", IDENTIFIER.sub(" ", sentence)))
        if not asked.how_long:
            undated = DURATION.sub(" ", undated)
        if asked.count:  # "how many stations" is not answered by "9,000 tons" or "40%"
            undated = MEASURED.sub(" ", undated)
        if asked.counted and is_latin(sentence):
            # "How many people attended?" is not answered by "five events": the count must be of
            # the thing asked (or a word for the same kind of thing) within a few words.
            return novel(counting.counts_of(undated, asked.counted))
        words = COUNT_WORD.findall(undated)
        return novel([n for n in NUMBER.findall(undated) if not YEAR.fullmatch(n)] + words)
    if kind == "who" and not specifics.speaks_of(sentence, "who", asked.who_of):
        return False
    if not is_latin(sentence):
        return True  # no capitalisation to read names from: leave it to the other evidence
    if kind == "who":
        if asked.person:
            # "Who chaired INC-4?" wants a person: a title or a name introduced by its role, and the
            # role asked ("Who was the mayor?" is not answered by a council member's name).
            role = _SAME_ROLE.get(asked.role[:6], asked.role[:6])  # "Ministry" holds "minist"
            if asked.role and re.search(rf"\b(?:{role})", sentence, re.IGNORECASE) is None:
                return False
            if asked.nationality and serves_elsewhere(sentence, asked.nationality):
                return False
            if asked.name:
                return names_a_person(sentence)
            return bool(PERSON_TITLE.search(sentence) or PERSON_NAMED.search(sentence))
        # A name is new when two of its words are ("Quezon City Council" adds only "Council").
        names = re.findall(r"[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|bin|binti|de|van))+", sentence)
        new_name = any(sum(w.lower() not in asked.said for w in n.split()) >= 2 for n in names)
        return bool(PERSON_TITLE.search(sentence)) or new_name or novel(ACRONYM.findall(sentence))
    if kind == "where":
        if not specifics.speaks_of(sentence, "where", asked.place_of):
            return False
        # A place the gazetteer knows, or a venue's name after "at", "held", "hosted" ("at The Athenee
        # Hotel"); after "in" only a known place: "at a later date in 2025, using the Chair's Text"
        # names none, and "due in November 2024" says when.
        known = [p.name for p in find_places(sentence) if p.kind != "region"]
        venues = VENUE.findall(sentence)
        venues = [v for v in venues if not MONTH.fullmatch(v) and v.lower() not in WEEKDAYS]
        return novel(known) or novel(v for v in venues if not _is_place(v))
    return True
