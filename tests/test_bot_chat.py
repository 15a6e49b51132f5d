"""What officials see: the real bot, model and index, talking HTTP to the fake Bot API server."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fake_telegram import (
    BotThread,
    FakeTelegram,
    Rejections,
    ask_bot,
    bot_settings,
    parse_html,
    reply_containing,
)

import bot
import retriever
from retriever import Answer, Citation, Settings
from retriever.render import title_and_date

# Telegram must accept every call the bot makes in these tests, but for injected faults.
pytestmark = [pytest.mark.timeout(300), pytest.mark.usefixtures("rejections")]

ADMIN = 42
FLOOD_LIMIT = 4
QUESTION = "When did Hainan ban non-degradable disposable plastic bags and tableware?"
OTHER_QUESTION = "What is Thailand's plastic recycling target for 2027?"
_users = itertools.count(2000)


@pytest.fixture(scope="module")
def settings(
    fake: FakeTelegram, corpus_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    # data_dir is not there yet: the bot creates it
    return corpus_settings.with_(data_dir=tmp_path_factory.mktemp("bot-data") / "data")


@pytest.fixture(scope="module")
def running(fake: FakeTelegram, settings: Settings) -> Iterator[BotThread]:
    # "typing…" for every answer, however quick, so that its order before the answer is tested.
    telegram = bot_settings(fake, admin_user_ids=(ADMIN,), flood_limit=FLOOD_LIMIT, typing_after_ms=0)
    thread = BotThread(settings, telegram).start(fake)
    yield thread
    thread.stop()


@pytest.fixture()
def user() -> int:
    """A fresh user id per test, so one test's questions never count against another's flood limit."""
    return next(_users)


def test_start_lists_examples_and_the_command_menu_is_registered(
    fake: FakeTelegram, running: BotThread, user: int
) -> None:
    mark = fake.mark()
    fake.user_sends("/start", user)
    reply = fake.wait_for_messages(user, 1, since=mark)[0]
    assert reply.parse_mode == "HTML"
    assert "only" in reply.text and "[n]" in reply.text
    examples = [line for line in reply.text.splitlines() if line.startswith("• ")]
    assert len(examples) == 3 and all(line.endswith("?") for line in examples)
    commands = {c["command"] for c in fake.commands()}
    assert {"start", "help", "docs", "ask"} <= commands
    assert fake.calls("setMyCommands")


def test_help_shows_admin_commands_only_to_admins(fake: FakeTelegram, running: BotThread, user: int) -> None:
    mark = fake.mark()
    fake.user_sends("/help", user)
    fake.user_sends("/help", ADMIN)
    official = fake.wait_for_messages(user, 1, since=mark)[0]
    admin = fake.wait_for_messages(ADMIN, 1, since=mark)[0]
    assert "/docs" in official.text and "/reindex" not in official.text
    assert "/reindex" in admin.text and "/status" in admin.text and ".pdf" in admin.text


def test_docs_lists_every_document_with_its_date(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    manifest = retriever.status(settings=settings)
    mark = fake.mark()
    fake.user_sends("/docs", user)
    # 40 documents do not fit in one message: wait until the last title has arrived.
    titles = [str(meta["title"]) for meta in manifest["documents"].values()]
    messages = fake.wait_for(
        lambda: (
            (msgs := fake.sent_messages(user, since=mark))
            and all(t[:50] in "\n".join(m.text for m in msgs) for t in titles)
            and msgs
        ),
        30,
        "every title",
    )
    assert len(messages) >= 2, "a long list is split over several messages"
    assert all(len(m.html) <= 4096 for m in messages)
    text = "\n".join(m.text for m in messages)
    assert f"{manifest['n_documents']} documents" in text
    for meta in manifest["documents"].values():
        if meta.get("date"):
            # Once: after the title, or in the title's own "(from 1 December 2020)".
            title, date = title_and_date(str(meta["title"]), meta["date"])
            assert (f"{title} ({date})" if date else title) in text
    assert sum(len(m.links) for m in messages) >= len(titles) - 2  # nearly all have web sources


def test_question_gets_typing_then_an_html_answer_with_citations_and_sources(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    expected = retriever.ask(QUESTION, settings=settings)
    assert not expected.refused and expected.citations, "the corpus should answer this question"
    mark = fake.mark()
    messages = ask_bot(fake, QUESTION, user)
    calls = fake.calls(since=mark)
    typing = next(
        i for i, c in enumerate(calls) if c.method == "sendChatAction" and c.params.get("action") == "typing"
    )
    first_send = next(i for i, c in enumerate(calls) if c.method == "sendMessage")
    assert typing < first_send, "typing… shows while the answer is worked out"
    assert all(m.parse_mode == "HTML" for m in messages)
    text = "\n".join(m.text for m in messages)
    assert "[1]" in text
    assert expected.citations[0].quote in text, "quotes reach the user verbatim"
    assert "\nSources\n" in text
    # Citations of one document share its source line: "[1][2] Title".
    assert re.search(rf"\[1\](?:\[\d+\])* {re.escape(expected.citations[0].title)}", text), text
    assert any(link.startswith("http") for m in messages for link in m.links)
    assert any(e.type == "bold" for e in messages[-1].entities)
    labels = [b["text"] for b in messages[-1].buttons]
    assert labels == ["📚 Sources", "👍", "👎"]
    assert all(len(b["callback_data"].encode()) <= 64 for b in messages[-1].buttons)


def test_sources_button_shows_the_quoted_passages(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    answer = ask_bot(fake, OTHER_QUESTION, user)[-1]
    expected = retriever.ask(OTHER_QUESTION, settings=settings)
    mark = fake.mark()
    query = fake.user_clicks(answer, answer.button("Sources")["callback_data"], user)
    assert fake.callback_answer(query).ok
    last = expected.citations[-1]
    shown = fake.wait_for(
        lambda: (
            (msgs := fake.sent_messages(user, since=mark))
            and f"[{last.n}] " in "\n".join(m.text for m in msgs)
            and msgs
        ),
        30,
        "the passages",
    )
    text = "\n".join(m.text for m in shown)
    for cited in expected.citations:
        assert " ".join(cited.passage.split())[:200] in " ".join(text.split())
    assert any(e.type == "blockquote" for m in shown for e in m.entities)
    assert shown[0].reply_to == answer.message_id


def test_votes_are_recorded_as_json_lines(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    answer = ask_bot(fake, QUESTION, user)[-1]

    def mine() -> list[dict[str, Any]]:
        lines = (settings.data_dir / "feedback.jsonl").read_text().splitlines()
        return [r for r in map(json.loads, lines) if r["user_id"] == user]

    up = fake.user_clicks(answer, answer.button("👍")["callback_data"], user)
    assert "feedback" in fake.callback_answer(up).params["text"]
    for _ in range(5):  # pressing again does not add votes
        again = fake.user_clicks(answer, answer.button("👍")["callback_data"], user)
        assert "already" in fake.callback_answer(again).params["text"]
    assert [r["vote"] for r in mine()] == ["up"]
    down = fake.user_clicks(answer, answer.button("👎")["callback_data"], user)
    assert "Changed your vote" in fake.callback_answer(down).params["text"]
    assert [r["vote"] for r in mine()] == ["down"], "a second vote replaces the first"
    colleague = next(_users)  # another user's vote on the same answer is their own
    other = fake.user_clicks(answer, answer.button("👍")["callback_data"], colleague)
    fake.callback_answer(other)
    record = mine()[0]
    assert record["question"] == QUESTION and record["chat_id"] == user
    assert record["answer"] and "[1]" in record["answer"]
    assert record["citations"][0]["n"] == 1 and record["citations"][0]["doc_id"]
    assert record["time"].endswith("+00:00")


def test_a_button_of_a_forgotten_answer_gets_a_polite_reply(
    fake: FakeTelegram, running: BotThread, user: int
) -> None:
    answer = ask_bot(fake, QUESTION, user)[-1]
    query = fake.user_clicks(answer, "src:forgotten", user)
    assert "too old" in fake.callback_answer(query).params["text"]


def test_long_answers_are_split_under_the_limit(fake: FakeTelegram, running: BotThread, user: int) -> None:
    quote = (
        "Retailers must charge for bags & report <quarterly> under rule <b>7</b>; see <script>x</script>. "
    )
    citations = tuple(
        Citation(
            n,
            f"d{n}.md",
            f"Rule {n} & <co>",
            "Part <2>",
            None,
            "2024-01",
            "https://e.org/?a=1&b=2",
            quote * 3,
            quote * 6,
            0.5,
        )
        for n in range(1, 26)
    )
    answer = Answer("long?", "\n\n".join(f"{c.quote}[{c.n}]" for c in citations), False, citations)
    message = fake.user_sends("long?", user, push=False)  # a message to reply to; the bot never sees it

    async def send() -> list[int]:
        from telegram import Message

        state = running.application.bot_data
        sent = await bot.send_answer(Message.de_json(message, running.application.bot), state, answer)
        return [m.message_id for m in sent]

    ids = running.run(send())
    assert len(ids) > 1
    messages = fake.sent_messages(user)[-len(ids) :]
    assert all(len(m.html) <= 4096 and len(m.text) <= 4096 for m in messages)
    assert [bool(m.buttons) for m in messages] == [False] * (len(ids) - 1) + [True]
    text = "\n".join(m.text for m in messages)
    assert text.count(quote.strip()) >= 75 and "[25] Rule 25 & <co>" in text
    for m in messages:  # the server accepted them; parse again to be sure the splits are clean
        assert parse_html(m.html)[0] == m.text


def test_group_answers_only_when_mentioned_replied_to_or_asked(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    group = -100_000 - user
    mark = fake.mark()
    plain = fake.user_sends(QUESTION, user, group, "supergroup")
    other_bot = fake.user_sends("/ask@SomeOtherBot " + QUESTION, user, group, "supergroup")
    mentioned = ask_bot(fake, f"@{fake.bot_username}, {QUESTION}", user, group, "supergroup")
    replied = ask_bot(fake, OTHER_QUESTION, user, group, "supergroup", reply_to=mentioned[-1])
    asked = ask_bot(fake, "/ask " + OTHER_QUESTION, user, group, "supergroup")
    colleague = next(_users)  # five questions would trip one user's flood limit
    asked_by_name = ask_bot(fake, f"/ask@{fake.bot_username} {QUESTION}", colleague, group, "supergroup")
    by_name = fake.user_mentions_bot("", " " + QUESTION, colleague, group, "supergroup")
    by_name_answer = fake.wait_for(
        lambda: [m for m in fake.sent_messages(group, since=mark) if m.reply_to == by_name["message_id"]],
        30,
        "an answer to a text mention",
    )
    for answer in (mentioned, replied, asked, asked_by_name, by_name_answer):
        assert "[1]" in answer[0].text
    replied_to = {m.reply_to for m in fake.sent_messages(group, since=mark)}
    assert plain["message_id"] not in replied_to and other_bot["message_id"] not in replied_to
    # The mention is not part of the question: the vote records what was asked.
    query = fake.user_clicks(mentioned[-1], mentioned[-1].button("👍")["callback_data"], user)
    fake.callback_answer(query)
    last = (settings.data_dir / "feedback.jsonl").read_text().splitlines()[-1]
    assert json.loads(last)["question"] == QUESTION


def test_a_follow_up_in_a_group_is_read_with_the_askers_own_question_before(
    fake: FakeTelegram, running: BotThread, user: int
) -> None:
    group = -200_000 - user
    kep = "Who opened the Knowledge Exchange Program on EPR in Kuala Lumpur?"
    ask_bot(fake, "/ask " + kep, user, group, "supergroup")
    follow_up = ask_bot(fake, "/ask and when was it held?", user, group, "supergroup")
    text = "\n".join(m.text for m in follow_up)
    assert "November 2025" in text and "Knowledge Exchange Program" in text, text
    assert f"Read as following on from your previous question: “{kep}”." in text
    colleague = next(_users)  # the colleague asked nothing before: the follow-up stands alone
    alone = ask_bot(fake, "/ask and when was it held?", colleague, group, "supergroup")
    assert "previous question" not in "\n".join(m.text for m in alone)
    # ... unless it replies to the answer: then it follows on from that answer's question.
    reply = ask_bot(fake, "and where was it held?", colleague, group, "supergroup", reply_to=follow_up[-1])
    text = "\n".join(m.text for m in reply)
    assert "Kuala Lumpur" in text and f"your previous question: “{kep}”" not in text
    assert "your previous question: “and when was it held?" in text, text


def test_a_request_for_the_documents_or_events_gets_the_list_narrowed_by_its_filter(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    documents = retriever.status(settings=settings)["documents"]
    indonesian = [d for d in documents.values() if d["title"].startswith("Indonesia:")]
    about = {title_and_date(d["title"], d["date"])[0] for d in indonesian}
    mark = fake.mark()
    fake.user_sends("list all documents about Indonesia", user)
    listed = reply_containing(fake, user, mark, "Filter applied").text
    assert about and all(title in listed for title in about), listed
    assert "Hainan" not in listed and "Filter applied: documents about Indonesia." in listed
    assert "don't answer" not in listed
    events = "\n".join(m.text for m in ask_bot(fake, "any upcoming events?", user))
    assert re.search(r"\d+ events in the documents", events) and "Knowledge Exchange Program" in events


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice", "video"])
def test_media_gets_a_polite_explanation(
    fake: FakeTelegram, running: BotThread, user: int, kind: str
) -> None:
    mark = fake.mark()
    fake.user_sends_media(kind, user)
    assert "text questions" in fake.wait_for_messages(user, 1, since=mark)[0].text


def test_media_in_a_group_is_ignored_unless_it_replies_to_the_bot(
    fake: FakeTelegram, running: BotThread, user: int
) -> None:
    group = -200_000 - user
    answer = ask_bot(fake, "/ask " + QUESTION, user, group, "group")
    mark = fake.mark()
    fake.user_sends_media("sticker", user, group, "group")
    fake.user_sends_media("sticker", user, group, "group", reply_to=answer[-1])
    reply = fake.wait_for_messages(group, 1, since=mark)[0]
    assert "text questions" in reply.text
    assert len(fake.sent_messages(group, since=mark)) == 1


def test_edited_empty_and_overlong_questions_get_a_polite_line(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    original = fake.user_sends(QUESTION, user)
    mark = fake.mark()
    fake.user_edits(original, OTHER_QUESTION)
    assert "new message" in reply_containing(fake, user, mark, "new message").text
    mark = fake.mark()
    fake.user_sends("/ask", user)
    assert "Please type a question" in reply_containing(fake, user, mark, "Please type").text
    mark = fake.mark()
    fake.user_sends("x" * (settings.max_question_chars + 1), user + 10_000)
    reply = reply_containing(fake, user + 10_000, mark, "characters")
    assert f"under {settings.max_question_chars}" in reply.text


def test_a_mention_without_a_question_is_asked_for_one(
    fake: FakeTelegram, running: BotThread, user: int
) -> None:
    group = -300_000 - user
    mark = fake.mark()
    fake.user_sends(f"@{fake.bot_username}", user, group, "group")
    assert "Please type a question" in fake.wait_for_messages(group, 1, since=mark)[0].text


def test_unknown_commands_get_a_short_help_line(fake: FakeTelegram, running: BotThread, user: int) -> None:
    mark = fake.mark()
    fake.user_sends("/frobnicate", user)
    assert "/help" in fake.wait_for_messages(user, 1, since=mark)[0].text
    group = -400_000 - user
    mark = fake.mark()
    fake.user_sends("/frobnicate", user, group, "group")  # may be meant for another bot: ignored
    fake.user_sends(f"/frobnicate@{fake.bot_username}", user, group, "group")
    replies = fake.wait_for_messages(group, 1, since=mark)
    assert "/help" in replies[0].text and len(fake.sent_messages(group, since=mark)) == 1


def test_flood_limit_asks_a_fast_user_to_wait(fake: FakeTelegram, running: BotThread, user: int) -> None:
    mark = fake.mark()
    for _ in range(FLOOD_LIMIT + 1):
        fake.user_sends(QUESTION, user)
    messages = fake.wait_for(
        lambda: (
            (msgs := fake.sent_messages(user, since=mark))
            and sum(bool(m.buttons) for m in msgs) == FLOOD_LIMIT
            and any("please wait" in m.text for m in msgs)
            and msgs
        ),
        60,
        "answers and one please-wait",
    )
    assert sum("please wait" in m.text for m in messages) == 1
    other = next(_users)  # another user is not held up
    assert "[1]" in ask_bot(fake, QUESTION, other)[0].text


def test_errors_are_answered_not_swallowed(
    fake: FakeTelegram, running: BotThread, user: int, rejections: Rejections
) -> None:
    rejections.allowed = 1
    fake.fail_next("sendMessage", "Bad Request: chat is temporarily unavailable")
    mark = fake.mark()
    fake.user_sends(QUESTION, user)
    assert "something went wrong" in reply_containing(fake, user, mark, "went wrong").text
