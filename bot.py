#!/usr/bin/env python
"""The Plastic Policy Assistant on Telegram: answers quoted from the documents, with sources.

`python bot.py` serves Telegram (long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set) from
the last good index at once and brings the index up to date in the background (the first index,
if there is none, is built before serving). Without TELEGRAM_BOT_TOKEN, or with `--console`, it is
a terminal chat using the same `retriever.ask()` (botconsole.py). This is the only module that
imports `telegram`: handlers and wiring. Its settings are botsettings.py; what users send is read and
checked by botinput.py, buttons are botbuttons.py; what it keeps (answers, votes, languages) is
botstate.py; the administrators' work on the collection and its reports is botadmin.py, and what that
hands to threads (gated builds, the feedback file) botjobs.py; every sentence it sends comes from the
text catalogue (retriever/locales) through botui.py, in the chat's language: the one fixed with
/language, else the question's, else the user's Telegram client's.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import logging
import os
import signal
import sys
from collections.abc import Callable, Container, Coroutine, Sequence
from typing import Any

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
from telegram.constants import ChatAction, ChatMemberStatus, ChatType, ParseMode
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

import botadmin
import botbuttons as buttons
import botinput
import botui as ui
import retriever
from botbuttons import Button
from botconsole import has_index, run_console, update_index
from botjobs import gold_candidate, record_vote
from botsettings import BotSettings, load_bot_settings
from botstate import ANSWERS_KEPT, BotState, EventsView, Pending, StoredAnswer, parse_language
from botui import esc, pack
from retriever import Answer, IndexMissing, Settings, SettingsError, feedback, texts
from retriever.chatter import is_smalltalk
from retriever.collection import find_documents
from retriever.followup import whole_question
from retriever.listing import filter_note, listing_asked, narrowed
from retriever.texts import t

__all__ = ["ANSWERS_KEPT", "BotSettings", "BotState", "StoredAnswer", "load_bot_settings", "main"]

logger = logging.getLogger("bot")


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
    """The message text without mentions of the bot."""
    spans = [(e.offset, e.length) for e in _bot_mentions(message)]
    return botinput.without_spans(message.text or message.caption or "", spans)


def command_argument(message: Message) -> str:
    """What follows `/command` (or `/command@bot`), newlines kept."""
    return botinput.command_argument(message.text or "")


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


def keyboard(row: Sequence[Button]) -> InlineKeyboardMarkup | None:
    """One row of inline buttons, or none."""
    if not row:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data) for label, data in row]])


class Sender:
    """botadmin's Outbox on the Bot API: messages in order, the first a reply, the last with buttons.

    A `quiet` Sender drops a message Telegram refuses, and the parts after it, instead of raising.
    """

    def __init__(self, bot: ExtBot[None], quiet: bool = False) -> None:
        self.bot = bot
        self.quiet = quiet

    async def send(
        self, chat_id: int, parts: list[str], reply_to: int | None, row: Sequence[Button] = ()
    ) -> None:
        """Send `parts` to `chat_id`; the reply is dropped if `reply_to` no longer exists."""
        first = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
        try:
            for i, text in enumerate(parts):
                reply = first if i == 0 else None
                markup = keyboard(row) if i == len(parts) - 1 else None
                await self.bot.send_message(chat_id, text, reply_parameters=reply, reply_markup=markup)
        except TelegramError:
            if not self.quiet:
                raise


# ---------------------------------------------------------------------------------------------
# Officials
# ---------------------------------------------------------------------------------------------


def chat_language(update: Update, context: BotContext, question: str = "") -> str:
    """The bot's language for this update: the chat's choice, else the question's, else the user's app's."""
    chat = update.effective_chat
    user = update.effective_user
    chat_id = chat.id if chat else (user.id if user else 0)
    return context.bot_data.language(chat_id, question, user.language_code if user else None)


async def start(update: Update, context: BotContext) -> None:
    """Say what the assistant covers, with three example questions."""
    assert update.message
    await update.message.reply_text(ui.start_text(chat_language(update, context)))


async def help_command(update: Update, context: BotContext) -> None:
    """Explain how to ask; administrators also see their commands."""
    assert update.message
    state = context.bot_data
    lang = chat_language(update, context)
    admin = state.is_admin(update.effective_user and update.effective_user.id)
    exts = retriever.supported_types() if admin else None
    text = ui.help_text(lang, exts, state.settings.max_upload_mb)
    await update.message.reply_text(text)


