"""Sentence spans, word counts and post titles in any script (retriever/sentences.py)."""

from __future__ import annotations

import pytest

from retriever.sentences import count_words, headline, split_sentences


def sentences_of(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ms. Lee met Dr. Tan. They agreed.", ["Ms. Lee met Dr. Tan.", "They agreed."]),
        (
            "Use e.g. cloth bags, i.e. reusable ones. Next.",
            ["Use e.g. cloth bags, i.e. reusable ones.", "Next."],
        ),
        (
            "Sub-Decree No. 168 applies. The U.S. and Japan differ.",
            ["Sub-Decree No. 168 applies.", "The U.S. and Japan differ."],
        ),
        ("Chief Minister M.K. Stalin spoke. It rained.", ["Chief Minister M.K. Stalin spoke.", "It rained."]),
        # The region's titles before a name end no sentence: the quote keeps who said it.
        (
            "Kepala Dinas Sulsel, Drs. Muhammad Iqbal, mengatakan 25.000 tumbler dibagikan. Itu baik.",
            ["Kepala Dinas Sulsel, Drs. Muhammad Iqbal, mengatakan 25.000 tumbler dibagikan.", "Itu baik."],
        ),
        (
            "Atty. Marilou Dizon-Reyes opened it, with Engr. Maricel Santiago. Next.",
            ["Atty. Marilou Dizon-Reyes opened it, with Engr. Maricel Santiago.", "Next."],
        ),
        (
            "It fell 2.5 percent under ECO 098:2023 in 2021-2030. Good.",
            ["It fell 2.5 percent under ECO 098:2023 in 2021-2030.", "Good."],
        ),
        ("He said “we must act.” Then he left.", ["He said “we must act.”", "Then he left."]),
        ("Wait! Really? Yes.", ["Wait!", "Really?", "Yes."]),
        ("On Jan. 5 J. Smith spoke, etc. Done.", ["On Jan. 5 J. Smith spoke, etc.", "Done."]),
        (
            "# Heading\nBody text here.\n- item one\n- item two",
            ["Heading", "Body text here.", "item one", "item two"],
        ),
        ("A wrapped line\ncontinues here. Next one.", ["A wrapped line\ncontinues here.", "Next one."]),
        (
            "Key Aspects ✏️ Product Promotion The campaign. 🗝️ Leadership: yes.",
            ["Key Aspects", "Product Promotion The campaign.", "Leadership: yes."],
        ),
        ("At the Forum 2024🌏💧♻️, leaders met.", ["At the Forum 2024🌏💧♻️, leaders met."]),
        ("  \n\n - \n🌟\n", []),
        ("ecosystem.“Humans share it.", ["ecosystem.", "“Humans share it."]),
        # Thai and Lao: a space between two letters of the script ends a sentence; not one beside a
        # number or a Latin word (written between spaces inside a sentence), nor beside the repetition mark.
        (
            "ไทยตั้งเป้ารีไซเคิลขยะพลาสติก 100% ภายในปี 2570 แคมเปญนี้ลดถุงพลาสติกได้ สิ่งต่าง ๆ ดีขึ้น",
            ["ไทยตั้งเป้ารีไซเคิลขยะพลาสติก 100% ภายในปี 2570 แคมเปญนี้ลดถุงพลาสติกได้", "สิ่งต่าง ๆ ดีขึ้น"],
        ),
        ("ລັດຖະບານລາວໄດ້ຈັດກອງປະຊຸມວາງແຜນ ຫຼຸດຜ່ອນຖົງຢາງ", ["ລັດຖະບານລາວໄດ້ຈັດກອງປະຊຸມວາງແຜນ", "ຫຼຸດຜ່ອນຖົງຢາງ"]),
        # A dot in Thai is an abbreviation's; a short phrase or a titled name runs on past its space.
        (
            "เป้าหมายรีไซเคิลภายในปี 2570 (ค.ศ. 2027) ตามรายงาน เมื่อวันที่ 21 ก.พ. 2566 นายวราวุธ ศิลปอาชา"
            " กล่าวว่ารัฐบาลไทยเน้นย้ำการควบคุมขยะ",
            [
                "เป้าหมายรีไซเคิลภายในปี 2570 (ค.ศ. 2027) ตามรายงาน",
                "เมื่อวันที่ 21 ก.พ. 2566 นายวราวุธ ศิลปอาชา",
                "กล่าวว่ารัฐบาลไทยเน้นย้ำการควบคุมขยะ",
            ],
        ),
        ("รัฐบาลไทย ร่วมกับ กรุงเทพฯ", ["รัฐบาลไทย ร่วมกับ กรุงเทพฯ"]),
        ("แคมเปญ Every Day Say No to Plastic Bags ลดถุง", ["แคมเปญ Every Day Say No to Plastic Bags ลดถุง"]),
        # Chinese and Japanese full stops need no space after them; a closing quote stays with its sentence.
        (
            "国家发布了行动计划。到2025年，塑料污染得到遏制！他说：“必须行动。”然后离开",
            ["国家发布了行动计划。", "到2025年，塑料污染得到遏制！", "他说：“必须行动。”", "然后离开"],
        ),
        (
            "レジ袋を有料化しました｡ 対象はプラスチック製です？はい",
            ["レジ袋を有料化しました｡", "対象はプラスチック製です？", "はい"],
        ),
        # Khmer khan ។ and bariyoosan ៕, Burmese section mark ။.
        (
            "អនុក្រឹត្យលេខ ១៦៨ ។ ហាមឃាត់ថង់ប្លាស្ទិក៕ បន្ទាប់",
            ["អនុក្រឹត្យលេខ ១៦៨ ។", "ហាមឃាត់ថង់ប្លាស្ទិក៕", "បន្ទាប់"],
        ),
        ("ရန်ကုန်တွင် ပလတ်စတစ်အိတ်ကို တားမြစ်သည်။နောက်ထပ် စာကြောင်း", ["ရန်ကုန်တွင် ပလတ်စတစ်အိတ်ကို တားမြစ်သည်။", "နောက်ထပ် စာကြောင်း"]),
        # Vietnamese and Malay are Latin script: the English rules apply (abbreviations included).
        (
            "Nghị định số 05/2025/NĐ-CP. Ông Dr. Nam phát biểu.",
            ["Nghị định số 05/2025/NĐ-CP.", "Ông Dr. Nam phát biểu."],
        ),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "🌿 Beijing’s Zero Waste City Initiative: A Model for Urban Sustainability On November 7, 2024",
            "Beijing’s Zero Waste City Initiative: A Model for Urban Sustainability",
        ),
        (
            "🌎 Seoul International Forum on Climate and Environment 2024 🌎 In the distant future",
            "Seoul International Forum on Climate and Environment 2024",
        ),
        (
            '💪 "Building Global Connections: Strengthen Collaboration through the summit" The summit is',
            "Building Global Connections: Strengthen Collaboration through the summit",
        ),
        (
            "🌟 ICLEI East Asia Secretariat is hiring! We’re looking for an Operations Officer",
            "ICLEI East Asia Secretariat is hiring!",
        ),
        ("Konrad Otto-Zimmermann", "Konrad Otto-Zimmermann"),
        (
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
            "one two three four five six seven eight nine ten eleven twelve…",
        ),
    ],
)
def test_headline(line: str, title: str) -> None:
    assert headline(line) == title


