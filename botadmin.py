"""The work administrators start on the collection, run in the background and reported to the chats
that asked, with no Telegram in it: the eval-gated /reindex, uploads, /remove, questions put to an
administrator (replace? publish a smaller collection? publish a version whose figures dropped?) and
what their buttons set off. Messages go out through an `Outbox`; bot.py's sends them to Telegram."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

import botbuttons as buttons
import botui as ui
import retriever
from botbuttons import Button
from botjobs import held_back, stage_and_compare
from botstate import BotState, Chats, Pending
from botui import Block, esc, lines_blocks, pack
from retriever import AddResult, IndexMissing, IndexSummary, RemoveResult, staging, texts
from retriever.texts import t

logger = logging.getLogger("bot")


class Outbox(Protocol):
    """Where the reports go: messages to a chat, the first a reply, the last with a row of buttons."""

    async def send(
        self, chat_id: int, parts: list[str], reply_to: int | None, row: Sequence[Button] = ()
    ) -> None:
        """Send `parts` in order to `chat_id`."""


async def send_html(out: Outbox, chat_id: int, blocks: list[Block], reply_to: int | None) -> None:
    """Blocks packed into messages; the first replies to `reply_to` if it still exists."""
    await out.send(chat_id, pack(blocks), reply_to)


async def send_question(out: Outbox, state: BotState, pending: Pending, text: str) -> None:
    """Put `pending` to an administrator, with its confirm and cancel buttons under the question."""
    row = buttons.confirm_buttons(pending.kind, state.ask_admin(pending), pending.lang)
    parts = [text] if len(text) <= ui.MESSAGE_LIMIT else pack(lines_blocks(text))
    await out.send(pending.chat_id, parts, pending.reply_to, row)


async def ask_to_publish(
    out: Outbox, state: BotState, pending: Pending, reason: str, *, lead: str = ""
) -> None:
    """Put a refused shrinking build to an administrator: publish anyway, or cancel. `lead` is a
    first sentence of HTML (what the bot did meanwhile), `reason` plain text."""
    await send_question(out, state, pending, ui.shrink_question(reason, pending.lang, lead))


async def build_index(state: BotState, *, allow_shrink: bool = False) -> IndexSummary:
    """One build at a time from this process, in a thread (questions keep being answered)."""
    async with state.build_lock:
        return await asyncio.to_thread(
            retriever.index_documents, settings=state.settings, allow_shrink=allow_shrink
        )


async def reindex_loop(out: Outbox, state: BotState, first: Chats | None = None) -> None:
    """Build for the chats that started it, then until no /reindex is waiting: each build reads the
    folder as it is when it starts, and a /reindex told "queued" gets a build of its own."""
    try:
        chats = state.take_reindex_waiters() if first is None else first
        while chats:
            await run_reindex(out, state, chats)
            chats = state.take_reindex_waiters()
    finally:
        state.reindex_running = False


async def run_reindex(out: Outbox, state: BotState, chats: Chats, *, allow_shrink: bool = False) -> None:
    """One eval-gated build, reported to every chat that asked: the gold figures of the new version
    against the old; a drop in recall or refusal holds it back until an administrator confirms."""
    try:
        async with state.build_lock:
            staged, comparison = await asyncio.to_thread(stage_and_compare, state.settings, allow_shrink)
    except retriever.CollectionShrank as exc:
        for chat_id, (reply_to, lang) in chats.items():
            pending = Pending("publish_reindex", chat_id, reply_to, lang=lang)
            await ask_to_publish(out, state, pending, ui.refused_text(exc, lang))
        return
    except Exception as exc:
        logger.exception("indexing failed")
        for chat_id, (reply_to, lang) in chats.items():
            text = ui.failure_text(exc, state.settings.documents_dir, lang)
            await send_html(out, chat_id, lines_blocks(text), reply_to)
        return
    logger.info(ui.summary_line(staged.summary))
    for chat_id, (reply_to, lang) in chats.items():
        if not held_back(comparison, allow_shrink):
            blocks = ui.reindex_blocks(staged.summary, staged.version, comparison, lang)
            await send_html(out, chat_id, blocks, reply_to)
            continue
        pending = Pending("publish_staged", chat_id, reply_to, staged.base or "", lang=lang, staged=staged)
        text = ui.held_back_text(staged.summary, staged.version, comparison, lang)
        await send_question(out, state, pending, text)


async def add_and_report(out: Outbox, state: BotState, job: Pending, allow_shrink: bool = False) -> None:
    """Add a file through the library and tell the administrator what happened, in a sentence.

    An upload publishes at once, as before the eval gate: one document rarely moves the gold figures,
    and an administrator who sent it wants it answering; /reindex is the gated path.
    """
    async with state.build_lock:
        result: AddResult = await asyncio.to_thread(
            retriever.add_document,
            job.name,
            job.data,
            replace=job.replace,
            allow_shrink=allow_shrink,
            settings=state.settings,
        )
    logger.info("upload %s: %s", result.doc_id, result.status)
    lang = job.lang
    if result.status == "conflict":
        pending = replace(job, kind="replace", name=result.doc_id, replace=True)
        await send_question(out, state, pending, t("replace_question", lang, name=esc(result.doc_id)))
    elif result.shrank:
        await ask_to_publish(out, state, replace(job, kind="publish_add"), result.text(lang))
    else:
        await send_html(out, job.chat_id, ui.result_blocks(result, lang), job.reply_to)


async def remove_and_report(out: Outbox, state: BotState, job: Pending, allow_shrink: bool = False) -> None:
    """Remove through the library and report; a refused shrink becomes a question."""
    async with state.build_lock:
        result: RemoveResult = await asyncio.to_thread(
            retriever.remove_document, job.name, allow_shrink=allow_shrink, settings=state.settings
        )
    if result.shrank:
        await ask_to_publish(out, state, replace(job, kind="publish_remove"), result.text(job.lang))
        return
    await send_html(out, job.chat_id, ui.result_blocks(result, job.lang), job.reply_to)


async def answer_confirmation(out: Outbox, state: BotState, pending: Pending, confirmed: bool) -> None:
    """What an administrator's answer sets off: the work confirmed, in the background, or a line
    saying what was kept."""
    lang = pending.lang
    if pending.kind == "publish_staged":
        state.run_in_background(settle_staged(out, state, pending, publish=confirmed))
    elif not confirmed:
        text = (
            t("kept_text", lang, name=esc(pending.name))
            if pending.kind == "replace"
            else t("shrink_cancelled", lang)
        )
        await send_html(out, pending.chat_id, lines_blocks(text), pending.reply_to)
    elif pending.kind == "replace":
        state.run_in_background(add_and_report(out, state, pending))
    elif pending.kind == "publish_add":
        state.run_in_background(add_and_report(out, state, pending, allow_shrink=True))
    elif pending.kind == "publish_remove":
        state.run_in_background(remove_and_report(out, state, pending, allow_shrink=True))
    else:
        chats = {pending.chat_id: (pending.reply_to, lang)}
        state.run_in_background(run_reindex(out, state, chats, allow_shrink=True))


async def settle_staged(out: Outbox, state: BotState, pending: Pending, *, publish: bool) -> None:
    """Publish a held-back version (the admin confirmed) or throw it away (Keep old)."""
    staged, lang = pending.staged, pending.lang
    assert staged is not None
    if not publish:
        await asyncio.to_thread(staging.discard, staged)
        text = esc(t("kept_old_text", lang, version=staged.version))
        await send_html(out, pending.chat_id, lines_blocks(text), pending.reply_to)
        return
    try:
        async with state.build_lock:
            version = await asyncio.to_thread(staging.publish, staged)
    except (staging.StaleStage, IndexMissing) as exc:  # another build went live meanwhile
        text = esc(t("publish_failed", lang, version=staged.version, reason=texts.reason(exc, lang)))
        await send_html(out, pending.chat_id, lines_blocks(text), pending.reply_to)
        return
    logger.info("published held-back version %s", version)
    head = t("published_text", lang, version=esc(version))
    await send_html(out, pending.chat_id, ui.summary_html(staged.summary, head, lang), pending.reply_to)


async def refresh_on_start(out: Outbox, state: BotState) -> None:
    """Warm the model, then bring the index up to date while the last good version answers; a build
    refused or failed is told to each administrator."""
    try:
        await state.ask("EPR")
    except IndexMissing:
        logger.warning("no index yet: questions will be refused until /reindex builds one")
        return  # main() builds a first index before serving; without one there is nothing to refresh
    except Exception:
        logger.exception("warm-up question failed; carrying on")
    try:
        summary = await build_index(state)
    except retriever.CollectionShrank as exc:
        logger.warning("start-up build refused: %s", exc)
        for admin in state.bot.admin_user_ids:
            lang = state.language(admin)
            pending = Pending("publish_reindex", admin, None, lang=lang)
            lead = t("startup_shrink", lang)
            await ask_to_publish(out, state, pending, ui.refused_text(exc, lang), lead=lead)
        return
    except Exception as exc:
        logger.exception("updating the index at start failed; serving the last good version")
        for admin in state.bot.admin_user_ids:
            lang = state.language(admin)
            reason = ui.failure_text(exc, state.settings.documents_dir, lang)
            await out.send(admin, [t("startup_failed", lang, reason=reason)], None)
        return
    logger.info(ui.summary_line(summary))
    for skipped in summary.skipped:
        logger.info("  skipped %s: %s", skipped.id, skipped.reason)
