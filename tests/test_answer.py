"""Answers on a small real index: look-alikes, near misses, off-topic, the quoted fact, filters."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import SMALL_CORPUS

from retriever import Settings, ask, index_documents, scope, texts
from retriever.answer import _citations, describe
from retriever.asked import states_kind
from retriever.evidence import Candidate
from retriever.types import Passage

INC3 = "factsheets/03_inc-3-nairobi-enb-summary-2023.md"


def _docs(answer) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.doc_id for c in answer.citations}


def test_lookalike_session_is_answered_from_its_own_document(small_settings: Settings) -> None:
    answer = ask("When did INC-3 take place?", settings=small_settings)
    assert not answer.refused
    assert _docs(answer) == {INC3}
    assert "November 2023" in answer.answer


def test_numbered_forum_is_not_confused_with_its_neighbour(small_settings: Settings) -> None:
    answer = ask("Who co-organised the ninth regional 3R forum?", settings=small_settings)
    assert not answer.refused
    assert _docs(answer) == {"factsheets/05_3r-forum-9th-bangkok-2019.md"}
    assert "UNCRD" in answer.answer or "MoNRE" in answer.answer


def test_a_forum_asked_by_its_number_in_figures_is_dated_from_the_sentence_naming_it_in_words(
    small_settings: Settings,
) -> None:
    # "the 9th 3R Forum" in the question; "The Ninth Regional 3R Forum ... on 4-6 March 2019" in the text.
    answer = ask("When was the 9th 3R forum held?", settings=small_settings)
    assert not answer.refused
    assert "4-6 March 2019" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "How many people attended INC-5?",  # INC-5 is only mentioned as a future session
        "When did INC-7 take place?",  # no such session in the documents
        "What did the 14th 3R forum decide?",
    ],
)
def test_numbered_names_the_documents_lack_are_refused(small_settings: Settings, question: str) -> None:
    answer = ask(question, settings=small_settings)
    assert answer.refused, answer.answer
    assert not answer.citations


@pytest.mark.parametrize(
    "question",
    [
        "What is the best recipe for chicken curry?",
        "Who won the football world cup?",
        "Write me a poem about the sea.",
    ],
)
def test_off_topic_questions_are_refused(small_settings: Settings, question: str) -> None:
    answer = ask(question, settings=small_settings)
    assert answer.refused
    assert "won't guess" in answer.answer


def test_a_question_asking_no_kind_of_fact_is_not_answered_by_a_quote_sharing_none_of_its_words(
    corpus_settings: Settings,
) -> None:
    # The Seoul forum's title scores a high cosine for any question on Seoul, but says nothing of air.
    answer = ask("What's the air quality in Seoul tomorrow?", settings=corpus_settings)
    assert answer.refused and not answer.citations
    # A question the documents answer in its own words is still answered.
    answer = ask("What is the Bottle-Free Seas project in Bangkok?", settings=corpus_settings)
    assert not answer.refused and "Bottle-Free Seas" in answer.answer


def test_a_request_for_tips_near_a_documented_venue_is_refused(small_settings: Settings) -> None:
    # The KEP page names Kuala Lumpur and its venues, but says nothing of where to eat.
    answer = ask("any good nasi lemak spots near the KEP venue in Kuala Lumpur?", settings=small_settings)
    assert answer.refused and not answer.citations


def test_refusal_names_the_closest_documents(small_settings: Settings) -> None:
    answer = ask("How many people attended INC-5?", settings=small_settings)
    assert answer.refused
    assert "closest documents" in answer.answer
    assert "INC-4" in answer.answer  # the document that mentions INC-5


def test_a_detail_the_documents_lack_is_refused_with_the_documents_on_its_topic(
    small_settings: Settings,
) -> None:
    answer = ask("Who chaired the INC-4 session in Ottawa?", settings=small_settings)
    assert answer.refused and not answer.citations  # the sheet names UNEP's director, no chair
    assert "closest documents" in answer.answer and "INC-4" in answer.answer


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When was the Knowledge Exchange Program on EPR held in Kuala Lumpur?", "when"),
        ("Where did INC-2 take place?", "where"),
        ("How many representatives attended the ninth 3R forum?", "number"),
    ],
)
def test_the_quote_states_the_asked_kind_of_fact(small_settings: Settings, question: str, kind: str) -> None:
    answer = ask(question, settings=small_settings)
    assert not answer.refused, answer.answer
    assert any(states_kind(c.quote, kind, question) for c in answer.citations), answer.answer


def test_quotes_are_verbatim_and_numbered(small_settings: Settings) -> None:
    answer = ask("What does the Quezon City ordinance forbid?", settings=small_settings)
    assert not answer.refused
    for n, citation in enumerate(answer.citations, start=1):
        assert citation.n == n and f"[{n}]" in answer.answer
        assert citation.quote in citation.passage
        document = (small_settings.documents_dir / citation.doc_id).read_text(encoding="utf-8")
        assert citation.passage in document and citation.title and citation.source


def test_document_filter_applies_to_answers(small_settings: Settings) -> None:
    only = ["factsheets/04_inc-4-ottawa-concludes-2024.md"]
    answer = ask("Where did the negotiating committee meet?", doc_ids=only, settings=small_settings)
    assert not answer.refused
    assert _docs(answer) == set(only)


def test_date_filter_applies_to_answers(small_settings: Settings) -> None:
    answer = ask("Where did the plastics treaty session meet?", date_from="2024", settings=small_settings)
    assert not answer.refused
    assert all(c.date >= "2024" for c in answer.citations)


@pytest.mark.parametrize(
    ("greeting", "lang"),
    [("hello", "en"), ("สวัสดีครับ", "th"), ("你好", "zh"), ("안녕하세요", "ko"), ("cảm ơn", "vi")],
)
def test_greetings_get_an_introduction_in_their_language(
    small_settings: Settings, greeting: str, lang: str
) -> None:
    answer = ask(greeting, settings=small_settings)
    assert answer.refused and not answer.citations
    assert answer.lang == lang
    assert answer.answer == texts.t("greeting", lang, n_docs=len(SMALL_CORPUS))


def test_a_refusal_speaks_the_question_language_and_quotes_stay_verbatim(small_settings: Settings) -> None:
    refused = ask("วิธีทำแกงเขียวหวานไก่ทำอย่างไร", settings=small_settings)  # a Thai curry recipe
    assert refused.refused and refused.lang == "th"
    assert refused.answer.startswith(texts.t("refusal", "th"))
    answered = ask("INC-3 diadakan di mana dan kapan?", settings=small_settings)
    assert not answered.refused, answered.answer
    assert answered.lang == "id"
    assert all(c.quote in c.passage for c in answered.citations)  # English quotes, verbatim
    assert {c.doc_id for c in answered.citations} == {INC3}


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("តើធ្វើម្ហូបការីសាច់មាន់ដោយរបៀបណា?", "km"),  # how to cook a chicken curry
        ("ວິທີເຮັດແກງໄກ່ແນວໃດ?", "lo"),
        ("ကြက်သားဟင်း ဘယ်လိုချက်ရမလဲ", "my"),
    ],
)
def test_a_khmer_lao_or_burmese_refusal_is_in_that_language(
    small_settings: Settings, question: str, lang: str
) -> None:
    refused = ask(question, settings=small_settings)
    assert refused.refused and refused.lang == lang
    assert refused.answer.startswith(texts.t("refusal", lang))
    assert texts.t("refusal", "en") not in refused.answer


def test_a_filtered_answer_to_a_khmer_question_says_so_in_khmer(small_settings: Settings) -> None:
    # "When did Quezon City approve its plastic ban?": the approval is told, the day it took effect is not.
    answer = ask("តើ Quezon City បានអនុម័តការហាមឃាត់ប្លាស្ទិកនៅពេលណា?", settings=small_settings)
    assert not answer.refused and answer.lang == "km"
    about = texts.t("scope_about", "km", places="Quezon City")
    khmer = texts.t("scope_what", "km", what=texts.t("scope_documents", "km"), details=about)
    assert texts.t("scope_note", "km", scope=khmer) in answer.answer
    assert "Filter applied" not in answer.answer


@pytest.mark.parametrize(
    ("question", "lang"), [("what about the 4th offence", "en"), ("Bagaimana dengan Bogor?", "id")]
)
def test_a_refused_follow_up_is_told_each_message_is_read_on_its_own(
    small_settings: Settings, question: str, lang: str
) -> None:
    answer = ask(question, settings=small_settings)
    assert answer.refused and texts.t("refusal_standalone", lang) in answer.answer


def test_an_answered_follow_up_says_it_was_read_on_its_own_unless_it_names_its_subject(
    small_settings: Settings,
) -> None:
    answer = ask(
        "And what about the ban on non-degradable disposable plastic tableware?", settings=small_settings
    )
    assert not answer.refused and answer.citations
    assert answer.answer.endswith(texts.t("refusal_standalone", "en"))
    named = ask("And what about the ban on non-degradable plastic bags in Hainan?", settings=small_settings)
    assert not named.refused and texts.t("refusal_standalone", "en") not in named.answer


def test_a_refused_whole_question_gets_no_such_hint(small_settings: Settings) -> None:
    answer = ask("What is the best recipe for chicken curry?", settings=small_settings)
    assert answer.refused and texts.t("refusal_standalone", "en") not in answer.answer


def test_the_language_can_be_fixed_by_the_caller(small_settings: Settings) -> None:
    answer = ask("What is the best recipe for chicken curry?", lang="ms", settings=small_settings)
    assert answer.refused and answer.answer.startswith(texts.t("refusal", "ms"))


def test_answer_keeps_the_ranked_passages_but_not_in_json(small_settings: Settings) -> None:
    answer = ask("Where was INC-4 held?", settings=small_settings)
    assert len(answer.passages) >= 5
    assert answer.passages[0].doc_id == "factsheets/04_inc-4-ottawa-concludes-2024.md"
    assert set(answer.to_dict()) == {"question", "answer", "refused", "citations", "timings_ms"}


def test_an_unknown_mode_is_an_error_not_a_refusal(small_settings: Settings) -> None:
    from retriever import SettingsError

    with pytest.raises(SettingsError):
        ask("Where was INC-4 held?", mode="x", settings=small_settings)


POLICY_DOCS = {
    "old-rule.md": '---\ntitle: "Testland Decree 7 on carrier bags (2019)"\ndate: "2019-03-01"\n'
    'source: "https://example.org/decree-7"\n---\n# Testland Decree 7 on carrier bags (2019)\n\n'
    "Decree 7 of Testland requires shops to charge 10 cents for every plastic carrier bag. "
    "The charge applies in every province of Testland.\n",
    "new-rule.md": '---\ntitle: "Testland Decree 12 on carrier bags (2024)"\ndate: "2024-05-01"\n'
    'source: "https://example.org/decree-12"\nsupersedes: "Testland Decree 7 on carrier bags (2019)"\n---\n'
    "# Testland Decree 12 on carrier bags (2024)\n\n"
    "Decree 12 of Testland bans plastic carrier bags in all shops from 1 June 2024. "
    "It replaces the bag charge of Decree 7.\n",
    "forum-a.md": '---\ntitle: "Riverland Plastics Forum announced (2023)"\ndate: "2023-01-10"\n'
    'source: "https://example.org/forum-a"\n---\n# Riverland Plastics Forum announced (2023)\n\n'
    "The Riverland Plastics Forum will be held in Bangkok on 12 March 2023, the ministry said.\n",
    "forum-b.md": '---\ntitle: "Riverland Plastics Forum moved (2023)"\ndate: "2023-02-20"\n'
    'source: "https://example.org/forum-b"\n---\n# Riverland Plastics Forum moved (2023)\n\n'
    "The Riverland Plastics Forum will be held in Bangkok on 19 March 2023, the organisers said.\n",
}


@pytest.fixture(scope="module")
def policy_settings(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Four small documents: one replaced by another, and two that disagree on a date."""
    docs = tmp_path_factory.mktemp("policy-docs")
    for name, text in POLICY_DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    settings = base_settings.with_(documents_dir=docs, index_dir=tmp_path_factory.mktemp("policy-index"))
    index_documents(settings=settings)
    return settings