async def _may_set_language(message: Message, state: BotState) -> bool:
    """Anyone in a private chat; in a group only its Telegram administrators and the bot's own."""
    user = message.from_user
    if message.chat.type == ChatType.PRIVATE or state.is_admin(user and user.id):
        return True
    if message.sender_chat is not None and message.sender_chat.id == message.chat.id:
        return True  # an anonymous administrator writes as the group itself
    if user is None:
        return False
    try:
        member = await message.chat.get_member(user.id)
    except TelegramError as exc:
        # Fails closed: when Telegram cannot say who the group's administrators are, nobody but the
        # bot's own administrators changes the group's language.
        logger.warning("getChatMember failed in chat %s: %s", message.chat.id, exc)
        return False
    return member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)


async def language_command(update: Update, context: BotContext) -> None:
    """`/language CODE` fixes the chat's language, `/language auto` clears it, `/language` shows it.

    Anyone may look; in a group only its administrators (Telegram's or the bot's) may change it.
    """
    message = update.message
    assert message
    state = context.bot_data
    argument = command_argument(message)
    if not argument:
        lang = chat_language(update, context)
        await message.reply_text(ui.language_text(lang, state.languages.get(message.chat.id)))
        return
    if not await _may_set_language(message, state):
        await message.reply_text(esc(t("language_admins_only", chat_language(update, context))))
        return
    if argument.lower() == "auto":
        await asyncio.to_thread(state.languages.set, message.chat.id, None)
        lang = chat_language(update, context)
        await message.reply_text(esc(t("language_auto", lang)))
        return
    chosen = parse_language(argument)
    if chosen is None:
        await message.reply_text(ui.language_unknown_text(argument, chat_language(update, context)))
        return
    await asyncio.to_thread(state.languages.set, message.chat.id, chosen)
    await message.reply_text(ui.language_set_text(chosen))


async def docs_command(update: Update, context: BotContext) -> None:
    """List the indexed documents with their dates and facts, split over several messages if long."""
    assert update.message
    await send_listing(update.message, context.bot_data, chat_language(update, context), "", "documents")


async def events_command(update: Update, context: BotContext) -> None:
    """Events in the documents, upcoming first, then recent, a page at a time with a "More" button."""
    assert update.message
    await send_events(update.message, context.bot_data, chat_language(update, context))


async def send_events(
    message: Message, state: BotState, lang: str, within: Container[str] | None = None
) -> None:
    """The first page of the events list (of the documents `within`, else all)."""
    try:
        events = await asyncio.to_thread(retriever.events, settings=state.settings)
    except IndexMissing:
        await message.reply_text(t("index_missing_text", lang))
        return
    events = [e for e in events if within is None or e.doc_id in within]
    if not events:
        await message.reply_text(esc(t("events_none", lang)))
        return
    key = state.keep_view(EventsView(message.chat.id, events, lang))
    await send_events_page(message.get_bot(), state, key, message.message_id)


async def send_listing(message: Message, state: BotState, lang: str, question: str, listing: str) -> None:
    """A request for the documents or events list ("list the documents about Indonesia"), narrowed by
    the filter it states, which is named as an answer's is."""
    try:
        manifest = await asyncio.to_thread(retriever.status, settings=state.settings)
    except IndexMissing:
        await message.reply_text(t("index_missing_text", lang))
        return
    documents, stated = narrowed(question, manifest.get("documents", {}))
    note = filter_note(stated, lang)
    if listing == "events":
        if note:
            await message.reply_text(esc(note))
        await send_events(message, state, lang, None if stated.empty() else documents)
        return
    labels = await asyncio.to_thread(state.fact_labels, lang)
    blocks = ui.docs_blocks({**manifest, "documents": documents}, labels, lang)
    if note:
        blocks.append(ui.text_block(note, sep="\n\n"))
    for i, text in enumerate(pack(blocks)):
        await message.reply_text(text, do_quote=None if i == 0 else False)


async def send_events_page(bot: ExtBot[None], state: BotState, key: str, reply_to: int | None) -> None:
    """The next page of an /events list; its last message carries "More" while events remain."""
    view = state.views[key]
    today = dt.date.today()
    page, previous = view.next_page(ui.EVENTS_PAGE, today)
    documents = await asyncio.to_thread(state.documents)
    blocks = ui.event_blocks(
        page, documents, view.lang, lambda e: e.last_day() >= today, previous=previous, total=len(view.events)
    )
    more = buttons.more_events_button(key, view.left, view.lang)
    await Sender(bot).send(view.chat_id, pack(blocks), reply_to, more)


