#!/usr/bin/env python
"""The Plastic Policy Assistant on Telegram: answers quoted from the documents, with sources.

`python bot.py` serves Telegram (long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set) from
the last good index at once and brings the index up to date in the background (the first index,
if there is none, is built before serving). Without TELEGRAM_BOT_TOKEN, or with `--console`, it is
a terminal chat using the same `retriever.ask()`. This is the only module that imports `telegram`;
every sentence it sends lives in botui.py.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import secrets
import signal
import sys
import time
import urllib.parse
from collections import OrderedDict, deque
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields, replace
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    ExtBot,
    MessageHandler,
    filters,
)

import botui as ui
import retriever
from botui import Block, esc, pack
from retriever import AddResult, Answer, IndexMissing, IndexSummary, RemoveResult, Settings, SettingsError
from retriever.collection import find_documents, safe_name

logger = logging.getLogger("bot")

ANSWERS_KEPT = 1000  # answers whose buttons still work; older clicks get a polite "too old"
PENDING_KEPT = 50  # unanswered confirmations kept (each may hold an uploaded file in memory)
ROOT = Path(__file__).resolve().parent


# ---------------------------------------------------------------------------------------------
# Settings and shared state
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BotSettings:
    """Telegram's knobs, each with the environment variable that sets it (the library has none)."""

    token: str = ""  # TELEGRAM_BOT_TOKEN
    admin_user_ids: tuple[int, ...] = ()  # ADMIN_USER_IDS: comma-separated numeric ids
    api_base: str = "https://api.telegram.org"  # TELEGRAM_API_BASE
    webhook_url: str = ""  # TELEGRAM_WEBHOOK_URL: set to use a webhook instead of long polling
    webhook_port: int = 8443  # TELEGRAM_WEBHOOK_PORT
    webhook_secret: str = ""  # TELEGRAM_WEBHOOK_SECRET
    flood_limit: int = 10  # TELEGRAM_FLOOD_LIMIT: questions per user per minute

    def with_(self, **changes: Any) -> BotSettings:
        """A copy with some fields changed."""
        return replace(self, **changes)


BOT_ENV = {
    "token": "TELEGRAM_BOT_TOKEN",
    "admin_user_ids": "ADMIN_USER_IDS",
    "api_base": "TELEGRAM_API_BASE",
    "webhook_url": "TELEGRAM_WEBHOOK_URL",
    "webhook_port": "TELEGRAM_WEBHOOK_PORT",
    "webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
    "flood_limit": "TELEGRAM_FLOOD_LIMIT",
}


def load_bot_settings(env: dict[str, str] | None = None, dotenv: Path | None = None) -> BotSettings:
    """BotSettings from `env` (default: the process environment) over a `.env` file over defaults."""
    from dotenv import dotenv_values

    path = dotenv or ROOT / ".env"
    values = {k: v for k, v in dotenv_values(path).items() if v is not None} if path.is_file() else {}
    values.update(os.environ if env is None else env)
    changes: dict[str, Any] = {}
    for f in fields(BotSettings):
        raw = (values.get(BOT_ENV[f.name]) or "").strip()
        if not raw:
            continue
        try:
            if f.name == "admin_user_ids":
                changes[f.name] = tuple(int(part) for part in raw.replace(" ", "").split(",") if part)
            elif f.name in ("webhook_port", "flood_limit"):
                changes[f.name] = int(raw)
            else:
                changes[f.name] = raw
        except ValueError as exc:
            raise SettingsError(f"{BOT_ENV[f.name]}={raw!r} is not valid: use whole numbers") from exc
    settings = BotSettings(**changes)
    if settings.flood_limit < 1:
        raise SettingsError("TELEGRAM_FLOOD_LIMIT must be 1 or more (questions per user per minute)")
    return settings


@dataclass
class StoredAnswer:
    """An answer whose buttons may still be pressed, and where it was sent."""

    answer: Answer
    chat_id: int
    user_id: int | None
    message_id: int | None = None


@dataclass
class Pending:
    """Work on the collection for one chat: in hand ("add", "remove"), or a question put to an
    administrator with confirm/cancel buttons ("replace", "publish_add", "publish_remove",
    "publish_reindex")."""

    kind: str
    chat_id: int
    reply_to: int | None
    name: str = ""
    data: bytes = b""
    replace: bool = False


