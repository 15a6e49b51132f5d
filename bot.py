#!/usr/bin/env python
"""The Plastic Policy Assistant on Telegram: answers quoted from the documents, with sources.

`python bot.py` builds or updates the index, then serves Telegram (long polling, or a webhook
when TELEGRAM_WEBHOOK_URL is set). Without TELEGRAM_BOT_TOKEN, or with `--console`, it is a
terminal chat using the same `retriever.ask()`. This is the only module that imports `telegram`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import logging
import os
import secrets
import signal
import sys
import time
import urllib.parse
from collections import OrderedDict, deque
from collections.abc import Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    filters,
)

import retriever
from botui import (
    ADMIN_COMMANDS,
    ADMIN_HELP,
    COMMANDS,
    EDITED_TEXT,
    EMPTY_TEXT,
    ERROR_TEXT,
    EXAMPLES,
    HELP_TEXT,
    INDEX_MISSING_TEXT,
    MEDIA_TEXT,
    NOT_ADMIN,
    NOT_ADMIN_UPLOAD,
    START_TEXT,
    TOO_OLD_TEXT,
    UNKNOWN_TEXT,
    Block,
    answer_blocks,
    append_feedback,
    docs_blocks,
    esc,
    pack,
    passage_blocks,
    place_upload,
    safe_filename,
    status_html,
    summary_line,
    summary_lines,
)
from retriever import Answer, IndexMissing, Settings, SettingsError
from retriever.readers import SUPPORTED

logger = logging.getLogger("bot")

ANSWERS_KEPT = 1000  # answers whose buttons still work; older clicks get a polite "too old"


@dataclass
class StoredAnswer:
    """An answer whose buttons may still be pressed."""

    answer: Answer
    chat_id: int
    user_id: int | None
    message_id: int | None = None


@dataclass
class BotState:
    """Everything the handlers share, kept in `application.bot_data["state"]`."""

    settings: Settings
    answers: OrderedDict[str, StoredAnswer] = field(default_factory=OrderedDict)
    asked: dict[int, deque[float]] = field(default_factory=dict)
    index_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    reindex_requested: bool = False
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
            self.answers.popitem(last=False)
        return key

    def flood_wait(self, user_id: int) -> float:
        """Seconds until `user_id` may ask again (0 = now), counting this question if allowed."""
        now = time.monotonic()
        recent = self.asked.setdefault(user_id, deque())
        while recent and now - recent[0] >= 60:
            recent.popleft()
        if len(recent) >= self.settings.flood_limit:
            return 60 - (now - recent[0])
        recent.append(now)
        return 0.0


def state_of(context: ContextTypes.DEFAULT_TYPE) -> BotState:
    """The shared state of this application."""
    return context.application.bot_data["state"]  # type: ignore[no-any-return]


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether the sender is listed in ADMIN_USER_IDS."""
    user = update.effective_user
    return user is not None and user.id in state_of(context).settings.admin_user_ids


def _entities_of(message: Message) -> dict[MessageEntity, str]:
    return message.parse_entities() if message.text else message.parse_caption_entities()


def _mentions_bot(entity: MessageEntity, text: str, bot_id: int, username: str) -> bool:
    if entity.type == MessageEntity.MENTION:
        return text.lower() == f"@{username}".lower()
    return entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot_id


