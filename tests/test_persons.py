"""Who a question asks for by name or role, and whether a sentence names a person."""

from __future__ import annotations

import pytest

from retriever.persons import (
    ASKS_PERSON,
    NAME_ASKED,
    NAME_OF_ROLE,
    names_a_person,
    nationality_asked,
    serves_elsewhere,
)


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Mayor Michael Rama welcomed the delegates.", True),
        ("Dr. Vijay Kumar opened the forum.", True),
        ("Director General Lee Ho of the Ministry spoke.", True),
        ("It was opened by Vice-Minister Hiroshi Tanaka.", True),
        ("Ms. Tran Thi Lan, Deputy Director of VEA, opened it.", True),
        ("The workshop was chaired by Luis Vayas Valdivieso.", True),
        ("Housing and Local Government Minister Datuk Chor Chee Heung announced the plan.", True),
        ("The Mayor of Cebu City welcomed the delegates.", False),
        ("The Director General of the Ministry opened it.", False),
        ("The DENR Regional Executive Director for Central Visayas gave the opening address.", False),
    ],
)
def test_a_name_is_told_from_a_title_alone(sentence: str, named: bool) -> None:
    assert names_a_person(sentence) is named


def test_a_persons_name_asked_by_role_anywhere_in_the_question() -> None:
    assert NAME_OF_ROLE.search("korea rules - whats the name of the director general at MOE?")
    assert NAME_OF_ROLE.search("name of japan's parliamentary vice-minister who spoke at the forum")
    assert not NAME_OF_ROLE.search("name of the principles adopted at the Manila workshop")
    assert NAME_ASKED.search("Siapa nama menteri yang membuka forum itu?")  # what is the minister's name?
    assert not NAME_ASKED.search("Who opened the forum?")


@pytest.mark.parametrize(
    "question",
    [
        "Who gave the opening remarks?",
        "តើអ្នកណាជាអ្នកបើកវេទិកា?",  # Khmer: who opened the forum?
        "ໃຜເປີດກອງປະຊຸມ?",  # Lao: who opened the meeting?
        "谁致开幕辞？",  # Chinese: who gave the opening speech?
    ],
)
def test_who_opened_asks_for_a_person_in_every_language(question: str) -> None:
    assert ASKS_PERSON.search(question)


def test_the_country_an_official_asked_for_serves() -> None:
    assert nationality_asked("name of japan's state minister for env at the seoul roundtable?") == "Japan"
    assert nationality_asked("Which Japanese vice-minister attended the forum in Petaling Jaya?") == "Japan"
    assert nationality_asked("Who opened the forum in Japan?") == ""  # where, not whose
    korea = "The roundtable was chaired by Park Sung-ho, Vice Minister of the Republic of Korea."
    assert serves_elsewhere(korea, "Japan")
    assert not serves_elsewhere("Japan's State Minister Ito spoke in Seoul.", "Japan")
    assert not serves_elsewhere("Minister Nik Nazmi announced the plan.", "Malaysia")  # names no place
