"""How a sentence states a kind of fact: the dates, names, titles, venues, counts and amounts it holds."""

from __future__ import annotations

import re

from .counting import COUNT_WORDS

# A legal document's number, "08/2022/ND-CP" or "No. 12/2018/QH14": a year in it dates nothing.
DOCUMENT_NUMBER = re.compile(r"\b\d{1,4}/(?:19|20)\d\d/[^\W\d][\w-]*")

MONTH = re.compile(
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?"
    r"|nov(ember)?|dec(ember)?)\b|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม"
    r"|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|tháng|[年月日]|월|일",
    re.IGNORECASE,
)

WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])

DATE_SPAN = re.compile(
    r"\b\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}\b",
    re.IGNORECASE,
)

PERSON_TITLE = re.compile(
    r"\b(Mr|Ms|Mrs|Dr|Prof|H\.E|Minister|Mayor|Director|Secretary|Chair|President|Governor|Officer|Head|"
    r"Deputy|Ambassador|Executive|Datuk|Dato'?|Tan Sri|Councill?or|Senator|Commissioner)\b"
)

# A personal name told by its role ("Jeon Wan of the Ministry", "Varawut Silpa-archa, the minister")
# or by what the person did ("chaired by Luis Vayas Valdivieso").
PERSON_NAMED = re.compile(
    r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+(?:,| of the| from the) (?:the )?(?:\w+ ){0,3}"
    r"(?:[Mm]inister|[Mm]ayor|[Dd]irector|[Hh]ead|[Cc]hair|[Ss]ecretary|[Oo]fficer|[Ss]peaker|[Mm]inistry)"
    r"|\b(?:chaired|opened|presided over|led|signed|headed) by "
    r"(?:[A-Z][a-z]*\.? )?[A-Z][a-z]+(?: [A-Z][a-z]+)+"
)

# The whole name: "at the Bali International Convention Centre" names a venue though "Bali" was asked.
VENUE = re.compile(
    r"\b(?:at|held (?:at|in)|hosted (?:at|by)|venue:?)\s+(?i:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
)

HYPHENATED = re.compile(r"\b[A-Za-z]{1,12}-\d{1,3}\b")  # INC-3, COP-28: a name, not a count

_COUNT_WORDS = "|".join(sorted(COUNT_WORDS))
# A number, in digits or words, that a unit or currency word a few characters on is the unit of.
_NUMBER_SAID = rf"(?:\d|\b(?:{_COUNT_WORDS}|billion)\b)"

DURATION = re.compile(
    rf"\b(?:\d+|{_COUNT_WORDS}|a|an)[- ](?:days?|weeks?|months?|years?|hours?|minutes?)\b(?:-long)?",
    re.IGNORECASE,
)

# "One of Asia's dynamic metropolises" counts nothing.
COUNT_WORD = re.compile(rf"\b(?!one\s+(?:of|another)\b)(?:{_COUNT_WORDS})\b", re.IGNORECASE)

# What a "how much" question measures, and how a sentence states it: a question on a fine, fee or
# charge wants money; one in tonnes a weight; one on a rate or share a percentage. Else any count.
_WEIGHT_UNIT = r"\b(?:tons?|tonnes?|kilo(?:gram)?s?|kg|tấn|tan|tonelada)\b|ตัน|吨|公斤|톤|킬로"
_WEIGHT = re.compile(_WEIGHT_UNIT, re.IGNORECASE)
# A weight stated is a number beside its unit ("2.9 tonnes", "ขยะ 2.5 ตัน"): "every tonne we collect"
# weighs nothing.
_WEIGHT_STATED = re.compile(
    rf"{_NUMBER_SAID}[^.;:]{{0,15}}?(?:{_WEIGHT_UNIT})"
    rf"|(?:{_WEIGHT_UNIT})[^.;:]{{0,12}}?\d",
    re.IGNORECASE,
)

# ISO codes and the abbreviations the region's documents print beside an amount ("VT 20,000" in
# Vanuatu, "Tk 50" in Bangladesh, "MOP 1,000" in Macao); none is also an English word.
_CODES = (
    r"RM|Rp|Rs|INR|USD|US\$|EUR|SGD|THB|VND|KHR|PHP|MYR|IDR|CNY|RMB|NT\$|KRW|JPY|HKD|TWD|MOP|BND|LAK|MMK"
    r"|PKR|LKR|NPR|BDT|Tk|MVR|Rf|MNT|AUD|NZD|FJD|VT|VUV|WST|PGK|SBD|GBP|CHF|CAD|KES|KSh|RWF|TZS|UGX|NGN|ZAR"
    r"|KZT|UZS|KGS|BTN|CLP"
)
# Currencies named in words, in the languages' own spelling where the documents use it.
CURRENCY_WORDS = (
    r"dollars?|euros?|ringgit|rupiah|rupees?|baht|đồng|riels?|pesos?|yuan|yen|kyats?|taka|rufiyaa|vatu"
    r"|patacas?|tugriks?|shillings?|francs?|tenge|ngultrum|kina|tala"
)

