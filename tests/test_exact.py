"""Exact tokens: numbered names, English editions and years match whole (other languages: test_editions)."""

from __future__ import annotations

import pytest

from retriever.exact import (
    canonical,
    counted_ordinals,
    has_exact,
    question_canonical,
    states_ordinal,
    states_other_ordinal,
)


def test_numbered_names_match_whole_not_as_prefixes() -> None:
    assert has_exact("the INC-3 session met in Nairobi", "inc-3")
    assert has_exact("the third session (INC 3)", "inc-3")
    assert not has_exact("INC-30 met later", "inc-3")
    assert not has_exact("the 19th forum", "9th")
    assert has_exact("The Ninth Regional 3R Forum", "9th")
    assert canonical("INC–4") == "inc-4"  # an en dash is a hyphen


@pytest.mark.parametrize(
    ("question", "canonical_text"),
    [
        ("Who hosted the Ninth Regional 3R Forum?", "who hosted the 9th regional 3r forum?"),
        ("When did the second session open?", "when did the 2nd session open?"),
        ("When was the campaign first launched?", "when was the campaign first_ launched?"),
        ("What is the fine for a first offence?", "what is the fine for a first_ offence?"),
    ],
)
def test_an_ordinal_word_is_an_edition_only_before_a_name_or_a_meeting(
    question: str, canonical_text: str
) -> None:
    assert question_canonical(question) == canonical_text


def test_a_particle_written_onto_a_numbered_name_leaves_it_whole() -> None:
    assert has_exact("INC-3는 나이로비에서 열렸다", "inc-3")  # Korean: the topic particle follows at once
    assert has_exact("INC-3在内罗毕举行", "inc-3")
    assert not has_exact("INC-30在内罗毕举行", "inc-3")


def test_a_part_of_a_numbered_session_is_its_own_name() -> None:
    assert has_exact("The resumed session, INC-5.2, meets in Geneva.", "inc-5.2")
    assert not has_exact("The resumed session, INC-5.2, meets in Geneva.", "inc-5")
    assert not has_exact("INC-5 met in Busan.", "inc-5.2")


def test_a_counted_ordinal_is_read_from_the_question_and_matched_in_any_spelling() -> None:
    assert counted_ordinals("Which products are in the second batch of Hainan's list?") == (("2nd", "batch"),)
    subsequent = "What is the penalty for the third and subsequent offences?"
    assert counted_ordinals(subsequent) == (("3rd", "offence"),)
    assert counted_ordinals("When did INC-3 meet?") == ()
    # Times an offender is caught are offences; the times a forum met are not.
    assert counted_ordinals("what happens to a store caught the 3rd time?") == (("3rd", "offence"),)
    assert counted_ordinals("fine if a shop is fined a second time?") == (("2nd", "offence"),)
    assert counted_ordinals("Was it the third time the forum met?") == ()
    assert counted_ordinals("what happens to a store caught the 3rd time?", told=False) == ()  # no gate
    assert states_ordinal("Third and later offences | PHP 5,000 | Suspension", "3rd", "offence")
    assert states_ordinal("Shops caught a third time lose their permit.", "3rd", "offence")
    assert states_ordinal("The second batch follows in 2025.", "2nd", "batch")
    assert states_ordinal("Batch 2 covers cutlery.", "2nd", "batch")
    assert states_ordinal("A fine of P5,000 for the third offense.", "3rd", "offence")
    assert not states_ordinal("A first batch of products has been published.", "2nd", "batch")
    assert not states_ordinal("A fine of P1,000 for the first offence.", "3rd", "offence")


def test_a_place_in_a_contest_is_a_counted_ordinal_and_a_prize_states_it() -> None:
    question = "who took first place at the 2025 youth plastic hackathon in brunei"
    assert counted_ordinals(question) == (("1st", "place"),)
    assert states_ordinal("The first prize of BND 5,000 went to team EcoLoop.", "1st", "place")
    assert states_ordinal("Team EcoLoop took first place.", "1st", "place")
    assert not states_ordinal("The second prize went to team Refill.", "1st", "place")


