"""Editions named in the officials' other languages, read as the English ordinal token (editions.py)."""

from __future__ import annotations

import re

import pytest

from retriever import Settings
from retriever.editions import ordinal, read_editions
from retriever.evidence import assess
from retriever.exact import canonical, exact_tokens, has_exact, question_canonical
from retriever.retrieval import open_searcher


def _editions(question: str) -> set[str]:
    """The edition tokens ("9th") a question's canonical text holds."""
    tokens = exact_tokens(question_canonical(question))
    return {t for t in tokens if re.fullmatch(r"\d+(?:st|nd|rd|th)", t)}


NINTH = "Where was the 9th 3R Forum held?"
ELEVENTH = "Where was the 11th 3R Forum held?"


@pytest.mark.parametrize(
    ("question", "english"),
    [
        ("งาน 3R Forum ครั้งที่ 9 ที่ กทม. จัดวันที่เท่าไหร่", NINTH),  # th
        ("งาน 3R Forum ครั้งที่๙ จัดที่ไหน", NINTH),  # th, Thai digit
        ("第九届3R论坛在哪里举行？", NINTH),  # zh
        ("第9届3R论坛在哪里举行？", NINTH),
        ("第十一届3R论坛在哪里举行？", ELEVENTH),
        ("第十一次区域3R论坛在哪里举行？", ELEVENTH),
        ("首届3R论坛在哪里举行？", "Where was the first 3R Forum held?"),
        ("제9차 3R 포럼은 어디서 열렸나요?", NINTH),  # ko
        ("9차 3R 포럼은 어디서 열렸나요?", NINTH),
        ("제11회 3R 포럼은 어디서 열렸나요?", ELEVENTH),
        ("11회 3R 포럼은 어디서 열렸나요?", ELEVENTH),
        ("Diễn đàn 3R lần thứ 9 tổ chức ở đâu?", NINTH),  # vi
        ("Dien dan 3R lan thu 9 to chuc o dau?", NINTH),  # vi, unaccented
        ("Diễn đàn 3R lần thứ IX tổ chức ở đâu?", NINTH),  # vi, Roman numeral
        ("Forum 3R ke-9 diadakan di mana?", NINTH),  # ms/id
        ("Di manakah Forum Serantau 3R dan Ekonomi Kitaran ke-11 diadakan?", ELEVENTH),  # ms
        ("Di mana Forum 3R Kesembilan diadakan?", NINTH),
        ("Saan ginanap ang ika-9 na 3R Forum?", NINTH),  # fil
        ("Saan ginanap ang ikasiyam na Regional 3R Forum?", NINTH),
        ("វេទិកា 3R លើកទី៩ ធ្វើនៅឯណា?", NINTH),  # km, Khmer digit
        ("វេទិកា 3R លើកទី 9 ធ្វើនៅឯណា?", NINTH),
        ("ເວທີ 3R ຄັ້ງທີ 9 ຈັດຂຶ້ນຢູ່ໃສ?", NINTH),  # lo
        ("ເວທີ 3R ຄັ້ງທີ່ ໙ ຈັດຂຶ້ນຢູ່ໃສ?", NINTH),  # lo, Lao digit
        ("3R ဖိုရမ် အကြိမ်မြောက် ၉ ကို ဘယ်မှာ ကျင်းပခဲ့သလဲ", NINTH),  # my, Burmese digit
        ("၉ ကြိမ်မြောက် 3R ဖိုရမ်ကို ဘယ်မှာ ကျင်းပခဲ့သလဲ", NINTH),
        ("(၉) ကြိမ်မြောက် 3R ဖိုရမ်ကို ဘယ်မှာ ကျင်းပခဲ့သလဲ", NINTH),
    ],
)
def test_an_edition_in_another_language_is_the_english_editions_token(question: str, english: str) -> None:
    assert _editions(question) == _editions(english) != set()


