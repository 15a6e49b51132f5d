"""What a question limits itself to (where, when, the latest, in force), which documents a newer one
replaces, and where two cited documents disagree. Everything reads the documents' facts kept with the
index (`retriever.documents()` or the manifest's "documents"), so no file is read at question time."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .chunking import split_sentences
from .dates import find_dates
from .facts import DocFacts, date_role
from .grounding import canonical, focus
from .places import CITIES, COUNTRIES, find_places

# Country and capital names in the collection's question languages that places.py cannot find in text
# without spaces between words ("ในประเทศไทย", "在马来西亚"). Scripts without spaces match anywhere.
_LOCAL = {
    "Malaysia": "马来西亚|馬來西亞|말레이시아|มาเลเซีย|Ma-lai-xi-a|Malaixia",
    "Indonesia": "印度尼西亚|印尼|인도네시아|อินโดนีเซีย|In-đô-nê-xi-a",
    "Thailand": "泰国|泰國|태국|ประเทศไทย|Thái Lan",
    "Viet Nam": "越南|베트남|เวียดนาม|Việt Nam",
    "Philippines": "菲律宾|菲律賓|필리핀|ฟิลิปปินส์|Filipina|Phi-líp-pin",
    "Singapore": "新加坡|싱가포르|สิงคโปร์|Singapura|Xin-ga-po",
    "Cambodia": "柬埔寨|캄보디아|กัมพูชา|Kemboja|Kamboja|Campuchia",
    "Lao PDR": "老挝|老撾|라오스|ประเทศลาว|Lào",
    "Myanmar": "缅甸|緬甸|미얀마|เมียนมา|พม่า|Mi-an-ma",
    "Brunei Darussalam": "文莱|汶萊|브루나이|บรูไน|Bru-nây",
    "China": "中国|中國|중국|ประเทศจีน|Trung Quốc|Tiongkok|Cina",
    "Japan": "日本|일본|ญี่ปุ่น|Nhật Bản|Jepun|Jepang",
    "Republic of Korea": "韩国|韓國|한국|대한민국|เกาหลีใต้|Hàn Quốc|Korea Selatan",
    "Taiwan": "台湾|台灣|대만|ไต้หวัน|Đài Loan",
    "India": "印度|인도|อินเดีย|Ấn Độ",
    "Kuala Lumpur": "吉隆坡|쿠알라룸푸르|กัวลาลัมเปอร์",
    "Bangkok": "曼谷|방콕|กรุงเทพ",
    "Jakarta": "雅加达|자카르타|จาการ์ตา",
    "Hanoi": "河内|하노이|ฮานอย|Hà Nội",
    "Hainan": "海南",
}
# "the Bangkok Declaration", "the Paris Agreement": a place inside an instrument's name is no filter.
_NAMED_AFTER = re.compile(
    r"\s+(?:Declaration|Agreement|Convention|Protocol|Vision|Commitment|Statement|Accord|Charter|Principles)\b"
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
    (re.compile(rf"(?:ในปี|在)\s*{_YEAR}(?!\d)"), "in"),
    (re.compile(rf"(?<!\d){_YEAR}\s*년에"), "in"),
]
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
_DRAFT = re.compile(r"\b(?:draft|proposed|proposal|consultation)\b", re.I)
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


def _entries(documents: Iterable[Mapping[str, Any]] | Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """doc_id -> entry, from `retriever.documents()` (a list with "id") or a manifest's "documents"."""
    if isinstance(documents, Mapping):
        return dict(documents)
    return {d["id"]: d for d in documents}


def _facts(entry: Mapping[str, Any]) -> DocFacts:
    return DocFacts.from_dict(entry.get("facts") or {})


def _local_places(text: str) -> list[tuple[str, str, str, int]]:
    """(name, country, kind, offset) of local-language names in `text`."""
    found = []
    for name, others in _LOCAL.items():
        country = name if name in COUNTRIES else CITIES[name][0]
        kind = "country" if name in COUNTRIES else "city"
        for other in others.split("|"):
            spaced = other.isascii() or any("a" <= c.lower() <= "z" for c in other)
            pattern = rf"(?<!\w){re.escape(other)}(?!\w)" if spaced else re.escape(other)
            found += [(name, country, kind, m.start()) for m in re.finditer(pattern, text)]
    return found


