"""Chat shorthand written out before a question is searched and read."""

from __future__ import annotations

import pytest

from retriever import Settings, ask
from retriever.shorthand import expand


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("which hotel hosted the 4th mtg?", "which hotel hosted the 4th meeting?"),
        ("govt plan: max fine w/ the new regs?", "government plan: maximum fine with the new regulations?"),
        ("how many ppl attended, approx?", "how many people attended, approximately?"),
        ("which Gov't Dept runs it?", "which government department runs it?"),
        ("fine for selling w/o a permit", "fine for selling without a permit"),
        ("Port Dickson styro n straw ban", "Port Dickson styrofoam and straw ban"),
    ],
)
def test_shorthand_is_written_out(typed: str, read: str) -> None:
    assert expand(typed) == read


@pytest.mark.parametrize(
    "text",
    [
        "Reg. No. 5 of 2019",
        "Max Weber opened it",
        "John N. Smith",
        "see seamap-asean.org",
        "the info-sheet",
        "minimum wage",
    ],
)
def test_names_labels_and_parts_of_words_are_left_as_typed(text: str) -> None:
    assert expand(text) == text


def test_a_question_in_shorthand_quotes_what_the_written_out_one_asks(corpus_settings: Settings) -> None:
    # "depts" shares no word with "Department of Pollution Control"; "departments" does.
    question = "which MoNRE depts took part in the lao NAP plastics planning workshop 2021"
    typed = ask(question, settings=corpus_settings)
    assert not typed.refused
    assert "Department of Pollution Control" in typed.answer