def test_an_answer_from_a_replaced_document_points_to_the_newer_one(policy_settings: Settings) -> None:
    answer = ask(
        "How much must shops charge for a carrier bag under Testland Decree 7?", settings=policy_settings
    )
    assert not answer.refused, answer.answer
    assert any(c.doc_id == "old-rule.md" for c in answer.citations)
    assert (
        texts.t(
            "superseded_note",
            "en",
            old="Testland Decree 7 on carrier bags (2019)",
            new="Testland Decree 12 on carrier bags (2024)",
        )
        in answer.answer
    )


def test_sources_that_disagree_are_shown_side_by_side(policy_settings: Settings) -> None:
    answer = ask("When will the Riverland Plastics Forum be held?", settings=policy_settings)
    assert not answer.refused, answer.answer
    assert "differ" in answer.answer
    assert "12 March 2023" in answer.answer and "19 March 2023" in answer.answer
    assert {c.doc_id for c in answer.citations} == {"forum-a.md", "forum-b.md"}  # each side cited


def test_the_filter_a_question_states_is_applied_and_shown(small_settings: Settings) -> None:
    answer = ask("What did the Philippines ban in Quezon City?", settings=small_settings)
    assert answer.scope and "Quezon City" in answer.scope
    assert not answer.refused
    assert {c.doc_id for c in answer.citations} == {
        "factsheets/18_ph-quezon-city-single-use-plastics-ban-2019.md"
    }
    assert texts.t("scope_note", "en", scope=answer.scope) in answer.answer


