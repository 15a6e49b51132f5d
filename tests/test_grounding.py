"""Question focus: the exact numbered names, years and names a passage must speak of, in several languages."""

from __future__ import annotations

import pytest

from retriever.exact import has_exact
from retriever.grounding import focus, mentions_name, place_named, without_contrast


@pytest.mark.parametrize(
    ("question", "exact"),
    [
        ("When did INC-3 take place?", ("inc-3",)),
        ("When did INC 3 take place?", ("inc-3",)),
        ("Who hosted the ninth 3R forum?", ("9th",)),
        ("What is Indonesia's 2030 plastic target?", ()),
        ("INC-3 diadakan di mana?", ("inc-3",)),
        ("How much is 30 percent of the budget?", ()),
        ("Which city hosts INC-5.2?", ("inc-5.2",)),  # the resumed session, not INC-5
    ],
)
def test_exact_entities_of_a_question(question: str, exact: tuple[str, ...]) -> None:
    assert focus(question).exact == exact


def test_years_are_kept_apart_from_numbered_names() -> None:
    found = focus("What did INC-3 agree in November 2023 about the 2030 target?")
    assert found.exact == ("inc-3",) and found.years == ("2023", "2030")


def test_numbered_names_ignore_no_and_possessives_split_names() -> None:
    assert focus("What does Cambodia Sub-Decree 168 regulate?").exact == ("decree-168",)
    assert has_exact("Sub-Decree No. 168 GNKR.BK was issued in 2017", "decree-168")
    names = focus("What does Singapore's Mandatory Packaging Reporting scheme require?").names
    assert names == ("singapore", "mandatory packaging reporting")


def test_names_skip_the_capitalised_first_word() -> None:
    found = focus("Where exactly did the ASEAN leaders endorse the Bangkok Declaration?")
    assert "bangkok declaration" in found.names and "asean" in found.names
    assert "where" not in found.names
    assert focus("Does Cambodia give firms tax relief?").names == ("cambodia",)
    assert focus("Which Japanese State Minister attended?").names == ("japanese state minister",)
    assert focus("Quezon City bans what?").names == ("quezon city",)


def test_names_starting_with_an_accented_capital_are_whole() -> None:
    # "Đài Loan" (Taiwan) read as "loan" was a name no English document holds: the question was refused.
    assert focus("Đài Loan: quán phải giảm bao nhiêu tiền khi khách mang ly riêng?").names == ("đài loan",)
    assert focus("Ở Đà Nẵng, lệnh cấm bắt đầu khi nào?").names == ("đà nẵng",)
    assert mentions_name("a taiwan cup discount", "đài loan")


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("the quezon city council fines restaurants", "qc", True),
        ("extended producer responsibility applies", "epr", True),
        ("shops hand out plastic bags", "qc", False),
        ("japan uses 30 billion bags a year", "japanese", True),
        ("viet nam's decree 05 (vietnam)", "vietnamese", True),
        ("exports from viet nam are exempt", "vietnamese", True),
        ("the republic of korea took part online", "korean", True),
        ("the republic of korea took part online", "vietnamese", False),
        ("malaysian states agreed", "malaysia", True),
        ("thailand's campaign", "japanese", False),
        ("india bans single-use plastic items", "sup", True),
        # An acronym inside another word is no mention of it ("kl" in "tackle"), nor a plural one missed.
        ("cities tackle plastic waste", "kl", False),
        ("kuala lumpur's campaign tackles plastic", "kl", True),
        ("ngos took part as observers", "ngo", True),
        ("thailand's recycling target", "thai", True),
    ],
)
def test_a_name_is_found_spelled_out_or_as_its_country(text: str, name: str, found: bool) -> None:
    assert mentions_name(text, name) is found


@pytest.mark.parametrize(
    ("question", "exact"),
    [
        ("When was Kuala Lumpur's Zero Plastic Campaign first launched?", ()),
        ("What's the fine for a first offence under Maharashtra's plastic ban?", ()),
        ("Where was the first session of the committee held?", ("1st",)),
        ("Who hosted the Ninth Regional 3R Forum?", ("9th",)),
        ("When did the second Regional 3R Forum take place?", ("2nd",)),
    ],
)
def test_an_ordinal_word_is_exact_only_when_it_names_an_edition(
    question: str, exact: tuple[str, ...]
) -> None:
    assert focus(question).exact == exact


