"""Language detection on short questions as officials type them (written here, not taken from gold/)."""

from __future__ import annotations

import pytest

from retriever.lang import LANGUAGES, ascii_digits, detect, words_shared

PROBES = [
    ("en", "When did Hainan ban plastic bags?"),
    ("en", "What is EPR?"),
    ("en", "Which city hosted the 9th 3R Forum in 2019?"),
    ("ms", "Bilakah larangan beg plastik di taman negara bermula?"),
    ("ms", "Apakah dasar kerajaan Malaysia tentang kitar semula?"),
    ("ms", "Berapa caj bagi setiap beg plastik di kedai?"),
    ("id", "Kapan Bogor melarang kantong plastik di pasar tradisional?"),
    ("id", "Apa kebijakan pemerintah Indonesia soal cukai plastik?"),
    ("id", "Berapa persen sampah plastik yang didaur ulang?"),
    ("fil", "Kailan ipinagbawal ang plastik sa Quezon City?"),
    ("fil", "Ano ang layunin ng NPAP ng Pilipinas?"),
    ("th", "ไทยตั้งเป้ารีไซเคิลพลาสติกภายในปีใด"),
    ("th", "แคมเปญ Every Day Say No to Plastic Bags เริ่มเมื่อไหร่"),
    ("vi", "Nghị định 05/2025 quy định gì về tái chế bao bì?"),
    ("vi", "Việt Nam cấm túi nhựa khi nào?"),
    # Vietnamese with none of the letters only it writes, or typed without any accents.
    ("vi", "Giá vàng hôm nay là bao nhiêu?"),
    ("vi", "Nghi dinh 168 cua Campuchia ban hanh khi nao?"),
    ("vi", "Tui nhua bi cam o dau tai Viet Nam vay?"),
    ("vi", "Co bao nhieu nguoi tham du hoi thao?"),
    ("zh", "海南什么时候禁止塑料袋？"),
    ("zh", "EPR制度在中国如何实施"),
    ("ko", "한국의 자원순환 기본계획은 언제 시작되었나요?"),
    ("ko", "EPR 제도는 무엇인가요?"),
    ("km", "តើអនុក្រឹត្យលេខ ១៦៨ ហាមឃាត់អ្វីខ្លះ?"),
    ("lo", "ນະຄອນຫຼວງວຽງຈັນ ຫຼຸດຜ່ອນຖົງຢາງແນວໃດ?"),
    ("my", "ရန်ကုန်မြို့တွင် ပလတ်စတစ်အိတ်ကို ဘယ်တုန်းက တားမြစ်ခဲ့သလဲ"),
    ("ja", "レジ袋の有料化はいつから始まりましたか"),
]


@pytest.mark.parametrize(("lang", "question"), PROBES)
def test_detects_the_language_of_short_questions(lang: str, question: str) -> None:
    assert detect(question) == lang


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", ""),
        ("en", "   "),
        ("en", "EPR"),
        ("en", "2025?"),
        ("en", "🌏♻️"),
        ("en", "Bonjour, comment allez-vous?"),  # a language we do not serve falls back to English
        ("id", "Apa itu EPR?"),  # Malay/Indonesian words shared by both: the more common one
        ("ms", "Terima kasih, bila mula?"),
        ("fil", "Salamat po"),
    ],
)
def test_short_unclear_and_shared_texts(lang: str, text: str) -> None:
    assert detect(text) == lang


def test_english_titles_inside_another_language_do_not_make_it_english() -> None:
    assert (
        detect("Forum 'Beating Plastic Pollution from Source to Sea' di Bali diadakan tanggal berapa?")
        == "id"
    )
    assert detect("Plastics Sustainability Roadmap 2021-2030 Malaysia menyasarkan apa?") == "ms"
    assert detect("The Hainan ban (海南禁塑) started in which year?") == "en"


def test_every_answer_is_a_known_code() -> None:
    assert {detect(q) for _, q in PROBES} <= set(LANGUAGES)


def test_digits_of_every_script_are_read_as_ascii() -> None:
    assert ascii_digits("ឆ្នាំ២០២២ ၂၀၂၀ ๒๕๖๐ ໒໐໒໐ ١٢٣") == "ឆ្នាំ2022 2020 2560 2020 123"
    assert ascii_digits("INC-3 on 11-19 November 2023") == "INC-3 on 11-19 November 2023"
    assert ascii_digits("វេទិកាលើកទី១២") == "វេទិកាលើកទី12"  # the letters stay as written


@pytest.mark.parametrize(
    ("asked_in", "written_in", "shared"),
    [("en", "en", True), ("th", "en", True), ("ms", "id", True), ("en", "zh", False), ("km", "th", False)],
)
def test_words_are_compared_only_where_the_glossary_can_bridge_them(
    asked_in: str, written_in: str, shared: bool
) -> None:
    assert words_shared(asked_in, written_in) is shared