@dataclass
class BotState:
    """Everything the handlers share: the application's `bot_data` (see ContextTypes below)."""

    settings: Settings = field(default_factory=Settings)
    bot: BotSettings = field(default_factory=BotSettings)
    answers: OrderedDict[str, StoredAnswer] = field(default_factory=OrderedDict)
    votes: dict[tuple[str, int], str] = field(default_factory=dict)
    pending: OrderedDict[str, Pending] = field(default_factory=OrderedDict)
    asked: dict[int, deque[float]] = field(default_factory=dict)
    build_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    reindex_waiters: list[Message] = field(default_factory=list)
    reindex_running: bool = False
    # Questions get their own threads, one per core: more only oversubscribes the CPU (measured
    # with tests/bench_bot.py: 6 threads gave a worse p95 and throughput than 2), and an index
    # build, which runs in the loop's default executor, never takes a question's thread.
    ask_pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max(2, os.cpu_count() or 2), thread_name_prefix="ask")
    )
    background: set[asyncio.Task[None]] = field(default_factory=set)

    def run_in_background(self, coroutine: Coroutine[Any, Any, None]) -> None:
        """Start a task that shutdown waits for (see post_stop).

        Not `Application.create_task`: once a stop signal has arrived, PTB no longer tracks new
        tasks, yet handlers still finish the updates in hand; a /reindex taken just before
        SIGTERM would then be dropped half-way instead of finishing and reporting.
        """
        task = asyncio.create_task(coroutine)
        self.background.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self.background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("background task failed", exc_info=task.exception())

    async def ask(self, question: str) -> Answer:
        """`retriever.ask` off the event loop: one slow question never holds up other users."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self.ask_pool, partial(retriever.ask, question, settings=self.settings)
        )

    def remember(self, stored: StoredAnswer) -> str:
        """A short key for callback data (Telegram allows 64 bytes), evicting the oldest."""
        key = secrets.token_urlsafe(6)
        self.answers[key] = stored
        while len(self.answers) > ANSWERS_KEPT:
            old, _ = self.answers.popitem(last=False)
            for vote_key in [k for k in self.votes if k[0] == old]:
                del self.votes[vote_key]
        return key

    def ask_admin(self, pending: Pending) -> str:
        """Keep a confirmation until pressed; the key goes into its buttons' callback data."""
        key = secrets.token_urlsafe(6)
        self.pending[key] = pending
        while len(self.pending) > PENDING_KEPT:
            self.pending.popitem(last=False)
        return key

    def flood_wait(self, user_id: int) -> float:
        """Seconds until `user_id` may ask again (0 = now), counting this question if allowed."""
        now = time.monotonic()
        recent = self.asked.setdefault(user_id, deque())
        while recent and now - recent[0] >= 60:
            recent.popleft()
        if len(recent) >= self.bot.flood_limit:
            return 60 - (now - recent[0])
        recent.append(now)
        return 0.0

    def is_admin(self, user_id: int | None) -> bool:
        """Whether `user_id` is listed in ADMIN_USER_IDS."""
        return user_id is not None and user_id in self.bot.admin_user_ids


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotState]):
    """The handlers' context: `context.bot_data` is the typed BotState."""


BotApp = Application[ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], BotState, Any]


# ---------------------------------------------------------------------------------------------
# Who a group message is for (filters), and Telegram calls that must not be lost
# ---------------------------------------------------------------------------------------------


