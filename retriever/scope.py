"""What a question limits itself to (where, when, the latest, in force), resolved to the documents it
keeps. Everything reads the documents' facts kept with the index (`retriever.documents()` or the
manifest's "documents") through their catalog, built once per version: no file is read and no
document scanned at question time."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from . import catalog
from . import lang as language
from .grounding import focus, without_contrast
from .place_names import AS_WRITTEN
from .places import find_places

# "the Bangkok Declaration", "the Paris Agreement": a place inside an instrument's name is no filter.
_NAMED_AFTER = re.compile(
    r"\s+(?:Declaration|Agreement|Convention|Protocol|Vision|Commitment|Statement|Accord|Charter|Principles)\b"
)
_CODE = re.compile("[A-Z]{2}")
# A place the question sets aside, in any case: "in NZ (not taiwan)", "bukan Thailand".
_SET_ASIDE = re.compile(
    r"(?:\bnot|\brather than|\binstead of|\bunlike|\bas opposed to|\bexcept|\bbukan|\bkhông phải|\bhindi)"
    r"\s+(?:(?:the|in|at|di|sa|ở)\s+)?$",
    re.I,
)
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_YEAR2 = r"(?P<y2>(?:19|20)\d\d)"
# (pattern, what it sets): since -> from y; after -> from y+1; before -> to y-1; until -> to y; in -> y..y
_TIME: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(?:between|from)\s+{_YEAR}\s+(?:and|to|until|-|–)\s+{_YEAR2}\b", re.I), "range"),
    (re.compile(rf"(?<!\d){_YEAR}\s*[-–]\s*{_YEAR2}(?!\d)"), "range"),
    (
        re.compile(
            rf"\b(?:since|starting(?:\s+(?:in|from))?|as of|from|sejak|semenjak|mulai|kể từ|từ)\s+"
            rf"(?:(?:the\s+)?(?:year|tahun|năm)\s+)?{_YEAR}(?!\d)",
            re.I,
        ),
        "since",
    ),
    (re.compile(rf"(?:ตั้งแต่|自|从)\s*(?:ปี\s*)?{_YEAR}(?!\d)"), "since"),
    (
        re.compile(
            rf"(?<!\d){_YEAR}\s*(?:年\s*(?:以来|起|开始|開始|以后|以後|之后|之後)|년\s*(?:이후|부터))"
        ),
        "since",
    ),
    (
        re.compile(
            rf"\b(?:after|later than|selepas|setelah|sesudah|sau)\s+(?:(?:tahun|năm)\s+)?{_YEAR}(?!\d)", re.I
        ),
        "after",
    ),
    (re.compile(rf"หลัง(?:จาก)?\s*(?:ปี\s*)?{_YEAR}(?!\d)"), "after"),
    (
        re.compile(
            rf"\b(?:before|prior to|earlier than|sebelum|trước)\s+(?:(?:tahun|năm)\s+)?{_YEAR}(?!\d)", re.I
        ),
        "before",
    ),
    (re.compile(rf"ก่อน\s*(?:ปี\s*)?{_YEAR}(?!\d)"), "before"),
    (re.compile(rf"(?<!\d){_YEAR}\s*(?:年\s*(?:以前|之前)|년\s*(?:이전|전))"), "before"),
    (re.compile(rf"\b(?:until|up to|through|hingga|sampai)\s+{_YEAR}(?!\d)", re.I), "until"),
    (re.compile(rf"\b(?:in|during|pada(?:\s+tahun)?|tahun|vào năm|năm)\s+{_YEAR}(?!\d)", re.I), "in"),
    # "the 2025 edition", "its 2023 workshop": an event of that year.
    (
        re.compile(
            rf"(?<!\d){_YEAR}\s+(?:edition|meeting|workshop|forum|session|conference|dialogue|summit"
            rf"|training|course|batch|round|roundtable)s?\b",
            re.I,
        ),
        "in",
    ),
    (re.compile(rf"(?:ในปี|在)\s*{_YEAR}(?!\d)"), "in"),
    (re.compile(rf"(?<!\d){_YEAR}\s*년에"), "in"),
]
# "Tomorrow", "next week": a time after today, which only a document dated then or later (an
# announced event, a rule taking effect) can speak of. "Weather in Da Nang next week? going for a
# meeting" is not answered by the 2023 forum held there.
_SOON = re.compile(
    r"\b(?:tomorrow|tonight|next (?:week|month)|this (?:coming )?weekend|besok|esok|lusa"
    r"|(?:minggu|bulan) depan|ngày mai|tuần (?:sau|tới)|tháng (?:sau|tới)|bukas"
    r"|sa susunod na (?:linggo|buwan))\b"
    r"|พรุ่งนี้|สัปดาห์หน้า|อาทิตย์หน้า|เดือนหน้า|明天|明日|下周|下星期|下個月|下个月|내일|다음 ?주|다음 ?달"
    r"|ថ្ងៃស្អែក|សប្តាហ៍ក្រោយ|ມື້ອື່ນ|ອາທິດໜ້າ|မနက်ဖြန်|နောက်အပတ်",
    re.I,
)
# Not "current" or "recent": "the current status of Sub-Decree 168" asks about one document, old or not.
_LATEST = re.compile(r"\b(?:latest|most recent|newest|terkini|terbaru|mới nhất)\b|ล่าสุด|最新|최신", re.I)
_IN_FORCE = re.compile(
    r"\b(?:currently|now|still|presently)\s+(?:in force|in effect|valid|applicable|applies|apply|enforced)\b"
    r"|\b(?:in force|in effect)\s+(?:now|today|currently|at present)\b|\bcurrently (?:in )?force\b"
    r"|\b(?:sedang|masih) (?:berlaku|berkuat ?kuasa)\b|\bđang có hiệu lực\b|\bcòn hiệu lực\b"
    r"|มีผลบังคับใช้อยู่|ยังมีผลบังคับ|现行|現行|仍然有效|현행|시행 중",
    re.I,
)
# Kind words narrow "the latest ..." and "... in force" (alone they would filter too eagerly).
_KIND_WORDS = {
    "regulation": r"laws?|acts?|regulations?|rules?|bans?|decrees?|ordinances?|levy|levies|tax(?:es)?|"
    r"charges?|measures?",
    "roadmap": r"plans?|roadmaps?|strateg(?:y|ies)|targets?",
    "campaign": r"campaigns?|initiatives?",
    "event": r"events?|forums?|workshops?|meetings?|conferences?|seminars?|sessions?|trainings?|summits?",
}
_KIND_RES = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in _KIND_WORDS.items()}
# "The latest" keeps documents of the newest three calendar years among those otherwise in scope: the
# most recent 3R forum is two years older than the newest document.
RECENT_YEARS = 3


@dataclass(frozen=True)
class Scope:
    """The filter a question states. `doc_ids` is None when it states none; otherwise the documents in
    scope (all filters applied: pass it as `ask(doc_ids=...)`); `date_from`/`date_to` say what time
    was asked (already applied through `doc_ids`, against each document's own dates)."""

    doc_ids: tuple[str, ...] | None = None
    places: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    latest: bool = False
    in_force: bool = False
    kind: str = ""
    description: str = ""

    def empty(self) -> bool:
        """True when the question states no filter the collection can apply."""
        return self.doc_ids is None

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for `ask()` / `search()`: {"doc_ids": [...]} or nothing."""
        return {} if self.doc_ids is None else {"doc_ids": list(self.doc_ids)}


_AS_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, AS_WRITTEN), key=len, reverse=True)) + r")\b", re.IGNORECASE
)


def _names_as_written(question: str) -> str:
    """An English question with the names that are words in another language capitalised: "malang" is
    unlucky in Malay, but "malang's mayor regulation" can only be the city."""
    if not _AS_WORDS.search(question) or language.detect(question) != "en":
        return question
    return _AS_WORDS.sub(lambda m: m.group()[0].upper() + m.group()[1:], question)


def question_places(question: str) -> list[tuple[str, str, str]]:
    """(name, country, kind) of the countries and cities a question names, in order, once each."""
    found = [
        p
        for p in find_places(_names_as_written(question), any_case=True)
        if p.kind != "region"
        and not _NAMED_AFTER.match(question, p.span[1])
        and not _SET_ASIDE.search(question, max(0, p.span[0] - 30), p.span[0])
    ]
    # Two-letter country codes are English usage: Vietnamese shortens its own words in capitals
    # ("KH hành động" is kế hoạch, a plan, not Cambodia). The language is read only when a code is there.
    codes = [p for p in found if _CODE.fullmatch(question[slice(*p.span)])]
    if codes and language.detect(question) == "vi":
        found = [p for p in found if p not in codes]
    ordered = sorted(found, key=lambda p: p.span[0])
    return list(dict.fromkeys((p.name, p.country, p.kind) for p in ordered))


def _time(question: str) -> tuple[str | None, str | None, str]:
    """(date_from, date_to, words) of the time a question states, as documents' dates must meet it.

    "What did Taiwan require in 2011?" is answered by a 2022 document recalling it: a year asked
    about keeps the documents of that year and later (and plans due then), not that year's only.
    """
    for pattern, how in _TIME:
        m = pattern.search(question)
        if not m:
            continue
        y = int(m.group("y"))
        if how == "range":
            y2 = int(m.group("y2"))
            if y2 > y:
                return str(y), str(y2), f"from {y} to {y2}"
            continue
        return {
            "since": (str(y), None, f"since {y}"),
            "after": (str(y + 1), None, f"after {y}"),
            "before": (None, str(y - 1), f"before {y}"),
            "until": (None, str(y), f"up to {y}"),
            "in": (str(y), None, f"of {y} or later"),
        }[how]
    return None, None, ""


def parse(question: str, documents: catalog.Documents, *, today: dt.date | None = None) -> Scope:
    """The filter a question states, resolved to the documents it keeps (see `Scope`)."""
    text = unicodedata.normalize("NFC", " ".join(without_contrast(question).split()))
    docs = catalog.of(documents)
    keep: set[str] | None = None  # None: every document, never listed
    words: list[str] = []
    places = []
    for place in question_places(text):
        found = docs.place_docs(*place)
        if found:  # a place the collection has no document about is no filter
            places.append((place, found))
    if places:
        keep = set().union(*(found for _, found in places))
        words.append("about " + ", ".join(p[0] + (f" ({p[1]})" if p[2] == "city" else "") for p, _ in places))
    date_from, date_to, when = _time(text)
    due = when.endswith("or later")  # a year asked about: a plan due then speaks of it too
    dated = docs.dated(date_from, date_to, due, keep) if when else set()
    # "Tonnes picked up off Hua Hin's beaches in 2023" is told in the city's 2024 report: a year that
    # none of the asked city's own documents is dated leaves its country's dated ones no better.
    own = set().union(*(docs.set_in(p[0]) for p, _ in places if p[2] == "city"))
    if own and not dated & own:
        dated = set()
    if dated:
        keep = dated
        words.append(when)
    elif not when and _SOON.search(text):
        # Unlike a year, a time to come no document meets leaves none: the collection cannot speak of it.
        date_from = ((today or dt.date.today()) + dt.timedelta(days=1)).isoformat()
        keep = docs.dated(date_from, None, False, keep)
        words.append(f"from {date_from}")
    else:
        # A time no document (of the places asked) meets is no filter, like a place no document is
        # about: "Indonesia's target for 2025" is told in a 2024 document. An answer must still
        # come from a document that mentions the year (evidence.py's grounding).
        date_from = date_to = None
    in_force = bool(_IN_FORCE.search(text))
    # "the latest on INC-3" names its document: recency would only hide it.
    latest = bool(_LATEST.search(text)) and not in_force and not focus(text).exact
    kind = ""
    if latest or in_force:
        kind = "regulation" if in_force else next((k for k, rx in _KIND_RES.items() if rx.search(text)), "")
        narrowed = (set(docs.of_kind(kind)) if keep is None else keep & docs.of_kind(kind)) if kind else keep
        keep, kind = (narrowed, kind) if narrowed or in_force else (keep, "")
    if in_force:
        keep = docs.in_force(keep or (), (today or dt.date.today()).isoformat())
        words.append("in force now")
    if latest:
        keep, newest = docs.recent(keep, RECENT_YEARS)
        if newest:
            words.append(f"({newest - RECENT_YEARS + 1} onwards)")
    if not (words or latest) or keep is None:
        return Scope()
    noun = {"regulation": "regulations", "roadmap": "plans", "campaign": "campaigns", "event": "events"}
    description = " ".join(["the latest" if latest else "", noun.get(kind, "documents"), *words]).strip()
    return Scope(
        doc_ids=tuple(sorted(keep)),
        places=tuple(p[0] for p, _ in places),
        date_from=date_from,
        date_to=date_to,
        latest=latest,
        in_force=in_force,
        kind=kind,
        description=description,
    )
