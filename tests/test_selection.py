"""Which sentences are quoted: list lines against prose, other places, other documents, repeats."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT

from retriever import Settings, ask, index_documents, keyword
from retriever.answer import answer_question
from retriever.grounding import focus
from retriever.retrieval import open_searcher
from retriever.selection import (
    _CONNECTIVE,
    _DATELINE,
    COMMON_DISCOUNT,
    JOIN_MARGIN,
    OTHER_DOCUMENT_MARGIN,
    Candidate,
    _is_listed,
    _leads,
    _quotable,
    candidates,
    discounted,
    select,
)
from retriever.types import Passage


def test_a_labelled_list_line_is_told_from_prose() -> None:
    text = "When: 1 July 2024\n- Where: Riverland\nNote the date: it is firm. The rest follows."
    assert _is_listed(text, 0, 17)
    assert _is_listed(text, text.index("Where"), text.index("Where") + 16)
    assert not _is_listed(text, text.index("Note"), text.index("firm.") + 5)


def _passage(text: str, section: str = "", title: str = "A title") -> Passage:
    spans = tuple((m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text))
    return Passage(
        "doc.md#0", "doc.md", text, title, section, None, "", "", "", 0, len(text), 0.8, sentences=spans
    )


def _candidate(
    score: float, doc_id: str, *, elsewhere: bool = False, axis: int = 0, stated: bool = True
) -> Candidate:
    vector = np.zeros(4, dtype=np.float32)
    vector[axis] = 1.0  # orthogonal vectors: no two are near-duplicates
    return Candidate(0, 0, 10, score, vector, 0.9, 0.5, stated, elsewhere, doc_id)


def _near(cand: Candidate, cosine: float, *, stated: bool) -> Candidate:
    """Another sentence of the same document whose vector has `cosine` with `cand`'s."""
    vector = cosine * cand.vector + np.sqrt(1 - cosine**2) * np.roll(cand.vector, 1)
    return Candidate(0, 20, 30, cand.score - 0.05, vector, 0.9, 0.5, stated, False, cand.doc_id)


def test_a_sentence_of_another_document_joins_only_when_about_as_good(small_settings: Settings) -> None:
    best = _candidate(1.0, "my-ban.md")
    same_doc = _candidate(1.0 - JOIN_MARGIN + 0.01, "my-ban.md", axis=1)
    close_other = _candidate(1.0 - OTHER_DOCUMENT_MARGIN + 0.01, "id-ban.md", axis=2)
    far_other = _candidate(1.0 - OTHER_DOCUMENT_MARGIN - 0.05, "kr-plan.md", axis=3)
    chosen = select([best, close_other, far_other, same_doc], small_settings.with_(max_answer_sentences=4))
    assert chosen == [best, close_other, same_doc]


def test_a_sentence_of_another_document_joins_only_when_its_passage_names_what_the_best_one_does(
    small_settings: Settings,
) -> None:
    # "Who gave the opening remarks at the KEP?": Seoul's forum opener is as close, but names no KEP.
    best = replace(_candidate(1.0, "kep.txt"), named=1.0)
    unnamed = replace(_candidate(0.99, "seoul.txt", axis=1), named=0.0)
    named = replace(_candidate(0.99, "kep-tour.txt", axis=2), named=1.0)
    assert select([best, unnamed, named], small_settings.with_(max_answer_sentences=3)) == [best, named]
    # The same document's sentences join as before: its other passages need not repeat the name.
    same = replace(_candidate(0.99, "kep.txt", axis=3), named=0.0)
    assert select([best, same], small_settings) == [best, same]


def test_the_names_a_passage_holds_are_read_from_its_title_section_and_text(small_settings: Settings) -> None:
    searcher = open_searcher(small_settings)
    question = "Who opened the 9th Regional 3R Forum in Bangkok?"
    result = searcher.search_result(question, k=5, mode="hybrid")
    weights = keyword.question_weights(result.version.bm25, question)
    found = candidates(question, focus(question), list(range(5)), weights, result, result.passages())
    assert {c.named for c in found if "9th-bangkok" in c.doc_id} == {1.0}
    assert any(c.named < 1.0 for c in found if "9th-bangkok" not in c.doc_id)


