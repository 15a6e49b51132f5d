"""What a "how many" question counts, and which numbers of a sentence count that thing."""

from __future__ import annotations

import pytest

from retriever.counting import (
    counted,
    counts_of,
    from_elsewhere,
    from_places,
    names_place,
    people_counted,
    per_units,
    things_counted,
    units_counted,
)


def test_a_question_counts_the_words_after_how_many_and_their_kind() -> None:
    people = counted("How many people attended the forum?")
    assert {"peopl", "deleg", "parti"} <= people  # delegates and participants are people too
    assert counted("How many carrier bags do shoppers use?") == {"carri", "bag"}
    assert counted("When did the forum open?") == frozenset()


def test_a_conjunction_between_the_counted_things_is_not_one_of_them() -> None:
    asked = counted("how many inspectors or enforcement squads has the agency put in the field?")
    assert "or" not in asked and "inspe" in asked
    helpline = "Report shops through the toll-free helpline 0800-12373 or the Green WhatsApp line."
    assert counts_of(helpline, asked) == []


def test_people_typed_in_chat_shorthand_are_people() -> None:
    assert {"peopl", "deleg"} <= counted("how many ppl at 11th 3r forum")
    assert counts_of("Around 400 participants attended.", counted("how many pax attended?")) == ["400"]


def test_only_numbers_followed_by_the_counted_thing_count() -> None:
    people = counted("How many people attended?")
    assert counts_of("Five pre-events were held at the forum, and 300 delegates came.", people) == ["300"]
    assert counts_of("It ran from 9:00 to 12:00 on 7 July.", people) == []
    days = counted("How many days did the training last?")
    assert counts_of("a two-day training", days) == ["two"]


def test_people_are_counted_when_a_glossed_question_names_them_as_what_is_counted() -> None:
    assert "deleg" in people_counted("meeting online participant participants total people")
    # A ministry or producers are what a question is about, not what it counts.
    assert people_counted("ministry products plastic bag") == frozenset()


def test_identifiers_and_look_alike_words_count_nothing() -> None:
    people = counted("How many people attended?")
    sentence = 'Readings of resolution 5/14 came into view, particularly over the "full life cycle".'
    assert counts_of(sentence, people) == []  # "5/14" names a resolution; "particularly" is no participant
    assert counts_of("Decree No. 12 was read to 40 participants.", people) == ["40"]


def test_the_count_is_of_the_noun_right_after_the_number() -> None:
    trainees = counted("How many trainees took part?")
    assert counts_of("Three bodies organised the training.", trainees) == []
    assert counts_of("Some 45 trainees took part.", trainees) == ["45"]
    bags = counted("How many plastic bags do consumers use?")
    assert counts_of("Consumers use 30 billion plastic bags a year.", bags) == ["30"]


def test_categories_of_a_thing_are_not_a_count_of_it() -> None:
    businesses = counted("how many businesses got fined in the first year?")
    assert "got" not in businesses
    assert counts_of("Four categories of businesses may no longer provide straws.", businesses) == []
    assert counts_of("By June, 120 businesses had been fined.", businesses) == ["120"]
    types = counted("How many types of plastic are banned?")
    assert counts_of("Three types of plastic are banned.", types) == ["Three"]


def test_what_a_rate_is_per() -> None:
    assert per_units("What excise fee per kg did Indonesia impose?") == {"kg"}
    assert per_units("The excise is Rp 30,000 per kilogram of plastic.") == {"kg"}
    assert per_units("The fee is VND 1,500/kg.") == {"kg"}
    assert per_units("the per-bag charge under Macau's levy") == {"bag", "charg"}
    assert per_units("200 rupiah per plastic carrier bag") == {"plast", "carri", "bag"}
    assert per_units("Recycling rose 5 per cent, 2 per annum.") == set()


def test_people_counted_by_where_they_came_from() -> None:
    assert from_places("How many participants from Indonesia attended?") == ("Indonesia",)
    assert from_places("Berapa peserta dari Indonesia di workshop EPR Manila?") == ("Indonesia",)
    assert from_places("How many people attended the workshop in Manila?") == ()
    assert names_place("Twelve Indonesian officials took part.", ("Indonesia",))
    assert not names_place("About 150 participants took part.", ("Indonesia",))


def test_people_counted_by_the_kind_of_body_they_came_from() -> None:
    assert "parti" in counted("how many of the participants were from companies?")
    companies = "how many of the participants were from companies with EPR obligations?"
    assert from_elsewhere(companies, "A total of 138 participants attended, from ten ASEAN states.")
    assert not from_elsewhere(companies, "Of them, 40 came from producers and recyclers.")
    private = "How many delegates from the private sector attended?"
    assert not from_elsewhere(private, "Some 60 business representatives joined.")
    assert not from_elsewhere("How many participants attended?", "About 150 participants took part.")


def test_a_count_of_months_or_years_asked_in_another_language_wants_that_unit() -> None:
    assert units_counted("Sa Peru Law 30884, ilang buwan ang palugit?") == {"month"}
    assert units_counted("Berapa tahun masa transisinya?") == {"year"}
    assert units_counted("กี่เดือน") == {"month"} and units_counted("몇 개월 유예") == {"month"}
    assert units_counted("Berapa denda untuk toko?") == frozenset()
    months = units_counted("ilang buwan ang palugit?")
    assert counts_of("Other items are phased out within 36 months of entry into force.", months) == ["36"]
    assert counts_of("The fine is up to 100 UIT.", months) == []


@pytest.mark.parametrize(
    ("question", "counted", "sentence", "counts"),
    [
        ("กรุงเทพฯ ติดตั้งจุดเติมน้ำดื่มไปแล้วกี่จุด", "stati", "The city has installed 48 water stations.", True),
        ("ກຸງເທບ ໄດ້ຕິດຕັ້ງຈຸດເຕີມນ້ຳດື່ມຈັກຈຸດ?", "point", "The session featured four cities.", False),
        ("ada berapa toko yang ikut?", "shop", "Some 214 outlets joined.", True),
        ("부산에서 몇 곳이 참여했나요?", "site", "Three cities signed the pledge.", False),
    ],
)
def test_sites_and_shops_counted_in_other_languages(
    question: str, counted: str, sentence: str, counts: bool
) -> None:
    stems = things_counted(question)
    assert counted in stems
    assert bool(counts_of(sentence, stems)) is counts
