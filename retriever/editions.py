"""Editions written in the officials' other languages, read as the English ordinal token ("9th").

"งาน 3R Forum ครั้งที่ 9", "第九届3R论坛", "제9차 3R 포럼", "Diễn đàn 3R lần thứ 9", "Forum 3R ke-9" and
"ika-9 na 3R Forum" all name the edition "the 9th 3R Forum" names, so `exact.canonical` rewrites them
to " 9th " before it reads English. As in English ("first launched" is no edition), a number is an
edition only with a word that says so:

- the occurrence marker is itself enough: Thai ครั้งที่ N, Lao ຄັ້ງທີ(່)/ເທື່ອທີ N, Khmer លើកទី N,
  Burmese အကြိမ်မြောက် N / N ကြိမ်မြောက်, Vietnamese lần/kỳ họp/phiên (họp) thứ N, Chinese 第N届/次/轮 and 首届,
  Korean 제N차/제N회;
- a bare Korean N차/N회/N번째 needs a meeting word after it ("9차 회의"; "11회 개최" is eleven times);
- Malay/Indonesian ke-N needs a meeting word a few words before it ("Forum 3R ke-9"), not a time unit
  just before ("hari ke-9" is a day, "abad ke-21" a century);
- Filipino ika-N na needs a meeting word a few words after it ("ika-9 na 3R Forum"); "ika-9 ng Marso"
  is a date.

Counts, years and articles carry none of these markers: "9 ตัน", "2019년", "第9条" stay as they are.
A ke-N or ika-N that names no edition is written "ke 9", so it is not taken for a numbered name.
Numbers are digits of any script (\\d and int() read Thai ๙, Lao ໙, Khmer ៩, Burmese ၉), Chinese
numerals, Vietnamese Roman numerals, and a few number words (Vietnamese, Malay, Filipino).
"""

from __future__ import annotations

import re

_DIGITS = r"(?<!\d)\d{1,3}(?!\d)"
_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip
_ROMAN = {"I": 1, "V": 5, "X": 10}
_VI_WORDS = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
             "tám": 8, "chín": 9, "mười": 10}  # fmt: skip
_MS_WORDS = {"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7,
             "kelapan": 8, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10, "kesebelas": 11}  # fmt: skip
_FIL_WORDS = {"una": 1, "ikalawa": 2, "ikatlo": 3, "ikaapat": 4, "ikalima": 5, "ikaanim": 6, "ikapito": 7,
              "ikawalo": 8, "ikasiyam": 9, "ikasampu": 10}  # fmt: skip


