"""The administrators' work and its reports (botadmin), through a recording Outbox instead of Telegram.

The builds themselves are exercised end to end in test_bot_admin.py and test_bot_gate.py; these tests
pin what goes to which chat, with which buttons, when nothing needs a model."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

import pytest

import botadmin
import botbuttons
from botbuttons import Button
from botsettings import BotSettings
from botstate import BotState, Pending
from botui import MESSAGE_LIMIT
from retriever import Settings
from retriever.texts import t


class Recorder:
    """An Outbox keeping what would have been sent."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, list[str], int | None, list[Button]]] = []

    async def send(
        self, chat_id: int, parts: list[str], reply_to: int | None, row: Sequence[Button] = ()
    ) -> None:
        """Keep one send."""
        self.sent.append((chat_id, parts, reply_to, list(row)))


def _state(tmp_path: Path) -> BotState:
    settings = Settings(
        documents_dir=tmp_path / "unmounted", index_dir=tmp_path / "index", data_dir=tmp_path / "data"
    )
    return BotState(settings=settings, bot=BotSettings(admin_user_ids=(42,)))


def test_a_question_to_an_administrator_keeps_its_pending_and_puts_buttons_under_the_last_part(
    tmp_path: Path,
) -> None:
    state, out = _state(tmp_path), Recorder()
    pending = Pending("replace", 5, 77, "a.pdf", lang="th")
    asyncio.run(botadmin.send_question(out, state, pending, "short question"))
    [(chat_id, parts, reply_to, row)] = out.sent
    key = botbuttons.read(row[0][1])[1]
    assert (chat_id, parts, reply_to) == (5, ["short question"], 77)
    assert row == botbuttons.confirm_buttons("replace", key, "th") and state.pending[key] is pending

    long_text = "\n".join(f"line {i} " + "x" * 80 for i in range(100))
    asyncio.run(botadmin.send_question(out, state, Pending("publish_add", 5, None), long_text))
    _, parts, reply_to, row = out.sent[-1]
    assert len(parts) > 1 and all(len(p) <= MESSAGE_LIMIT for p in parts) and reply_to is None
    assert [label for label, _ in row] == [t("shrink_button", "en"), t("cancel_button", "en")]


def test_a_cancelled_question_says_what_was_kept_in_the_admins_language(tmp_path: Path) -> None:
    state, out = _state(tmp_path), Recorder()
    replace = Pending("replace", 5, 77, "a<b>.pdf", lang="ms")
    asyncio.run(botadmin.answer_confirmation(out, state, replace, confirmed=False))
    shrink = Pending("publish_remove", 6, None, "a.pdf", lang="vi")
    asyncio.run(botadmin.answer_confirmation(out, state, shrink, confirmed=False))
    assert out.sent == [
        (5, [t("kept_text", "ms", name="a&lt;b&gt;.pdf")], 77, []),
        (6, [t("shrink_cancelled", "vi")], None, []),
    ]
    assert not state.background  # nothing was started


def test_a_failed_reindex_is_explained_to_every_chat_that_asked_and_frees_the_next(tmp_path: Path) -> None:
    state, out = _state(tmp_path), Recorder()
    state.reindex_waiters += [(1, 10, "en"), (2, 20, "th"), (1, 11, "en")]
    state.reindex_running = True
    asyncio.run(botadmin.reindex_loop(out, state))
    assert [(chat, reply_to) for chat, _, reply_to, _ in out.sent] == [(1, 11), (2, 20)]
    assert "unmounted" in out.sent[0][1][0] and "RETRIEVER_DOCUMENTS_DIR" in out.sent[0][1][0]
    assert out.sent[1][1][0] != out.sent[0][1][0]  # said in Thai
    assert not state.reindex_running and not state.reindex_waiters


def test_a_reindex_told_queued_gets_a_build_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chats that start a build are taken when it is asked for, so one that arrives before the
    build's task first runs waits for the next build, as its "queued" reply promised."""
    state, out = _state(tmp_path), Recorder()
    state.reindex_waiters.append((1, 10, "en"))
    first = state.take_reindex_waiters()
    state.reindex_running = True
    state.reindex_waiters.append((2, 20, "en"))  # told "already running, another one follows"
    builds: list[list[int]] = []

    async def build(out: botadmin.Outbox, state: BotState, chats: dict, **_: object) -> None:
        builds.append(sorted(chats))

    monkeypatch.setattr(botadmin, "run_reindex", build)
    asyncio.run(botadmin.reindex_loop(out, state, first))
    assert builds == [[1], [2]] and not state.reindex_running


def test_without_an_index_the_start_up_refresh_leaves_the_first_build_to_reindex(tmp_path: Path) -> None:
    state, out = _state(tmp_path), Recorder()
    asyncio.run(botadmin.refresh_on_start(out, state))
    assert out.sent == [] and not (tmp_path / "index").exists()
    state.ask_pool.shutdown()
