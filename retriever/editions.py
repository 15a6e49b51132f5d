"""Editions written in the officials' other languages, read as the English ordinal token ("9th").

"งาน 3R Forum ครั้งที่ 9", "第九届3R论坛", "제9차 3R 포럼", "Diễn đàn 3R lần thứ 9", "Forum 3R ke-9" and
"ika-9 na 3R Forum" all name the edition "the 9th 3R Forum" names, so `exact.canonical` rewrites them
to " 9th " before it reads English. As in English ("first launched" is no edition), a number is an
edition only with a word that says so:

- the occurrence marker is itself enough: Thai ครั้งที่ N, Lao ຄັ້ງທີ(່)/ເທື່ອທີ N, Khmer លើកទី N,
  Burmese အကြိမ်မြောက် N / N ကြိမ်မြောက်, Vietnamese lần/kỳ họp/phiên (họp) thứ N, Chinese 第N届/轮 and 首届,
  Korean 제N차/제N회;
- Chinese 第N次 needs a meeting or plan word after it ("第三次缔约方大会"): "第一次禁止" is a first ban,
  "第二次世界大战" a war;
- a bare Korean N차/N회/N번째, a number word before 번째 ("세 번째") or 첫 alone ("첫 회의") needs a
  meeting or plan word after it ("9차 회의", "1차 자원순환 기본계획"; "11회 개최" is eleven times);
  N차례 is N times, 1회용 single-use, N차 before a material or process primary or secondary
  ("2차 미세플라스틱", "1차 포장"), N번째로 "for the Nth time" or "the Nth largest";
- Malay/Indonesian ke-N needs a meeting word a few words before it ("Forum 3R ke-9"), not a time unit
  just before ("hari ke-9" is a day, "abad ke-21" a century);
- Filipino ika-N na needs a meeting word a few words after it ("ika-9 na 3R Forum"); "ika-9 ng Marso"
  is a date.

Counts, years and articles carry none of these markers: "9 ตัน", "2019년", "제9조", "第9条" stay as they are.
Thai ครั้งที่ and Lao ຄັ້ງທີ່ also mean "the time that", so a number word after them is no edition
before a classifier ("ครั้งที่สองฝ่ายพบกัน", the time the two sides met), after ทุก/หลาย/บาง ("every
time that"), or when it runs on into another word ("ครั้งที่สามารถ", can; "ห้าม", ban).
A ke-N or ika-N that names no edition is written "ke 9", so it is not taken for a numbered name.
Numbers are digits of any script (\\d and int() read Thai ๙, Lao ໙, Khmer ៩, Burmese ၉), Chinese
numerals, Vietnamese Roman numerals, and number words: Thai, Lao and Burmese to 99, Khmer to 39,
Korean to 29, Vietnamese, Malay and Filipino to about 10.
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


def _spelled(units: dict[str, int], tens: dict[str, int], one: str) -> dict[str, int]:
    """The number words 1-99 of a language that says 21 as "twenty" "one" (`one` is its one after a ten)."""
    after = {**units, one: 1}
    return {**units, **tens, **{t + u: tv + uv for t, tv in tens.items() for u, uv in after.items()}}


_TH_UNITS = {"หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8, "เก้า": 9}
_LO_UNITS = {"ໜຶ່ງ": 1, "ຫນຶ່ງ": 1, "ສອງ": 2, "ສາມ": 3, "ສີ່": 4, "ຫ້າ": 5, "ຫົກ": 6, "ເຈັດ": 7, "ແປດ": 8,
             "ເກົ້າ": 9}  # fmt: skip
_KM_UNITS = {"មួយ": 1, "ពីរ": 2, "បី": 3, "បួន": 4, "ប្រាំ": 5, "ប្រាំមួយ": 6, "ប្រាំពីរ": 7, "ប្រាំបី": 8,
             "ប្រាំបួន": 9}  # fmt: skip
_MY_UNITS = {"တစ်": 1, "နှစ်": 2, "သုံး": 3, "လေး": 4, "ငါး": 5, "ခြောက်": 6, "ခုနစ်": 7, "ရှစ်": 8, "ကိုး": 9}
_MY_TENS = ("ဆယ်", "ဆယ\u1037\u103a", "ဆယ\u103a\u1037")  # ten; before a unit its dot is typed either side
_KO_UNITS = {"두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}  # 첫 is 1st

# Thai, Lao and Khmer number words follow their marker ("ครั้งที่สาม"); Burmese ones precede theirs
# ("ကိုးကြိမ်မြောက်"); Korean ones precede 번째. The scripts differ, so one table reads them all.
_TH_TENS = {"สิบ": 10, "ยี่สิบ": 20} | {u + "สิบ": 10 * v for u, v in _TH_UNITS.items() if v > 2}
_LO_TENS = {"ສິບ": 10, "ຊາວ": 20} | {u + "ສິບ": 10 * v for u, v in _LO_UNITS.items() if v > 2}
_SPELLED = _spelled(_TH_UNITS, _TH_TENS, "เอ็ด") | _spelled(_LO_UNITS, _LO_TENS, "ເອັດ")
_SPELLED |= _spelled(_KM_UNITS, {"ដប់": 10, "ម្ភៃ": 20, "សាមសិប": 30}, "មួយ")
# ten, twenty ... ninety ("နှစ်ဆယ်"); one ten is ဆယ် alone
_MY_TENS_WORDS = {u + t: 10 * v for t in _MY_TENS for u, v in [("", 1), *_MY_UNITS.items()] if u != "တစ်"}
_MY_WORDS = _spelled(_MY_UNITS, _MY_TENS_WORDS, "တစ်")
_KO_WORDS = {"첫": 1} | _spelled(_KO_UNITS, {"열": 10, "스무": 20, "스물": 20}, "한")
_NUMBER_WORDS = _FIL_WORDS | _MS_WORDS | _VI_WORDS | _SPELLED | _MY_WORDS | _KO_WORDS


def _alternatives(words: dict[str, int], guards: dict[str, str] | None = None) -> str:
    """Words as a regex alternation, longest first; a word ending as a key of `guards` takes its lookahead."""
    ends = guards or {}
    return "|".join(
        w + next((g for end, g in ends.items() if w.endswith(end)), "")
        for w in sorted(words, key=len, reverse=True)
    )


def _gated(words: dict[str, int], behind: str = "") -> str:
    """`_alternatives` (and `behind`) after a look at the first letter: tried at every letter, it is slow."""
    return f"(?=[{''.join(sorted({w[0] for w in words}))}]){behind}(?:{_alternatives(words)})"


# Meeting words of the Latin-script languages; English ones too, since questions mix them in.
_MEETING_LATIN = (
    r"forums?|sessions?|meetings?|conferences?|summits?|congress|workshops?|dialogues?|rounds?|assembl(?:y|ies)"
    r"|sidang|mesyuarat|persidangan|konferensi|pertemuan|rapat|kongres|ktt|sesi|dialog|lokakarya|bengkel"
    r"|seminar|simposium|perhimpunan|rundingan|perundingan|putaran|pusingan|rancangan|rencana"
    r"|pulong|pagpupulong|kumperensi?ya|komperensi?ya|sesyon|kongreso|asembleya|diyalogo|pagtitipon"
)
# Meeting and plan words ("제1차 자원순환기본계획" is the first plan, as in English).
_KO_MEETING = (
    "회의|포럼|총회|회담|세션|대회|회기|협상|위원회|워크숍|컨퍼런스|콘퍼런스|심포지엄|세미나|박람회"
    "|계획|프로그램"
)
_ZH_MEETING = (
    "会议|會議|论坛|論壇|大会|大會|峰会|峰會|会谈|會談|谈判|談判|磋商|研讨会|研討會|对话|對話|全会|全會|年会|年會"
    "|届会|屆會|委员会|委員會|工作坊|计划|計劃|规划|規劃"
)
_SOON = r"[^.?!\n。？！]{0,15}?"  # a meeting word soon after, in the same sentence
# After 차 these make a count or an adjective: 3차례 three times, 3차원 3-D, 1차적 primary, 2차년도
# a project's second year, and a material or process makes 1차/2차 primary/secondary ("2차 미세플라스틱").
_KO_NOT_ROUND = (
    r"례|원|적|년|\s*(?:미세|플라스틱|오염|포장|원료|전지|산업|제품|가공|소재|재료|폐기물|생산|에너지)"
)
# Vowel and tone signs of Thai, Lao, Khmer and Burmese: a number word before one runs on ("สามารถ").
_SIGN = "[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e\u0eb0-\u0ebc\u0ec8-\u0ecd\u17b6-\u17d3\u17dd\u102b-\u103e]"
_RUNS_ON = {"ห้า": f"(?![มง](?!{_SIGN}))", "ຫ້າ": f"(?![ມງ](?!{_SIGN}))", "เก้า": "(?!อี้)"}  # ban, store, chair
# Classifiers: a Thai, Lao or Khmer number before one counts things ("ครั้งที่สองฝ่าย", two sides).
_CLASSIFIERS = (
    "คน|ประเทศ|ฝ่าย|ตัน|กิโล|ปี|เดือน|วัน|สัปดาห์|ชั่วโมง|นาที|ชิ้น|ใบ|แห่ง|ครั้ง|ชนิด|ประเภท|ราย|เท่า|ข้อ|มาตรา"
    "|จังหวัด|เมือง|บาท|ร้อย|พัน|หมื่น|แสน|ล้าน|ຄົນ|ປະເທດ|ຝ່າຍ|ໂຕນ|ກິໂລ|ປີ|ເດືອນ|ມື້|ອາທິດ|ຊົ່ວໂມງ|ນາທີ|ອັນ"
    "|ແຫ່ງ|ຄັ້ງ|ເທື່ອ|ຊະນິດ|ປະເພດ|ເທົ່າ|ຂໍ້|ມາດຕາ|ແຂວງ|ເມືອງ|ກີບ|ຮ້ອຍ|ພັນ|ໝື່ນ|ແສນ|ລ້ານ|រយ|ពាន់|ម៉ឺន|សែន|លាន"
)
_TIME_UNITS = frozenset(  # and parts of a text: "pasal ke-9" is an article
    {"hari", "minggu", "bulan", "tahun", "abad", "jam", "minit", "menit", "halaman", "muka", "perkara",
     "fasal", "pasal", "seksyen", "ayat", "bab"}
)  # fmt: skip

# Markers that are editions by themselves; group "n" (or the group named for its language) is the number.
_MARKED = re.compile(
    rf"(?:ครั้งที่|(?:ຄັ້ງ|ເທື່ອ)ທີ່?|លើកទី|အကြိမ်မြောက်)\s*\(?(?P<n>{_DIGITS})\)?"  # th, lo, km, my
    rf"|(?=[คຄເល])(?<!ทุก)(?<!หลาย)(?<!บาง)(?<!ທຸກ)(?<!ຫຼາຍ)(?<!ບາງ)(?:ครั้งที่|(?:ຄັ້ງ|ເທື່ອ)ທີ່?|លើកទី)\s*"
    rf"(?P<spelled>(?>{_alternatives(_SPELLED, _RUNS_ON)}))(?!{_SIGN}|\s*(?:{_CLASSIFIERS}))"  # whole word
    rf"|\(?(?P<my>{_DIGITS})\)?\s*အ?ကြိမ်မြောက်"  # my: "(၉) ကြိမ်မြောက်"
    rf"|(?P<my_word>{_gated(_MY_WORDS, '(?<!ခု)')})\s*အ?ကြိမ်မြောက်"  # ခုနှစ် is "year"
    rf"|第\s*(?P<zh>{_DIGITS}|[〇零一二两兩三四五六七八九十]{{1,3}})\s*(?:[届屆轮輪]|次(?={_SOON}(?:{_ZH_MEETING})))"
    rf"|(?P<zh_first>首)[届屆]"
    rf"|(?<![가-힣])제\s*(?P<ko>{_DIGITS})\s*[차회]"
    rf"|(?P<ko_bare>{_DIGITS})\s*(?:차(?!{_KO_NOT_ROUND})|회(?!용)|번째(?!로))(?={_SOON}(?:{_KO_MEETING}))"
    # 세 번째 회의, 첫 회의: the meeting word in one of the next two words (첫 시행 이후 열린 회의 is none)
    rf"|(?P<ko_word>{_gated(_KO_WORDS, '(?<![가-힣])')})\s*(?:번\s*째(?!로)|(?<=첫)(?=\s)(?!\s*번))"
    rf"(?=\s*(?:[^\s.?!]+\s+)?[^\s.?!]*?(?:{_KO_MEETING}))"
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
    return _NUMBER_WORDS.get(raw, 0)


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
