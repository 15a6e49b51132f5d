"""Which kind of fact a question asks for (when, where, who, a number), in each language."""

from __future__ import annotations

import pytest

from retriever.question_words import question_kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When was the Hainan ban announced?", "when"),
        ("Bilakah larangan beg plastik bermula?", "when"),
        ("Kapan larangan kantong plastik di Bogor berlaku?", "when"),
        ("ห้ามใช้ถุงพลาสติกเมื่อไหร่", "when"),
        ("Lệnh cấm bắt đầu khi nào?", "when"),
        ("海南禁塑令什么时候开始？", "when"),
        ("언제 시행되었나요?", "when"),
        ("Kailan ipinatupad ang pagbabawal?", "when"),
        ("Where was INC-2 held?", "where"),
        ("INC-2 diadakan di mana?", "where"),
        ("Who opened the training?", "who"),
        ("谁主持了会议？", "who"),
        ("How many countries attended?", "number"),
        ("Berapa banyak negara hadir?", "number"),
        ("Berapakah denda bagi premis itu?", "number"),
        ("Siapakah yang merasmikan program itu?", "who"),
        ("Khóa tập huấn do những đơn vị nào tổ chức?", "who"),
        ("What is the fine for selling banned bags in Hainan?", "number"),
        ("What recycling rate is Beijing targeting?", "number"),
        # Typed as a note, "rates for" asks a percentage as "what rate" does.
        ("Vietnam EPR decree recycling rates for PET bottles?", "number"),
        ("rate of plastic recycling in Thailand 2023", "number"),
        ("What does the decree require?", ""),
        ("what's the penalty for a producer under MPR?", "number"),  # "what's" asks as "what is"
        ("Whats the fine for a shop?", "number"),
        # The question word that opens the question wins over one in a later clause.
        ("Who was the mayor of Mandalay when the plan was announced?", "who"),
        ("Where did the ministry meet when the ban began?", "where"),
        ("Which Japanese minister attended the forum?", "who"),
        ("What official signed the decree?", "who"),
        # Where the question word comes last, the fixed order still reads it.
        ("INC-3 在哪里举行，什么时候？", "when"),
        # Khmer, Lao and Burmese officials ask too: their question words set the kind as well.
        ("អនុក្រឹត្យលេខ ១៦៨ ត្រូវបានចេញនៅពេលណា?", "when"),
        ("ໃຜເປັນຜູ້ກ່າວເປີດກອງປະຊຸມ?", "who"),
        ("ໂຄງການນີ້ຫຼຸດຖົງພລາສຕິກໄດ້ຈັກໂຕນ?", "number"),
        ("ໄດ້ຕິດຕັ້ງຈຸດເຕີມນ້ຳດື່ມທັງໝົດຈັກຈຸດ?", "number"),  # how many points: any counted thing
        ("INC-2 ကို ဘယ်မှာ ကျင်းပခဲ့သလဲ?", "where"),
        # "On what date" in everyday spelling asks when, though its words also ask "how much".
        ("การประชุมจัดวันที่เท่าไหร่", "when"),
        ("Hội nghị diễn ra ngày mấy?", "when"),
        ("hoi nghi to chuc ngay nao vay?", "when"),
        ("会议是几号开的？", "when"),
        ("តើអនុក្រឹត្យចេញនៅថ្ងៃទីប៉ុន្មាន?", "when"),
        ("มีผู้เข้าร่วมกี่คน", "number"),
    ],
)
def test_kind_of_fact_asked(question: str, kind: str) -> None:
    assert question_kind(question) == kind


def test_when_and_where_after_an_english_question_word_join_clauses() -> None:
    assert question_kind("What catchphrase did they use when they added Mondays?") == ""
    assert question_kind("Is the ban in force, and since when?") == "when"
    assert question_kind("The ban started when?") == "when"


def test_what_fines_asks_for_a_number() -> None:
    assert question_kind("What fines does Beijing impose on restaurants?") == "number"
    assert question_kind("What penalties apply to a 2nd offence?") == "number"


@pytest.mark.parametrize(
    "question",
    [
        "Saang hotel ginanap yung 4th workshop sa Jakarta nung 2024?",
        "Konferensi Our Ocean 2018 di Bali diadakan di gedung apa?",
        "Hội thảo tổ chức ở khách sạn nào?",
        "研讨会在哪家酒店举行？",
    ],
)
def test_which_hotel_in_the_officials_languages_asks_where(question: str) -> None:
    assert question_kind(question) == "where"


def test_which_department_asks_who_and_which_day_of_a_month_asks_when() -> None:
    assert question_kind("thai roadmap: which dept is responsible for sorting waste at source?") == "who"
    assert question_kind("which unit of measure is used?") != "who"
    assert question_kind("ရန်ကုန်မှာ လက်လီဆိုင်တွေ ရပ်ရမယ့် နောက်ဆုံးရက်က ဧပြီလ ဘယ်နှစ်ရက်လဲ") == "when"


def test_a_fine_asked_in_vietnamese_wants_an_amount() -> None:
    assert question_kind("người xả rác vi phạm lần thứ 3 thì bị phạt thế nào?") == "number"
    assert question_kind("mức phạt cho cửa hàng là bao nhiêu?") == "number"