def _bot_mentions(message: Message) -> list[MessageEntity]:
    """Entities of text or caption that mention this bot, by @username or by name."""
    bot = message.get_bot()
    kinds = [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    parsed = message.parse_entities(kinds) if message.text else message.parse_caption_entities(kinds)
    return [
        entity
        for entity, text in parsed.items()
        if (entity.user is not None and entity.user.id == bot.id)
        or text.lstrip("@").lower() == (bot.username or "").lower()
    ]


class _AddressedToBot(filters.MessageFilter):
    """Any message in a private chat; in groups one that mentions the bot or replies to it."""

    def filter(self, message: Message) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return True
        if message.text:
            # PTB's Mention filter matches the exact @username or a mention by name; clients also
            # send other casings (@plasticpolicybot), which _bot_mentions accepts.
            return filters.Mention([bot.bot]).filter(message) or bool(_bot_mentions(message))
        return bool(_bot_mentions(message))


TO_BOT = _AddressedToBot(name="AddressedToBot")


def strip_mentions(message: Message) -> str:
    """The message text without mentions of the bot (entity offsets are UTF-16, like Telegram's)."""
    text = message.text or message.caption or ""
    raw = text.encode("utf-16-le")
    spans = sorted((e.offset * 2, (e.offset + e.length) * 2) for e in _bot_mentions(message))
    kept, last = [], 0
    for start, end in spans:
        kept.append(raw[last:start])
        last = end
    kept.append(raw[last:])
    question = b"".join(kept).decode("utf-16-le")
    return " ".join(question.split()).strip(" ,:;-—")


def command_argument(message: Message) -> str:
    """What follows `/command` (or `/command@bot`), newlines kept."""
    parts = (message.text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


class RetryingLimiter(BaseRateLimiter[int]):
    """Telegram's flood limits (optional), plus bounded retries of 5xx and network failures.

    A 500/502 from sendMessage would otherwise lose an answer the user waited for. Time-outs are
    not retried: the request may have got through, and a second copy of a message is worse.
    """

    def __init__(self, inner: BaseRateLimiter[int] | None, attempts: int = 4, backoff: float = 0.5) -> None:
        self.inner = inner
        self.attempts = attempts
        self.backoff = backoff

    async def initialize(self) -> None:
        if self.inner:
            await self.inner.initialize()

    async def shutdown(self) -> None:
        if self.inner:
            await self.inner.shutdown()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        for attempt in range(self.attempts):
            try:
                if self.inner:
                    return await self.inner.process_request(
                        callback, args, kwargs, endpoint, data, rate_limit_args
                    )
                return await callback(*args, **kwargs)
            except (TimedOut, BadRequest):  # both are NetworkErrors to PTB; neither gains from a retry
                raise
            except NetworkError as exc:
                # getUpdates has its own retry loop in PTB; the last attempt's error is the caller's.
                if endpoint == "getUpdates" or attempt == self.attempts - 1:
                    raise
                logger.warning("%s failed (%s); retrying", endpoint, exc)
                await asyncio.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")


async def answer_query(query: CallbackQuery, text: str | None = None, alert: bool = False) -> None:
    """Answer a button press; a failure here (a query too old) must not stop what follows."""
    try:
        await query.answer(text, show_alert=alert)
    except TelegramError as exc:
        logger.warning("answerCallbackQuery failed: %s", exc)


async def send_html(bot: ExtBot[None], chat_id: int, blocks: list[Block], reply_to: int | None) -> None:
    """Blocks packed into messages; the first replies to `reply_to` if it still exists."""
    for i, text in enumerate(pack(blocks)):
        reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to and i == 0 else None
        await bot.send_message(chat_id, text, reply_parameters=reply)


def lines_blocks(html_text: str) -> list[Block]:
    """One block per line of already escaped HTML (each line's tags balanced: safe split points)."""
    return [Block(line, line, sep="\n") for line in html_text.split("\n") if line.strip()]


# ---------------------------------------------------------------------------------------------
# Officials
# ---------------------------------------------------------------------------------------------


async def start(update: Update, context: BotContext) -> None:
    """Say what the assistant covers, with three example questions."""
    assert update.message
    await update.message.reply_text(ui.START_TEXT)


async def help_command(update: Update, context: BotContext) -> None:
    """Explain how to ask; administrators also see their commands."""
    assert update.message
    state = context.bot_data
    text = ui.HELP_TEXT
    if state.is_admin(update.effective_user and update.effective_user.id):
        exts = esc(", ".join(retriever.supported_types()))
        text += ui.ADMIN_HELP.format(exts=exts, mb=state.settings.max_upload_mb)
    await update.message.reply_text(text)


async def docs_command(update: Update, context: BotContext) -> None:
    """List the indexed documents with their dates, split over several messages if long."""
    assert update.message
    try:
        manifest = await asyncio.to_thread(retriever.status, settings=context.bot_data.settings)
    except IndexMissing:
        await update.message.reply_text(ui.INDEX_MISSING_TEXT)
        return
    for i, text in enumerate(pack(ui.docs_blocks(manifest))):
        await update.message.reply_text(text, do_quote=None if i == 0 else False)


async def ask_command(update: Update, context: BotContext) -> None:
    """`/ask QUESTION`: the way to ask in groups, also accepted in private chats."""
    assert update.message
    await answer_question(update.message, context, command_argument(update.message))


async def on_text(update: Update, context: BotContext) -> None:
    """Text in a private chat, or addressed to the bot in a group (see TO_BOT), is a question."""
    assert update.message
    await answer_question(update.message, context, strip_mentions(update.message))


async def _keep_typing(message: Message) -> None:
    # Telegram shows "typing…" for 5 s; slow answers need it renewed.
    while True:
        await asyncio.sleep(4.5)
        with contextlib.suppress(TelegramError):
            await message.chat.send_action(ChatAction.TYPING)


async def answer_question(message: Message, context: BotContext, question: str) -> None:
    """Check the question, answer it from the documents off the event loop, and send it."""
    state = context.bot_data
    limit = state.settings.max_question_chars
    if not question.strip():
        await message.reply_text(ui.EMPTY_TEXT.format(example=esc(ui.EXAMPLES[0])))
        return
    if len(question) > limit:
        await message.reply_text(ui.TOO_LONG_TEXT.format(n=len(question), limit=limit))
        return
    wait = state.flood_wait(message.from_user.id if message.from_user else message.chat.id)
    if wait:
        await message.reply_text(ui.FLOOD_TEXT.format(seconds=max(1, round(wait))))
        return
    await message.chat.send_action(ChatAction.TYPING)
    typing = asyncio.create_task(_keep_typing(message))
    try:
        answer = await state.ask(question)
    except IndexMissing:
        await message.reply_text(ui.INDEX_MISSING_TEXT)
        return
    finally:
        typing.cancel()
    await send_answer(message, state, answer)


async def send_answer(message: Message, state: BotState, answer: Answer) -> list[Message]:
    """The answer in HTML, split if long; the buttons go under the last part."""
    user = message.from_user
    stored = StoredAnswer(answer, message.chat.id, user.id if user else None)
    key = state.remember(stored)
    row = [InlineKeyboardButton(ui.SOURCES_BUTTON, callback_data=f"src:{key}")] if answer.citations else []
    row += [
        InlineKeyboardButton(ui.VOTE_EMOJI["up"], callback_data=f"up:{key}"),
        InlineKeyboardButton(ui.VOTE_EMOJI["down"], callback_data=f"dn:{key}"),
    ]
    texts = pack(ui.answer_blocks(answer))
    sent: list[Message] = []
    for i, text in enumerate(texts):
        last = i == len(texts) - 1
        sent.append(
            await message.reply_text(
                text,
                do_quote=None if i == 0 else False,
                reply_markup=InlineKeyboardMarkup([row]) if last else None,
            )
        )
    stored.message_id = sent[-1].message_id
    return sent


async def on_button(update: Update, context: BotContext) -> None:
    """Sources, votes and administrators' confirmations; every press is checked against its chat."""
    query = update.callback_query
    assert query
    state = context.bot_data
    kind, _, key = (query.data or "").partition(":")
    if kind in ("ok", "no"):
        await on_confirmation(update, context, kind == "ok", key)
        return
    stored = state.answers.get(key)
    if stored is None:
        await answer_query(query, ui.TOO_OLD_TEXT, alert=True)
        return
    # Callback data can be forged: it counts only on the message the answer was sent as (whose id
    # is known once Telegram has confirmed the send; a press can arrive just before that).
    chat_id = query.message.chat.id if query.message else None
    message_id = query.message.message_id if query.message else None
    if chat_id != stored.chat_id or stored.message_id not in (None, message_id):
        await answer_query(query, ui.WRONG_CHAT_TEXT, alert=True)
        return
    if kind == "src":
        await answer_query(query)
        await send_html(context.bot, stored.chat_id, ui.passage_blocks(stored.answer), stored.message_id)
    elif kind in ("up", "dn"):
        vote = "up" if kind == "up" else "down"
        previous = state.votes.get((key, query.from_user.id))
        if previous == vote:
            await answer_query(query, ui.VOTE_SAME_TEXT.format(emoji=ui.VOTE_EMOJI[vote]))
            return
        state.votes[(key, query.from_user.id)] = vote
        await asyncio.to_thread(
            ui.record_vote,
            state.settings.data_dir,
            stored.answer,
            answer_id=key,
            vote=vote,
            user_id=query.from_user.id,
            chat_id=stored.chat_id,
            message_id=stored.message_id,
        )
        text = ui.VOTE_CHANGED_TEXT.format(emoji=ui.VOTE_EMOJI[vote]) if previous else ui.VOTE_TEXT[vote]
        await answer_query(query, text)
    else:
        await answer_query(query)


async def on_media(update: Update, context: BotContext) -> None:
    """Photos, stickers, voice and the like: explain that only text questions work."""
    assert update.message
    await update.message.reply_text(ui.MEDIA_TEXT)


async def on_edited(update: Update, context: BotContext) -> None:
    """Edits are not re-answered (the old answer would silently go stale); say so."""
    if update.edited_message is not None:
        await update.edited_message.reply_text(ui.EDITED_TEXT)


async def on_unknown_command(update: Update, context: BotContext) -> None:
    """A short help line, in groups only for commands explicitly addressed to this bot."""
    message = update.message
    assert message
    if message.chat.type != ChatType.PRIVATE:
        command = (message.text or "").split(maxsplit=1)[0]
        if not command.lower().endswith(f"@{context.bot.username}".lower()):
            return
    await message.reply_text(ui.UNKNOWN_TEXT)


# ---------------------------------------------------------------------------------------------
# Administrators
# ---------------------------------------------------------------------------------------------


async def _admin_only(update: Update, context: BotContext) -> Message | None:
    """The message, if its sender is an administrator; otherwise a polite refusal and None."""
    message = update.message
    assert message
    if context.bot_data.is_admin(message.from_user and message.from_user.id):
        return message
    await message.reply_text(ui.NOT_ADMIN)
    return None


async def status_command(update: Update, context: BotContext) -> None:
    """The live index: version, documents, chunks, build time, model."""
    if (message := await _admin_only(update, context)) is None:
        return
    try:
        manifest = await asyncio.to_thread(retriever.status, settings=context.bot_data.settings)
    except IndexMissing:
        await message.reply_text(ui.INDEX_MISSING_TEXT)
        return
    await message.reply_text(ui.status_html(manifest))


def summary_html(summary: IndexSummary, head: str = "") -> list[Block]:
    """What a build did, as message blocks under an optional first line."""
    return lines_blocks("\n".join([head, *(esc(line) for line in ui.summary_lines(summary))]))


async def build_index(state: BotState, *, allow_shrink: bool = False) -> IndexSummary:
    """One build at a time from this process, in a thread (questions keep being answered)."""
    async with state.build_lock:
        return await asyncio.to_thread(
            retriever.index_documents, settings=state.settings, allow_shrink=allow_shrink
        )


async def reindex_command(update: Update, context: BotContext) -> None:
    """Rebuild in the background; a /reindex during a build queues exactly one more build after it."""
    if (message := await _admin_only(update, context)) is None:
        return
    state = context.bot_data
    state.reindex_waiters.append(message)
    if state.reindex_running:
        await message.reply_text(ui.REINDEX_QUEUED)
        return
    state.reindex_running = True  # set before the task starts, so a second /reindex sees it
    await message.reply_text(ui.REINDEX_STARTED)
    state.run_in_background(reindex_loop(context.bot, state))


async def reindex_loop(bot: ExtBot[None], state: BotState) -> None:
    """Build until no /reindex is waiting: each build reads the folder as it is when it starts."""
    try:
        while state.reindex_waiters:
            waiters, state.reindex_waiters = state.reindex_waiters, []
            chats = {m.chat.id: m.message_id for m in waiters}  # one report per chat
            await run_reindex(bot, state, chats)
    finally:
        state.reindex_running = False


async def run_reindex(
    bot: ExtBot[None], state: BotState, chats: dict[int, int | None], *, allow_shrink: bool = False
) -> None:
    """One build, reported to every chat that asked (a refused shrink becomes a question)."""
    try:
        summary = await build_index(state, allow_shrink=allow_shrink)
    except retriever.CollectionShrank as exc:
        for chat_id, reply_to in chats.items():
            await ask_to_publish(bot, state, Pending("publish_reindex", chat_id, reply_to), str(exc))
        return
    except Exception as exc:
        logger.exception("indexing failed")
        text = ui.failure_text(exc, state.settings.documents_dir)
        for chat_id, reply_to in chats.items():
            await send_html(bot, chat_id, lines_blocks(text), reply_to)
        return
    logger.info(ui.summary_line(summary))
    for chat_id, reply_to in chats.items():
        await send_html(bot, chat_id, summary_html(summary), reply_to)


async def ask_to_publish(bot: ExtBot[None], state: BotState, pending: Pending, reason: str) -> None:
    """Put a refused shrinking build to an administrator: publish anyway, or cancel."""
    key = state.ask_admin(pending)
    buttons = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(ui.SHRINK_BUTTON, callback_data=f"ok:{key}"),
                InlineKeyboardButton(ui.CANCEL_BUTTON, callback_data=f"no:{key}"),
            ]
        ]
    )
    reply = ReplyParameters(pending.reply_to, allow_sending_without_reply=True) if pending.reply_to else None
    text = ui.SHRINK_QUESTION.format(reason=esc(reason))
    await bot.send_message(pending.chat_id, text, reply_markup=buttons, reply_parameters=reply)