MEASURES = {
    "money": (
        re.compile(
            r"\b(?:fines?|penalt(?:y|ies)|fees?|charges?|prices?|costs?|levy|levies|tax|deposits?|budget"
            r"|money|spen[dt]|spending|funding|invest(?:ed|ment)"  # "how much money has the city spent"
            r"|(?:denda|kompaun|bayaran|caj|harga|biaya|anggaran|dana)(?:nya)?|multa|bayad|phạt|phí|giá"
            # "How much money" and budgets, in the officials' languages
            r"|magkano|pondo|badyet|kinh phí|ngân sách)\b"
            r"|ค่าปรับ|ค่าธรรมเนียม|ราคา|งบประมาณ|กี่บาท|罚款|罰款|费用|收费|价格|预算|預算"
            r"|벌금|과태료|요금|가격|부담금|예산|ງົບປະມານ|ថវិកា",
            re.IGNORECASE,
        ),
        # A currency code or a short unit word ("won", "sen", "dong") is money only beside a number:
        # "the 3Rs of packaging" holds no rupees, and a plastic-free city no price.
        re.compile(
            r"[$€£¥₩₫฿៛₹]"
            rf"|(?<![A-Za-z0-9])(?:{_CODES})\.?\s?\d|\d\s(?:{_CODES})(?![A-Za-z])"
            # A currency named beside a number ("200 rupiah", "ringgit 5"); "fines in ringgit" states none.
            rf"|{_NUMBER_SAID}[^.;:]{{0,15}}?\b(?:{CURRENCY_WORDS}|cents?)\b"
            rf"|\b(?:{CURRENCY_WORDS})\b[^.;:]{{0,6}}?\d"
            r"|\d\s?(?:won|sen|dong|kip)\b"
            # A fine set in wages or penalty units ("up to 100,000 monthly minimum legal wages").
            rf"|{_NUMBER_SAID}[^.;:]{{0,25}}?\b(?:wages?|salar(?:y|ies)|penalty units?)\b"
            r"|บาท|元|원|엔|free of charge|\bfor free\b|\b(?:is|are|was|were|be|remain|remains) free\b"
            r"|\bat no (?:cost|charge)\b|\bno (?:fee|charge|deposit)",
            re.IGNORECASE,
        ),
    ),
    "weight": (_WEIGHT, _WEIGHT_STATED),  # asked in a unit of weight, stated as a number in one
    "percent": (
        re.compile(
            r"\b(?:rates?|percentages?|percent|share|proportion|persen|peratus|kadar|tỷ lệ|porsyento)\b"
            r"|อัตรา|ร้อยละ|比例|比率|百分|비율|율은|률은|%",
            re.IGNORECASE,
        ),
        re.compile(
            r"%|\bper ?cent\b|\bpercentage points?\b|\bhalf\b|\bone in \w+\b"
            # "a third", "two fifths": a counted fraction ("on the third day" is none)
            r"|\b(?:a|one|two|three|four)[ -](?:third|quarter|fifth|tenth)s?\b"
            r"|persen|peratus|ร้อยละ|เปอร์เซ็นต์|phần trăm|百分之|퍼센트|프로|ເປີເຊັນ|ភាគរយ|ရာခိုင်နှုန်း",
            re.IGNORECASE,
        ),
    ),
}

# An amount measured in a unit (weight, share, money) rather than counted.
MEASURED = re.compile(
    r"(?:[$€£¥₩₫฿៛₹]|\b(?:" + _CODES + r")\.?)\s?\d[\d,.]*(?:\s*(?:million|billion|thousand))?"
    r"|\d[\d,.]*\s*(?:%|per ?cent\b|(?:million |billion )?(?:tons?|tonnes?|kilo(?:gram)?s?|kg|grams?|litres?"
    r"|liters?|km|metres?|meters?)\b|(?:" + _CODES + r")\b"
    rf"|\s?(?:元|圓|บาท|원|{CURRENCY_WORDS}))",
    re.IGNORECASE,
)
