"""The terminal chat (`python bot.py --console`, or no TELEGRAM_BOT_TOKEN) and foreground builds: the
same `retriever.ask()` as the bot, with no Telegram in it."""

from __future__ import annotations

import logging
import sys
from typing import TextIO

import botui as ui
import retriever
from retriever import IndexMissing, Settings
from retriever.texts import t

logger = logging.getLogger("bot")


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
    print(t("console_banner"), file=sys.stderr)
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
            print(t("console_too_long", limit=settings.max_question_chars), file=stdout)
            continue
        try:
            answer = retriever.ask(question, settings=settings)
            print(retriever.render_text(answer) + "\n", file=stdout, flush=True)
        except IndexMissing:
            print(t("console_no_index"), file=stdout, flush=True)
        except Exception:
            logger.exception("question failed")
            print(t("console_error"), file=stdout, flush=True)
    return 0