async def on_document(update: Update, context: BotContext) -> None:
    """An administrator's file is fetched, checked and added; nobody else's is even downloaded."""
    message = update.message
    assert message and message.document
    state = context.bot_data
    if not state.is_admin(message.from_user and message.from_user.id):
        await message.reply_text(ui.NOT_ADMIN_UPLOAD)  # checked before any download, on purpose
        return
    document = message.document
    name = safe_name(document.file_name or "document")
    if Path(name).suffix not in retriever.supported_types():
        exts = ", ".join(retriever.supported_types())
        await message.reply_text(ui.UNSUPPORTED_TEXT.format(name=esc(name), exts=esc(exts)))
        return
    limit = int(state.settings.max_upload_mb * 1024 * 1024)
    if document.file_size is not None and document.file_size > limit:
        await message.reply_text(ui.TOO_BIG_TEXT.format(name=esc(name), mb=state.settings.max_upload_mb))
        return
    try:
        telegram_file = await document.get_file()
        data = bytes(await telegram_file.download_as_bytearray())
    except TelegramError as exc:
        logger.warning("could not fetch %s: %s", name, exc)
        reason = ui.DOWNLOAD_TOO_BIG if "too big" in str(exc).lower() else ui.DOWNLOAD_UNAVAILABLE
        await message.reply_text(ui.DOWNLOAD_FAILED.format(name=esc(name), reason=esc(reason)))
        return
    await message.reply_text(ui.UPLOAD_RECEIVED.format(name=esc(name)))
    pending = Pending("add", message.chat.id, message.message_id, name, data)
    state.run_in_background(add_and_report(context.bot, state, pending))


