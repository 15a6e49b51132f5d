"""What the bot keeps between updates, with no Telegram in it: answers whose buttons still work, votes,
each chat's language, each asker's last question (for follow-ups), flood control, confirmations put to
administrators, event pages."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import secrets
import tempfile
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import retriever
from botsettings import BotSettings
from retriever import Answer, Event, Settings, staging, store, texts
from retriever.catalog import facts_of
from retriever.embedding import available_cores
from retriever.lang import detect

logger = logging.getLogger("bot")

ANSWERS_KEPT = 1000  # answers whose buttons still work; older clicks get a polite "too old"
PENDING_KEPT = 50  # unanswered confirmations kept (each may hold an uploaded file in memory)
VIEWS_KEPT = 200  # /events lists whose "More" button still works
QUESTIONS_KEPT = 1000  # askers whose last question a follow-up ("and where?") is read with
# A follow-up this long after the question before it is read on its own: a conversation has moved on.
FOLLOW_UP_S = 30 * 60
LANGUAGES_FILE = "languages.json"  # in the data dir: {chat id: language code} chosen with /language

Chats = dict[int, tuple[int | None, str]]  # chat id -> (message to reply to, language)


@dataclass
class StoredAnswer:
    """An answer whose buttons may still be pressed, and where it was sent."""

    answer: Answer
    chat_id: int
    user_id: int | None
    message_id: int | None = None

    @property
    def lang(self) -> str:
        """The language of the bot's words around this answer: the answer's own."""
        return self.answer.lang

    def pressed_on(self, chat_id: int | None, message_id: int | None) -> bool:
        """Whether a button press came from the message this answer was sent as (callback data can
        be forged); its id is known once Telegram confirmed the send, and a press may come first."""
        return chat_id == self.chat_id and self.message_id in (None, message_id)


@dataclass
class Pending:
    """Work on the collection for one chat: in hand ("add", "remove"), or a question put to an
    administrator with confirm/cancel buttons ("replace", "publish_add", "publish_remove",
    "publish_reindex", and "publish_staged": a staged version whose gold figures dropped)."""

    kind: str
    chat_id: int
    reply_to: int | None
    name: str = ""
    data: bytes = b""
    replace: bool = False
    lang: str = texts.DEFAULT
    staged: staging.Staged | None = None  # the version put to the admin by "publish_staged"


@dataclass
class EventsView:
    """An /events list being paged through in one chat."""

    chat_id: int
    events: list[Event]
    lang: str
    shown: int = 0

    def next_page(self, size: int, today: date) -> tuple[list[Event], bool | None]:
        """The next `size` events, and whether the one shown before them was upcoming (None: first)."""
        page = self.events[self.shown : self.shown + size]
        previous = None if self.shown == 0 else self.events[self.shown - 1].last_day() >= today
        self.shown += len(page)
        return page, previous

    @property
    def left(self) -> int:
        """Events not shown yet."""
        return len(self.events) - self.shown


class LanguageChoices:
    """Each chat's fixed language (`/language CODE`), kept in data_dir/languages.json across restarts."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LANGUAGES_FILE
        self._lock = threading.Lock()
        self._choices: dict[str, str] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            self._choices = {str(k): str(v) for k, v in loaded.items() if v in texts.LANGUAGES}
        except FileNotFoundError:
            pass
        except (OSError, ValueError, AttributeError) as exc:
            # A damaged file costs the chats their choice, never the bot its start.
            logger.warning("ignoring %s: %s", self.path, exc)

    def get(self, chat_id: int) -> str | None:
        """The language fixed for `chat_id`, or None (follow each question)."""
        return self._choices.get(str(chat_id))

    def set(self, chat_id: int, lang: str | None) -> None:
        """Fix the chat's language (None: back to each question's), written through to the file."""
        with self._lock:
            if lang is None:
                self._choices.pop(str(chat_id), None)
            else:
                self._choices[str(chat_id)] = lang
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Written whole and renamed into place: a crash leaves the old file or the new, never half.
            with tempfile.NamedTemporaryFile(
                "w", dir=self.path.parent, delete=False, encoding="utf-8", suffix=".tmp"
            ) as tmp:
                json.dump(self._choices, tmp, ensure_ascii=False, indent=1)
            os.replace(tmp.name, self.path)


def parse_language(argument: str) -> str | None:
    """The language `/language ARG` names ("ms", "th-TH", "Bahasa Melayu"); None if not served."""
    wanted = argument.strip().lower()
    if not wanted:
        return None
    for code in texts.LANGUAGES:
        if wanted == texts.t("language_name", code).lower():
            return code
    code = texts.language(wanted)
    # texts.language falls back to English: only an English request gets English.
    return code if code != texts.DEFAULT or wanted.split("-")[0] in ("en", "english") else None


