"""Messages that are not a question standing on its own: greetings and thanks, and follow-ups."""

from __future__ import annotations

import pytest

from retriever.chatter import is_follow_up, is_smalltalk


@pytest.mark.parametrize(
    "message", ["hi", "Thanks!", "what can you do?", "Terima kasih", "xin chào", "你好", "안녕하세요"]
)
def test_greetings_and_thanks_are_smalltalk(message: str) -> None:
    assert is_smalltalk(message)


@pytest.mark.parametrize("message", ["What is EPR?", "hi, when did INC-3 take place?"])
def test_questions_are_not_smalltalk(message: str) -> None:
    assert not is_smalltalk(message)


@pytest.mark.parametrize(
    "message",
    [
        "what about the 2nd offence",
        "thx. and what about indonesia's epr",
        "And the fine?",
        "how about Bogor?",
        "Bagaimana dengan Bogor?",
        "kalau di Malaysia?",
        "Paano naman ang Cebu?",
        "Còn Hà Nội thì sao?",
        "แล้วที่เชียงใหม่ล่ะ",
        "那北京呢？",
        "그럼 서울은?",
    ],
)
def test_follow_ups_in_each_language_are_recognised(message: str) -> None:
    assert is_follow_up(message)


@pytest.mark.parametrize(
    "message",
    [
        "What is the fine for a second offence under Quezon City's ordinance?",
        "How many delegates attended INC-4?",
        "Berapa denda bagi pedagang pasar di Bogor?",
        "海南禁塑令什么时候开始实施？",
        "Who chaired the meeting about plastic bags?",
    ],
)
def test_whole_questions_are_not_follow_ups(message: str) -> None:
    assert not is_follow_up(message)
