"""The bot's own words in the user's language (issue 13.4): buttons, refusals, help and errors follow the
chat's /language choice, else the question's language, else the user's Telegram app language. A real bot
against the fake Telegram; the parts it is built from are tested without one in
test_bot_language_units.py."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterator

import pytest
from fake_telegram import (
    ANONYMOUS_ADMIN,
    BotThread,
    FakeTelegram,
    Rejections,
    SentMessage,
    ask_bot,
    bot_settings,
    parse_html,
)

import retriever
from retriever import Settings
from retriever.facts import DocFacts
from retriever.texts import LANGUAGES, t

# Telegram must accept every call the bot makes in these tests.
pytestmark = [pytest.mark.timeout(300), pytest.mark.usefixtures("rejections")]

ADMIN = 42
# Thai questions from the multilingual gold set the shipped collection answers (ml-th-01, -06, -07).
THAI_QUESTIONS = (
    "เป้าหมายรีไซเคิลขยะพลาสติก 100% ของไทยกำหนดไว้ภายในปีไหน",
    "การประชุม Regional 3R Forum ครั้งที่ 9 ที่กรุงเทพฯ จัดขึ้นวันที่เท่าไร",
    "ปฏิญญากรุงเทพว่าด้วยการต่อต้านขยะทะเล ได้รับการรับรองในการประชุมสุดยอดอาเซียนครั้งที่เท่าไร",
)
THAI_OFF_TOPIC = "ราคาน้ำมันดีเซลในกรุงเทพวันนี้ลิตรละเท่าไร"  # diesel prices: nothing in the documents
ENGLISH_QUESTION = "When did Hainan ban non-degradable disposable plastic bags and tableware?"
_users = itertools.count(7000)
_groups = itertools.count(-1007000, -1)


@pytest.fixture(scope="module")
def settings(corpus_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return corpus_settings.with_(data_dir=tmp_path_factory.mktemp("lang-data"))


@pytest.fixture(scope="module")
def running(fake: FakeTelegram, settings: Settings) -> Iterator[BotThread]:
    thread = BotThread(settings, bot_settings(fake, admin_user_ids=(ADMIN,))).start(fake)
    yield thread
    thread.stop()


@pytest.fixture()
def user() -> int:
    return next(_users)


def reply(fake: FakeTelegram, chat: int, mark: int) -> SentMessage:
    return fake.wait_for_messages(chat, 1, since=mark)[0]


def chosen(settings: Settings, chat: int) -> str | None:
    path = settings.data_dir / "languages.json"
    return json.loads(path.read_text()).get(str(chat)) if path.exists() else None


def in_group(fake: FakeTelegram, text: str, user: int, group: int, kind: str, anonymous: bool = False) -> str:
    mark = fake.mark()
    fake.user_sends(text, user, group, kind, anonymous=anonymous)
    return reply(fake, group, mark).text


def test_a_thai_question_gets_thai_buttons_and_a_thai_refusal_gets_thai_words(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    answered = [q for q in THAI_QUESTIONS if not retriever.ask(q, settings=settings).refused]
    assert answered, "the collection should answer at least one Thai gold question"
    messages = ask_bot(fake, answered[0], user)
    labels = [b["text"] for b in messages[-1].buttons]
    assert labels[0] == t("sources_button", "th") != t("sources_button", "en")
    text = "\n".join(m.text for m in messages)
    assert f"\n{t('sources_heading', 'th')}\n" in text
    query = fake.user_clicks(messages[-1], messages[-1].button("👍")["callback_data"], user)
    assert fake.callback_answer(query).params["text"] == t("vote_text_up", "th")

    refused = ask_bot(fake, THAI_OFF_TOPIC, user)
    refusal = "\n".join(m.text for m in refused)
    assert t("refusal", "th") in refusal and t("refusal", "en") not in refusal


def test_language_ms_makes_an_english_question_get_malay_words_until_auto(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    mark = fake.mark()
    fake.user_sends("/language ms", user)
    assert "Bahasa Melayu" in reply(fake, user, mark).text
    assert json.loads((settings.data_dir / "languages.json").read_text())[str(user)] == "ms"

    messages = ask_bot(fake, ENGLISH_QUESTION, user)
    assert "[1]" in messages[0].text, "the quotes stay as the documents have them"
    assert messages[-1].buttons[0]["text"] == t("sources_button", "ms")
    shown = "\n".join(m.text for m in messages)
    assert f"\n{t('sources_heading', 'ms')}\n" in shown
    # Each source's facts line (kind, dates) is in Malay too.
    facts = {d["id"]: DocFacts.from_dict(d["facts"]) for d in retriever.documents(settings)}
    cited = retriever.ask(ENGLISH_QUESTION, lang="ms", settings=settings).citations[0].doc_id
    assert facts[cited].label("ms") in shown and facts[cited].label("ms") != facts[cited].label("en")

    mark = fake.mark()
    fake.user_sends("/help", user)
    assert parse_html(t("help_text", "ms"))[0].splitlines()[0] in reply(fake, user, mark).text
    mark = fake.mark()
    fake.user_sends("/frobnicate", user)
    assert reply(fake, user, mark).text == t("unknown_text", "ms")

    mark = fake.mark()
    fake.user_sends("/language", user)
    shown = reply(fake, user, mark).text
    assert t("language_current", "ms", language="Bahasa Melayu") in shown
    assert all(code in shown for code in LANGUAGES)

    mark = fake.mark()
    fake.user_sends("/language auto", user)
    assert reply(fake, user, mark).text == t("language_auto", "en")
    assert str(user) not in json.loads((settings.data_dir / "languages.json").read_text())
    english = ask_bot(fake, ENGLISH_QUESTION, user)
    assert english[-1].buttons[0]["text"] == "📚 Sources"


def test_khmer_lao_and_burmese_are_offered_chosen_and_spoken(
    fake: FakeTelegram, running: BotThread, user: int
) -> None:
    mark = fake.mark()
    fake.user_sends("/language", user)
    shown = reply(fake, user, mark).text
    assert all(f"{code} {t('language_name', code)}" in shown for code in ("km", "lo", "my"))

    mark = fake.mark()
    fake.user_sends("/language km", user)
    assert reply(fake, user, mark).text == t("language_set", "km", language="ភាសាខ្មែរ")
    messages = ask_bot(fake, ENGLISH_QUESTION, user)
    assert messages[-1].buttons[0]["text"] == t("sources_button", "km")
    assert f"\n{t('sources_heading', 'km')}\n" in "\n".join(m.text for m in messages)

    mark = fake.mark()
    fake.user_sends("/language ພາສາລາວ", user)  # the language's own name works as well as its code
    assert reply(fake, user, mark).text == t("language_set", "lo", language="ພາສາລາວ")
    mark = fake.mark()
    fake.user_sends("/language auto", user)
    reply(fake, user, mark)
    # Following the question again: a Burmese question about diesel prices is refused in Burmese.
    refused = "\n".join(m.text for m in ask_bot(fake, "ယနေ့ ဒီဇယ်ဆီဈေး ဘယ်လောက်လဲ", user))
    assert t("refusal", "my") in refused and t("refusal", "en") not in refused


def test_an_unknown_language_is_refused_with_the_choices(
    fake: FakeTelegram, running: BotThread, user: int
) -> None:
    mark = fake.mark()
    fake.user_sends("/language klingon", user)
    text = reply(fake, user, mark).text
    assert "klingon" in text and "/language" in text and "ภาษาไทย" in text


def test_in_a_group_only_its_administrators_and_the_bots_change_the_language(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    group, member, owner, chat_admin = next(_groups), user, user + 1, user + 2
    fake.set_member(group, owner, "creator")
    fake.set_member(group, chat_admin, "administrator")
    refused = t("language_admins_only", "en")
    assert in_group(fake, "/language ms", member, group, "supergroup") == refused
    assert in_group(fake, "/language auto", member, group, "supergroup") == refused
    assert chosen(settings, group) is None
    # Anyone may look at the setting.
    shown = in_group(fake, "/language", member, group, "supergroup")
    assert t("language_current_auto", "en") in shown

    assert in_group(fake, "/language ms", chat_admin, group, "supergroup") == t(
        "language_set", "ms", language="Bahasa Melayu"
    )
    assert chosen(settings, group) == "ms"
    asked = [(int(c.params["chat_id"]), int(c.params["user_id"])) for c in fake.calls("getChatMember")]
    assert (group, chat_admin) in asked, asked
    # The refusal is in the group's language now; the setting stays.
    assert in_group(fake, "/language th", member, group, "supergroup") == t("language_admins_only", "ms")
    assert chosen(settings, group) == "ms"

    mark = fake.mark()
    assert in_group(fake, "/language vi", ADMIN, group, "supergroup").startswith("Tôi sẽ trả lời")
    assert chosen(settings, group) == "vi"
    assert not fake.calls("getChatMember", since=mark), "the bot's own administrators need no asking"
    in_group(fake, "/language auto", owner, group, "supergroup")
    assert chosen(settings, group) is None
    in_group(fake, "/language ko", ANONYMOUS_ADMIN["id"], group, "supergroup", anonymous=True)
    assert chosen(settings, group) == "ko"

    # A private chat is its user's own: no one is asked.
    mark = fake.mark()
    fake.user_sends("/language th", member)
    assert reply(fake, member, mark).text == t("language_set", "th", language="ภาษาไทย")
    assert chosen(settings, member) == "th" and not fake.calls("getChatMember", since=mark)


def test_when_telegram_cannot_say_who_is_an_administrator_the_group_keeps_its_language(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int, rejections: Rejections
) -> None:
    group = next(_groups)
    fake.set_member(group, user, "administrator")
    rejections.allowed = 1
    fake.fail_next("getChatMember", "Bad Request: member list is inaccessible")
    assert in_group(fake, "/language zh", user, group, "group") == t("language_admins_only", "en")
    assert chosen(settings, group) is None
    assert in_group(fake, "/language zh", user, group, "group") == t("language_set", "zh", language="中文")
    assert chosen(settings, group) == "zh"


def test_without_a_question_the_users_app_language_is_used(
    fake: FakeTelegram, running: BotThread, user: int
) -> None:
    mark = fake.mark()
    fake.user_sends("/help", user, language_code="vi")
    assert parse_html(t("help_text", "vi"))[0].splitlines()[0] in reply(fake, user, mark).text
    mark = fake.mark()
    fake.user_sends("/help", user + 1, language_code="")  # an app that reports no language
    assert reply(fake, user + 1, mark).text.startswith("How to use me")


@pytest.mark.parametrize(("app", "words"), [("ms", "ms"), ("id", "id"), ("en", "id"), ("th", "id")])
def test_malay_or_indonesian_in_shared_words_follows_the_users_app(
    fake: FakeTelegram, running: BotThread, user: int, app: str, words: str
) -> None:
    # Every word here is used alike in Malay and Indonesian ("how much is diesel today?").
    refused = ask_bot(fake, "Berapakah harga minyak diesel hari ini?", user, language_code=app)
    text = "\n".join(m.text for m in refused)
    assert t("refusal", words) in text, text
    query = fake.user_clicks(refused[-1], refused[-1].button("👎")["callback_data"], user)
    assert fake.callback_answer(query).params["text"] == t("vote_text_down", words)


def test_command_menus_are_registered_in_every_language(fake: FakeTelegram, running: BotThread) -> None:
    english = {c["command"]: c["description"] for c in fake.commands()}
    assert {"events", "language", "docs"} <= set(english) and "reindex" not in english
    malay = {c["command"]: c["description"] for c in fake.commands("default/ms")}
    assert malay["docs"] == t("command_docs", "ms") != english["docs"]
    assert fake.commands("default/tl"), "Filipino goes to Telegram as ISO 639-1 'tl'"
    # Administrators get their commands too, per language (the fake refuses them here: the admin has
    # never opened a chat with the bot, which Telegram requires; the bot carries on).
    admin = [c for c in fake.calls("setMyCommands") if str(ADMIN) in str(c.params.get("scope"))]
    assert {c.params.get("language_code") for c in admin} >= {None, "zh", "tl"}
    assert any("reindex" in str(c.params.get("commands")) for c in admin)


def test_a_quick_answer_is_one_message_without_typing(
    fake: FakeTelegram, running: BotThread, user: int
) -> None:
    # This bot runs with the default TELEGRAM_TYPING_AFTER_MS (400): only slower answers show "typing…".
    quick = 0
    for question in (ENGLISH_QUESTION, *THAI_QUESTIONS):
        mark = fake.mark()
        asked = time.time()
        ask_bot(fake, question, user)
        calls = fake.calls(since=mark)
        answered = next(c.time for c in calls if c.method == "sendMessage")
        if answered - asked < 0.3:
            quick += 1
            assert not any(c.method == "sendChatAction" for c in calls), question
    assert quick, "no answer came within 0.3 s: too loaded a machine to tell"