def _alternatives(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# Meeting words of the Latin-script languages; English ones too, since questions mix them in.
_MEETING_LATIN = (
    r"forums?|sessions?|meetings?|conferences?|summits?|congress|workshops?|dialogues?|rounds?|assembl(?:y|ies)"
    r"|sidang|mesyuarat|persidangan|konferensi|pertemuan|rapat|kongres|ktt|sesi|dialog|lokakarya|bengkel"
    r"|seminar|simposium|perhimpunan|rundingan|perundingan|putaran|pusingan|rancangan|rencana"
    r"|pulong|pagpupulong|kumperensi?ya|komperensi?ya|sesyon|kongreso|asembleya|diyalogo|pagtitipon"
)
_KO_MEETING = "회의|포럼|총회|회담|세션|대회|회기|협상|위원회|워크숍|컨퍼런스|콘퍼런스|심포지엄|세미나|박람회"
_TIME_UNITS = frozenset(  # and parts of a text: "pasal ke-9" is an article
    {"hari", "minggu", "bulan", "tahun", "abad", "jam", "minit", "menit", "halaman", "muka", "perkara",
     "fasal", "pasal", "seksyen", "ayat", "bab"}
)  # fmt: skip

# Markers that are editions by themselves; group "n" (or the group named for its language) is the number.
_MARKED = re.compile(
    rf"(?:ครั้งที่|(?:ຄັ້ງ|ເທື່ອ)ທີ່?|លើកទី|အကြိမ်မြောက်)\s*\(?(?P<n>{_DIGITS})\)?"  # th, lo, km, my
    rf"|\(?(?P<my>{_DIGITS})\)?\s*အ?ကြိမ်မြောက်"  # my: "(၉) ကြိမ်မြောက်"
    rf"|第\s*(?P<zh>{_DIGITS}|[〇零一二两兩三四五六七八九十]{{1,3}})\s*[届屆次轮輪]|(?P<zh_first>首)[届屆]"
    rf"|(?<![가-힣])제\s*(?P<ko>{_DIGITS})\s*[차회]"
    rf"|(?P<ko_bare>{_DIGITS})\s*(?:차|회|번째)(?=[^.?!\n]{{0,15}}?(?:{_KO_MEETING}))"
)
_VIETNAMESE = re.compile(  # also unaccented: "lan thu 9"
    rf"(?i:\b(?:l[aầ]n|k[yỳ]\s+h[oọ]p|phi[eê]n(?:\s+h[oọ]p)?)\s+th[uứ]\s+)"
    rf"(?P<vi>{_DIGITS}|(?-i:[IVX]{{1,5}})|(?i:mười\s+(?:một|hai)|{_alternatives(_VI_WORDS)}))\b"
)
# Malay/Indonesian and Filipino ordinals, rare in text: each found first, then its meeting word sought.
_MALAY = re.compile(
    rf"(?i:\bke-\s?(?P<n>{_DIGITS})\b|\b(?P<word>{_alternatives(_MS_WORDS)})\b(?!-|\s+kali\b))"
)
_FILIPINO = re.compile(
    rf"(?i:\bika-?\s?(?P<n>{_DIGITS})\s+na\b|\b(?P<word>{_alternatives(_FIL_WORDS)})(?:\s+na\b|ng\b))"
)
_MEETING = re.compile(rf"(?i:{_MEETING_LATIN})")
_CLAUSE_END = re.compile(r"[.,;:?!()\n]")
_PREFIXED = re.compile(rf"(?i:\b(ke|ika)-\s?)({_DIGITS})")


def ordinal(n: int) -> str:
    """The English ordinal token of a number: 1st, 2nd, 11th, 22nd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _number(raw: str) -> int:
    """A number written in digits of any script, Chinese or Roman numerals, or a word; 0 for none."""
    raw = " ".join(raw.lower().split()) if not raw.isupper() else raw
    if raw.isdecimal():
        return int(raw)
    if raw == "首":  # 首届: the first edition
        return 1
    if raw[0] in _ZH_DIGITS or raw[0] == "十":
        tens, ten, ones = raw.partition("十")
        if not ten:
            return _ZH_DIGITS[raw] if len(raw) == 1 else 0
        if any(c not in _ZH_DIGITS for c in tens + ones) or len(tens) > 1 or len(ones) > 1:
            return 0
        return _ZH_DIGITS.get(tens, 1) * 10 + _ZH_DIGITS.get(ones, 0)
    if set(raw) <= set(_ROMAN):
        values = [_ROMAN[c] for c in raw]
        return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))
    if raw.startswith("mười "):
        return 10 + _VI_WORDS[raw.split()[1]]
    return _VI_WORDS.get(raw) or _MS_WORDS.get(raw) or _FIL_WORDS.get(raw, 0)


def _token(raw: str, fallback: str) -> str:
    n = _number(raw)
    return f" {ordinal(n)} " if n else fallback


def _marked(match: re.Match[str]) -> str:
    raw = next(v for v in match.groupdict().values() if v is not None)
    return _token(raw, match.group())


def _near(words: list[str]) -> bool:
    return any(_MEETING.fullmatch(w) for w in words)


def _malay(match: re.Match[str]) -> str:
    before = _CLAUSE_END.split(match.string[max(0, match.start() - 120) : match.start()])[-1].split()
    # A meeting word a few words before ("Forum 3R ke-9"), and no time unit just before ("hari ke-9").
    if not before or before[-1].lower() in _TIME_UNITS or not _near(before[-7:]):
        return match.group()
    return _token(match.group("n") or match.group("word"), match.group())


def _filipino(match: re.Match[str]) -> str:
    after = _CLAUSE_END.split(match.string[match.end() : match.end() + 120])[0].split()
    if not _near(after[:4]):  # "ika-9 na 3R Forum"; "ika-9 na pagkakataon" is a ninth time
        return match.group()
    return _token(match.group("n") or match.group("word"), match.group())


def read_editions(text: str) -> str:
    """`text` with each edition named in another language written as its English ordinal (" 9th ")."""
    if not text.isascii():  # their markers are all in other scripts
        text = _MARKED.sub(_marked, text)
    text = _VIETNAMESE.sub(_marked, text)
    text = _MALAY.sub(_malay, text)
    text = _FILIPINO.sub(_filipino, text)
    return _PREFIXED.sub(r"\1 \2", text)
