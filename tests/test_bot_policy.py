"""Policy-aware pieces of the bot (issue 15): /events, document facts in /docs and citations, citation
links that open at the quoted words, and refused questions kept as gold-set candidates."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterator

import pytest
from fake_telegram import BotThread, FakeTelegram, SentMessage, ask_bot, bot_settings

import retriever
from retriever import Settings
from retriever.facts import DocFacts
from retriever.texts import t

# Telegram must accept every call the bot makes in these tests.
pytestmark = [pytest.mark.timeout(300), pytest.mark.usefixtures("rejections")]

QUESTION = "When did Hainan ban non-degradable disposable plastic bags and tableware?"
OFF_TOPIC = "What is the price of diesel in Bangkok today?"
_users = itertools.count(8000)


@pytest.fixture(scope="module")
def settings(corpus_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return corpus_settings.with_(data_dir=tmp_path_factory.mktemp("policy-data"))


@pytest.fixture(scope="module")
def running(fake: FakeTelegram, settings: Settings) -> Iterator[BotThread]:
    thread = BotThread(settings, bot_settings(fake)).start(fake)
    yield thread
    thread.stop()



@pytest.fixture()
def user() -> int:
    return next(_users)


def _page(fake: FakeTelegram, chat: int, mark: int, last: bool) -> list[SentMessage]:
    """One /events page: messages up to the one carrying "More" (or, for the last page, settled)."""
    if not last:
        return fake.wait_for(
            lambda: (msgs := fake.sent_messages(chat, since=mark)) and msgs[-1].buttons and msgs,
            30,
            "a page of events with a More button",
        )
    fake.wait_for(lambda: fake.sent_messages(chat, since=mark), 30, "the last page of events")
    time.sleep(0.5)  # a long last page may come in several messages
    return fake.sent_messages(chat, since=mark)


def test_events_lists_every_event_with_dates_place_and_quote_a_page_at_a_time(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    events = retriever.events(settings=settings)
    assert len(events) > 5, "the shipped collection has more events than one page"
    mark = fake.mark()
    fake.user_sends("/events", user)
    pages = [_page(fake, user, mark, last=False)]
    more = pages[0][-1]
    assert more.buttons[0]["text"].startswith("More")
    # The "More" button is bound to this chat: pressed on a message in another chat, it does nothing.
    stranger = next(_users)
    elsewhere = ask_bot(fake, QUESTION, stranger)[-1]
    forged = fake.user_clicks(elsewhere, more.buttons[0]["callback_data"], stranger)
    assert "another chat" in fake.callback_answer(forged).params["text"]
    while pages[-1][-1].buttons:
        mark = fake.mark()
        button = pages[-1][-1].buttons[0]
        fake.callback_answer(fake.user_clicks(pages[-1][-1], button["callback_data"], user))
        left = int(button["text"].split("(")[1].split(")")[0])
        pages.append(_page(fake, user, mark, last=left <= 5))
    assert not fake.sent_messages(stranger, since=mark)
    messages = [m for page in pages for m in page]
    text = "\n".join(m.text for m in messages)
    links = [u for m in messages for u in m.links]
    assert text.count(t("events_when", "en", dates="").strip()) == len(events), "each event once"
    for event in events:
        assert event.title[:40] in text
        assert f"“{event.quote.strip()}”"[:80] in text, "every listed event carries its verbatim quote"
    kep = next(e for e in events if e.start == "2025-11-18" and "Kuala Lumpur" in e.place)
    block = text[text.index(kep.title) :][:1500]
    assert "When: 2025-11-18 – 2025-11-19" in block and f"Where: {kep.place}" in block
    assert "Organised by:" in block and kep.quote.strip()[:60] in block
    assert any("#:~:text=" in u for u in links), "an event's source opens at its quote"
    # Upcoming first, then recent: the order of the library's listing is kept.
    positions = [text.index(e.title[:40]) for e in events]
    assert positions == sorted(positions)
    assert "Recent" in text


def test_docs_show_each_documents_facts(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    labels = {d["id"]: DocFacts.from_dict(d["facts"]).label() for d in retriever.documents(settings)}
    assert sum(bool(v) for v in labels.values()) > len(labels) / 2
    mark = fake.mark()
    fake.user_sends("/docs", user)
    messages = fake.wait_for(
        lambda: (
            (msgs := fake.sent_messages(user, since=mark))
            and all(v in "\n".join(m.text for m in msgs) for v in labels.values())
            and msgs
        ),
        30,
        "every document's facts",
    )
    text = "\n".join(m.text for m in messages)
    kep = next(v for k, v in labels.items() if "kep-epr-kuala-lumpur" in k)
    assert "Malaysia" in kep and "Kuala Lumpur" in kep and f" — {kep}" in text


def test_sources_link_to_the_quoted_words_and_show_facts(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    expected = retriever.ask(QUESTION, settings=settings)
    first = expected.citations[0]
    messages = ask_bot(fake, QUESTION, user)
    links = [u for m in messages for u in m.links]
    wanted = retriever.citation_link(first.source, first.quote, first.page)
    assert "#:~:text=" in wanted and wanted in links
    facts = next(d for d in retriever.documents(settings) if d["id"] == first.doc_id)["facts"]
    assert DocFacts.from_dict(facts).label() in "\n".join(m.text for m in messages)
    mark = fake.mark()
    fake.user_clicks(messages[-1], messages[-1].button("Sources")["callback_data"], user)
    passages = fake.wait_for(lambda: fake.sent_messages(user, since=mark), 30, "the passages")
    assert wanted in passages[0].links


def test_a_refused_question_is_kept_for_the_gold_set_and_a_greeting_is_not(
    fake: FakeTelegram, running: BotThread, settings: Settings, user: int
) -> None:
    assert retriever.ask(OFF_TOPIC, settings=settings).refused
    refusal = ask_bot(fake, OFF_TOPIC, user)
    ask_bot(fake, "Hello!", user)
    lines = [json.loads(x) for x in (settings.data_dir / "questions.jsonl").read_text().splitlines()]
    assert [(x["kind"], x["question"]) for x in lines] == [("refused", OFF_TOPIC)]
    assert lines[0]["answer"].split()[0] in refusal[0].text
    from retriever.feedback import candidates

    assert [c["question"] for c in candidates(settings.data_dir)] == [OFF_TOPIC]