@pytest.mark.parametrize(
    "question",
    [
        "ประเทศไทยเก็บขยะพลาสติกได้ 9 ตัน",  # th: a tonnage
        "2019년 포럼은 어디서 열렸나요?",  # ko: a year
        "포럼은 11회 개최됐다",  # ko: eleven times, no meeting word after it
        "第9条规定了什么？",  # zh: article 9
        "2019年3R论坛在哪里举行？",  # zh: a year
        "Forum itu diadakan pada hari ke-9",  # ms: a day
        "Apa sasaran plastik abad ke-21?",  # ms: a century
        "Forum 3R diadakan pertama kali di mana?",  # ms: first held, as "first launched"
        "Saan ginanap ang forum noong ika-9 ng Marso?",  # fil: a date
        "Ano ang multa sa ika-2 na paglabag?",  # fil: a second offence, no meeting word
        "Thứ 2 diễn đàn có họp không?",  # vi: Monday
    ],
)
def test_counts_years_articles_and_dates_are_no_editions(question: str) -> None:
    assert _editions(question) == set()
    assert not any(re.fullmatch(r"(?:ke|ika)-\d+", t) for t in exact_tokens(question_canonical(question)))


def test_an_edition_in_another_language_matches_whole_in_a_documents_text() -> None:
    assert has_exact("第九届3R论坛在曼谷举行", "9th")
    assert not has_exact("第十九届3R论坛", "9th")
    assert has_exact("งาน 3R Forum ครั้งที่ 11 จัดที่เสียมราฐ", "11th")
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "111th"
    ]  # fmt: skip


NINTH_FORUM = "factsheets/05_3r-forum-9th-bangkok-2019.md"


@pytest.mark.parametrize(
    "question",
    ["งาน 3R Forum ครั้งที่ 9 ที่ กทม. จัดวันที่เท่าไหร่", "第九届3R论坛在哪里举行？", "งาน 3R Forum ครั้งที่เก้า จัดที่ไหน"],
)
def test_a_question_about_the_9th_forum_in_thai_or_chinese_is_grounded_on_its_sheet_alone(
    small_settings: Settings, question: str
) -> None:
    found = assess(open_searcher(small_settings), question, settings=small_settings)
    assert found.grounded and found.chosen
    assert {found.passages[c.passage].doc_id for c in found.chosen} == {NINTH_FORUM}


# Number words 1-20, written out here rather than taken from the module's tables.
TH_1_20 = ["หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า", "สิบ", "สิบเอ็ด", "สิบสอง", "สิบสาม",
           "สิบสี่", "สิบห้า", "สิบหก", "สิบเจ็ด", "สิบแปด", "สิบเก้า", "ยี่สิบ"]  # fmt: skip
LO_1_20 = ["ໜຶ່ງ", "ສອງ", "ສາມ", "ສີ່", "ຫ້າ", "ຫົກ", "ເຈັດ", "ແປດ", "ເກົ້າ", "ສິບ", "ສິບເອັດ", "ສິບສອງ", "ສິບສາມ",
           "ສິບສີ່", "ສິບຫ້າ", "ສິບຫົກ", "ສິບເຈັດ", "ສິບແປດ", "ສິບເກົ້າ", "ຊາວ"]  # fmt: skip
KM_1_20 = ["មួយ", "ពីរ", "បី", "បួន", "ប្រាំ", "ប្រាំមួយ", "ប្រាំពីរ", "ប្រាំបី", "ប្រាំបួន", "ដប់", "ដប់មួយ", "ដប់ពីរ",
           "ដប់បី", "ដប់បួន", "ដប់ប្រាំ", "ដប់ប្រាំមួយ", "ដប់ប្រាំពីរ", "ដប់ប្រាំបី", "ដប់ប្រាំបួន", "ម្ភៃ"]  # fmt: skip