def test_words_of_scripts_without_spaces_count_by_length() -> None:
    assert count_words("Thailand bans plastic bags.") == 4
    assert count_words("国家发布了行动计划") == 6  # 9 Han characters, about 1.5 a word
    assert count_words("ประเทศไทยห้ามถุงพลาสติก") == 6  # 23 Thai letters and marks, about 4 a word
    assert count_words("— 🌏") == 0


def test_thai_and_lao_paragraphs_written_with_full_stops_end_their_sentences_there() -> None:
    lao = (
        "ກ່ອນມີໂຄງການ, ຕະຫຼາດກາງຄືນ ໃຊ້ຖົງຢາງປະມານ 6,000 ໃບ ຕໍ່ຄືນ. ຮອດທ້າຍເດືອນມິຖຸນາ 2024, ຈຳນວນດັ່ງກ່າວ "
        "ໄດ້ຫຼຸດລົງເຫຼືອປະມານ 2,400 ໃບ ຕໍ່ຄືນ."
    )
    assert [lao[a:b] for a, b in split_sentences(lao)] == [
        "ກ່ອນມີໂຄງການ, ຕະຫຼາດກາງຄືນ ໃຊ້ຖົງຢາງປະມານ 6,000 ໃບ ຕໍ່ຄືນ.",
        "ຮອດທ້າຍເດືອນມິຖຸນາ 2024, ຈຳນວນດັ່ງກ່າວ ໄດ້ຫຼຸດລົງເຫຼືອປະມານ 2,400 ໃບ ຕໍ່ຄືນ.",
    ]
    # Without full stops a space still ends a Thai sentence, and an abbreviation's dots never do.
    thai = "กรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช ประกาศห้ามนำโฟมเข้าอุทยาน ตั้งแต่ปี พ.ศ. 2561 เป็นต้นไป"
    pieces = [thai[a:b] for a, b in split_sentences(thai)]
    assert len(pieces) > 1 and "ตั้งแต่ปี พ.ศ. 2561 เป็นต้นไป" in pieces