async def add_and_report(
    bot: ExtBot[None], state: BotState, job: Pending, allow_shrink: bool = False
) -> None:
    """Add a file through the library and tell the administrator what happened, in a sentence."""
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
    if result.status == "conflict":
        key = state.ask_admin(replace(job, kind="replace", name=result.doc_id, replace=True))
        buttons = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(ui.REPLACE_BUTTON, callback_data=f"ok:{key}"),
                    InlineKeyboardButton(ui.KEEP_BUTTON, callback_data=f"no:{key}"),
                ]
            ]
        )
        reply = ReplyParameters(job.reply_to, allow_sending_without_reply=True) if job.reply_to else None
        text = ui.REPLACE_QUESTION.format(name=esc(result.doc_id))
        await bot.send_message(job.chat_id, text, reply_markup=buttons, reply_parameters=reply)
    elif result.shrank:
        await ask_to_publish(bot, state, replace(job, kind="publish_add"), result.message)
    else:
        head = f"<b>{esc(result.message)}</b>" if result.summary else esc(result.message)
        blocks = summary_html(result.summary, head) if result.summary else lines_blocks(head)
        await send_html(bot, job.chat_id, blocks, job.reply_to)


async def remove_command(update: Update, context: BotContext) -> None:
    """`/remove NAME`: take one document out of the collection and reindex."""
    if (message := await _admin_only(update, context)) is None:
        return
    state = context.bot_data
    name = command_argument(message)
    if not name:
        await message.reply_text(ui.REMOVE_USAGE.format(example="report.pdf"))
        return
    matches = await asyncio.to_thread(find_documents, name, settings=state.settings)
    if not matches:
        await message.reply_text(ui.REMOVE_NONE.format(name=esc(name)))
        return
    if len(matches) > 1:
        await message.reply_text(ui.REMOVE_MANY.format(name=esc(name), ids=esc(", ".join(matches))))
        return
    await message.reply_text(ui.REMOVING_TEXT.format(name=esc(matches[0])))
    job = Pending("remove", message.chat.id, message.message_id, matches[0])
    state.run_in_background(remove_and_report(context.bot, state, job))