def test_the_filter_note_is_in_the_readers_language() -> None:
    stated = scope.Scope(doc_ids=("a",), places=("Malaysia",), date_from="2023", description="x")
    assert describe(stated, "en") == "documents about Malaysia, dated 2023 or later"
    assert describe(stated, "ms") == "dokumen tentang Malaysia, bertarikh 2023 atau kemudian"
    regulations = scope.Scope(doc_ids=("a",), latest=True, in_force=True, kind="regulation", description="x")
    assert describe(regulations, "en") == "the latest regulations in force now"
    assert "法规" in describe(regulations, "zh")


def test_a_filtered_answer_in_malay_says_so_in_malay(small_settings: Settings) -> None:
    answer = ask("Bilakah larangan plastik di Quezon City bermula?", settings=small_settings)
    assert answer.scope  # the question named a place the collection has documents about
    assert texts.t("scope_note", "ms", scope="dokumen tentang Quezon City") in answer.answer
    assert "documents about" not in answer.answer


def test_a_full_width_question_is_read_as_the_plain_one(small_settings: Settings) -> None:
    wide = ask("Ｗｈｅｒｅ ｄｉｄ ＩＮＣ－２ ｔａｋｅ ｐｌａｃｅ？", settings=small_settings)
    plain = ask("Where did INC-2 take place?", settings=small_settings)
    assert not wide.refused and wide.answer == plain.answer and "Paris" in wide.answer