MY_1_20 = ["တစ်", "နှစ်", "သုံး", "လေး", "ငါး", "ခြောက်", "ခုနစ်", "ရှစ်", "ကိုး", "ဆယ်", "ဆယ့်တစ်", "ဆယ့်နှစ်",
           "ဆယ့်သုံး", "ဆယ့်လေး", "ဆယ့်ငါး", "ဆယ့်ခြောက်", "ဆယ့်ခုနစ်", "ဆယ့်ရှစ်", "ဆယ့်ကိုး", "နှစ်ဆယ်"]  # fmt: skip
KO_1_20 = ["첫", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "열한", "열두", "열세",
           "열네", "열다섯", "열여섯", "열일곱", "열여덟", "열아홉", "스무"]  # fmt: skip


@pytest.mark.parametrize(
    "template",
    [
        "การประชุม 3R Forum ครั้งที่{} จัดที่ไหน",  # th
        "ກອງປະຊຸມ 3R ຄັ້ງທີ່{} ຈັດຂຶ້ນຢູ່ໃສ?",  # lo
        "វេទិកា 3R លើកទី{} ធ្វើនៅឯណា?",  # km
        "{}ကြိမ်မြောက် 3R ဖိုရမ်ကို ဘယ်မှာ ကျင်းပခဲ့သလဲ",  # my
        "{} 번째 3R 포럼은 어디서 열렸나요?",  # ko
    ],
)
def test_an_edition_in_number_words_from_1_to_20_is_its_ordinal(template: str) -> None:
    words = {"ครั้ง": TH_1_20, "ຄັ້ງ": LO_1_20, "លើក": KM_1_20, "ကြိမ်": MY_1_20, "번째": KO_1_20}
    numbers = next(w for marker, w in words.items() if marker in template)
    assert [_editions(template.format(word)) for word in numbers] == [{ordinal(n)} for n in range(1, 21)]


@pytest.mark.parametrize(
    ("question", "english"),
    [
        ("งาน 3R Forum ครั้งที่เก้า จัดที่ไหน", NINTH),  # th: the brief's own examples
        ("งาน 3R Forum ครั้งที่ เก้า จัดที่ไหน", NINTH),
        ("ເວທີ 3R ຄັ້ງທີເກົ້າ ຈັດຂຶ້ນຢູ່ໃສ?", NINTH),  # lo: ທີ without its tone mark
        ("ເວທີ 3R ຄັ້ງທີ່ສິບເອັດ ຈັດຂຶ້ນຢູ່ໃສ?", ELEVENTH),
        ("វេទិកា 3R លើកទីដប់មួយ ធ្វើនៅឯណា?", ELEVENTH),  # km
        ("ဆယ့်တစ်ကြိမ်မြောက် 3R ဖိုရမ်ကို ဘယ်မှာ ကျင်းပခဲ့သလဲ", ELEVENTH),  # my
        ("ဆယ\u103a\u1037တစ်ကြိမ်မြောက် 3R ဖိုရမ်ကို ဘယ်မှာ ကျင်းပခဲ့သလဲ", ELEVENTH),  # my: asat typed first
        ("아홉 번째 3R 포럼은 어디서 열렸나요?", NINTH),  # ko
        ("아홉번째 3R 포럼은 어디서 열렸나요?", NINTH),
        ("열한 번째 3R 포럼은 어디서 열렸나요?", ELEVENTH),
        ("첫 3R 포럼은 어디서 열렸나요?", "Where was the first 3R Forum held?"),
        ("1차 자원순환 기본계획은 언제 통과됐나요?", "When did the first recycling plan pass?"),
        ("제1차 자원순환기본계획은 언제 통과됐나요?", "When did the first recycling plan pass?"),
        ("第三次缔约方大会在哪里举行？", "Where was the third conference held?"),  # zh: 次 with a meeting
        ("第一次会议在哪里举行？", "Where was the first meeting held?"),
    ],
)
def test_an_edition_in_number_words_is_the_english_editions_token(question: str, english: str) -> None:
    assert _editions(question) == _editions(english) != set()