def test_a_sentence_about_another_place_does_not_join_one_about_the_asked_place(
    small_settings: Settings,
) -> None:
    best = _candidate(1.0, "my-ban.md")
    elsewhere = _candidate(0.99, "my-ban.md", elsewhere=True, axis=1)
    assert select([best, elsewhere], small_settings) == [best]


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("Some people, however, had not yet heard that Mondays had been added.", True),
        ("It also covers fast food outlets.", True),
        ("But the charge is only symbolic.", True),
        ("The ban took effect on 1 July 2020.", False),
        ("Butterworth banned bags in 2019.", False),
    ],
)
def test_a_sentence_opening_on_a_contrast_or_addition_is_told(sentence: str, leans: bool) -> None:
    assert (_CONNECTIVE.match(sentence) is not None) is leans


def test_a_sentence_that_leans_on_the_one_before_joins_only_after_an_earlier_sentence_of_its_passage(
    small_settings: Settings,
) -> None:
    best = _candidate(1.0, "bn.md")
    leaning = replace(_candidate(0.99, "bn.md", axis=1), passage=1, start=40, end=60, leans=True)
    assert select([best, leaning], small_settings) == [best]
    earlier = replace(_candidate(0.98, "bn.md", axis=2), passage=1, start=0, end=30)
    assert select([best, earlier, leaning], small_settings.with_(max_answer_sentences=3)) == [
        best, earlier, leaning
    ]  # fmt: skip
    # Asked something it alone answers, it is still quoted.
    assert select([replace(leaning, score=1.1), best], small_settings)[0].leans


def test_the_sentence_naming_the_asked_one_of_a_series_is_quoted_when_near_enough(
    small_settings: Settings,
) -> None:
    # "Who took first place?": the lead and a sentence on the prizes outscore "The first prize went to ...".
    lead, prizes = _candidate(1.0, "hack.md"), _candidate(0.98, "hack.md", axis=1)
    first = replace(_candidate(0.97, "hack.md", axis=2), ordinal=True)
    assert select([lead, prizes, first], small_settings.with_(max_answer_sentences=2)) == [lead, first]
    # Too far below the best sentence, or about another place, it is not.
    far = replace(first, score=1.0 - JOIN_MARGIN - 0.01)
    assert select([lead, prizes, far], small_settings.with_(max_answer_sentences=2)) == [lead, prizes]
    elsewhere = replace(first, elsewhere=True)
    assert select([lead, prizes, elsewhere], small_settings.with_(max_answer_sentences=2)) == [lead, prizes]


def test_an_answer_does_not_open_on_a_sentence_leaning_on_one_not_quoted(corpus_settings: Settings) -> None:
    result = ask("Did Brunei ban plastic bags completely?", settings=corpus_settings)
    assert not result.refused
    assert not result.answer.lower().startswith("some people, however")


@pytest.mark.parametrize(
    ("sentence", "quotable"),
    [
        ("3 Key achievements:", False),  # a heading that opens a list states nothing itself
        ("Key facts:", False),
        ("The ordinance bans the following single-use items in all city markets:", False),
        # A lead-in giving a figure of its own states it.
        ("The law sets a phase-out period of 36 months from its entry into force, for:", True),
        ("Seoul International Forum", True),
        ("Bangkok.", False),
        ("ห้ามใช้ถุงพลาสติก", True),  # no spaces between Thai words: any length may state a fact
        ("회사 규모", False),  # Korean spaces its words: two of them are a page's label ("company size")
        ("오세훈 서울시장이 개회사를 했다.", True),
        ("办法规定：", False),  # "The measures provide:", a Chinese list's lead-in with a full-width colon
    ],
)
def test_headings_and_fragments_are_not_quoted(sentence: str, quotable: bool) -> None:
    assert _quotable(sentence) is quotable


