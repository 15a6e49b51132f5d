"""A bot started before any index exists: helpful refusals, then /reindex builds one and it answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_telegram import BotThread, FakeTelegram, ask_bot, bot_settings

import retriever
from retriever import Settings

pytestmark = pytest.mark.timeout(300)

ADMIN = 42
NOTE = b"""---
title: "Republic of Testland: deposit of 10 cents on glass bottles (2026)"
date: "2026-01"
source: "https://testland.example/deposit"
---
From 1 July 2026 the Republic of Testland charges a deposit of 10 cents on every glass bottle,
refunded when the bottle is returned to any shop.
"""


@pytest.fixture(scope="module")
def settings(
    fake: FakeTelegram, base_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    root: Path = tmp_path_factory.mktemp("no-index")
    (root / "documents").mkdir()
    return base_settings.with_(
        documents_dir=root / "documents", index_dir=root / "index", data_dir=root / "data"
    )


@pytest.fixture(scope="module")
def running(fake: FakeTelegram, settings: Settings) -> Iterator[BotThread]:
    # The warm-up question finds no index: the bot still starts.
    thread = BotThread(settings, bot_settings(fake, admin_user_ids=(ADMIN,))).start(fake)
    yield thread
    thread.stop()


def test_without_an_index_questions_and_docs_get_a_helpful_message(
    fake: FakeTelegram, running: BotThread
) -> None:
    mark = fake.mark()
    fake.user_sends("What deposit does Testland charge on bottles?", 7)
    fake.user_sends("/docs", 8)
    for chat in (7, 8):
        reply = fake.wait_for_messages(chat, 1, since=mark)[0]
        assert "hasn't been indexed yet" in reply.text and "/reindex" in reply.text
    fake.user_sends("/status", ADMIN)
    assert "hasn't been indexed yet" in fake.wait_for_messages(ADMIN, 1, since=mark)[0].text
    assert not fake.errors(since=mark)


def test_reindex_builds_the_first_index_and_the_bot_answers_from_it(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    (settings.documents_dir / "testland-deposit.md").write_bytes(NOTE)
    mark = fake.mark()
    fake.user_sends("/reindex", ADMIN)
    summary = fake.wait_for(
        lambda: next((m for m in fake.sent_messages(ADMIN, since=mark) if "Index v" in m.text), None), 120
    )
    assert "Added (1): testland-deposit.md" in summary.text and "1 document," in summary.text
    answer = ask_bot(fake, "What deposit does the Republic of Testland charge on glass bottles?", 7)
    assert "10 cents" in answer[0].text and "[1]" in answer[0].text
    assert not fake.errors(since=mark)


def test_stopping_mid_reindex_finishes_the_build_and_reports_it(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    """Runs last in this module: stops the bot, as SIGTERM would, while a reindex is running."""
    for n in range(6):  # enough text that the build is still going when the stop comes
        body = " ".join(
            f"Testland district {n} charges a levy of {k} cents on disposable cups." for k in range(60)
        )
        (settings.documents_dir / f"testland-cups-{n}.md").write_text(
            f"---\ntitle: Testland cups {n}\n---\n{body}\n"
        )
    mark = fake.mark()
    fake.user_sends("/reindex", ADMIN)
    fake.wait_for(lambda: any("Reindexing" in m.text for m in fake.sent_messages(ADMIN, since=mark)), 30)
    running.stop()
    texts = [m.text for m in fake.sent_messages(ADMIN, since=mark)]
    assert any("Added (6)" in t for t in texts), texts
    indexed = retriever.status(settings=settings)["documents"]
    assert all(f"testland-cups-{n}.md" in indexed for n in range(6))
