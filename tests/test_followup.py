"""A follow-up read with the question before it (retriever/followup.py): what carries over, what the
follow-up replaces, and that a whole question is left alone."""

from __future__ import annotations

import pytest

from retriever.followup import with_context
from retriever.question_words import question_kind

KEP = "Who organised the KEP on EPR in Kuala Lumpur?"


def test_a_follow_up_carries_the_subject_and_asks_its_own_kind() -> None:
    read = with_context("and where was it held?", KEP)
    assert "KEP" in read and "Kuala Lumpur" in read
    assert "Who" not in read, "the earlier question word would make it ask who"
    assert question_kind(read) == "where"


def test_a_follow_up_asking_no_kind_keeps_the_earlier_ones() -> None:
    read = with_context("what about Malaysia?", "What is the fine for plastic bags in Thailand?")
    assert "Malaysia" in read and "Thailand" not in read, "the place it names replaces the earlier one"
    assert "fine" in read and question_kind(read) == "number"


@pytest.mark.parametrize(
    ("follow_up", "previous", "gone", "kept"),
    [
        ("and INC-4?", "Where was INC-3 held?", "INC-3", "held"),
        ("what about the 2nd offence?", "What is the fine for a first offence in QC?", "first", "fine"),
        ("and in 2024?", "How many delegates attended the 2023 forum?", "2023", "delegates"),
        ("那北京呢？", "首尔的塑料目标是什么？", "首尔", "塑料"),
        ("Còn Hà Nội thì sao?", "Đà Nẵng cấm túi ni lông từ khi nào?", "Đà Nẵng", "túi ni lông"),
    ],
)
def test_what_a_follow_up_names_replaces_the_earlier_one(
    follow_up: str, previous: str, gone: str, kept: str
) -> None:
    read = with_context(follow_up, previous)
    assert read.startswith(follow_up)
    assert gone not in read and kept in read


@pytest.mark.parametrize(
    ("question", "previous"),
    [
        ("When did Hainan ban plastic bags?", KEP),  # a whole question stands on its own
        ("and where was it held?", ""),  # nothing before it to lean on
        ("and where was it held?", "   "),
    ],
)
def test_a_whole_question_or_one_with_nothing_before_is_left_alone(question: str, previous: str) -> None:
    assert with_context(question, previous) == question