async def remove_and_report(
    bot: ExtBot[None], state: BotState, job: Pending, allow_shrink: bool = False
) -> None:
    """Remove through the library and report; a refused shrink becomes a question."""
    async with state.build_lock:
        result: RemoveResult = await asyncio.to_thread(
            retriever.remove_document, job.name, allow_shrink=allow_shrink, settings=state.settings
        )
    if result.shrank:
        await ask_to_publish(bot, state, replace(job, kind="publish_remove"), result.message)
        return
    head = f"<b>{esc(result.message)}</b>" if result.summary else esc(result.message)
    blocks = summary_html(result.summary, head) if result.summary else lines_blocks(head)
    await send_html(bot, job.chat_id, blocks, job.reply_to)


async def on_confirmation(update: Update, context: BotContext, confirmed: bool, key: str) -> None:
    """Replace / publish-anyway buttons: only an administrator, only in the chat asked, only once."""
    query = update.callback_query
    assert query
    state = context.bot_data
    pending = state.pending.get(key)
    if pending is None:
        await answer_query(query, ui.CONFIRM_GONE_TEXT, alert=True)
        return
    chat_id = query.message.chat.id if query.message else None
    if chat_id != pending.chat_id or not state.is_admin(query.from_user.id):
        await answer_query(query, ui.CONFIRM_NOT_YOURS, alert=True)
        return
    del state.pending[key]
    await answer_query(query, ui.CONFIRM_WORKING if confirmed else None)
    if query.message is not None:  # the question is answered: its buttons go
        with contextlib.suppress(TelegramError):
            await context.bot.edit_message_reply_markup(pending.chat_id, query.message.message_id)
    bot = context.bot
    if not confirmed:
        text = (
            ui.KEPT_TEXT.format(name=esc(pending.name)) if pending.kind == "replace" else ui.SHRINK_CANCELLED
        )
        await send_html(bot, pending.chat_id, lines_blocks(text), pending.reply_to)
    elif pending.kind == "replace":
        state.run_in_background(add_and_report(bot, state, pending))
    elif pending.kind == "publish_add":
        state.run_in_background(add_and_report(bot, state, pending, allow_shrink=True))
    elif pending.kind == "publish_remove":
        state.run_in_background(remove_and_report(bot, state, pending, allow_shrink=True))
    else:
        chats = {pending.chat_id: pending.reply_to}
        state.run_in_background(run_reindex(bot, state, chats, allow_shrink=True))


