"""Dictionary query translation: the shipped glossaries, how terms are matched, and what it does to search."""

from __future__ import annotations

from pathlib import Path

import pytest

from retriever import Settings, glossary, search
from retriever.keyword import question_weights
from retriever.retrieval import open_searcher

AGGREGATE = "factsheets/35_kr-first-resource-recycling-plan-2018.md"


@pytest.mark.parametrize(
    ("question", "english"),
    [
        ("ถุงพลาสติกถูกห้ามใช้ที่ไหนบ้าง", "plastic bag"),
        ("海南的塑料袋禁令什么时候开始？", "plastic bag"),
        ("자원순환기본계획의 재활용률은 얼마인가요?", "recycling rate"),
        ("Túi nhựa bị cấm ở đâu?", "plastic bag"),
        ("Di mana beg plastik diharamkan?", "plastic bag"),
        ("Berapa denda untuk kantong plastik di Bogor?", "fine"),
        ("Magkano ang multa sa Quezon City?", "fine"),
    ],
)
def test_a_question_in_each_script_gets_english_for_its_terms(question: str, english: str) -> None:
    assert english in glossary.keyword_query(question)
    assert glossary.keyword_query(question).startswith(question)  # the question's own words stay


def test_korean_terms_match_with_their_particles_and_the_longest_term_wins() -> None:
    found = glossary.translate("재활용률은 몇 퍼센트인가요?")
    assert "재활용률" in found.terms and "재활용" not in found.terms
    assert "recycling rate" in found.english


def test_vietnamese_typed_without_its_marks_still_matches() -> None:
    assert "plastic bag" in glossary.keyword_query("Tui nhua bi cam o dau tai Viet Nam vay?")


def test_malay_questions_use_the_indonesian_glossary_too() -> None:
    # "kantong plastik" is Indonesian; a question the detector calls Malay may still use it.
    assert "plastic bag" in glossary.keyword_query("Bilakah larangan kantong plastik bermula di Bogor?")


@pytest.mark.parametrize(
    "question", ["When did INC-3 take place?", "What is the fine for plastic bags in Hainan?", "", "???"]
)
def test_english_and_empty_questions_are_left_alone(question: str) -> None:
    assert glossary.translate(question) == glossary.Translation((), ())
    assert glossary.keyword_query(question) == question


@pytest.mark.parametrize(
    ("question", "english"),
    [
        ("北京市塑料污染治理行动计划针对哪些行业？", "Beijing"),
        ("ไหหลำห้ามถุงพลาสติกเมื่อไหร่", "Hainan"),
        ("서울시의 플라스틱 목표는?", "Seoul"),
        ("Kế hoạch của Hà Nội là gì?", "Hanoi"),
    ],
)
def test_a_place_named_in_the_questions_own_script_is_searched_as_the_documents_name_it(
    question: str, english: str
) -> None:
    assert english in glossary.translate(question).english
    assert english in glossary.keyword_query(question)


def test_a_place_already_named_as_the_documents_name_it_adds_nothing() -> None:
    assert "Malaysia" not in glossary.translate("Apa itu EPR di Malaysia?").english


def test_a_word_inside_a_longer_latin_word_is_not_a_term() -> None:
    # "denda" is a term; "dendam" (grudge) is not, and Latin-script terms match whole words only.
    assert "fine" not in glossary.keyword_query("Apakah dendam pemerintah kepada pedagang pasar?")


def test_the_glossary_files_parse_and_have_no_empty_entries() -> None:
    files = sorted(glossary.FOLDER.glob("*.tsv"))
    assert {f.stem for f in files} >= {"ms", "id", "fil", "vi", "th", "zh", "ko"}
    for path in files:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        assert all(ln.count("\t") == 1 and ln.split("\t")[1].strip() for ln in lines), path.name
        assert len(glossary._entries(path.stem)) == len(lines), f"{path.name}: a term is listed twice"


