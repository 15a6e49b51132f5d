"""What users send, read and checked before any work, with no Telegram in it: command arguments, the
question around a mention, questions the bot will not take, uploads it will not fetch, /remove names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import retriever
from bothtml import esc
from retriever.collection import safe_name
from retriever.texts import t


def command_argument(text: str) -> str:
    """What follows `/command` (or `/command@bot`), newlines kept."""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def for_this_bot(command_text: str, username: str | None) -> bool:
    """Whether a `/command@name` names this bot (in groups, other commands are other bots')."""
    command = command_text.split(maxsplit=1)[0] if command_text.strip() else ""
    return command.lower().endswith(f"@{username}".lower())


def without_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` without the (offset, length) spans, which count UTF-16 code units as Telegram's entities
    do, whitespace collapsed and separators left at the ends dropped: the question around a mention."""
    raw = text.encode("utf-16-le")
    kept, last = [], 0
    for start, end in sorted((offset * 2, (offset + length) * 2) for offset, length in spans):
        kept.append(raw[last:start])
        last = end
    kept.append(raw[last:])
    question = b"".join(kept).decode("utf-16-le")
    return " ".join(question.split()).strip(" ,:;-—")


def question_refusal(question: str, limit: int, lang: str) -> str | None:
    """Why a question is not worked on (no letters or digits, longer than `limit`), or None to ask it."""
    if not any(ch.isalnum() for ch in question):  # emoji, punctuation or invisible characters only
        return t("empty_text", lang, example=esc(t("example_1", lang)))
    if len(question) > limit:
        return t("too_long_text", lang, n=len(question), limit=limit)
    return None


def upload_name(file_name: str | None) -> str:
    """The name an uploaded file is kept under (no folders, no hidden files)."""
    return safe_name(file_name or "document")


def upload_refusal(name: str, size: int | None, max_mb: float, lang: str) -> str | None:
    """Why an administrator's file is not fetched (a type the readers skip, too big), or None."""
    if Path(name).suffix not in retriever.supported_types():
        exts = ", ".join(retriever.supported_types())
        return t("unsupported_text", lang, name=esc(name), exts=esc(exts))
    if size is not None and size > int(max_mb * 1024 * 1024):
        return t("too_big_text", lang, name=esc(name), mb=max_mb)
    return None


def download_failure(name: str, error: str, lang: str) -> str:
    """A failed download in the administrator's words: too big for the Bot API, or unavailable."""
    reason = t("download_too_big" if "too big" in error.lower() else "download_unavailable", lang)
    return t("download_failed", lang, name=esc(name), reason=esc(reason))


def remove_refusal(name: str, matches: Sequence[str], lang: str) -> str | None:
    """Why `/remove NAME` removes nothing (no document, several), or None when one document matches."""
    if not matches:
        return t("remove_none", lang, name=esc(name))
    if len(matches) > 1:
        return t("remove_many", lang, name=esc(name), ids=esc(", ".join(matches)))
    return None