def test_sentences_of_one_paragraph_share_a_citation_and_a_paragraph_break_splits_them() -> None:
    text = "The ban starts in May. It covers parks.\n\nShops must comply too. Fines follow."
    spans = [(0, 22), (23, 39), (41, 63)]
    passage = Passage("d#0", "d", text, "T", "", None, "", "", "", 0, len(text), 1.0, sentences=tuple(spans))
    vector = np.zeros(2, dtype=np.float32)
    chosen = [Candidate(0, s, e, 1.0, vector, 0.9, 0.5, True, False, "d") for s, e in spans]
    quoted, citations = _citations(chosen, [passage])
    first, second = "The ban starts in May. It covers parks.", "Shops must comply too."
    assert [c.quote for c in citations] == [first, second]
    assert quoted == "The ban starts in May. It covers parks. [1] Shops must comply too. [2]"


def test_the_sentence_stating_the_counted_ordinal_asked_is_quoted(small_settings: Settings) -> None:
    answer = ask("What is the fine for a second offence in Quezon City?", settings=small_settings)
    assert not answer.refused and "PHP3,000" in answer.answer


def test_numbers_in_khmer_digits_are_read_as_the_documents_write_them(small_settings: Settings) -> None:
    """"ទី១៤" (the 14th) and "INC-៣" name the 14th forum and INC-3 as "14th" and "INC-3" do."""
    assert ask("វេទិកា 3R លើកទី១៤ សម្រេចអ្វីខ្លះ?", settings=small_settings).refused  # no 14th forum
    ninth = ask("វេទិកា 3R លើកទី៩ រៀបចំដោយអ្នកណា?", settings=small_settings)
    assert _docs(ninth) == {"factsheets/05_3r-forum-9th-bangkok-2019.md"}
    assert _docs(ask("INC-៣ ធ្វើឡើងនៅពេលណា?", settings=small_settings)) == {INC3}