@pytest.mark.parametrize(
    "question",
    [
        "퀘존시티 조례요, 4번째 위반하면 벌금 얼마예요?",
        "denda pelanggaran keempat berapa?",
        "ค่าปรับครั้งที่ 4 เท่าไหร่",
        "第四次违规罚多少",
        "phạt vi phạm lần thứ 4 bao nhiêu?",
    ],
)
def test_an_offence_past_the_third_is_read_in_the_officials_languages(question: str) -> None:
    assert counted_ordinals(question) == (("4th", "offence"),)
    # Three steps enumerated state no fourth: the quote must not answer a fourth offence.
    steps = "(1) a PHP1,000 fine for a first offence; (2) a PHP3,000 fine for a second offence; (3) PHP5,000"
    assert not states_ordinal(steps, "4th", "offence")


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Thirty officials finished the second batch in Songkhla.", True),
        ("Batch 2 ran in Songkhla.", True),
        ("Like the first batch, it was run by the department.", False),  # the one asked
        ("It ended on 9 June 2023.", False),  # no batch named
    ],
)
def test_a_sentence_on_another_one_of_the_series_is_told(text: str, other: bool) -> None:
    assert states_other_ordinal(text, "1st", "batch") is other


def test_a_thai_documents_buddhist_era_year_holds_the_common_era_one() -> None:
    assert has_exact("ในปี 2566 เก็บขยะได้ 38.6 ตัน", "2023") and has_exact("ในปี 2566", "2566")
    assert not has_exact("We collected 2566 items in 2024.", "2023")  # English text counts years as written


@pytest.mark.parametrize(
    ("text", "ordinal", "stated"),
    [
        ("kompaun sehingga RM1,000 bagi kesalahan pertama", "1st", True),
        ("kompaun RM2,000 bagi kesalahan kedua", "1st", False),
        ("denda Rp500.000 untuk pelanggaran ke-2", "2nd", True),
        ("Ikalawang paglabag: multang P2,000", "2nd", True),
        ("vi phạm lần thứ hai bị phạt 5 triệu đồng", "2nd", True),
        ("vi phạm lần thứ ba", "2nd", False),
        ("ปรับ 1,000 บาท สำหรับการกระทำผิดครั้งแรก", "1st", True),
        ("ครั้งที่ 12 ปรับ 5,000 บาท", "1st", False),
        ("首次违规罚款500元", "1st", True),
        ("1차 위반 시 과태료 10만원", "1st", True),
        ("11차 위반 시 과태료", "1st", False),
    ],
)
def test_an_offence_is_counted_in_the_officials_languages(text: str, ordinal: str, stated: bool) -> None:
    assert states_ordinal(text, ordinal, "offence") is stated


def test_a_question_counts_an_offence_in_its_language_only_beside_a_fine() -> None:
    assert counted_ordinals("Berapa denda untuk kesalahan pertama?") == (("1st", "offence"),)
    assert counted_ordinals("Magkano ang multa sa ikalawang paglabag?") == (("2nd", "offence"),)
    assert counted_ordinals("首次违规罚多少钱？") == (("1st", "offence"),)
    assert counted_ordinals("第一次会议在哪里举行？") == ()  # the first meeting: no fine asked


def test_the_step_of_an_enumerated_series_states_its_ordinal() -> None:
    steps = (
        "Penalties rise in three steps: (1) a PHP1,000 fine for a first offence; (2) a PHP3,000 fine for a "
        "second offence; and (3) a PHP5,000 fine and a Closure Order."
    )
    assert states_ordinal(steps, "3rd", "offence")
    assert not states_ordinal(steps, "4th", "offence")
    assert not states_ordinal("Step (3) follows the launch.", "3rd", "offence"), "no earlier offence named"