def test_the_first_sentence_stating_the_asked_fact_joins_unless_a_repeat(small_settings: Settings) -> None:
    # "NEA issued a consultation paper ..." leads; "NEA received 825 responses" (cosine 0.85-0.92
    # with it, as any two sentences of a document under multilingual-e5) states the asked count.
    lead = _candidate(1.0, "sg.md", stated=False)
    assert select([lead, _near(lead, 0.92, stated=False)], small_settings) == [lead]
    stating = _near(lead, 0.92, stated=True)
    assert select([lead, stating], small_settings) == [lead, stating]
    assert select([lead, _near(lead, 0.99, stated=True)], small_settings) == [lead]  # the same sentence
    # Once a quoted sentence states the fact, a similar one adds nothing.
    stated_lead = _candidate(1.0, "sg.md", stated=True)
    assert select([stated_lead, _near(stated_lead, 0.92, stated=True)], small_settings) == [stated_lead]


def test_a_sentence_on_the_same_topic_with_another_fact_joins(small_settings: Settings) -> None:
    # "introduced a levy of 10 cents" and "the levy was raised to 20 cents" score 0.85-0.9 together.
    lead = _candidate(1.0, "fj.md", stated=True)
    other_fact = _near(lead, 0.87, stated=True)
    assert select([lead, other_fact], small_settings) == [lead, other_fact]


def test_an_amount_states_a_price_only_beside_what_it_is_the_price_of(small_settings: Settings) -> None:
    searcher = open_searcher(small_settings)
    diesel = "What is the price of diesel today?"
    result = searcher.search_result(diesel, k=5, mode="hybrid")
    passages = result.passages()
    weights = keyword.question_weights(result.version.bm25, diesel)
    found = candidates(diesel, focus(diesel), list(range(5)), weights, result, passages)
    # Quezon City's PHP fines and Taipei's cup prices are money, but not diesel's.
    assert found and not any(c.stated for c in found)
    fine = "What is the fine for a second offence for restaurants in Quezon City?"
    result = searcher.search_result(fine, k=5, mode="hybrid")
    weights = keyword.question_weights(result.version.bm25, fine)
    found = candidates(fine, focus(fine), list(range(5)), weights, result, result.passages())
    assert any(c.stated and "PHP3,000" in result.passages()[c.passage].text[c.start : c.end] for c in found)


def test_a_date_answers_when_a_ban_began_only_from_a_document_that_speaks_of_a_ban(
    small_settings: Settings,
) -> None:
    searcher = open_searcher(small_settings)

    def found(question: str, doc_ids: list[str] | None = None) -> list[tuple[str, bool]]:
        result = searcher.search_result(question, k=5, mode="hybrid", doc_ids=doc_ids)
        weights = keyword.question_weights(result.version.bm25, question)
        cands = candidates(question, focus(question), list(range(5)), weights, result, result.passages())
        return [(c.doc_id, c.stated) for c in cands]

    # The KL training page (the question's place filter) holds dates but names no ban: none of its
    # sentences says when one began.
    page = "sea-map-kep-epr-kuala-lumpur-2025.txt"
    kl = found("When did Kuala Lumpur ban plastic bags?", [page])
    assert kl and not any(stated for _, stated in kl)
    hainan = found("When did Hainan ban non-degradable plastic bags?")
    assert any(stated for doc, stated in hainan if "hainan" in doc)
    # Asked without the ban, the same page's dates say when the training was.
    assert any(stated for _, stated in found("When was the EPR training in Kuala Lumpur?", [page]))


