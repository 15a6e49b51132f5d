"""Administrators hear what became of their files in their own language: uploads, removals, refusals.

The bot works on a private copy of the session's nine-document collection and its index; every
upload below is really read, chunked and embedded.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fake_telegram import BotThread, FakeTelegram, SentMessage, bot_settings, parse_html, reply_containing

import retriever
from retriever import Settings
from retriever.texts import t

# Telegram must accept every call the bot makes in these tests.
pytestmark = [pytest.mark.timeout(300), pytest.mark.usefixtures("rejections")]

THAI_ADMIN = 42
MALAY_ADMIN = 43
NOTE = b"""---
title: "Testland bottle deposit"
date: "2026-09"
---
Testland charges a deposit of 10 cents on every glass bottle from 2027.
"""
BROKEN_PDF = b"%PDF-1.7\n% not really\n" + bytes(range(256)) * 4


@pytest.fixture(scope="module")
def settings(small_copy: Callable[[str], Settings]) -> Settings:
    return small_copy("admin-language")


@pytest.fixture(scope="module")
def running(fake: FakeTelegram, settings: Settings) -> Iterator[BotThread]:
    admins = (THAI_ADMIN, MALAY_ADMIN)
    thread = BotThread(settings, bot_settings(fake, admin_user_ids=admins)).start(fake)
    for admin, lang in ((THAI_ADMIN, "th"), (MALAY_ADMIN, "ms")):
        mark = fake.mark()
        fake.user_sends(f"/language {lang}", admin)
        fake.wait_for_messages(admin, 1, since=mark)
    yield thread
    thread.stop()


def latin_words(text: str, *names: str) -> list[str]:
    """Latin-script words left once file names, version names and acronyms are set aside."""
    for name in names:
        text = text.replace(name, "")
    return re.findall(r"[A-Za-z]{3,}", re.sub(r"\bv\d+\b|\bPDF\b", "", text))


def last_reply(fake: FakeTelegram, chat: int, mark: int, count: int) -> SentMessage:
    return fake.wait_for_messages(chat, count, since=mark, timeout=120)[-1]


def test_a_thai_administrator_hears_about_uploads_in_thai(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    mark = fake.mark()
    fake.user_sends_document(b"", "empty.md", THAI_ADMIN)
    empty = last_reply(fake, THAI_ADMIN, mark, 2).text  # "received", then the verdict
    assert t("collection_cannot_add", "th", name="empty.md", reason=t("collection_empty_file", "th")) in empty
    mark = fake.mark()
    fake.user_sends_document(BROKEN_PDF, "broken.pdf", THAI_ADMIN)
    broken = last_reply(fake, THAI_ADMIN, mark, 2).text
    assert t("reason_corrupt_pdf", "th") in broken and not latin_words(broken, "broken.pdf"), broken
    mark = fake.mark()
    fake.user_sends_document(NOTE, "bottles.md", THAI_ADMIN)
    added = last_reply(fake, THAI_ADMIN, mark, 2).text
    assert t("collection_added", "th", name="bottles.md") in added
    assert t("summary_added", "th", n=1, ids="bottles.md") in added
    assert not latin_words(added, "bottles.md"), added
    assert "bottles.md" in retriever.status(settings=settings)["documents"]
    assert not {"empty.md", "broken.pdf"} & {p.name for p in settings.documents_dir.iterdir()}


def test_a_malay_administrator_hears_about_removals_and_held_back_builds_in_malay(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    mark = fake.mark()
    fake.user_sends("/remove bottles.md", MALAY_ADMIN)
    removed = last_reply(fake, MALAY_ADMIN, mark, 2).text
    assert t("collection_removed", "ms", name="bottles.md") in removed
    assert t("summary_removed", "ms", n=1, ids="bottles.md") in removed
    assert "Removed" not in removed and "questions" not in removed

    # A folder emptied under the bot: the upload is held back and the question is in Malay too.
    stash = settings.documents_dir.parent / "stash"
    shutil.move(settings.documents_dir, stash)
    settings.documents_dir.mkdir()
    try:
        mark = fake.mark()
        fake.user_sends_document(NOTE, "bottles.md", MALAY_ADMIN)
        question = reply_containing(fake, MALAY_ADMIN, mark, t("shrink_button", "ms"), timeout=120)
        assert "dokumen" in question.text and "Nothing was published" not in question.text
        assert question.text.count(t("collection_not_added", "ms", name="bottles.md", reason="")) == 1
        mark = fake.mark()
        fake.user_clicks(question, question.button(t("cancel_button", "ms"))["callback_data"], MALAY_ADMIN)
        assert reply_containing(fake, MALAY_ADMIN, mark, t("shrink_cancelled", "ms"), timeout=60)
    finally:
        shutil.rmtree(settings.documents_dir)
        shutil.move(stash, settings.documents_dir)
    assert "bottles.md" not in retriever.status(settings=settings)["documents"]


def test_a_build_held_back_at_start_up_is_put_to_the_administrator_in_their_language(
    settings: Settings, tmp_path: Path
) -> None:
    # A copy of the collection whose folder comes up nearly empty (a volume mounted late, say).
    copy = settings.with_(
        documents_dir=tmp_path / "documents", index_dir=tmp_path / "index", data_dir=tmp_path / "data"
    )
    shutil.copytree(settings.index_dir, copy.index_dir)
    copy.documents_dir.mkdir()
    (copy.documents_dir / "bottles.md").write_bytes(NOTE)
    copy.data_dir.mkdir()
    (copy.data_dir / "languages.json").write_text(json.dumps({str(THAI_ADMIN): "th"}), encoding="utf-8")
    version = retriever.status(settings=copy)["version"]
    with FakeTelegram() as other:
        other.user_sends("/start", THAI_ADMIN, push=False)  # the admin has a chat with the bot
        thread = BotThread(copy, bot_settings(other, admin_user_ids=(THAI_ADMIN,))).start(other)
        try:
            question = other.wait_for(
                lambda: next((m for m in other.sent_messages(THAI_ADMIN) if m.buttons), None),
                120,
                "a question",
            )
        finally:
            thread.stop()
    lead = parse_html(t("startup_shrink", "th"))[0]
    assert question.text.startswith(lead) and t("cancel_button", "th") in str(question.buttons)
    assert t("shrink_button", "th") in str(question.buttons)
    assert not latin_words(question.text, "bottles.md", *retriever.status(settings=copy)["documents"])
    assert retriever.status(settings=copy)["version"] == version, "nothing was published"