# ---------------------------------------------------------------------------------------------
# Wiring
# ---------------------------------------------------------------------------------------------


async def on_error(update: object, context: BotContext) -> None:
    """Log the error and tell the user something went wrong, rather than going silent."""
    logger.error("Exception while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return
    with contextlib.suppress(TelegramError):
        if update.callback_query is not None:
            await update.callback_query.answer(ui.ERROR_TEXT, show_alert=True)
            return
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, ui.ERROR_TEXT)


async def refresh_on_start(application: BotApp) -> None:
    """Warm the model, then bring the index up to date while the last good version answers."""
    state = application.bot_data
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
            with contextlib.suppress(TelegramError):  # an admin who never opened a chat with the bot
                await ask_to_publish(
                    application.bot, state, Pending("publish_reindex", admin, None), str(exc)
                )
        return
    except Exception as exc:
        logger.exception("updating the index at start failed; serving the last good version")
        text = ui.STARTUP_FAILED.format(reason=ui.failure_text(exc, state.settings.documents_dir))
        for admin in state.bot.admin_user_ids:
            with contextlib.suppress(TelegramError):
                await application.bot.send_message(admin, text)
        return
    logger.info(ui.summary_line(summary))
    for skipped in summary.skipped:
        logger.info("  skipped %s: %s", skipped.id, skipped.reason)


async def post_init(application: BotApp) -> None:
    """Register the command menus; warming up and refreshing the index happen in the background."""
    await application.bot.set_my_commands([BotCommand(name, text) for name, text in ui.COMMANDS])
    state = application.bot_data
    for admin_id in state.bot.admin_user_ids:
        # Fails for an admin who has never opened a chat with the bot; the commands work anyway.
        with contextlib.suppress(TelegramError):
            await application.bot.set_my_commands(
                [BotCommand(name, text) for name, text in ui.COMMANDS + ui.ADMIN_COMMANDS],
                scope=BotCommandScopeChat(admin_id),
            )
    state.run_in_background(refresh_on_start(application))


async def post_stop(application: BotApp) -> None:
    """Let a reindex in progress finish and report before the bot goes (the bot can still send)."""
    state = application.bot_data
    while state.background:
        await asyncio.gather(*list(state.background), return_exceptions=True)


async def post_shutdown(application: BotApp) -> None:
    """Release the question threads (every update has been answered by now)."""
    application.bot_data.ask_pool.shutdown(wait=False, cancel_futures=True)


def build_application(settings: Settings, bot_settings: BotSettings, *, rate_limit: bool = True) -> BotApp:
    """The Telegram application with every handler registered.

    `rate_limit=False` drops Telegram's flood limits (about 30 requests a second), for measuring
    the bot's own capacity against a fake server; never against Telegram. 5xx retries stay.
    """
    root = bot_settings.api_base.rstrip("/")
    application = (
        ApplicationBuilder()
        .token(bot_settings.token)
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .context_types(ContextTypes(context=BotContext, bot_data=BotState))
        .defaults(
            Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True))
        )
        .concurrent_updates(True)
        .rate_limiter(RetryingLimiter(AIORateLimiter(max_retries=3) if rate_limit else None))
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
        .build()
    )
    application.bot_data.settings = settings
    application.bot_data.bot = bot_settings
    new = filters.UpdateType.MESSAGE
    application.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & TO_BOT, on_edited))
    for name, callback in (
        ("start", start),
        ("help", help_command),
        ("docs", docs_command),
        ("ask", ask_command),
        ("status", status_command),
        ("reindex", reindex_command),
        ("remove", remove_command),
    ):
        application.add_handler(CommandHandler(name, callback, filters=new))
    application.add_handler(MessageHandler(new & filters.COMMAND, on_unknown_command))
    media = (
        filters.PHOTO | filters.Sticker.ALL | filters.VOICE | filters.VIDEO | filters.VIDEO_NOTE
        | filters.AUDIO | filters.ANIMATION | filters.LOCATION | filters.CONTACT | filters.POLL
        | filters.Dice.ALL
    )  # fmt: skip
    # Media before documents: GIFs are documents too.
    application.add_handler(MessageHandler(new & media & TO_BOT, on_media))
    application.add_handler(MessageHandler(new & filters.Document.ALL & TO_BOT, on_document))
    application.add_handler(MessageHandler(new & filters.TEXT & TO_BOT, on_text))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_error_handler(on_error)
    return application