async def ask_command(update: Update, context: BotContext) -> None:
    """`/ask QUESTION`: the way to ask in groups, also accepted in private chats."""
    assert update.message
    await answer_question(update, context, command_argument(update.message))


async def on_text(update: Update, context: BotContext) -> None:
    """Text in a private chat, or addressed to the bot in a group (see TO_BOT), is a question."""
    assert update.message
    await answer_question(update, context, strip_mentions(update.message))


async def _keep_typing(message: Message, sending: asyncio.Lock, after_s: float) -> None:
    # Only a slow answer shows "typing…"; Telegram shows it for 5 s, so it is renewed.
    await asyncio.sleep(after_s)
    while True:
        async with sending:
            with contextlib.suppress(TelegramError):
                await message.chat.send_action(ChatAction.TYPING)
        await asyncio.sleep(4.5)


async def answer_question(update: Update, context: BotContext, question: str) -> None:
    """Check the question, answer it from the documents off the event loop, and send it."""
    message = update.message
    assert message
    state = context.bot_data
    lang = chat_language(update, context, question)
    refusal = botinput.question_refusal(question, state.settings.max_question_chars, lang)
    if refusal:
        await message.reply_text(refusal)
        return
    wait = state.flood_wait(message.from_user.id if message.from_user else message.chat.id)
    if wait:
        await message.reply_text(t("flood_text", lang, seconds=max(1, round(wait))))
        return
    if listing := listing_asked(question):  # "list the documents about Indonesia": the list, not a quote
        await send_listing(message, state, lang, question, listing)
        return
    # "typing…" goes out while the question is worked on, and only when it takes a while.
    sending = asyncio.Lock()
    typing = asyncio.create_task(_keep_typing(message, sending, state.bot.typing_after_ms / 1000))
    try:
        # The answer's words are in the bot's language for this chat (fixed, else the question's).
        asker = (message.chat.id, message.from_user.id if message.from_user else message.chat.id)
        # A reply to one of the bot's answers follows on from that answer's question, whoever asked it.
        replied = message.reply_to_message
        earlier = state.answer_sent_as(message.chat.id, replied.message_id) if replied else None
        previous = earlier.answer.question if earlier else state.previous_question(*asker)
        answer = await state.ask(question, lang, previous)
        if not is_smalltalk(question):  # a follow-up's follow-up leans on the same whole question
            state.keep_question(*asker, whole_question(question, previous))
    except IndexMissing:
        await message.reply_text(t("index_missing_text", lang))
        return
    finally:
        async with sending:  # a "typing…" already on its way lands before the answer
            typing.cancel()
    if gold_candidate(question, answer):
        await asyncio.to_thread(feedback.record, state.settings.data_dir, question, answer, "refused")
    await send_answer(message, state, answer)


async def send_answer(message: Message, state: BotState, answer: Answer) -> list[Message]:
    """The answer in HTML, split if long, in its own language; the buttons go under the last part."""
    user = message.from_user
    stored = StoredAnswer(answer, message.chat.id, user.id if user else None)
    key = state.remember(stored)
    row = buttons.answer_buttons(key, answer.lang, sources=bool(answer.citations))
    labels = await asyncio.to_thread(state.fact_labels, answer.lang) if answer.citations else {}
    texts_ = pack(ui.answer_blocks(answer, labels))
    sent: list[Message] = []
    for i, text in enumerate(texts_):
        last = i == len(texts_) - 1
        sent.append(
            await message.reply_text(
                text,
                do_quote=None if i == 0 else False,
                reply_markup=keyboard(row) if last else None,
            )
        )
    stored.message_id = sent[-1].message_id
    return sent


async def on_button(update: Update, context: BotContext) -> None:
    """Sources, votes, "More" events and administrators' confirmations; each checked against its chat."""
    query = update.callback_query
    assert query
    state = context.bot_data
    kind, key = buttons.read(query.data)
    if kind in ("ok", "no"):
        await on_confirmation(update, context, kind == "ok", key)
        return
    if kind == "ev":
        await on_more_events(update, context, key)
        return
    stored = state.answers.get(key)
    if stored is None:
        await answer_query(query, t("too_old_text", chat_language(update, context)), alert=True)
        return
    lang = stored.lang
    chat_id = query.message.chat.id if query.message else None
    message_id = query.message.message_id if query.message else None
    if not stored.pressed_on(chat_id, message_id):
        await answer_query(query, t("wrong_chat_text", lang), alert=True)
        return
    if kind == "src":
        await answer_query(query)
        labels = await asyncio.to_thread(state.fact_labels, stored.answer.lang)
        blocks = ui.passage_blocks(stored.answer, labels)
        await botadmin.send_html(Sender(context.bot), stored.chat_id, blocks, stored.message_id)
    elif kind in buttons.VOTES:
        vote = buttons.VOTES[kind]
        previous = state.cast_vote(key, query.from_user.id, vote)
        if previous != vote:
            await asyncio.to_thread(
                record_vote,
                state.settings.data_dir,
                stored.answer,
                answer_id=key,
                vote=vote,
                user_id=query.from_user.id,
                chat_id=stored.chat_id,
                message_id=stored.message_id,
            )
        await answer_query(query, buttons.vote_reply(vote, previous, lang))
    else:
        await answer_query(query)


