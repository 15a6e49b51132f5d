"""What the bot keeps between updates (botstate): the decisions on button presses, /events pages and
/reindex waiters, on plain ids and no Telegram."""

from __future__ import annotations

import datetime as dt

import pytest

import botstate
from botsettings import BotSettings
from botstate import BotState, EventsView, Pending, StoredAnswer
from retriever import Answer, Event


def _event(day: str) -> Event:
    return Event(
        doc_id="d",
        title=f"Meeting {day}",
        start=day,
        end=day,
        place="",
        organisers=(),
        quote=f"held on {day}",
    )


def test_a_press_counts_only_on_the_message_the_answer_was_sent_as() -> None:
    stored = StoredAnswer(Answer("q", "a", True), chat_id=7, user_id=1)
    assert stored.pressed_on(7, 100)  # before Telegram confirmed the send, any message in the chat
    assert not stored.pressed_on(8, 100)
    assert not stored.pressed_on(None, None)
    stored.message_id = 100
    assert stored.pressed_on(7, 100)
    assert not stored.pressed_on(7, 101)  # forged data on another message of the same chat


def test_events_are_paged_with_whether_the_page_before_ended_upcoming() -> None:
    today = dt.date(2025, 6, 1)
    events = [_event(d) for d in ("2025-07-01", "2025-06-15", "2025-05-01", "2025-04-01", "2025-03-01")]
    view = EventsView(chat_id=1, events=events, lang="en")
    page, previous = view.next_page(2, today)
    assert page == events[:2] and previous is None and view.left == 3
    page, previous = view.next_page(2, today)
    assert page == events[2:4] and previous is True and view.left == 1
    page, previous = view.next_page(2, today)
    assert page == events[4:] and previous is False and view.left == 0
    assert view.next_page(2, today) == ([], False) and view.left == 0


def test_reindex_waiters_are_taken_once_with_one_report_per_chat() -> None:
    state = BotState()
    state.reindex_waiters += [(1, 10, "en"), (2, 20, "th"), (1, 11, "ms")]
    assert state.take_reindex_waiters() == {1: (11, "ms"), 2: (20, "th")}  # the chat's latest ask
    assert state.reindex_waiters == [] and state.take_reindex_waiters() == {}


def test_only_an_administrator_in_the_chat_asked_confirms_and_a_staged_version_settles_everywhere() -> None:
    state = BotState(bot=BotSettings(admin_user_ids=(42,)))
    staged = object()
    first = state.ask_admin(Pending("publish_staged", 1, None, staged=staged))  # type: ignore[arg-type]
    second = state.ask_admin(Pending("publish_staged", 2, None, staged=staged))  # type: ignore[arg-type]
    other = state.ask_admin(Pending("replace", 1, None, "a.pdf"))
    pending = state.pending[first]
    assert state.may_confirm(pending, 1, 42)
    assert not state.may_confirm(pending, 2, 42)  # the admin, in another chat
    assert not state.may_confirm(pending, 1, 7)  # someone else, in the chat
    assert not state.may_confirm(pending, None, 42)
    state.settle(first)
    assert first not in state.pending and second not in state.pending  # put to both chats, settled once
    assert other in state.pending
    state.settle(other)
    assert not state.pending


def test_a_vote_is_kept_per_user_and_answer_with_the_one_before() -> None:
    state = BotState()
    assert state.cast_vote("k", 1, "up") is None
    assert state.cast_vote("k", 1, "up") == "up"
    assert state.cast_vote("k", 1, "down") == "up"
    assert state.cast_vote("k", 2, "up") is None
    assert state.votes == {("k", 1): "down", ("k", 2): "up"}


def test_a_follow_up_leans_on_its_own_askers_recent_question_only(monkeypatch: pytest.MonkeyPatch) -> None:
    state = BotState()
    now = [1000.0]
    monkeypatch.setattr(botstate.time, "monotonic", lambda: now[0])
    state.keep_question(-5, 1, "Who opened the KEP in Kuala Lumpur?")
    assert state.previous_question(-5, 1) == "Who opened the KEP in Kuala Lumpur?"
    assert state.previous_question(-5, 2) == "", "a colleague in the same group has a thread of their own"
    assert state.previous_question(7, 1) == "", "and so has the same user in another chat"
    now[0] += botstate.FOLLOW_UP_S
    assert state.previous_question(-5, 1) == "", "a conversation this old has moved on"


def test_the_questions_kept_for_follow_ups_are_bounded() -> None:
    state = BotState()
    for user in range(botstate.QUESTIONS_KEPT + 5):
        state.keep_question(1, user, f"question {user}")
    assert len(state.last_questions) == botstate.QUESTIONS_KEPT
    assert state.previous_question(1, 0) == "" and state.previous_question(1, user) == f"question {user}"


def test_a_reply_finds_the_answer_it_replies_to() -> None:
    state = BotState()
    answer = Answer("Who opened the KEP?", "Ms. Azlina opened it. [1]", False)
    stored = StoredAnswer(answer, chat_id=-5, user_id=1)
    state.remember(stored)
    assert state.answer_sent_as(-5, 77) is None, "its message is not known until Telegram confirms the send"
    stored.message_id = 77
    assert state.answer_sent_as(-5, 77) is stored
    assert state.answer_sent_as(-6, 77) is None
