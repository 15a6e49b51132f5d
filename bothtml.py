"""The bot's last step before Telegram: plain text escaped into HTML blocks and packed into messages."""

# Everything that reaches Telegram in HTML parse mode is built from plain text, escaped piece by
# piece, so document text can never open a tag. Messages are split *before* markup is added (see
# `pack`), which is why no split can land inside a tag or an entity.

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Telegram allows 4096 characters after entity parsing; keeping the *raw* HTML under a slightly
# lower figure leaves room for anything we miscount and makes the visible-text rule moot.
MESSAGE_LIMIT = 4000
TITLE_LIMIT = 300  # a source line stays one line even for a runaway title
BOLD = ("<b>", "</b>")
BLOCKQUOTE = ("<blockquote>", "</blockquote>")
# Sentence ends: Latin and Khmer/Burmese marks before a space; CJK full stops need none after them;
# Thai writes no full stop, a space between Thai words ends a sentence or clause.
_SENTENCE_END = re.compile(r"(?<=[.!?…។៕။])\s+|(?<=[。！？])\s*|(?<=[\u0e01-\u0e5b])\s+(?=[\u0e01-\u0e5b])")
_NO_SPACE_AFTER = "。！？"
PARAGRAPH = re.compile(r"\n\s*\n")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, which is how Telegram counts (emoji count twice)."""
    return len(text.encode("utf-16-le")) // 2


def esc(text: str) -> str:
    """Text escaped for Telegram HTML (only <, > and & matter outside attributes)."""
    return html.escape(text, quote=False)


def _fits(text: str, limit: int) -> bool:
    return len(text) <= limit and utf16_len(text) <= limit


def link(url: str, text: str) -> str:
    """An <a href> for http(s) URLs only; anything else (file names, javascript:) stays text."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return f'<a href="{html.escape(url.strip(), quote=True)}">{esc(text)}</a>'
    return esc(text)


def shorten(text: str, limit: int = TITLE_LIMIT) -> str:
    """Text cut to `limit` characters with an ellipsis, so a runaway title stays one line."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Block:
    """One unit of a message: ready HTML, plus the plain text to fall back on if it is too long.

    `sep` goes between this block and the one before it in the same message. When `html` does
    not fit in one message, `plain` is split and each piece is escaped and put inside `wrap`.
    """

    html: str
    plain: str
    wrap: tuple[str, str] = ("", "")
    sep: str = "\n\n"


def text_block(plain: str, wrap: tuple[str, str] = ("", ""), sep: str = "\n\n") -> Block:
    """A block of plain text, escaped, optionally inside one tag pair such as <b>…</b>."""
    return Block(wrap[0] + esc(plain) + wrap[1], plain, wrap, sep)


def split_plain(text: str, limit: int) -> list[str]:
    """Split plain text so each piece, once escaped, fits in `limit`: at paragraphs, then lines,
    then sentences, then words, and only as a last resort inside a word."""

    def cost(piece: str) -> int:
        escaped = esc(piece)
        return max(len(escaped), utf16_len(escaped))

    def split(piece: str, level: int) -> list[str]:
        if cost(piece) <= limit:
            return [piece]
        splitters: list[tuple[re.Pattern[str], Callable[[str], str]]] = [
            (PARAGRAPH, lambda _: "\n\n"),
            (re.compile(r"\n"), lambda _: "\n"),
            # Chinese and Japanese sentences follow each other without a space.
            (_SENTENCE_END, lambda before: "" if before.endswith(tuple(_NO_SPACE_AFTER)) else " "),
            (re.compile(r"\s+"), lambda _: " "),
        ]
        if level >= len(splitters):
            pieces, current = [], ""
            for ch in piece:
                if current and cost(current + ch) > limit:
                    pieces.append(current)
                    current = ""
                current += ch
            return [*pieces, current] if current else pieces
        pattern, joiner = splitters[level]
        out: list[str] = []
        current = ""
        for part in pattern.split(piece):
            if not part.strip():
                continue
            for sub in split(part, level + 1):
                candidate = current + joiner(current) + sub if current else sub
                if cost(candidate) <= limit:
                    current = candidate
                else:
                    if current:
                        out.append(current)
                    current = sub
        if current:
            out.append(current)
        return out

    return [p.strip() for p in split(text.strip(), 0) if p.strip()]


def pack(blocks: Iterable[Block], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join blocks into as few messages as possible, each at most `limit` characters of HTML."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        if _fits(block.html, limit):
            pieces = [block.html]
        else:
            room = limit - len(block.wrap[0]) - len(block.wrap[1])
            pieces = [block.wrap[0] + esc(p) + block.wrap[1] for p in split_plain(block.plain, room)]
        for i, piece in enumerate(pieces):
            sep = block.sep if i == 0 else "\n"
            candidate = current + sep + piece if current else piece
            if _fits(candidate, limit):
                current = candidate
            else:
                if current:
                    messages.append(current)
                current = piece
    if current:
        messages.append(current)
    return messages
