"""The language of a question: script first, then the words Latin-script languages do not share."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

LANGUAGES = ("en", "ms", "id", "th", "vi", "fil", "zh", "ko", "km", "lo", "my", "ja")
DEFAULT = "en"

# Letters of a script that only one of our languages writes in (kana beats Han: Japanese uses both).
_SCRIPTS = (
    ("th", re.compile("[\u0e01-\u0e5b]")),
    ("lo", re.compile("[\u0e81-\u0edf]")),
    ("km", re.compile("[\u1780-\u17ff\u19e0-\u19ff]")),
    ("my", re.compile("[\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f]")),
    ("ko", re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")),
    ("ja", re.compile("[\u3040-\u30ff\u31f0-\u31ff]")),
    ("zh", re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# Letters only Vietnamese uses: đ, ơ, ư, ă and the vowels with a dot below or a hook above.
_VIETNAMESE = re.compile("[đĐơƠưƯăĂ\u1ea0-\u1ef9]")
_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


# Function and question words an official's question holds. Malay and Indonesian share most of theirs,
# so they count for both; the words only one of them uses decide between them.
_MARKERS: dict[str, frozenset[str]] = {
    "en": _words(
        "the what when where who whom whose which why how is are was were did does do can could should "
        "would will has have had of and or to in on at for by from with about this that these there "
        "any many much please tell me give list"
    ),
    "malay": _words(
        "apa apakah siapa siapakah mana berapa berapakah bagaimana mengapa kenapa adakah yang dan atau "
        "di ke dari untuk dengan dgn pada oleh dalam ini itu tersebut tahun bulan jumlah negara plastik "
        "sekali larangan dilarang melarang tentang mengenai akan telah sudah ada tidak juga menurut "
        "sasaran diadakan berlangsung sejak menteri kementerian pengguna undang terima kasih selamat pagi "
        "tolong hai"
    ),
    "ms": _words(
        "bilakah bila beg kerajaan boleh sahaja daripada ialah iaitu dasar pelan semasa percuma wang "
        "baharu caj peratus bilangan kitar semula sisa jabatan negeri diharamkan mengharamkan "
        "pengharaman maksud mahu hendak bandar bandaraya bekas polisterina tiada ramai tarikh kedai "
        "kempen mula dimulakan apabila rasmi merasmikan skim isnin khamis jumaat ahad ogos mac jun julai "
        "disember ni tu kat menyasarkan pulangan jualan syarikat kilang majlis mesyuarat persidangan "
        "akta parlimen bahagian pihak berkuasa ditubuhkan premis"
    ),
    "id": _words(
        "kapan kapankah kantong kantung kresek pemerintah bisa saja yaitu kebijakan rencana gratis uang "
        "baru biaya persen daur ulang sampah provinsi arti mau dimana tas pakai kabupaten pemda "
        "peraturan perda nggak enggak berlaku diberlakukan tanggal toko mulai kampanye resmi meresmikan "
        "senin kamis jumat agustus maret juni juli desember perusahaan pabrik rapat konferensi parlemen "
        "bagian diselenggarakan gimana cukai"
    ),
    # Vietnamese written without its own letters (đ, ơ, ư, ă, dots below): words no other language uses.
    "vi": _words(
        "là của và không nhiêu nào gì được những các cho với này khi đâu hôm nay thế sao tại "
        "trong người việc theo quy định nghị luật cấm túi nhựa rác thải tái chế bao giờ hay "
        # and typed with no marks at all, as on a phone without a Vietnamese keyboard
        "khong nhieu duoc nhung nguoi viec nghi dinh luat nhua rac tui che gio cua voi hom nao"
    ),
    "fil": _words(
        "ano anong kailan saan sino sinong ilan ilang paano bakit ang ng mga sa na ba po noong nang "
        "ipinagbawal pagbabawal lungsod taon ay si kay ito iyon mula hanggang nagsimula layunin batas "
        "ordinansa isang lahat ginanap dumalo salamat magandang umaga hapon kumusta"
    ),
}
# Titles and names quoted in English inside a question in another language say nothing of its language.
_QUOTED = re.compile(r"['\"‘“«][^'\"’”»]{3,}['\"’”»]")


def _script_language(text: str) -> str | None:
    """The language whose script holds most of the text's non-Latin letters, if they outweigh Latin ones."""
    counts = {lang: len(pattern.findall(text)) for lang, pattern in _SCRIPTS}
    if counts["ja"]:
        counts["ja"] += counts.pop("zh")
    lang, n = max(counts.items(), key=lambda item: item[1])
    latin = len(_LATIN.findall(text))
    # Han and kana carry a word in one or two characters, Latin letters about five to a word.
    weight = 3 if lang in ("zh", "ja", "ko") else 1
    return lang if n and n * weight >= latin * 0.5 else None


def is_latin(text: str, share: float = 0.7) -> bool:
    """Whether more than `share` of the letters are ASCII, so capitals and spaces mark names and words."""
    letters = [c for c in text if c.isalpha()]
    return not letters or sum(c.isascii() for c in letters) / len(letters) > share


def detect(text: str) -> str:
    """ISO 639 code of the language of `text` (e.g. a user's question); "en" when unsure."""
    text = unicodedata.normalize("NFC", text or "")
    script = _script_language(text)
    if script:
        return script
    vietnamese = len(_VIETNAMESE.findall(text))
    if vietnamese and vietnamese >= len(_WORD.findall(text)) / 8:
        return "vi"
    words = [w.lower() for w in _WORD.findall(_QUOTED.sub(" ", text))]
    score = {lang: sum(w in markers for w in words) for lang, markers in _MARKERS.items()}
    malay = score.pop("malay")
    score["ms"] += malay
    score["id"] += malay
    english = score.pop("en")
    best = max(score.values())
    # Officials write English names and titles into their own language's sentences, rarely the reverse.
    if best == 0 or (best < 2 and english > 0) or best < english / 2:
        return DEFAULT
    leaders = [lang for lang in ("vi", "fil", "ms", "id") if score[lang] == best]
    if len(leaders) > 1:
        # Shared Malay/Indonesian words only: Indonesian is far the more common of the two.
        return "id" if "id" in leaders else leaders[0]
    return leaders[0]


def words_shared(asked_in: str, written_in: str) -> bool:
    """Whether a question in `asked_in` can share words with a text in `written_in`: the glossary reads
    questions into English only, so between two other languages (Khmer asking of a Thai notice,
    English of a Korean one) word overlap says nothing either way."""
    return asked_in == written_in or written_in == DEFAULT or {asked_in, written_in} == {"ms", "id"}


@cache
def _digit_table() -> dict[int, str]:
    # Every decimal digit outside ASCII (Thai, Lao, Khmer, Burmese, Arabic-Indic ...): NFKC keeps them.
    nd = (c for c in map(chr, range(0x80, 0x10000)) if unicodedata.category(c) == "Nd")
    return {ord(c): str(unicodedata.decimal(c)) for c in nd}


def ascii_digits(text: str) -> str:
    """Text with its digits in ASCII: "ឆ្នាំ២០២២" (Khmer) names the year 2022 as the documents write it."""
    return text.translate(_digit_table())

