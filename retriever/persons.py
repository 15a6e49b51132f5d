"""Who a question asks for by role or by name, and whether a sentence names a person, not only a title."""

from __future__ import annotations

import re

from .places import find_places
from .stated import PERSON_NAMED, PERSON_TITLE

# A question on what one person did or is: the answer names a person, not a body.
ASKS_PERSON = re.compile(
    r"\bwho (?:chaired|opened|presided|spoke|signed|delivered|welcomed|heads?|headed|chairs?|inaugurated"
    r"|moderated|addressed)\b|\bwho (?:gave|made) (?:the |a |an )?(?:\w+ )?(?:remarks|speech|address|keynote)"
    r"|\b(?:mayor|minister|governor|chair(?:man|person|woman)?|speaker|secretary|councill?or|director)\b"
    r"|\bmenteri\b|\bdatuk bandar\b|\bwali ?kota\b|\bpengerusi\b|\balkalde\b|\bkalihim\b"
    r"|\bsiapa(?:kah)? (?:yang )?(?:memimpin|mempengerusikan|merasmikan|meresmikan|membuka|menandatangani)\b"
    r"|\bsino ang (?:namuno|nagbukas|pumirma)\b|\bai (?:chủ trì|khai mạc|ký)\b"
    r"|ใครเป็นประธาน|ใครเปิด|谁主持|谁签署|누가 주재|누가 개회"
    r"|អ្នកណា(?:ជា)?(?:អ្នក)?(?:បើក|ដឹកនាំ|ចុះហត្ថលេខា|ធ្វើជាប្រធាន)|ໃຜ(?:ເປັນຜູ້)?(?:ເປີດ|ເປັນປະທານ|ລົງນາມ|ກ່າວ)"
    r"|ဘယ်သူ.{0,6}(?:ဖွင့်|ဥက္ကဋ္ဌ|လက်မှတ်ထိုး)|谁(?:致|宣布)?开幕|誰(?:致|宣布)?開幕|由谁主持"
    r"|\bbộ trưởng\b|\bthị trưởng\b|\bchủ tịch\b|รัฐมนตรี|ผู้ว่าราชการ|นายกเทศมนตรี|部长|市长|主席|장관|시장|의장",
    re.IGNORECASE,
)

# The role a question asks a person by, in English, as the stem a sentence naming it holds.
ROLE = re.compile(
    r"\b(mayor|minister|governor|chair|speaker|secretary|councill?or|director|president|ambassador)"
    r"(?:s|ed|ing|man|person|woman)?\b",
    re.IGNORECASE,
)


# The roles a question asks a person by.
_ROLE_NAMES = (
    r"mayor|minister|governor|chair(?:man|person|woman)?|speaker|secretary|councill?or|director|official"
    r"|officer|head|president|ambassador|spokesperson"
)
_ROLES = rf"(?:{_ROLE_NAMES})s?\b"
# "Which minister", "what official": a question word asking for a person by role.
ASKS_ROLE = re.compile(r"\b(?:which|what)\s+(?:\w+\s+){0,2}?" + _ROLES, re.IGNORECASE)
# "The name of the mayor", "whats the name of the director general": a person by role, asked anywhere.
NAME_OF_ROLE = re.compile(r"\bnames? of (?:the |a |an )?(?:[\w'’]+[\s-]+){0,4}?" + _ROLES, re.IGNORECASE)
# "Japan's state minister", "the Japanese minister": the country a person asked for by role serves.
_OF_COUNTRY = re.compile(
    rf"(?:['’]s)?\s+(?:[\w'’]+[\s-]+){{0,3}}?(?:delegate|representative|{_ROLE_NAMES})s?\b", re.IGNORECASE
)


def nationality_asked(question: str) -> str:
    """The country whose official a question asks for ("which Japanese minister"), or ""."""
    for place in find_places(question, any_case=True):
        if place.kind == "country" and _OF_COUNTRY.match(question, place.span[1]):
            return place.country
    return ""


def serves_elsewhere(sentence: str, country: str) -> bool:
    """Whether a sentence names countries or cities, none of them in the country asked about: Korea's
    vice-minister does not answer for Japan's."""
    named = {p.country for p in find_places(sentence) if p.kind != "region"}
    return bool(named) and country not in named


# A question asking a person's name: "The Mayor of Cebu City welcomed the delegates" names a role, not her.
NAME_ASKED = re.compile(
    r"\bnames?\b|\bnama(?:nya)?\b|\bpangalan\b|\btên\b|ชื่อ|名字|姓名|이름|ឈ្មោះ|ຊື່|အမည်|နာမည်", re.IGNORECASE
)
# A title followed by the name it belongs to ("Mayor Michael Rama", "Dr. Vijay Kumar"), not by "of".
_TITLED_NAME = re.compile(
    PERSON_TITLE.pattern + r"\.?\s+(?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z'’-]+\b(?!\s+(?:of|for)\b)"
)
# Capitalised words of a role, not of a name: "Director General of the Ministry" names nobody.
_ROLE_WORDS = frozenset(
    {
        "mr", "ms", "mrs", "dr", "prof", "minister", "mayor", "director", "secretary", "chair", "president",
        "governor", "officer", "head", "deputy", "vice", "ambassador", "executive", "datuk", "dato",
        "councillor", "councilor", "senator", "commissioner", "general", "regional", "chief", "senior",
        "acting", "permanent", "assistant", "under", "the", "city", "provincial", "national",
        "deputy-director", "vice-minister",
    }
)  # fmt: skip


def names_a_person(sentence: str) -> bool:
    """Whether a sentence gives a person's name, not only a title ("Mayor Rama", not "the Mayor of Cebu")."""
    for match in (*_TITLED_NAME.finditer(sentence), *PERSON_NAMED.finditer(sentence)):
        tokens = match.group().split()
        while tokens and not tokens[0][0].isupper():  # "chaired by Luis ..."
            tokens.pop(0)
        name = []  # the capitalised run holding the name: "Director General" of "... of the Ministry"
        for token in tokens:
            if not token[0].isupper():
                break
            name.append(token.strip(",.").lower())
        if any(word not in _ROLE_WORDS for word in name):
            return True
    return False