def serve(application: BotApp, bot_settings: BotSettings, *, in_thread: bool = False) -> None:
    """Long polling, or a webhook when one is configured; returns after SIGINT/SIGTERM.

    PTB's run_polling/run_webhook install the stop-signal handlers and, on stopping, wait for
    updates in progress; post_stop waits for background builds (a reindex finishes, not halts).
    """
    kwargs: dict[str, Any] = {"allowed_updates": Update.ALL_TYPES}
    if in_thread:
        kwargs["stop_signals"] = None  # signal handlers can only be set in the main thread
    if bot_settings.webhook_url:
        path = urllib.parse.urlsplit(bot_settings.webhook_url).path.lstrip("/")
        application.run_webhook(
            listen=os.environ.get("TELEGRAM_WEBHOOK_LISTEN", "0.0.0.0"),
            port=bot_settings.webhook_port,
            url_path=path,
            webhook_url=bot_settings.webhook_url,
            secret_token=bot_settings.webhook_secret or None,
            **kwargs,
        )
    else:
        application.run_polling(**kwargs)


def update_index(settings: Settings) -> None:
    """Build or refresh the index in the foreground (the terminal chat; the first index of the bot)."""
    try:
        summary = retriever.index_documents(settings=settings)
    except Exception as exc:
        reason = ui.failure_text(exc, settings.documents_dir)
        print(f"bot.py: could not update the index: {reason}", file=sys.stderr)
        return
    print(ui.summary_line(summary), file=sys.stderr)
    for skipped in summary.skipped:
        print(f"  skipped {skipped.id}: {skipped.reason}", file=sys.stderr)


def has_index(settings: Settings) -> bool:
    """Whether a published index exists to serve from."""
    try:
        retriever.status(settings=settings)
    except (IndexMissing, OSError, ValueError):
        return False
    return True


def run_console(settings: Settings, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """A terminal chat: one question per line until EOF or "quit"."""
    interactive = stdin.isatty()
    print(ui.CONSOLE_BANNER, file=sys.stderr)
    while True:
        if interactive:
            print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            break
        question = line.strip()
        if question.lower() in ("quit", "exit", "q"):
            break
        if not question:
            continue
        if len(question) > settings.max_question_chars:
            print(ui.CONSOLE_TOO_LONG.format(limit=settings.max_question_chars), file=stdout)
            continue
        try:
            answer = retriever.ask(question, settings=settings)
            print(retriever.render_text(answer) + "\n", file=stdout, flush=True)
        except IndexMissing:
            print(ui.CONSOLE_NO_INDEX, file=stdout, flush=True)
        except Exception:
            logger.exception("question failed")
            print(ui.CONSOLE_ERROR, file=stdout, flush=True)
    return 0


def _exit_quietly(signum: int, frame: object) -> None:
    raise SystemExit(0)


def main(argv: Sequence[str] | None = None) -> int:
    """Serve Telegram from the last good index (building a first one if needed), or a terminal chat."""
    parser = argparse.ArgumentParser(
        description="The Plastic Policy Assistant (Telegram bot or terminal chat)."
    )
    parser.add_argument("--console", action="store_true", help="chat in the terminal instead of Telegram")
    args = parser.parse_args(argv)
    try:
        settings = retriever.load_settings()
        bot_settings = load_bot_settings()
    except SettingsError as exc:
        print(f"bot.py: {exc}", file=sys.stderr)
        return 2
    console = args.console or not bot_settings.token
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        level=logging.WARNING if console else logging.INFO,
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request drowns everything
    if console and not args.console:
        print(ui.NO_TOKEN_TEXT, file=sys.stderr)
    # Until run_polling/run_webhook install their own handlers (and always in the terminal chat),
    # SIGTERM ends the process the way Ctrl-C would: cleanly, exit status 0. A build it interrupts
    # is never half-visible: the index switches versions atomically.
    signal.signal(signal.SIGTERM, _exit_quietly)
    if console:
        update_index(settings)
        return run_console(settings)
    if not has_index(settings):
        update_index(settings)  # nothing to serve yet: the first build comes first
    serve(build_application(settings, bot_settings), bot_settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
