"""The kind of fact a question asks for (when, where, who, a number), read from its question words.

Question words are the one thing no model gives us for free, so they are short word lists per
language; a question that names none asks for no kind in particular.
"""

from __future__ import annotations

import re

from . import specifics
from .lang import is_latin
from .persons import ASKS_ROLE, NAME_OF_ROLE

_CONTRACTED = re.compile(r"\b(what|who|where|when|how)['’]?s\b", re.IGNORECASE)

# A prison term asked for is a figure, and a duration: "jail time for a 3rd offence?"
JAIL_TERM = r"\b(?:jail|prison) (?:time|terms?|sentences?)\b"

# The kind of fact a question asks for, by its question words, per language.
_KINDS = {
    "when": (
        r"\bwhen\b|\bwhat (?:date|year|day|month)\b|\bwhich (?:date|year|day|month)\b|\bsince when\b"
        # "What time does the forum start?", in each language
        r"|\bwhat time\b|\b(?:jam|pukul) berapa\b|\bmấy giờ\b|\banong oras\b|กี่โมง|几点|幾點|몇 ?시(?!간)"
        # Typed as a note: "india SUP ban start date", "deadline for MPR reports"
        r"|\b(?:start|end|effective|closing|opening|due|launch) dates?\b|\bdates? of\b|\bdeadline\b"
        r"|\bdates?\W*$"  # "thai-japan course batch 1 - dates?"
        r"|\bbila(?:kah)?\b|\bkapan(?:kah)?\b|\btarikh\b|\btanggal berapa\b|\btahun berapa\b|\bpada tahun\b"
        r"|เมื่อไร|เมื่อไหร่|เมื่อใด|วันที่เท่าไร|วันที่เท่าไหร่|วันไหน|ปีใด|ปีไหน|ปีอะไร"
        r"|\bkhi nào\b|\bbao giờ\b|\bngày nào\b|\bnăm nào\b|\bthời gian nào\b|\bngày mấy\b|\blúc nào\b"
        r"|\bhồi nào\b|\bkhi nao\b|\bbao gio\b|\bngay nao\b|\bnam nao\b"
        r"|\bkailan\b|\banong petsa\b|\banong taon\b|\banong araw\b"
        r"|何时|什么时候|哪一年|哪年|哪天|哪一天|几月|几号|何年"
        r"|언제|몇 ?년(?:도|에)|며칠|날짜"
        r"|ពេលណា|ថ្ងៃណា|ឆ្នាំណា|ថ្ងៃទីប៉ុន្មាន|ເມື່ອໃດ|ຕອນໃດ|ວັນທີເທົ່າໃດ|ປີໃດ|ဘယ်တုန်း|ဘယ်အချိန်|ဘယ်နေ့|ဘယ်ခုနှစ်"
        r"|လ\s*ဘယ်နှစ်ရက်"  # "ဧပြီလ ဘယ်နှစ်ရက်": which day of April
    ),
    "where": (
        r"\bwhere\b|\bwhich (?:city|country|venue|place|town|province|hotel|building)\b"
        r"|\bwhat (?:venue|city|location|hotel|building)\b"
        r"|\bvenue\b|\blocation\W*$"
        r"|\bdi ?mana(?:kah)?\b|\blokasi\b|\bdi kota mana\b|\bdi negara mana\b"
        r"|ที่ไหน|ที่ใด|สถานที่|จังหวัดใด|ประเทศใด"
        r"|\bở đâu\b|\btại đâu\b|\bđịa điểm\b|\bthành phố nào\b"
        r"|\bsaan\b|\bnasaan\b|\b(?:saang|anong) (?:lugar|lungsod|siyudad|bansa|probinsya|lalawigan|bayan)\b"
        # Which hotel or building, in each language ("hotel mana", "khách sạn nào", 哪家酒店)
        rf"|{specifics.HOTEL_ASKED}"
        r"|哪里|哪裡|在哪|何处|地点|哪个城市|哪座城市"
        r"|어디|어느 도시|장소"
        r"|នៅឯណា|ទីណា|កន្លែងណា|ຢູ່ໃສ|ບ່ອນໃດ|ເມືອງໃດ|ဘယ်မှာ|ဘယ်နေရာ|ဘယ်မြို့"
    ),
    "who": (
        r"\bwho\b|\bwhom\b|\bwhich (?:organi[sz]ation|agency|ministry|institute|body|group|company|official"
        r"|dept|department|office|bureau|authority|council|division|ngo|firm)"
        r"|\bsiapa(?:kah)?\b|\bpihak mana\b|\bagensi mana\b|\binstitusi mana\b"
        r"|ใคร|หน่วยงานใด|องค์กรใด"
        r"|\bai\b|\bcơ quan nào\b|\btổ chức nào\b|\bđơn vị nào\b"
        r"|\bsino\b|\bsinu\b|\bnino\b|\bkanino\b"
        r"|谁|誰|哪个机构|哪些机构|哪个组织|哪些组织|哪个部门"
        r"|누가|누구|어느 기관|어떤 기관"
        r"|នរណា|អ្នកណា|ស្ថាប័នណា|ໃຜ|ອົງການໃດ|ໜ່ວຍງານໃດ|ဘယ်သူ|မည်သူ|ဘယ်အဖွဲ့"
    ),
    "number": (
        r"\bhow (?:many|much|long|big|large)\b"
        # Typed as a note: "fine for a bali restaurant giving out straws?", "penalty amount"
        r"|\b(?:fines?|penalt(?:y|ies)|fees?) (?:for|amount)\b|\b(?:number|amount) of\b"
        r"|\b(?:rates?|percentages?) (?:for|of)\b"
        r"|\b(?:min|max|minimum|maximum)\b|\bwhat did (?:it|they|\w+) cost\b"
        rf"|{JAIL_TERM}"
        r"|\bwhat (?:percentage|share|proportion|amount|rate|number|fines?|penalt(?:y|ies)|fees?)\b"
        r"|\b(?:apa|berapa)(?:kah)? (?:sanksi|denda|hukuman)\b|\b(?:sanksi|denda|hukuman)(?:nya)? apa\b"
        r"|\b(?:anong|ano ang) (?:multa|parusa)\b"
        r"|\bmức phạt\b|\bphạt (?:như )?thế nào\b|\bbị phạt gì\b"  # "what is the fine", in Vietnamese
        r"|\bwhat (?:is|was|are|were|will be) the (?:\w+ )?(?:fine|penalty|fee|charge|rate|percentage|share"
        r"|amount|number|budget|cost|price|target rate|population|size|area|capacity|volume)s?\b"
        r"|\bwhat \w+ (?:rate|percentage|share|fine|fee|penalty|charge)s?\b"
        r"|\bberapa(?:kah)?\b|กี่|เท่าไร|เท่าไหร่|จำนวน|\bbao nhiêu\b|\bmấy\b|\bilan(?:g)?\b|\bmagkano\b"
        r"|多少|几个|几家|几名|百分之|몇|얼마"
        r"|ប៉ុន្មាន|ເທົ່າໃດ|ຈັກ(?:ໂຕນ|ຄົນ|ປະເທດ|ແຫ່ງ|ເປີເຊັນ|ປີ|ວັນ|ຈຸດ|ອັນ|ໜ່ວຍ|ຮ້ານ|ຄັ້ງ|ເທື່ອ|ເດືອນ|ບ່ອນ|ລ້ານ|ກິໂລ|ໂຄງການ|ສະຖານີ|ແຂວງ|ເມືອງ)|ຈຳນວນ|ဘယ်လောက်|မည်မျှ|ဘယ်နှစ်"
    ),
}