def test_a_count_of_another_thing_is_refused_not_quoted(national_settings: Settings) -> None:
    # The page counts water stations near temples and schools; it never says how many schools.
    answered = ask("How many free drinking water stations did Chiang Mai open?", settings=national_settings)
    assert not answered.refused and "20" in answered.answer
    answer = ask("How many schools in Chiang Mai got a water station?", settings=national_settings)
    assert answer.refused, answer.answer


def test_a_follow_up_is_answered_with_the_question_before_it(small_settings: Settings) -> None:
    previous = "Who opened the Knowledge Exchange Program on EPR in Kuala Lumpur?"
    alone = ask("and when was it held?", settings=small_settings)
    answer = ask("and when was it held?", settings=small_settings, previous=previous)
    assert not answer.refused and "November 2025" in answer.answer
    assert {c.doc_id for c in answer.citations} == {"sea-map-kep-epr-kuala-lumpur-2025.txt"}
    assert texts.t("follow_up_note", "en", previous=previous) in answer.answer, "says how it was read"
    assert texts.t("refusal_standalone", "en") not in answer.answer
    assert texts.t("follow_up_note", "en", previous=previous) not in alone.answer


def test_a_whole_question_is_not_read_with_the_one_before(small_settings: Settings) -> None:
    previous = "Who opened the Knowledge Exchange Program on EPR in Kuala Lumpur?"
    question = "When did Hainan ban non-degradable disposable plastic bags and tableware?"
    answer = ask(question, settings=small_settings, previous=previous)
    assert answer.question == question and "Kuala Lumpur" not in answer.answer
    assert {c.doc_id for c in answer.citations} == {"factsheets/29_cn-hainan-plastic-ban-2020.md"}


def test_a_refused_follow_up_still_says_what_it_was_read_with(small_settings: Settings) -> None:
    previous = "What is the fine for a first offence under Quezon City's plastics ordinance?"
    answer = ask("Bagaimana dengan Bogor?", settings=small_settings, previous=previous)
    assert answer.refused and answer.answer.startswith(texts.t("refusal", "id"))
    assert texts.t("follow_up_note", "id", previous=previous) in answer.answer


@pytest.mark.parametrize("question", ["Tell me about Hainan", "Hainan?"])
def test_a_question_asking_only_about_a_place_is_answered_from_its_document(
    small_settings: Settings, question: str
) -> None:
    # The places asked about say where, not what; but when a place is all a question names, it is
    # what it asks about ("Tell me about Kamikatsu" had been refused: it shared no other word).
    answer = ask(question, settings=small_settings)
    assert not answer.refused
    assert {c.doc_id for c in answer.citations} == {"factsheets/29_cn-hainan-plastic-ban-2020.md"}


def test_a_request_for_a_joke_on_a_documented_topic_is_refused(small_settings: Settings) -> None:
    assert ask("Tell me a joke about the Hainan plastic ban", settings=small_settings).refused
    assert not ask("What does the Hainan plastic ban cover?", settings=small_settings).refused


def test_a_target_told_at_a_forum_answers_a_question_citing_the_forums_year(
    corpus_settings: Settings,
) -> None:
    question = "what recycling rate is seoul aiming for, per the 2024 seoul climate forum?"
    answer = ask(question, settings=corpus_settings)
    assert not answer.refused and "79%" in answer.answer