def _question_places(question: str) -> list[tuple[str, str, str]]:
    """(name, country, kind) of the countries and cities a question names, in order, once each."""
    found = [
        (p.name, p.country, p.kind, p.span[0])
        for p in find_places(question)
        if p.kind != "region" and not _NAMED_AFTER.match(question, p.span[1])
    ]
    found += _local_places(question)
    ordered = sorted(found, key=lambda f: f[3])
    return list(dict.fromkeys((name, country, kind) for name, country, kind, _ in ordered))


def _place_docs(place: tuple[str, str, str], entries: dict[str, Any]) -> set[str]:
    """Documents about a country (its own place or among its countries), or about a city: set in that
    city, or in no one city and about its country (national measures, documents on several cities)."""
    name, country, kind = place
    out = set()
    for doc_id, entry in entries.items():
        f = _facts(entry)
        if (kind == "country" and (f.country == name or name in f.countries)) or (
            kind == "city" and (f.city == name or (not f.city and country in (f.country, *f.countries)))
        ):
            out.add(doc_id)
    # A city no document is set in is no filter, even when its country's documents exist.
    if kind == "city" and not any(_facts(entries[d]).city == name for d in out):
        return set()
    return out


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


def _dates(entry: Mapping[str, Any], deadline: bool = False) -> list[str]:
    """A document's own dates: its date, announced, in force, its events' starts (and deadline)."""
    f = _facts(entry)
    values = [
        entry.get("date", ""),
        f.announced,
        f.in_force,
        *(e.get("start", "") for e in entry.get("events", ())),
    ]
    return [v for v in [*values, f.deadline if deadline else ""] if v]


def _in_range(value: str, date_from: str | None, date_to: str | None) -> bool:
    return not (date_from and value[: len(date_from)] < date_from) and not (
        date_to and value[: len(date_to)] > date_to
    )


def parse(
    question: str,
    documents: Iterable[Mapping[str, Any]] | Mapping[str, Mapping[str, Any]],
    *,
    today: dt.date | None = None,
) -> Scope:
    """The filter a question states, resolved to the documents it keeps (see `Scope`)."""
    text = unicodedata.normalize("NFC", " ".join(question.split()))
    entries = _entries(documents)
    keep = set(entries)
    words: list[str] = []
    places = []
    for place in _question_places(text):
        docs = _place_docs(place, entries)
        if docs:  # a place the collection has no document about is no filter
            places.append((place, docs))
    if places:
        keep = set().union(*(docs for _, docs in places))
        words.append("about " + ", ".join(p[0] + (f" ({p[1]})" if p[2] == "city" else "") for p, _ in places))
    date_from, date_to, when = _time(text)
    if when:
        due = when.endswith("or later")  # a year asked about: a plan due then speaks of it too
        keep = {d for d in keep if any(_in_range(v, date_from, date_to) for v in _dates(entries[d], due))}
        words.append(when)
    in_force = bool(_IN_FORCE.search(text))
    # "the latest on INC-3" names its document: recency would only hide it.
    latest = bool(_LATEST.search(text)) and not in_force and not focus(text).exact
    kind = ""
    if latest or in_force:
        kind = "regulation" if in_force else next((k for k, rx in _KIND_RES.items() if rx.search(text)), "")
        narrowed = {d for d in keep if _facts(entries[d]).kind == kind} if kind else keep
        keep, kind = (narrowed, kind) if narrowed or in_force else (keep, "")
    if in_force:
        now = (today or dt.date.today()).isoformat()
        replaced = set(superseded_by(entries))
        keep = {
            d
            for d in keep
            if d not in replaced
            and not _DRAFT.search(entries[d].get("title", ""))
            and all(
                v <= now[: len(v)] for v in (_facts(entries[d]).in_force, _facts(entries[d]).announced) if v
            )
        }
        words.append("in force now")
    if latest:
        years = {d: max((int(v[:4]) for v in _dates(entries[d])), default=0) for d in keep}
        newest = max(years.values(), default=0)
        keep = {d for d in keep if years[d] and years[d] > newest - RECENT_YEARS}
        if newest:
            words.append(f"({newest - RECENT_YEARS + 1} onwards)")
    if not (words or latest):
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


_NAME_FILLER = frozenset(["the", "a", "an", "of", "on", "no", "nr", "number", "and", "for", "in", "to"])