@pytest.mark.parametrize("question", ["INC-3는 어디에서 열렸나요?", "INC-3在哪里举行？", "INC-3 จัดขึ้นที่ไหน"])
def test_a_numbered_name_is_found_in_questions_without_spaces_after_it(question: str) -> None:
    assert focus(question).exact == ("inc-3",)


@pytest.mark.parametrize(
    ("question", "exact", "names"),
    [
        (
            "How many NGO observers were at the Paris session (INC-2), not Ottawa?",
            ("inc-2",),
            ("paris", "ngo"),
        ),
        ("How many sessions did the forum (the 11th, not the 9th) hold?", ("11th",), ()),
        ("What period does Beijing's plan cover, as opposed to China's national plan?", (), ("beijing",)),
        ("Which countries did not sign the INC-3 text?", ("inc-3",), ()),  # nothing set aside
    ],
)
def test_entities_a_question_sets_aside_are_not_asked_about(
    question: str, exact: tuple[str, ...], names: tuple[str, ...]
) -> None:
    found = focus(question)
    assert (found.exact, found.names) == (exact, names)


def test_setting_aside_keeps_the_rest_of_the_question() -> None:
    kept = without_contrast("Did Malaysia's 2010 refund idea (not Singapore's BCRS) charge a deposit?")
    assert "Singapore" not in kept and "Malaysia's 2010 refund idea" in kept and "deposit" in kept


@pytest.mark.parametrize(
    ("question", "exact"),
    [
        ("qc ordinance fine 3rd offence", ()),
        ("What is the fine for a 2nd offence in QC?", ()),
        ("how many ppl at 11th 3r forum", ("11th",)),
        ("Who hosted the 9th forum?", ("9th",)),
        ("When was the 3rd?", ("3rd",)),
    ],
)
def test_an_ordinal_counting_offences_or_batches_names_no_edition(
    question: str, exact: tuple[str, ...]
) -> None:
    assert focus(question).exact == exact


def test_a_month_or_weekday_is_no_part_of_a_name() -> None:
    # "Maret" (Indonesian March) glued to "Manila" made a name no English page holds.
    assert focus("Berapa peserta dari Indonesia di workshop EPR Manila Maret 2024?").names == (
        "indonesia",
        "manila",
        "epr",
    )
    assert focus("Who spoke at the forum in Quezon City on Monday?").names == ("quezon city",)
    assert focus("Ilang kalahok sa Maynila noong Marso 2024?").names == ("maynila",)


def test_a_law_numbered_in_khmer_is_the_exact_entity_asked() -> None:
    asked = focus("តាមអនុក្រឹត្យលេខ168 ថង់ប្លាស្ទិកដែលអនុញ្ញាតឱ្យប្រើ ត្រូវមានកម្រាស់យ៉ាងហោចណាស់ប៉ុន្មាន?")
    assert asked.exact == ("decree-168",)
    assert focus("Under Sub-Decree No. 168, how thick must bags be?").exact == ("decree-168",)


def test_a_place_code_kept_as_a_lower_cased_acronym_still_names_its_place() -> None:
    assert place_named("sg") == "Singapore"
    assert place_named("vietnamese") == "Viet Nam"
    assert place_named("epr") == ""


@pytest.mark.parametrize(
    ("question", "exact"),
    [
        # An offence counted in Vietnamese is no edition: the 3rd ASEAN workshop is not what is asked.
        ("GenSan: người xả rác nhựa mà vi phạm lần thứ 3 thì bị phạt thế nào?", ()),
        ("vi phạm lần thứ ba ở Quezon City bị phạt bao nhiêu?", ()),
        ("What was agreed at the 3rd session?", ("3rd",)),
    ],
)
def test_an_offence_counted_in_another_language_is_no_numbered_name(question: str, exact: tuple) -> None:
    assert focus(question).exact == exact


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # A Korean particle glued to an acronym is no part of it.
        ("KEP를 누가 주최했나요?", ("kep",)),
        ("EPR을 언제 도입했나요?", ("epr",)),
        ("Who chaired INC-4?", ()),
    ],
)
def test_an_acronym_is_read_apart_from_the_script_around_it(question: str, names: tuple) -> None:
    assert focus(question).names == names
