"""Evidence on a small real index: one search, grounded passages, chosen sentences and their features."""

from __future__ import annotations

from retriever import Settings
from retriever.answerability import CROSS, FEATURES
from retriever.evidence import SEARCH_DEPTH, assess
from retriever.retrieval import open_searcher

INC3 = "factsheets/03_inc-3-nairobi-enb-summary-2023.md"


def test_assessment_reads_one_version_and_keeps_the_ranked_passages(small_settings: Settings) -> None:
    found = assess(open_searcher(small_settings), "When did INC-3 take place?", settings=small_settings)
    assert len(found.passages) == SEARCH_DEPTH
    assert found.result.version.name == found.result.version.manifest["version"]
    assert found.grounded and found.chosen
    assert {found.passages[c.passage].doc_id for c in found.chosen} == {INC3}
    assert set(found.features) == {*FEATURES, CROSS}


def test_only_passages_about_the_named_session_are_quoted(small_settings: Settings) -> None:
    found = assess(open_searcher(small_settings), "What did INC-4 agree?", settings=small_settings)
    assert all("inc-4" in found.passages[c.passage].doc_id for c in found.chosen)


def test_a_session_only_mentioned_in_passing_is_quoted_only_where_named(small_settings: Settings) -> None:
    found = assess(open_searcher(small_settings), "How many people attended INC-5?", settings=small_settings)
    for cand in found.chosen:
        passage = found.passages[cand.passage]
        assert "INC-5" in f"{passage.title} {passage.section} {passage.text}"


def test_a_year_the_cited_document_never_mentions_is_not_grounded(small_settings: Settings) -> None:
    found = assess(open_searcher(small_settings), "What did Hainan ban in 2031?", settings=small_settings)
    assert not found.grounded


def test_a_question_in_another_language_is_marked_cross_lingual(small_settings: Settings) -> None:
    searcher = open_searcher(small_settings)
    thai = assess(searcher, "INC-3 จัดขึ้นที่ไหน", settings=small_settings)
    english = assess(searcher, "Where was INC-3 held?", settings=small_settings)
    assert thai.features[CROSS] == 1.0 and english.features[CROSS] == 0.0
    assert {thai.passages[c.passage].doc_id for c in thai.chosen} == {INC3}
