"""The terminal chat (`python bot.py --console`, or no TELEGRAM_BOT_TOKEN) and foreground builds: the
same `retriever.ask()` as the bot, and its /start, /help, /docs and /language in the bot's words, with
no Telegram in it."""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
import sys
from dataclasses import dataclass
from typing import TextIO

import botui as ui
import retriever
from botinput import command_argument, question_refusal
from botstate import parse_language
from retriever import IndexMissing, Settings, texts
from retriever.catalog import facts_of
from retriever.chatter import is_smalltalk
from retriever.followup import whole_question
from retriever.lang import detect
from retriever.listing import filter_note, listing_asked, narrowed
from retriever.texts import DEFAULT, t

logger = logging.getLogger("bot")

# The bot's commands that mean something without Telegram; /ask is taken too but not listed (a
# line is already a question here). /events pages with a button, so it stays the bot's.
CONSOLE_COMMANDS = ("start", "help", "docs", "language")
QUIT = ("quit", "exit", "q")


def update_index(settings: Settings) -> None:
    """Build or refresh the index in the foreground (the terminal chat; the first index of the bot)."""
    first = not has_index(settings)
    if first:  # minutes with no word would pass for a hang
        print(
            f"bot.py: building the index of {settings.documents_dir} for the first time"
            " (about 1.5 minutes on 2 cores; later starts take a second)...",
            file=sys.stderr,
        )
    try:
        summary = retriever.index_documents(settings=settings, progress=first)
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


def plain(html_text: str) -> str:
    """The bot's Telegram HTML as terminal text: tags dropped, entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


@dataclass
class Console:
    """One terminal chat: its settings, the language fixed with /language (None: each question's) and the
    last question, which a follow-up ("and where was it held?") is read with."""

    settings: Settings
    lang: str | None = None
    previous: str = ""

    @property
    def ui_lang(self) -> str:
        """The language of the assistant's own words here (no question to tell it from)."""
        return self.lang or DEFAULT

    def help(self) -> str:
        """The commands that work in the terminal, described in the bot's own menu words."""
        # The bot's /help text is about Telegram (groups, buttons); its menu lines are not.
        menu = dict(ui.commands(self.ui_lang))
        width = max(map(len, CONSOLE_COMMANDS)) + 2
        lines = [t("console_banner", self.ui_lang)]
        for name in CONSOLE_COMMANDS:
            # The menu describes /help by the bot's buttons, which the terminal has not.
            described = "" if name == "help" else menu[name]
            lines.append(f"  {'/' + name:<{width}} {described}".rstrip())
        lines.append(f"  {', '.join(QUIT)}, Ctrl-D")
        return "\n".join(lines)

    def command(self, line: str) -> str:
        """The reply to a `/command` line; a command the terminal lacks is never searched."""
        name = line.split(maxsplit=1)[0][1:].split("@")[0].lower()
        argument = command_argument(line)
        lang = self.ui_lang
        if name == "start":
            return f"{plain(ui.start_text(lang))}\n\n{self.help()}"
        if name == "help":
            return self.help()
        if name == "docs":
            return self.docs()
        if name == "language":
            return self.language(argument)
        if name == "ask":
            return self.answer(argument)
        return t("unknown_text", lang)

    def docs(self, question: str = "", lang: str | None = None) -> str:
        """The /docs listing as text; for a request in words ("list the documents about Indonesia"),
        narrowed by the filter it states."""
        lang = lang or self.ui_lang
        try:
            manifest = retriever.status(settings=self.settings)
        except IndexMissing:
            return t("console_no_index", lang)
        documents, stated = narrowed(question, manifest.get("documents", {}))
        labels = {k: facts_of(d).label(lang) for k, d in documents.items()}
        blocks = ui.docs_blocks({**manifest, "documents": documents}, labels, lang)
        if note := filter_note(stated, lang):
            blocks.append(ui.text_block(note))
        return "".join((block.sep if i else "") + block.plain for i, block in enumerate(blocks))

    def events(self, question: str, lang: str) -> str:
        """The events a request in words asks for ("upcoming events in Thailand?"), all on one page."""
        try:
            manifest = retriever.status(settings=self.settings)
            events = retriever.events(settings=self.settings)
        except IndexMissing:
            return t("console_no_index", lang)
        documents, stated = narrowed(question, manifest.get("documents", {}))
        events = [e for e in events if e.doc_id in documents]
        if not events:
            return t("events_none", lang)
        today = dt.date.today()
        upcoming = lambda e: e.last_day() >= today  # noqa: E731
        blocks = ui.event_blocks(events, documents, lang, upcoming, previous=None, total=len(events))
        if note := filter_note(stated, lang):
            blocks.append(ui.text_block(note))
        return "".join((block.sep if i else "") + block.plain for i, block in enumerate(blocks))

    def language(self, argument: str) -> str:
        """`/language` shows the choice, `/language auto` clears it, `/language CODE` fixes it."""
        if not argument:
            return plain(ui.language_text(self.ui_lang, self.lang))
        if argument.lower() == "auto":
            self.lang = None
            return t("language_auto", self.ui_lang)
        chosen = parse_language(argument)
        if chosen is None:
            return plain(ui.language_unknown_text(argument, self.ui_lang))
        self.lang = chosen
        return plain(ui.language_set_text(chosen))

    def answer(self, question: str) -> str:
        """The answer to a question as text, sources and links included."""
        if len(question) > self.settings.max_question_chars:
            return t("console_too_long", self.ui_lang, limit=self.settings.max_question_chars)
        refusal = question_refusal(question, self.settings.max_question_chars, self.ui_lang)
        if refusal:
            return plain(refusal)
        if listing := listing_asked(question):  # "list the documents about Indonesia": the list itself
            lang = self.lang or texts.language(detect(question))
            return self.events(question, lang) if listing == "events" else self.docs(question, lang)
        try:
            answer = retriever.ask(question, lang=self.lang, settings=self.settings, previous=self.previous)
            if not is_smalltalk(question):  # a follow-up's follow-up leans on the same whole question
                self.previous = whole_question(question, self.previous)
            return retriever.render_text(answer)
        except IndexMissing:
            return t("console_no_index", self.ui_lang)
        except Exception:
            logger.exception("question failed")
            return t("console_error", self.ui_lang)


def run_console(settings: Settings, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """A terminal chat: one question or /command per line until EOF or "quit"."""
    interactive = stdin.isatty()
    console = Console(settings)
    print(t("console_banner"), file=sys.stderr)
    while True:
        if interactive:
            print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            break
        question = line.strip()
        if question.lower() in QUIT:
            break
        if not question:
            continue
        if not interactive:
            # Piped questions are not on the screen: each is echoed so its answer can be told apart.
            print(f"> {question}", file=stdout)
        reply = console.command(question) if question.startswith("/") else console.answer(question)
        print(reply + "\n", file=stdout, flush=True)
    return 0