def addressed_to_bot(message: Message, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """In a group: does this message mention the bot or reply to one of its messages?"""
    if message.chat.type == ChatType.PRIVATE:
        return True
    bot = context.bot
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
        return True
    return any(_mentions_bot(e, t, bot.id, bot.username) for e, t in _entities_of(message).items())


def strip_mentions(message: Message, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The message text without mentions of the bot (entity offsets are UTF-16, like Telegram's)."""
    text = message.text or message.caption or ""
    raw = text.encode("utf-16-le")
    spans = sorted(
        (e.offset * 2, (e.offset + e.length) * 2)
        for e, t in _entities_of(message).items()
        if _mentions_bot(e, t, context.bot.id, context.bot.username)
    )
    kept, last = [], 0
    for start, end in spans:
        kept.append(raw[last:start])
        last = end
    kept.append(raw[last:])
    question = b"".join(kept).decode("utf-16-le")
    return " ".join(question.split()).strip(" ,:;-—")


def command_argument(message: Message) -> str:
    """What follows `/command` (or `/command@bot`), newlines kept."""
    text = message.text or ""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


# ---------------------------------------------------------------------------------------------
# Officials
# ---------------------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what the assistant covers, with three example questions."""
    await update.message.reply_text(START_TEXT)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to ask; administrators also see their commands."""
    text = HELP_TEXT
    if is_admin(update, context):
        settings = state_of(context).settings
        text += ADMIN_HELP.format(exts=esc(", ".join(sorted(SUPPORTED))), mb=settings.max_upload_mb)
    await update.message.reply_text(text)


async def docs_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the indexed documents with their dates, split over several messages if long."""
    settings = state_of(context).settings
    try:
        manifest = await asyncio.to_thread(retriever.status, settings=settings)
    except IndexMissing:
        await update.message.reply_text(INDEX_MISSING_TEXT)
        return
    for i, text in enumerate(pack(docs_blocks(manifest))):
        await update.message.reply_text(text, do_quote=None if i == 0 else False)


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/ask QUESTION`: the way to ask in groups, also accepted in private chats."""
    await answer_question(update, context, command_argument(update.message))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any text in a private chat, or one addressed to the bot in a group, is a question."""
    message = update.message
    if not addressed_to_bot(message, context):
        return
    await answer_question(update, context, strip_mentions(message, context))


async def _keep_typing(message: Message) -> None:
    # Telegram shows "typing…" for 5 s; slow answers need it renewed.
    while True:
        await asyncio.sleep(4.5)
        with contextlib.suppress(TelegramError):
            await message.chat.send_action(ChatAction.TYPING)


async def answer_question(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Check the question, answer it from the documents off the event loop, and send it."""
    message = update.message
    state = state_of(context)
    limit = state.settings.max_question_chars
    if not question.strip():
        await message.reply_text(EMPTY_TEXT.format(example=esc(EXAMPLES[0])))
        return
    if len(question) > limit:
        await message.reply_text(
            f"That question is {len(question)} characters long; please keep it under {limit} "
            "characters (one question at a time works best)."
        )
        return
    wait = state.flood_wait(update.effective_user.id if update.effective_user else message.chat.id)
    if wait:
        await message.reply_text(
            f"You're asking faster than I can read — please wait about {max(1, round(wait))} s and try again."
        )
        return
    await message.chat.send_action(ChatAction.TYPING)
    typing = asyncio.create_task(_keep_typing(message))
    try:
        answer = await state.ask(question)
    except IndexMissing:
        await message.reply_text(INDEX_MISSING_TEXT)
        return
    finally:
        typing.cancel()
    await send_answer(message, state, answer)


async def send_answer(message: Message, state: BotState, answer: Answer) -> list[Message]:
    """The answer in HTML, split if long; the buttons go under the last part."""
    user = message.from_user
    stored = StoredAnswer(answer, message.chat.id, user.id if user else None)
    key = state.remember(stored)
    row = [InlineKeyboardButton("📚 Sources", callback_data=f"src:{key}")] if answer.citations else []
    row += [
        InlineKeyboardButton("👍", callback_data=f"up:{key}"),
        InlineKeyboardButton("👎", callback_data=f"dn:{key}"),
    ]
    texts = pack(answer_blocks(answer))
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


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Sources shows the quoted passages; 👍 / 👎 record feedback."""
    query = update.callback_query
    kind, _, key = (query.data or "").partition(":")
    stored = state_of(context).answers.get(key)
    if stored is None:
        await query.answer(TOO_OLD_TEXT, show_alert=True)
        return
    if kind == "src":
        await query.answer()
        reply_to = (
            ReplyParameters(stored.message_id, allow_sending_without_reply=True)
            if stored.message_id
            else None
        )
        for i, text in enumerate(pack(passage_blocks(stored.answer))):
            await context.bot.send_message(
                stored.chat_id, text, reply_parameters=reply_to if i == 0 else None
            )
    elif kind in ("up", "dn"):
        vote = "up" if kind == "up" else "down"
        message_id = query.message.message_id if query.message else stored.message_id
        append_feedback(
            state_of(context).settings.data_dir,
            stored.answer,
            vote=vote,
            user_id=query.from_user.id,
            chat_id=stored.chat_id,
            message_id=message_id,
        )
        thanks = "your feedback was recorded" if vote == "up" else "noted; the team will look at this answer"
        await query.answer(f"Thank you — {thanks}.")
    else:
        await query.answer()


async def on_media(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Photos, stickers, voice and the like: explain that only text questions work."""
    if addressed_to_bot(update.message, context):
        await update.message.reply_text(MEDIA_TEXT)


async def on_edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Edits are not re-answered (the old answer would silently go stale); say so."""
    message = update.edited_message
    if message is not None and addressed_to_bot(message, context):
        await message.reply_text(EDITED_TEXT)


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A short help line, in groups only for commands explicitly addressed to this bot."""
    message = update.message
    if message.chat.type != ChatType.PRIVATE:
        command = (message.text or "").split(maxsplit=1)[0]
        if not command.lower().endswith(f"@{context.bot.username}".lower()):
            return
    await message.reply_text(UNKNOWN_TEXT)


# ---------------------------------------------------------------------------------------------
# Administrators
# ---------------------------------------------------------------------------------------------


async def status_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The live index: version, documents, chunks, build time, model."""
    if not is_admin(update, context):
        await update.message.reply_text(NOT_ADMIN)
        return
    try:
        manifest = await asyncio.to_thread(retriever.status, settings=state_of(context).settings)
    except IndexMissing:
        await update.message.reply_text(INDEX_MISSING_TEXT)
        return
    await update.message.reply_text(status_html(manifest))


async def reindex_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Rebuild the index in the background; answers keep coming from the old one meanwhile."""
    state = state_of(context)
    if not is_admin(update, context):
        await update.message.reply_text(NOT_ADMIN)
        return
    if state.reindex_requested or state.index_lock.locked():
        await update.message.reply_text("A reindex is already running; I'll post its summary when it's done.")
        return
    state.reindex_requested = True  # set before the task starts, so a second /reindex sees it
    await update.message.reply_text("Reindexing… I keep answering from the current index meanwhile.")
    state.run_in_background(run_index(context, update.message))


async def run_index(
    context: ContextTypes.DEFAULT_TYPE, message: Message, new_file: Path | None = None
) -> None:
    """Index in a thread, one build at a time, then report; a bad new file is removed again."""
    state = state_of(context)
    settings = state.settings
    try:
        async with state.index_lock:
            summary = await asyncio.to_thread(retriever.index_documents, settings=settings)
    except Exception as exc:
        logger.exception("indexing failed")
        if new_file is not None:
            new_file.unlink(missing_ok=True)
        await message.reply_text(f"Indexing failed: {esc(str(exc))}\nThe previous index is still in use.")
        return
    finally:
        if new_file is None:
            state.reindex_requested = False
    logger.info(summary_line(summary))
    head = ""
    if new_file is not None:
        doc_id = new_file.relative_to(settings.documents_dir).as_posix()
        reasons = {s.id: s.reason for s in summary.skipped}
        if doc_id in reasons:
            # A file the reader can't use would be skipped again on every build; don't keep it.
            new_file.unlink(missing_ok=True)
            head = (
                f"<b>I couldn't add {esc(doc_id)}</b>: {esc(reasons[doc_id])}\n"
                "I removed the file; the collection and its index are unchanged.\n\n"
            )
        else:
            head = f"<b>Added {esc(doc_id)}.</b> Questions are now answered from it too.\n\n"
    lines = [esc(line) for line in summary_lines(summary)]
    for i, text in enumerate(pack(_lines_blocks(head + "\n".join(lines)))):
        await message.reply_text(text, do_quote=None if i == 0 else False)


def _lines_blocks(html_text: str) -> list[Block]:
    # Each line is already escaped HTML with balanced tags, so lines are safe split points.
    return [Block(line, line, sep="\n") for line in html_text.split("\n") if line.strip()]


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An administrator's file joins the collection and is indexed; nobody else's is fetched."""
    message = update.message
    if not addressed_to_bot(message, context):
        return
    if not is_admin(update, context):
        await message.reply_text(NOT_ADMIN_UPLOAD)  # checked before any download, on purpose
        return
    settings = state_of(context).settings
    document = message.document
    name = safe_filename(document.file_name or "document")
    ext = "." + name.rpartition(".")[2] if "." in name else ""
    if ext not in SUPPORTED:
        await message.reply_text(
            f"I can't add {esc(name)}: I read only {esc(', '.join(sorted(SUPPORTED)))} files."
        )
        return
    limit = int(settings.max_upload_mb * 1024 * 1024)
    too_big = f"{esc(name)} is too large: the limit is {settings.max_upload_mb:g} MB."
    if document.file_size is not None and document.file_size > limit:
        await message.reply_text(too_big)
        return
    telegram_file = await document.get_file()
    data = bytes(await telegram_file.download_as_bytearray())
    if len(data) > limit:
        await message.reply_text(too_big)
        return
    known = await asyncio.to_thread(_indexed_copy_of, settings, data)
    if known:
        await message.reply_text(f"That document is already in the collection as {esc(known)}.")
        return
    path, saved = await asyncio.to_thread(
        place_upload, settings.documents_dir, name, data, settings.data_dir / "uploads.tmp"
    )
    doc_id = path.relative_to(settings.documents_dir).as_posix()
    if not saved:
        await message.reply_text(f"That document is already in the collection as {esc(doc_id)}.")
        return
    renamed = f" (a different file named {esc(name)} is already there)" if path.name != name else ""
    await message.reply_text(f"Saved as {esc(doc_id)}{renamed}. Indexing it now…")
    state_of(context).run_in_background(run_index(context, message, new_file=path))


def _indexed_copy_of(settings: Settings, data: bytes) -> str | None:
    """The id of an indexed document with exactly these bytes, if any."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        documents = retriever.status(settings=settings).get("documents", {})
    except IndexMissing:
        return None
    return next((doc_id for doc_id, meta in documents.items() if meta.get("sha256") == digest), None)


# ---------------------------------------------------------------------------------------------
# Wiring
# ---------------------------------------------------------------------------------------------


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error and tell the user something went wrong, rather than going silent."""
    logger.error("Exception while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return
    with contextlib.suppress(TelegramError):
        if update.callback_query is not None:
            await update.callback_query.answer(ERROR_TEXT, show_alert=True)
            return
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, ERROR_TEXT)


async def post_init(application: Application) -> None:
    """Register the command menu and load the model before the first question arrives."""
    await application.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    settings: Settings = application.bot_data["state"].settings
    for admin_id in settings.admin_user_ids:
        # Fails for an admin who has never opened a chat with the bot; the commands work anyway.
        with contextlib.suppress(TelegramError):
            await application.bot.set_my_commands(
                [BotCommand(name, text) for name, text in COMMANDS + ADMIN_COMMANDS],
                scope=BotCommandScopeChat(admin_id),
            )
    try:
        await application.bot_data["state"].ask("EPR")
    except IndexMissing:
        logger.warning("no index yet: questions will be refused until /reindex builds one")
    except Exception:
        logger.exception("warm-up question failed; carrying on")


async def post_stop(application: Application) -> None:
    """Let a reindex in progress finish and report before the bot goes (the bot can still send)."""
    state: BotState = application.bot_data["state"]
    while state.background:
        await asyncio.gather(*list(state.background), return_exceptions=True)


async def post_shutdown(application: Application) -> None:
    """Release the question threads (every update has been answered by now)."""
    application.bot_data["state"].ask_pool.shutdown(wait=False, cancel_futures=True)


def build_application(settings: Settings, *, rate_limit: bool = True) -> Application:
    """The Telegram application with every handler registered.

    `rate_limit=False` drops Telegram's flood limits (about 30 requests a second), for measuring
    the bot's own capacity against a fake server; never against Telegram.
    """
    root = settings.telegram_api_base.rstrip("/")
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token)
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .defaults(
            Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True))
        )
        .concurrent_updates(True)
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
    )
    if rate_limit:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    application = builder.build()
    application.bot_data["state"] = BotState(settings)
    new = filters.UpdateType.MESSAGE
    application.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE, on_edited))
    for name, callback in (
        ("start", start),
        ("help", help_command),
        ("docs", docs_command),
        ("ask", ask_command),
        ("status", status_command),
        ("reindex", reindex_command),
    ):
        application.add_handler(CommandHandler(name, callback, filters=new))
    application.add_handler(MessageHandler(new & filters.COMMAND, on_unknown_command))
    media = (
        filters.PHOTO | filters.Sticker.ALL | filters.VOICE | filters.VIDEO | filters.VIDEO_NOTE
        | filters.AUDIO | filters.ANIMATION | filters.LOCATION | filters.CONTACT | filters.POLL
        | filters.Dice.ALL
    )  # fmt: skip
    application.add_handler(MessageHandler(new & media, on_media))  # before Document: GIFs are documents too
    application.add_handler(MessageHandler(new & filters.Document.ALL, on_document))
    application.add_handler(MessageHandler(new & filters.TEXT, on_text))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_error_handler(on_error)
    return application


def serve(application: Application, settings: Settings, *, in_thread: bool = False) -> None:
    """Long polling, or a webhook when one is configured; returns after SIGINT/SIGTERM.

    PTB's run_polling/run_webhook install the stop-signal handlers and, on stopping, wait for
    updates in progress and for tasks made with `create_task` (a reindex finishes, not halts).
    """
    kwargs: dict[str, Any] = {"allowed_updates": Update.ALL_TYPES}
    if in_thread:
        kwargs["stop_signals"] = None  # signal handlers can only be set in the main thread
    if settings.webhook_url:
        path = urllib.parse.urlsplit(settings.webhook_url).path.lstrip("/")
        application.run_webhook(
            listen=os.environ.get("TELEGRAM_WEBHOOK_LISTEN", "0.0.0.0"),
            port=settings.webhook_port,
            url_path=path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret or None,
            **kwargs,
        )
    else:
        application.run_polling(**kwargs)


def update_index(settings: Settings) -> None:
    """Build or refresh the index before serving (incremental: quick when nothing changed)."""
    try:
        summary = retriever.index_documents(settings=settings)
    except Exception as exc:
        print(f"bot.py: could not update the index ({exc}); serving the existing one", file=sys.stderr)
        return
    print(summary_line(summary), file=sys.stderr)
    for skipped in summary.skipped:
        print(f"  skipped {skipped.id}: {skipped.reason}", file=sys.stderr)


def run_console(settings: Settings, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """A terminal chat: one question per line until EOF or "quit"."""
    interactive = stdin.isatty()
    print("Plastic Policy Assistant — type a question; 'quit' or Ctrl-D leaves.", file=sys.stderr)
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
            print(f"Please keep questions under {settings.max_question_chars} characters.", file=stdout)
            continue
        try:
            answer = retriever.ask(question, settings=settings)
            print(retriever.render_text(answer) + "\n", file=stdout, flush=True)
        except IndexMissing:
            print("There is no index yet: run `python -m retriever index`.", file=stdout, flush=True)
        except Exception as exc:
            logger.exception("question failed")
            print(f"Sorry, something went wrong: {exc}", file=stdout, flush=True)
    return 0


def _exit_quietly(signum: int, frame: object) -> None:
    raise SystemExit(0)


def main(argv: Sequence[str] | None = None) -> int:
    """Update the index, then serve Telegram, or a terminal chat without a token."""
    parser = argparse.ArgumentParser(
        description="The Plastic Policy Assistant (Telegram bot or terminal chat)."
    )
    parser.add_argument("--console", action="store_true", help="chat in the terminal instead of Telegram")
    args = parser.parse_args(argv)
    try:
        settings = retriever.load_settings()
    except SettingsError as exc:
        print(f"bot.py: {exc}", file=sys.stderr)
        return 2
    console = args.console or not settings.telegram_bot_token
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        level=logging.WARNING if console else logging.INFO,
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request drowns everything
    if console and not args.console:
        print("TELEGRAM_BOT_TOKEN is not set: starting the terminal chat instead.", file=sys.stderr)
    # Until run_polling/run_webhook install their own handlers (and always in the terminal chat),
    # SIGTERM ends the process the way Ctrl-C would: cleanly, exit status 0. A build it interrupts
    # is never half-visible: the index switches versions atomically.
    signal.signal(signal.SIGTERM, _exit_quietly)
    update_index(settings)
    if console:
        return run_console(settings)
    serve(build_application(settings), settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