@pytest.mark.parametrize(
    "question",
    [
        "ทุกครั้งที่สามารถลดขยะได้ควรทำ",  # th: สามารถ (can) starts with สาม (3)
        "ครั้งที่ห้ามใช้ถุงพลาสติกคือเมื่อไร",  # th: ห้าม (ban) starts with ห้า (5)
        "ครั้งที่ห้างเลิกแจกถุงคือเมื่อไร",  # th: ห้าง (store)
        "ครั้งที่สองฝ่ายพบกันคือเมื่อไร",  # th: the time the two sides met (a classifier after it)
        "ครั้งที่สามสิบคนมาประชุม",  # th: thirty people, neither 3rd nor 30th
        "ทุกครั้งที่สองประเทศประชุมกัน",  # th: every time two countries meet
        "ຄັ້ງທີ່ສາມາດຫຼຸດຜ່ອນຂີ້ເຫຍື້ອ",  # lo: ສາມາດ (can)
        "ຄັ້ງທີ່ຫ້າມໃຊ້ຖົງຢາງ",  # lo: ຫ້າມ (ban)
        "ຄັ້ງທີ່ສອງຄົນພົບກັນ",  # lo: two people
        "၂၀၁၉ ခုနှစ်ကြိမ်မြောက် ဖိုရမ်",  # my: ခုနှစ် is "year", not နှစ် (2)
        "ကိုးကြိမ် ကျင်းပခဲ့သည်",  # my: nine times, no မြောက်
        "포럼은 3차례 회의를 열었다",  # ko: N차례 is N times, even before a meeting word
        "1회용품 규제 회의는 언제인가요?",  # ko: 1회용 is single-use
        "2차 미세플라스틱 저감 계획은?",  # ko: secondary microplastics
        "1차 포장재 규제 회의",  # ko: primary packaging
        "4차 산업혁명 포럼은 어디서?",  # ko: the industrial revolution is no forum edition
        "3차원 프린팅 세미나",  # ko: 3-D
        "2차년도 사업 계획",  # ko: a project's second year
        "제9조는 무엇을 규정하나요?",  # ko: article 9
        "제9조 회의 규정",  # ko: article 9 even before a meeting word
        "세 명이 회의에 참석했다",  # ko: three people
        "세 번째로 큰 플라스틱 배출국 회의",  # ko: the third largest
        "첫 시행 이후 열린 회의는?",  # ko: the first enforcement, the meeting word too far on
        "첫날 회의는 언제인가요?",  # ko: the first day
        "泰国第一次禁止塑料袋是什么时候？",  # zh: the first ban (first time), no meeting
        "第二次世界大战后的塑料产量",  # zh: the Second World War
    ],
)
def test_counts_times_and_look_alike_words_are_no_editions(question: str) -> None:
    assert _editions(question) == set()
    assert read_editions(question) == question  # left exactly as written


def test_number_words_match_whole_in_a_documents_text() -> None:
    assert has_exact("การประชุมครั้งที่สิบเก้าจัดที่กรุงเทพฯ", "19th")
    assert not has_exact("การประชุมครั้งที่สิบเก้าจัดที่กรุงเทพฯ", "9th")
    assert has_exact("การประชุมครั้งที่สามสิบ", "30th") and not has_exact("การประชุมครั้งที่สามสิบ", "3rd")
    assert has_exact("การประชุมครั้งที่ห้ามีผู้เข้าร่วม 200 คน", "5th")  # ห้า then มี (has), not ห้าม
    assert has_exact("ဆယ့်ကိုးကြိမ်မြောက် ဖိုရမ်", "19th") and not has_exact("ဆယ့်ကိုးကြိမ်မြောက် ဖိုရမ်", "9th")
    assert canonical("세 번째 회의") == " 3rd  회의"