async def on_more_events(update: Update, context: BotContext, key: str) -> None:
    """The "More" button of an /events list: the next page, only in the chat the list was sent to."""
    query = update.callback_query
    assert query
    state = context.bot_data
    view = state.views.get(key)
    if view is None:
        await answer_query(query, t("events_gone", chat_language(update, context)), alert=True)
        return
    if query.message is None or query.message.chat.id != view.chat_id:
        await answer_query(query, t("wrong_chat_text", view.lang), alert=True)
        return
    await answer_query(query)
    with contextlib.suppress(TelegramError):  # the pressed button goes; the next page brings its own
        await context.bot.edit_message_reply_markup(view.chat_id, query.message.message_id)
    if view.shown < len(view.events):
        await send_events_page(context.bot, state, key, None)


async def on_media(update: Update, context: BotContext) -> None:
    """Photos, stickers, voice and the like: explain that only text questions work."""
    assert update.message
    await update.message.reply_text(t("media_text", chat_language(update, context)))


async def on_edited(update: Update, context: BotContext) -> None:
    """Edits are not re-answered (the old answer would silently go stale); say so."""
    if update.edited_message is not None:
        lang = chat_language(update, context, update.edited_message.text or "")
        await update.edited_message.reply_text(t("edited_text", lang))


async def on_unknown_command(update: Update, context: BotContext) -> None:
    """A short help line, in groups only for commands explicitly addressed to this bot."""
    message = update.message
    assert message
    if message.chat.type != ChatType.PRIVATE and not botinput.for_this_bot(
        message.text or "", context.bot.username
    ):
        return
    await message.reply_text(t("unknown_text", chat_language(update, context)))


# ---------------------------------------------------------------------------------------------
# Administrators
# ---------------------------------------------------------------------------------------------


async def _admin_only(update: Update, context: BotContext) -> Message | None:
    """The message, if its sender is an administrator; otherwise a polite refusal and None."""
    message = update.message
    assert message
    if context.bot_data.is_admin(message.from_user and message.from_user.id):
        return message
    await message.reply_text(t("not_admin", chat_language(update, context)))
    return None


async def status_command(update: Update, context: BotContext) -> None:
    """The live index: version, documents, chunks, build time, model."""
    if (message := await _admin_only(update, context)) is None:
        return
    lang = chat_language(update, context)
    try:
        manifest = await asyncio.to_thread(retriever.status, settings=context.bot_data.settings)
    except IndexMissing:
        await message.reply_text(t("index_missing_text", lang))
        return
    await message.reply_text(ui.status_html(manifest, lang))


async def reindex_command(update: Update, context: BotContext) -> None:
    """Rebuild in the background; a /reindex during a build queues exactly one more build after it."""
    if (message := await _admin_only(update, context)) is None:
        return
    state = context.bot_data
    lang = chat_language(update, context)
    state.reindex_waiters.append((message.chat.id, message.message_id, lang))
    if state.reindex_running:
        await message.reply_text(t("reindex_queued", lang))
        return
    state.reindex_running = True  # set before the task starts, so a second /reindex sees it
    # Taken now, not when the task first runs: a /reindex told "queued" must not join this build.
    first = state.take_reindex_waiters()
    await message.reply_text(t("reindex_started", lang))
    state.run_in_background(botadmin.reindex_loop(Sender(context.bot), state, first))