_KIND_RES = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in _KINDS.items()}


_ENGLISH_LEAD = re.compile(
    r"\s*(?:what|which|who|whom|whose|how|why|is|are|was|were|do|does|did|can|could)\b", re.IGNORECASE
)
_TRAILING = re.compile(r"\b(?:when|where)\W*$", re.IGNORECASE)
_CONJUNCTION = re.compile(r"\b(?:when|where)\b", re.IGNORECASE)


def question_kind(question: str) -> str:
    """The kind of fact asked for: when, where, who, number, or "" when no kind is clear.

    A question that opens with its question word asks that ("Who was the mayor when the plan was
    announced?" asks who); where the question word comes last (Thai, Chinese, Vietnamese) the
    kinds are tried in a fixed order.
    """
    question = _CONTRACTED.sub(r"\1 is", question)  # "what's the penalty" asks as "what is the penalty"
    opening = question[: len(" ".join(question.split()[:3]))] if is_latin(question) else ""
    found = [(m.start(), kind) for kind, pattern in _KIND_RES.items() if (m := pattern.search(opening))]
    if (role := ASKS_ROLE.match(question.lstrip())) is not None:
        found.append((role.start(), "who"))
    if (role := NAME_OF_ROLE.search(question)) is not None:
        found.append((role.start(), "who"))
    if found:
        return min(found)[1]
    # After an English question word, "when" and "where" join clauses ("What catchphrase did they use
    # when they added Mondays?" asks what) unless they end it ("Is it in force, and since when?").
    if _ENGLISH_LEAD.match(question) and not _TRAILING.search(question):
        question = _CONJUNCTION.sub(" ", question)
    return next((kind for kind in ("when", "where", "who", "number") if _KIND_RES[kind].search(question)), "")


def without_question_words(text: str) -> str:
    """`text` less the words that ask for a kind of fact ("who", "ที่ไหน", "how many"): what it asks about."""
    for pattern in _KIND_RES.values():
        text = pattern.sub(" ", text)
    return " ".join(text.split())
