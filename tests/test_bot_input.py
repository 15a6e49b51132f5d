"""Odd things officials send: messages with nothing to search for are asked for a question, not refused.

The real bot over the fake Bot API, on the session's nine-document index.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from fake_telegram import BotThread, FakeTelegram, bot_settings

from retriever import Settings
from retriever.feedback import QUESTIONS
from retriever.texts import t

# Telegram must accept every call the bot makes in these tests.
pytestmark = [pytest.mark.timeout(300), pytest.mark.usefixtures("rejections")]

_users = itertools.count(8000)


@pytest.fixture(scope="module")
def settings(small_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return small_settings.with_(data_dir=tmp_path_factory.mktemp("input-data"))


@pytest.fixture(scope="module")
def running(fake: FakeTelegram, settings: Settings) -> Iterator[BotThread]:
    thread = BotThread(settings, bot_settings(fake)).start(fake)
    yield thread
    thread.stop()


@pytest.mark.parametrize(
    ("text", "lang"),
    [("😀🙏♻️", "en"), ("???", "en"), ("\u200b\u200b", "th"), ("👍", "ko"), ("…!", "vi")],
)
def test_a_message_without_letters_or_digits_is_asked_for_a_question(
    fake: FakeTelegram, running: BotThread, settings: Settings, text: str, lang: str
) -> None:
    user = next(_users)
    mark = fake.mark()
    fake.user_sends(text, user, language_code=lang)
    reply = fake.wait_for_messages(user, 1, since=mark)[0]
    example = t("example_1", lang)
    assert reply.text == t("empty_text", lang, example=example).replace("<code>", "").replace("</code>", "")
    assert not reply.buttons, "not an answer: nothing to vote on"
    log = settings.data_dir / QUESTIONS
    assert not log.exists() or text not in log.read_text(encoding="utf-8"), "not a gold-set candidate"


def test_a_question_with_one_word_still_gets_an_answer(fake: FakeTelegram, running: BotThread) -> None:
    user = next(_users)
    mark = fake.mark()
    fake.user_sends("INC-3?", user)
    answer = fake.wait_for(
        lambda: (m := fake.sent_messages(user, since=mark)) and m[-1].buttons and m, 60, "an answer"
    )
    assert answer[-1].buttons and t("empty_text", "en", example="") not in answer[0].text