async def on_document(update: Update, context: BotContext) -> None:
    """An administrator's file is fetched, checked and added; nobody else's is even downloaded."""
    message = update.message
    assert message and message.document
    state = context.bot_data
    lang = chat_language(update, context)
    if not state.is_admin(message.from_user and message.from_user.id):
        await message.reply_text(t("not_admin_upload", lang))  # checked before any download, on purpose
        return
    document = message.document
    name = botinput.upload_name(document.file_name)
    refusal = botinput.upload_refusal(name, document.file_size, state.settings.max_upload_mb, lang)
    if refusal:
        await message.reply_text(refusal)
        return
    try:
        telegram_file = await document.get_file()
        data = bytes(await telegram_file.download_as_bytearray())
    except TelegramError as exc:
        logger.warning("could not fetch %s: %s", name, exc)
        await message.reply_text(botinput.download_failure(name, str(exc), lang))
        return
    await message.reply_text(t("upload_received", lang, name=esc(name)))
    pending = Pending("add", message.chat.id, message.message_id, name, data, lang=lang)
    state.run_in_background(botadmin.add_and_report(Sender(context.bot), state, pending))


async def remove_command(update: Update, context: BotContext) -> None:
    """`/remove NAME`: take one document out of the collection and reindex."""
    if (message := await _admin_only(update, context)) is None:
        return
    state = context.bot_data
    lang = chat_language(update, context)
    name = command_argument(message)
    if not name:
        await message.reply_text(t("remove_usage", lang, example="report.pdf"))
        return
    matches = await asyncio.to_thread(find_documents, name, settings=state.settings)
    refusal = botinput.remove_refusal(name, matches, lang)
    if refusal:
        await message.reply_text(refusal)
        return
    await message.reply_text(t("removing_text", lang, name=esc(matches[0])))
    job = Pending("remove", message.chat.id, message.message_id, matches[0], lang=lang)
    state.run_in_background(botadmin.remove_and_report(Sender(context.bot), state, job))


async def on_confirmation(update: Update, context: BotContext, confirmed: bool, key: str) -> None:
    """Replace / publish buttons: only an administrator, only in the chat asked, only once."""
    query = update.callback_query
    assert query
    state = context.bot_data
    pending = state.pending.get(key)
    if pending is None:
        await answer_query(query, t("confirm_gone_text", chat_language(update, context)), alert=True)
        return
    lang = pending.lang
    chat_id = query.message.chat.id if query.message else None
    if not state.may_confirm(pending, chat_id, query.from_user.id):
        await answer_query(query, t("confirm_not_yours", lang), alert=True)
        return
    state.settle(key)
    await answer_query(query, t("confirm_working", lang) if confirmed else None)
    if query.message is not None:  # the question is answered: its buttons go
        with contextlib.suppress(TelegramError):
            await context.bot.edit_message_reply_markup(pending.chat_id, query.message.message_id)
    await botadmin.answer_confirmation(Sender(context.bot), state, pending, confirmed)


# ---------------------------------------------------------------------------------------------
# Wiring
# ---------------------------------------------------------------------------------------------


async def on_error(update: object, context: BotContext) -> None:
    """Log the error and tell the user something went wrong, rather than going silent."""
    logger.error("Exception while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return
    text = t("error_text", chat_language(update, context))
    with contextlib.suppress(TelegramError):
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
            return
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, text)


async def post_init(application: BotApp) -> None:
    """Register the command menus, one per language (Telegram shows the one of the user's app);
    warming up and refreshing the index happen in the background."""
    bot = application.bot
    state = application.bot_data
    for lang in texts.LANGUAGES:
        code = ui.menu_language(lang)
        await bot.set_my_commands([BotCommand(*c) for c in ui.commands(lang)], language_code=code)
        for admin_id in state.bot.admin_user_ids:
            # Fails for an admin who has never opened a chat with the bot; the commands work anyway.
            with contextlib.suppress(TelegramError):
                await bot.set_my_commands(
                    [BotCommand(*c) for c in ui.commands(lang, admin=True)],
                    scope=BotCommandScopeChat(admin_id),
                    language_code=code,
                )
    # Start-up reports go to administrators who may never have opened a chat with the bot.
    state.run_in_background(botadmin.refresh_on_start(Sender(bot, quiet=True), state))


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
        ("events", events_command),
        ("language", language_command),
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
        application.run_webhook(
            listen=os.environ.get("TELEGRAM_WEBHOOK_LISTEN", "0.0.0.0"),
            port=bot_settings.webhook_port,
            url_path=bot_settings.webhook_path,
            webhook_url=bot_settings.webhook_url,
            secret_token=bot_settings.webhook_secret or None,
            **kwargs,
        )
    else:
        application.run_polling(**kwargs)


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
        print(t("no_token_text"), file=sys.stderr)
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