def test_a_corrected_line_is_read_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "th.tsv").write_text("# Thai\nขยะ\twaste | rubbish\n\nno tab here\nถุง\t \n", encoding="utf-8")
    monkeypatch.setattr(glossary, "FOLDER", tmp_path)
    caches = (glossary._meanings, glossary._glossary, glossary._reverse, glossary.translate)
    for cached in caches:
        cached.cache_clear()
    try:
        assert glossary._entries("th") == {"ขยะ": "waste rubbish"}
        assert glossary.keyword_query("ขยะมีเท่าไร") == "ขยะมีเท่าไร waste rubbish"
        assert glossary.native_terms("How much rubbish in Bangkok?") == ["ขยะ"]
    finally:
        for cached in caches:
            cached.cache_clear()


def test_keyword_search_finds_the_english_document_for_a_korean_question(corpus_settings: Settings) -> None:
    # Korean bigrams share nothing with the English fact sheet; its English terms do.
    found = search("건설폐기물 순환골재 사용 비율", k=3, mode="bm25", settings=corpus_settings)
    assert found and found[0].doc_id == AGGREGATE


def test_translated_words_no_passage_holds_do_not_weigh_on_the_evidence(corpus_settings: Settings) -> None:
    bm25 = open_searcher(corpus_settings).version.bm25
    weights = question_weights(bm25, "ถุงพลาสติกถูกห้ามใช้ที่ไหนบ้าง")
    assert "bag" in weights and "plastic" in weights
    assert "ถุงพลาสติก" not in weights and "ถุง" not in weights  # replaced by their English


def test_an_english_question_on_a_place_gets_its_countrys_words_for_the_policy_phrases() -> None:
    terms = glossary.native_terms("What is the fine for plastic bags in Hainan?")
    assert {"罚款", "塑料袋"} <= set(terms)
    assert "ค่าปรับ" not in terms and "벌금" not in terms  # other countries' languages
    assert "ค่าปรับ" in glossary.native_terms("fine for plastic bags in chiang mai")
    assert "denda" in glossary.native_terms("fine for plastic bags in Semarang, Indonesia")
    # No place named, or not English: nothing to bridge.
    assert glossary.native_terms("What is the fine for plastic bags?") == []
    assert glossary.native_terms("Berapa denda kantong plastik di Hainan?") == []


def test_a_law_numbered_in_the_questions_language_is_named_as_in_english() -> None:
    assert glossary.numbered_names("តាមអនុក្រឹត្យលេខ168 ថង់ប្លាស្ទិកត្រូវក្រាស់ប៉ុន្មាន?") == ("decree-168",)
    assert glossary.numbered_names("Nghị định 08 quy định gì?") == ("decree-8",)
    assert glossary.numbered_names("Peraturan Gubernur No. 142 berlaku kapan?") == ("regulation-142",)
    # A decree's number with its year ("08/2022") is no name; English questions are read as written.
    assert glossary.numbered_names("Nghị định số 08/2022 quy định gì về EPR?") == ()
    assert glossary.numbered_names("What does Sub-Decree 168 require?") == ()


def test_who_opened_it_is_glossed_in_malay_and_indonesian() -> None:
    assert "opened" in glossary.translate("Siapa yang merasmikan KEP di KL?").english[0]
    assert "opened" in " ".join(glossary.translate("Siapa yang meresmikan lokakarya itu?").english)


def test_a_korean_term_matches_however_it_is_spaced() -> None:
    assert glossary.translate("가미카쓰 마을의 제로 웨이스트 정책은?").english[0] == "zero waste"
    assert glossary.translate("가미카쓰 마을의 제로웨이스트 정책은?").english[0] == "zero waste"
    # A space between two short words joins no term: "지역만의 회수율" holds no 의회 (council).
    assert "council parliament" not in glossary.translate("미리 지역만의 회수율은 몇 %인가요?").english