def _tokens(text: str) -> list[str]:
    """Lower-cased words of a name without filler ("Sub-Decree No. 168" -> sub, decree, 168)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())
    return [w for w in words if w not in _NAME_FILLER]


def _names_document(name: str, doc_id: str, entry: Mapping[str, Any]) -> bool:
    """Whether a replaced document's name is this document: its id, file name or source, or a title
    holding every word of the name (numbers exactly) when the name says enough (a number or 3 words)."""
    file_name = doc_id.rsplit("/", 1)[-1]
    if name in (doc_id, file_name, file_name.rsplit(".", 1)[0], entry.get("source")):
        return True
    words = _tokens(name)
    if not (any(w.isdigit() for w in words) or len(words) >= 3):
        return False
    return set(words) <= set(_tokens(entry.get("title", "")))


def superseded_by(
    documents: Iterable[Mapping[str, Any]] | Mapping[str, Mapping[str, Any]],
) -> dict[str, str]:
    """doc_id -> the doc_id of the newer document replacing it, from each document's facts.supersedes
    (matched by id, file name, source or title words; a name matching several documents is left out)."""
    entries = _entries(documents)
    out: dict[str, str] = {}
    for newer, entry in sorted(entries.items(), key=lambda e: str(e[1].get("date", ""))):
        name = _facts(entry).supersedes.strip()
        matches = [d for d, e in entries.items() if name and d != newer and _names_document(name, d, e)]
        if len(matches) == 1:
            out[matches[0]] = newer  # sorted by date: the newest replacement wins
    return out


# --- sources that disagree -------------------------------------------------------------------------

_THINGS = frozenset([
    "ban", "levy", "charge", "tax", "fee", "decree", "ordinance", "act", "law", "regulation",
    "rule", "plan", "roadmap", "campaign", "forum", "workshop", "meeting", "session", "conference", "summit",
    "training", "target", "scheme", "programme", "program", "policy", "deposit", "consultation",
    "declaration", "strategy", "initiative", "prohibition", "recycling", "collection", "rate", "reduction",
])  # fmt: skip
_HELD = re.compile(
    r"\b(?:held|took place|takes place|will take place|convened|opened|hosted|organi[sz]ed)\b", re.I
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,9}\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][a-z][\w'’-]*)+")
_FIGURE = re.compile(
    r"(?P<cur>RM|US\$|NT\$|S\$|Rp\.?|THB|€|£|\$)?\s?(?P<num>\d+(?:[.,]\d+)*)\s*"
    r"(?P<unit>%|percent|per cent|tonnes?|tons?|kg|kilograms?|million|billion|baht|ringgit|rupiah|yen|won|"
    r"pesos?|cents?|bags|bottles|items)?(?!\w)",
    re.I,
)
_STOP = frozenset([
    "the", "a", "an", "of", "to", "in", "on", "for", "by", "and", "or", "with", "from", "per",
    "at", "as", "is", "are", "was", "were", "be", "its", "their",
])  # fmt: skip


@dataclass(frozen=True)
class Side:
    """One document's version: its id, title and date, the value it gives, and the verbatim sentence."""

    doc_id: str
    title: str
    date: str
    value: str  # the differing date or figure, as written
    sentence: str


@dataclass(frozen=True)
class Disagreement:
    """Two documents giving different dates or figures for the same thing, side by side."""

    subject: str  # the shared names and thing, e.g. "hainan · ban"
    kind: str  # "date:in_force" | "date:announced" | "date:deadline" | "date:held" | "figure:<unit>"
    sides: tuple[Side, Side]


@dataclass(frozen=True)
class _Sentence:
    doc_id: str
    title: str
    date: str
    text: str
    names: frozenset[str]
    strong: frozenset[str]  # places and numbered names: one of these shared names the same thing
    things: frozenset[str]
    dates: dict[str, list[tuple[str, str, str]]]
    figures: dict[str, list[tuple[float, str, frozenset[str]]]]


def _sentences(items: Iterable[Any]) -> list[_Sentence]:
    """The sentences of citations (their quotes) or passages (their text) that state a date or figure."""
    out = []
    for item in items:
        text = getattr(item, "quote", None) or getattr(item, "text", "")
        date = str(getattr(item, "date", "") or "")
        for a, b in split_sentences(text):
            s = text[a:b]
            dates = _date_values(s, int(date[:4]) if re.match(r"\d{4}", date) else None)
            figures = _figure_values(s)
            if not (dates or figures):
                continue
            strong = {p.name.lower() for p in find_places(s)}
            strong |= set(re.findall(r"\b[a-z]{1,12}-\d{1,3}\b", canonical(s)))
            names = set(strong)
            names |= {a.lower() for a in _ACRONYM.findall(s) if not a.isdigit()}
            names |= {m.group().lower() for m in _CAPITALISED.finditer(s)}
            words = {
                w.rstrip("s") if w.rstrip("s") in _THINGS else w for w in re.findall(r"[a-z]+", s.lower())
            }
            title = getattr(item, "title", "")
            things = frozenset(words & _THINGS)
            out.append(
                _Sentence(
                    item.doc_id, title, date, s, frozenset(names), frozenset(strong), things, dates, figures
                )
            )
    return out