@dataclass
class BotState:
    """Everything the handlers share: the application's `bot_data`."""

    settings: Settings = field(default_factory=Settings)
    bot: BotSettings = field(default_factory=BotSettings)
    answers: OrderedDict[str, StoredAnswer] = field(default_factory=OrderedDict)
    votes: dict[tuple[str, int], str] = field(default_factory=dict)
    pending: OrderedDict[str, Pending] = field(default_factory=OrderedDict)
    views: OrderedDict[str, EventsView] = field(default_factory=OrderedDict)
    asked: dict[int, deque[float]] = field(default_factory=dict)
    # (chat, user) -> (last whole question and when): in a group each member's own thread
    last_questions: OrderedDict[tuple[int, int], tuple[str, float]] = field(default_factory=OrderedDict)
    build_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    reindex_waiters: list[tuple[int, int | None, str]] = field(default_factory=list)  # chat, message, lang
    reindex_running: bool = False
    # Questions get their own threads, one per core the process may use, as many as the embedder
    # runs at once: more only oversubscribes the CPU (tests/bench_bot.py: 6 threads gave a worse p95
    # and throughput than 2; tests/bench_load.py: 3 or 4 no better than 2), and an index build,
    # which runs in the loop's default executor, never takes a question's thread.
    ask_pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max(2, available_cores()), thread_name_prefix="ask")
    )
    background: set[asyncio.Task[None]] = field(default_factory=set)
    _languages: LanguageChoices | None = None
    # (live version, id -> document, lang -> id -> facts label)
    _documents: tuple[str, dict[str, dict[str, Any]], dict[str, dict[str, str]]] | None = None

    def run_in_background(self, coroutine: Coroutine[Any, Any, None]) -> None:
        """Start a task that shutdown waits for (see bot.post_stop).

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

    async def ask(self, question: str, lang: str | None = None, previous: str = "") -> Answer:
        """`retriever.ask` off the event loop: one slow question never holds up other users."""
        loop = asyncio.get_running_loop()
        ask = partial(retriever.ask, question, lang=lang, settings=self.settings, previous=previous)
        return await loop.run_in_executor(self.ask_pool, ask)

    def answer_sent_as(self, chat_id: int, message_id: int) -> StoredAnswer | None:
        """The answer sent as that message (its last part), while its buttons still work."""
        where = (chat_id, message_id)
        return next((a for a in reversed(self.answers.values()) if (a.chat_id, a.message_id) == where), None)

    def previous_question(self, chat_id: int, user_id: int) -> str:
        """The question this user last asked in this chat, if recent enough for a follow-up to lean on."""
        question, at = self.last_questions.get((chat_id, user_id), ("", 0.0))
        return question if time.monotonic() - at < FOLLOW_UP_S else ""

    def keep_question(self, chat_id: int, user_id: int, question: str) -> None:
        """Remember a whole question, for the follow-ups that may come next."""
        self.last_questions[(chat_id, user_id)] = (question, time.monotonic())
        self.last_questions.move_to_end((chat_id, user_id))
        while len(self.last_questions) > QUESTIONS_KEPT:
            self.last_questions.popitem(last=False)

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

    def take_reindex_waiters(self) -> Chats:
        """The chats waiting for a /reindex, one report each, and nobody waiting any more."""
        waiters, self.reindex_waiters = self.reindex_waiters, []
        return {chat: (reply_to, lang) for chat, reply_to, lang in waiters}

    def may_confirm(self, pending: Pending, chat_id: int | None, user_id: int) -> bool:
        """Only an administrator confirms, and only in the chat the question was put to."""
        return chat_id == pending.chat_id and self.is_admin(user_id)

    def settle(self, key: str) -> None:
        """A confirmation was answered: it goes, with the same staged version put to other chats."""
        pending = self.pending.pop(key)
        if pending.staged is not None:
            for other in [k for k, p in self.pending.items() if p.staged is pending.staged]:
                del self.pending[other]

    def cast_vote(self, key: str, user_id: int, vote: str) -> str | None:
        """Keep `user_id`'s vote on answer `key`; the vote it had before (the same: nothing changed)."""
        previous = self.votes.get((key, user_id))
        self.votes[(key, user_id)] = vote
        return previous

    def keep_view(self, view: EventsView) -> str:
        """Keep an /events list for its "More" button; the key goes into the callback data."""
        key = secrets.token_urlsafe(6)
        self.views[key] = view
        while len(self.views) > VIEWS_KEPT:
            self.views.popitem(last=False)
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

    @property
    def languages(self) -> LanguageChoices:
        """The chats' language choices, read from the data dir on first use."""
        if self._languages is None or self._languages.path.parent != self.settings.data_dir:
            self._languages = LanguageChoices(self.settings.data_dir)
        return self._languages

    def language(self, chat_id: int, question: str = "", user_code: str | None = None) -> str:
        """The bot's language in a chat: its fixed choice, else the question's, else the user's client's."""
        fixed = self.languages.get(chat_id)
        if fixed:
            return fixed
        app = texts.language(user_code)
        if any(ch.isalpha() for ch in question):  # emoji or punctuation say nothing of a language
            asked = texts.language(detect(question))
            # Malay and Indonesian share most question words, which detection calls Indonesian: a
            # user whose app is set to the other of the two reads that one.
            return app if {asked, app} == {"ms", "id"} else asked
        return app

    def documents(self) -> dict[str, dict[str, Any]]:
        """The live index's documents (id -> title, date, source, facts), read once per version."""
        # CURRENT names the live version: a few bytes to read, where the manifest is tens of kB.
        version = f"{self.settings.index_dir}:{store.current_version(self.settings.index_dir)}"
        if self._documents is None or self._documents[0] != version:
            docs = {d["id"]: d for d in retriever.documents(self.settings)}
            self._documents = (version, docs, {})
        return self._documents[1]

    def fact_labels(self, lang: str = texts.DEFAULT) -> dict[str, str]:
        """doc_id -> its facts in one line in `lang` ("Malaysia, Kuala Lumpur · event · …"); empty
        without an index."""
        try:
            self.documents()
        except (retriever.IndexMissing, OSError, ValueError, KeyError):
            return {}
        assert self._documents is not None
        _, docs, by_lang = self._documents  # one version's documents and labels, read together
        if lang not in by_lang:  # written once per version and language
            by_lang[lang] = {k: facts_of(d).label(lang) for k, d in docs.items()}
        return by_lang[lang]