@pytest.mark.parametrize(
    ("sentence", "dateline"),
    [
        ("RAYONG, 9 June 2023 – Twenty-eight officials received certificates.", True),
        ("PASAY CITY, Metro Manila, 7 March 2024 – Regulators met in Manila.", True),
        ("Kuala Lumpur, Malaysia, 18-19 November 2025: The SEA-MaP Regional Project kicked off.", True),
        ("Bangkok, Thailand, June 22, 2019 - The heads of state met.", True),
        ("The course was opened by Mr. Chaiwat, 5 June 2023 - he said.", False),
        ("On 9 June 2023, officials received certificates.", False),
    ],
)
def test_a_news_reports_dateline_lead_is_told(sentence: str, dateline: bool) -> None:
    assert (_DATELINE.match(sentence) is not None) is dateline


def test_a_dateline_lead_yields_to_the_sentence_stating_the_asked_day(small_settings: Settings) -> None:
    # The KL page's lead gives the training's days (18-19 November) beside "two-day study tour"; the
    # sentence on the study tour gives its own.
    question = "When were the study tour days of the Kuala Lumpur KEP?"
    result = open_searcher(small_settings).search_result(question, k=5, mode="hybrid")
    weights = keyword.question_weights(result.version.bm25, question)
    found = candidates(question, focus(question), list(range(5)), weights, result, result.passages())
    best = result.passages()[found[0].passage].text[found[0].start : found[0].end]
    assert "20 – 21 November 2025" in best
    lead = next(c for c in found if "18-19 November" in result.passages()[c.passage].text[c.start : c.end])
    assert lead.score < found[0].score and lead.stated  # still a date, only no longer the best


def test_a_documents_lead_is_its_first_sentence_of_ten_words_or_more() -> None:
    text = (
        "Hainan bans plastic. Since 1 December 2020, Hainan Province has prohibited bags, tableware and "
        "straws made of plastic. A first batch follows."
    )
    first = _passage(text)
    later = replace(first, id="doc.md#1")
    assert _leads([0, 1], [first, later]) == {(0, first.sentences[1][0])}  # a second chunk has no lead