# Pure in their sentence, and answers keep quoting the same passages: worth remembering.
@lru_cache(maxsize=8192)
def _date_values(s: str, year: int | None) -> dict[str, list[tuple[str, str, str]]]:
    """role -> [(start, end, as written)] of the dates a sentence states with a role."""
    mentions = find_dates(s, year)
    out: dict[str, list[tuple[str, str, str]]] = {}
    for m, nxt in zip(mentions, [*mentions[1:], None], strict=False):
        role, _ = date_role(s, m, nxt.span[0] if nxt else None)
        if not role and _HELD.search(s):
            role = "held"
        if role in ("announced", "in_force", "deadline", "held"):
            out.setdefault(f"date:{role}", []).append((m.start, m.end, s[m.span[0] : m.span[1]]))
    return out


@lru_cache(maxsize=8192)
def _figure_values(s: str) -> dict[str, list[tuple[float, str, frozenset[str]]]]:
    """unit -> [(value, as written, words around it)] of the figures with a unit or currency."""
    out: dict[str, list[tuple[float, str, frozenset[str]]]] = {}
    for m in _FIGURE.finditer(s):
        unit = (m.group("cur") or m.group("unit") or "").lower()
        unit = unit.replace("per cent", "%").replace("percent", "%")
        if not unit:
            continue
        near = re.findall(
            r"[a-z]+", (s[max(0, m.start() - 40) : m.start()] + s[m.end() : m.end() + 40]).lower()
        )
        words = frozenset(w for w in near if w not in _STOP and len(w) > 2)
        value = float(m.group("num").replace(",", ""))
        out.setdefault(f"figure:{unit.rstrip('s')}", []).append((value, m.group().strip(), words))
    return out


def _compatible(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """The two dates (or ranges) overlap when read at the coarser precision ("2020" and "2020-12-01")."""
    n = min(len(a[0]), len(b[0]))
    return not (a[1][:n] < b[0][:n] or b[1][:n] < a[0][:n])


def _side(s: _Sentence, value: str) -> Side:
    return Side(s.doc_id, s.title, s.date, value, s.text)


def disagreements(items: Iterable[Any]) -> list[Disagreement]:
    """Pairs of cited documents (Citations or Passages) whose sentences about the same named thing give
    different dates of the same role, or different figures of the same unit and measure. Conservative:
    both sentences must share a place or numbered name (or two other names: acronyms, capitalised names)
    and a thing (ban, plan, forum, ...), and no value of one may agree with a value of the other."""
    sentences = _sentences(items)
    found: dict[tuple[str, str, str], Disagreement] = {}
    for i, x in enumerate(sentences):
        for y in sentences[i + 1 :]:
            names, things = x.names & y.names, x.things & y.things
            # "Reform Commission" alone (two commissions, two plans) is too weak a subject.
            if x.doc_id == y.doc_id or not things or not (len(names) >= 2 or x.strong & y.strong):
                continue
            subject = " · ".join(sorted(names)[:3] + sorted(things)[:2])
            for kind in sorted(x.dates.keys() & y.dates.keys()):
                dx, dy = x.dates[kind], y.dates[kind]
                if not any(_compatible(a, b) for a in dx for b in dy):
                    sides = (_side(x, dx[0][2]), _side(y, dy[0][2]))
                    found.setdefault((x.doc_id, y.doc_id, kind), Disagreement(subject, kind, sides))
            for kind in sorted(x.figures.keys() & y.figures.keys()):
                fx, fy = x.figures[kind], y.figures[kind]
                # The same measure: words around the figures shared; no figure of one in the other.
                pairs = [(a, b) for a in fx for b in fy if a[2] & b[2]]
                if pairs and not any(a[0] == b[0] for a in fx for b in fy):
                    sides = (_side(x, pairs[0][0][1]), _side(y, pairs[0][1][1]))
                    found.setdefault((x.doc_id, y.doc_id, kind), Disagreement(subject, kind, sides))
    return list(found.values())
