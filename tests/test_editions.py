"""Editions named in the officials' other languages, read as the English ordinal token (editions.py)."""

from __future__ import annotations

import re

import pytest

from retriever import Settings
from retriever.editions import ordinal
from retriever.evidence import assess
from retriever.exact import exact_tokens, has_exact, question_canonical
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


@pytest.mark.parametrize("question", ["งาน 3R Forum ครั้งที่ 9 ที่ กทม. จัดวันที่เท่าไหร่", "第九届3R论坛在哪里举行？"])
def test_a_question_about_the_9th_forum_in_thai_or_chinese_is_grounded_on_its_sheet_alone(
    small_settings: Settings, question: str
) -> None:
    found = assess(open_searcher(small_settings), question, settings=small_settings)
    assert found.grounded and found.chosen
    assert {found.passages[c.passage].doc_id for c in found.chosen} == {NINTH_FORUM}
