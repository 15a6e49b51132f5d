"""The eval-gated /reindex (issue 15.5): the new version's gold figures against the live one's, and a
version whose recall or refusal dropped held back until an administrator confirms.

A private copy of the session's small real collection (nine documents with many gold questions) and
its index; the bot stages, compares on the gold_qa test half and publishes through retriever.staging.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fake_telegram import BotThread, FakeTelegram, ask_bot, bot_settings, reply_containing

import retriever
from retriever import Settings, staging, store

# Telegram must accept every call the bot makes in these tests.
pytestmark = [pytest.mark.timeout(600), pytest.mark.usefixtures("rejections")]

ADMIN = 42
OFFICIAL = 555
# Removing these loses the evidence of five answerable gold_qa test questions: recall drops.
DAMAGING = ("sea-map-kep-epr-kuala-lumpur-2025.txt", "factsheets/03_inc-3-nairobi-enb-summary-2023.md")
KEP_QUESTION = "When was the SEA-MaP Knowledge Exchange Program on EPR held in Kuala Lumpur?"
HARMLESS = b"""---
title: "Testland: deposit of 10 cents on glass bottles (2026)"
date: "2026-01"
---
From 1 July 2026 Testland charges a deposit of 10 cents on every glass bottle.
"""


@pytest.fixture(scope="module")
def settings(small_copy: Callable[[str], Settings]) -> Settings:
    return small_copy("gate")


@pytest.fixture(scope="module")
def running(fake: FakeTelegram, settings: Settings) -> Iterator[BotThread]:
    thread = BotThread(settings, bot_settings(fake, admin_user_ids=(ADMIN,))).start(fake)
    # The start-up refresh (ungated: it only catches up with the folder) must not race the tests' edits.
    fake.wait_for(lambda: not thread.application.bot_data.background, 120, "the start-up refresh")
    yield thread
    thread.stop()




def test_a_harmless_change_is_published_at_once_with_its_figures(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    before = store.current_version(settings.index_dir)
    (settings.documents_dir / "testland-deposit.md").write_bytes(HARMLESS)
    mark = fake.mark()
    fake.user_sends("/reindex", ADMIN)
    report = reply_containing(fake, ADMIN, mark, "Index v")
    assert "Published" in report.text and "no gold-set figure dropped" in report.text
    assert "Added (1): testland-deposit.md" in report.text
    for metric in ("recall@5: ", "cited_recall: ", "refusal_accuracy: "):
        assert metric in report.text
    assert f"{before} → " in report.text
    assert not report.buttons
    assert store.current_version(settings.index_dir) != before
    assert "testland-deposit.md" in retriever.status(settings=settings)["documents"]


def test_a_damaging_change_is_held_back_until_an_admin_confirms(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    live = store.current_version(settings.index_dir)
    assert not retriever.ask(KEP_QUESTION, settings=settings).refused
    for name in DAMAGING:
        (settings.documents_dir / name).unlink()

    mark = fake.mark()
    fake.user_sends("/reindex", ADMIN)
    question = reply_containing(fake, ADMIN, mark, "NOT live yet")
    assert "recall@5" in question.text and "Removed (2)" in question.text
    assert [b["text"] for b in question.buttons] == ["Publish", "Keep old"]
    # Held back: the old version still answers, from the documents the new one would lose.
    assert store.current_version(settings.index_dir) == live
    assert staging.pending(settings) is not None
    answer = ask_bot(fake, KEP_QUESTION, OFFICIAL)
    assert "[1]" in answer[0].text and "2025" in answer[0].text

    # Only an administrator can decide.
    query = fake.user_clicks(question, question.button("Publish")["callback_data"], OFFICIAL)
    assert "Only the assistant's administrators" in fake.callback_answer(query).params["text"]
    assert store.current_version(settings.index_dir) == live

    mark = fake.mark()
    fake.callback_answer(fake.user_clicks(question, question.button("Keep old")["callback_data"], ADMIN))
    kept = reply_containing(fake, ADMIN, mark, "Kept the current version")
    assert staging.pending(settings) is None, "the held-back version is thrown away"
    assert store.current_version(settings.index_dir) == live
    assert set(DAMAGING) <= set(retriever.status(settings=settings)["documents"])
    assert not fake.sent_messages(ADMIN, since=mark)[-1].buttons and kept

    # The same change again, this time confirmed: it goes live.
    mark = fake.mark()
    fake.user_sends("/reindex", ADMIN)
    question = reply_containing(fake, ADMIN, mark, "NOT live yet")
    publish = question.button("Publish")["callback_data"]
    mark = fake.mark()
    fake.user_clicks(question, publish, ADMIN)
    done = reply_containing(fake, ADMIN, mark, "Published")
    assert "Removed (2)" in done.text
    assert store.current_version(settings.index_dir) != live
    assert not set(DAMAGING) & set(retriever.status(settings=settings)["documents"])
    assert not question.buttons, "the answered question loses its buttons"
    again = fake.user_clicks(question, publish, ADMIN)  # an old client still showing them
    assert "expired" in fake.callback_answer(again).params["text"], "a question is answered once"