def test_a_documents_lead_yields_to_a_sentence_stating_what_is_asked(
    small_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hainan's lead sums up the ban (since when, which kinds of goods): without its penalty it would be
    # quoted first for a question on which products are covered.
    question = "Which products are covered by the Hainan ban?"
    result = open_searcher(small_settings).search_result(question, k=5, mode="hybrid")
    weights = keyword.question_weights(result.version.bm25, question)

    def best() -> str:
        found = candidates(question, focus(question), list(range(5)), weights, result, result.passages())
        return result.passages()[found[0].passage].text[found[0].start : found[0].end]

    assert not best().startswith("Since 1 December 2020, Hainan Province")
    monkeypatch.setattr("retriever.selection.LEAD_PENALTY", 0.0)
    assert best().startswith("Since 1 December 2020, Hainan Province")


def test_a_word_every_found_sentence_holds_counts_less() -> None:
    # "workshop" and "manila" are what every sentence is about; "venue" tells which one answers.
    sentences = [
        ["workshop", "manila", "regul"],
        ["workshop", "manila", "sofitel", "venu"],
        ["workshop", "fee"],
    ]
    weights = {"workshop": 2.0, "manila": 2.0, "venu": 2.0}
    less = discounted(weights, sentences)
    assert less["workshop"] == pytest.approx(2.0 * (1 - COMMON_DISCOUNT))
    assert less["manila"] == pytest.approx(2.0 * (1 - COMMON_DISCOUNT * 2 / 3))
    assert less["venu"] == pytest.approx(2.0 * (1 - COMMON_DISCOUNT / 3))
    # Alone, the asked word now outweighs the topic word, where before they weighed the same.
    assert keyword.cover(weights, ["venu"]) == keyword.cover(weights, ["workshop"])
    assert keyword.cover(less, ["venu"]) > keyword.cover(less, ["workshop"])
    assert discounted(weights, [["other"]]) == weights  # a word no sentence holds keeps its weight


def test_asked_where_the_answer_may_name_another_place_than_the_question(
    base_settings: Settings, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(ROOT / "gold" / "fresh5" / "b-seoul-marine-plastics-epr-roundtable-2024.md", docs)
    settings = base_settings.with_(
        documents_dir=docs, index_dir=tmp_path / "index", data_dir=tmp_path / "data"
    )
    index_documents(settings=settings)
    searcher = open_searcher(settings)
    # The question names Seoul to say which roundtable; the answer names Phnom Penh.
    korean = "서울 라운드테이블 다음 회의 개최지는 어디?"  # where is the Seoul roundtable's next meeting?
    for question in ("Where will the roundtable after Seoul be held?", korean):
        found = answer_question(searcher, question, settings=settings)
        assert not found.refused and "Phnom Penh" in found.citations[0].quote, question


def _candidates_of(settings: Settings, question: str) -> tuple[list[Passage], list[Candidate]]:
    """The top three passages found for a question and every quotable sentence of them."""
    result = open_searcher(settings).search_result(question, k=3, mode="hybrid")
    passages = result.passages()
    weights = keyword.question_weights(result.version.bm25, question)
    usable = list(range(len(passages)))
    return passages, candidates(question, focus(question), usable, weights, result, passages)


def test_a_fine_in_a_chinese_rule_states_the_fine_asked_in_english(national_settings: Settings) -> None:
    # The passage cannot repeat the English words of what the fine is for; its amount still answers.
    question = "What is the fine for shops in Hainan that give out free plastic bags?"
    passages, found = _candidates_of(national_settings, question)
    stated = [passages[c.passage].text[c.start : c.end] for c in found if c.stated]
    assert stated and all("2,000元" in s for s in stated)
    best = select(found, national_settings)[0]
    assert "2,000元" in passages[best.passage].text[best.start : best.end]


def test_a_date_told_of_another_batch_than_the_one_asked_is_not_quoted(national_settings: Settings) -> None:
    question = "When did batch 1 of the coastal litter course end?"
    passages, found = _candidates_of(national_settings, question)
    quoted = [passages[c.passage].text[c.start : c.end] for c in found]
    assert quoted and not any("second batch" in q for q in quoted)
    best = select(found, national_settings)[0]
    assert "9 June 2023" in passages[best.passage].text[best.start : best.end]


def test_a_table_row_states_what_its_header_names_and_is_quoted_with_it(
    base_settings: Settings, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bottles.md").write_text(
        '---\ntitle: "Riverland bottle return programme"\ndate: "2025-02-01"\n---\n'
        "# Riverland bottle return programme\n\n"
        "Riverland's shops take back glass bottles for a deposit of 5 cents, and the city reports the "
        "results every year.\n\n"
        "Year | Participating shops | Bottles returned | Tonnes collected\n"
        "2022 | 96 | 180,250 | 30.1\n"
        "2023 | 131 | 311,400 | 51.8\n",
        encoding="utf-8",
    )
    settings = base_settings.with_(
        documents_dir=docs, index_dir=tmp_path / "index", data_dir=tmp_path / "data"
    )
    index_documents(settings=settings)
    found = answer_question(
        open_searcher(settings), "How many bottles were returned in 2023 in Riverland?", settings=settings
    )
    quotes = [c.quote for c in found.citations]
    assert not found.refused and "2023 | 131 | 311,400 | 51.8" in quotes, quotes
    # The header line comes with the row, before it, so a reader sees what each figure counts.
    assert quotes.index("Year | Participating shops | Bottles returned | Tonnes collected") < quotes.index(
        "2023 | 131 | 311,400 | 51.8"
    )


def test_a_korean_question_on_an_acronym_quotes_only_documents_naming_it(corpus_settings: Settings) -> None:
    # "KEP를": the acronym glued to its particle is still the name the quoted passages must speak of.
    result = ask("KEP를 누가 주최했나요?", settings=corpus_settings)
    assert not result.refused
    assert {p.doc_id for p in result.citations} == {"sea-map-kep-epr-kuala-lumpur-2025.txt"}
