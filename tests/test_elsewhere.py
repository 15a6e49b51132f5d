"""Whether a sentence speaks of another place or year than the question asks about."""

from __future__ import annotations

import re

import pytest

from retriever.elsewhere import asked_places, cited_years, only_elsewhere, other_years
from retriever.types import Passage


def _passage(text: str, section: str = "", title: str = "A title") -> Passage:
    spans = tuple((m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text))
    return Passage(
        "doc.md#0", "doc.md", text, title, section, None, "", "", "", 0, len(text), 0.8, sentences=spans
    )


def test_a_sentence_naming_no_place_takes_the_place_of_the_one_before() -> None:
    text = "Seoul has cut 12 million plastic items. The goal is a recycling rate of 79%."
    start = text.index("The goal")
    passage = _passage(text)
    assert only_elsewhere(
        asked_places("What recycling rate is Beijing targeting?"), passage, start, len(text)
    )
    assert not only_elsewhere(
        asked_places("What recycling rate is Seoul targeting?"), passage, start, len(text)
    )


@pytest.mark.parametrize(
    ("question", "text", "section", "elsewhere"),
    [
        ("How much waste does Malaysia generate?", "Bangkok generates 9,000 tonnes a day.", "", True),
        ("How much waste does Malaysia generate?", "Kuala Lumpur generates 3,000 tonnes a day.", "", False),
        ("How much waste does Malaysia generate?", "It generates 9,000 tonnes a day.", "Bangkok", True),
        ("How much waste does Malaysia generate?", "It generates 9,000 tonnes a day.", "Key facts", False),
        ("What did Kuala Lumpur pledge?", "Malaysia's capital pledged a ban.", "", False),
        ("What did the city pledge?", "Bangkok pledged a ban.", "", False),  # no place asked
    ],
)
def test_a_sentence_only_about_other_places_is_told_apart(
    question: str, text: str, section: str, elsewhere: bool
) -> None:
    assert only_elsewhere(asked_places(question), _passage(text, section), 0, len(text)) is elsewhere


def test_countries_named_in_a_document_about_the_asked_city_are_where_its_people_came_from() -> None:
    text = "The workshop brought together 62 participants from 11 countries, Timor-Leste among them."
    asked = asked_places("How many people attended the Yogyakarta workshop?")
    about_the_city = _passage(text, title="ASEAN data workshop in Yogyakarta")
    assert not only_elsewhere(asked, about_the_city, 0, len(text))
    # In a document not titled by the city, the sentence is still about another place.
    assert only_elsewhere(asked, _passage(text), 0, len(text))
    # And a city other than the one asked is elsewhere even in the asked city's document.
    bangkok = "Bangkok sent 30 participants."
    assert only_elsewhere(
        asked, _passage(bangkok, title="ASEAN data workshop in Yogyakarta"), 0, len(bangkok)
    )


def test_an_amount_under_another_years_heading_is_told() -> None:
    asked = frozenset({"2030"})
    assert other_years("giảm 50% rác thải nhựa trên biển;", "Mục tiêu đến năm 2025", asked)
    assert not other_years("giảm 75% rác thải nhựa trên biển;", "Mục tiêu đến năm 2030", asked)
    assert not other_years("By 2030, 75% of waste is collected, up from 40% in 2020.", "Targets", asked)
    assert not other_years("The plan runs 2021-2035 and cuts waste by half.", "", asked)  # a span covers it
    # A law cited by its year, or a decree's number, names no year of the amount.
    assert not other_years("Under Act No. 47 of 1980 the fine is Rs 10,000.", "", frozenset({"2017"}))
    assert other_years("In 2016, 300 people attended.", "", frozenset({"2017"}))
    assert not other_years("300 people attended.", "", frozenset({"2017"}))


@pytest.mark.parametrize(
    ("question", "cited"),
    [
        ("what recycling rate is seoul aiming for, per the 2024 seoul climate forum?", {"2024"}),
        ("what recycling rate is seoul aiming for? (the seoul climate forum 2024 post)", {"2024"}),
        ("according to the 2023 report, what share was recycled?", {"2023"}),
        # A year naming the edition asked about, or the fact's own year, still qualifies the figure.
        ("How many attended the 2025 meeting?", set()),
        ("What is the 2030 target?", set()),
    ],
)
def test_the_year_of_a_cited_source_is_not_the_year_asked(question: str, cited: set[str]) -> None:
    assert cited_years(question) == cited
