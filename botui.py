"""The bot's plain helpers, with no Telegram in them: every sentence users see, HTML rendering,
message splitting, feedback lines.

Everything that reaches Telegram in HTML parse mode is built here from plain text, escaped
piece by piece, so document text can never open a tag. Messages are split *before* markup is
added (see `pack`), which is why no split can land inside a tag or an entity.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
import threading
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from retriever import Answer, Citation, IndexSummary

# Telegram allows 4096 characters after entity parsing; keeping the *raw* HTML under a slightly
# lower figure leaves room for anything we miscount and makes the visible-text rule moot.
MESSAGE_LIMIT = 4000
TITLE_LIMIT = 300  # a source line stays one line even for a runaway title
_SENTENCE_END = re.compile(r"(?<=[.!?…。])\s+")

# What the bot says. HTML parse mode: anything interpolated into these must go through esc().
EXAMPLES = (
    "When did Hainan ban non-degradable plastic bags and tableware?",
    "Which places in Malaysia banned single-use plastic bags in 2025?",
    "What does Singapore's Mandatory Packaging Reporting scheme require?",
)
COMMANDS = (
    ("start", "What the assistant covers, with examples"),
    ("help", "How to ask, and what the buttons do"),
    ("docs", "The documents I answer from"),
    ("ask", "Ask a question (needed in groups)"),
)
ADMIN_COMMANDS = (
    ("reindex", "Rebuild the index from the documents folder"),
    ("status", "Index version, documents, chunks, model"),
    ("remove", "Remove a document: /remove NAME"),
)

START_TEXT = (
    "<b>Plastic Policy Assistant</b>\n"
    "I answer questions on plastic policy in Asia — national action plans, bans on bags and "
    "single-use plastics, EPR and deposit-return schemes, the global plastics treaty talks — "
    "<b>only</b> from a curated collection of documents. Every sentence I give is quoted word "
    "for word with a numbered source [n]; when the documents don't answer, I say so plainly.\n\n"
    "Try, for example:\n" + "\n".join(f"• {html.escape(q, quote=False)}" for q in EXAMPLES) + "\n\n"
    "/docs lists the documents, /help explains the rest."
)
HELP_TEXT = (
    "<b>How to use me</b>\n"
    "• Send a question as a message (in groups: mention me, reply to me, or use /ask).\n"
    "• Each answer quotes the documents with numbered sources [1], [2]…\n"
    "• <b>Sources</b> shows the full quoted passages; 👍 / 👎 tell the team whether it helped.\n"
    "• /docs lists the documents and their dates.\n"
    "One question per message works best."
)
ADMIN_HELP = (
    "\n\n<b>For administrators</b>\n"
    "• Send a file ({exts}, up to {mb:g} MB) to add it to the collection.\n"
    "• Sending a file with the name of one already there asks whether to replace it.\n"
    "• /remove NAME takes a document out of the collection.\n"
    "• /reindex rebuilds the index from the documents folder; /status shows the live index."
)
NOT_ADMIN = "Sorry, only the assistant's administrators can do that."
NOT_ADMIN_UPLOAD = (
    "Thanks, but only the assistant's administrators can add documents. If this one belongs in "
    "the collection, please send it to them."
)
MEDIA_TEXT = "I can only read text questions — please type your question as a message."
EDITED_TEXT = "I only read new messages — please send the corrected question as a new message."
EMPTY_TEXT = "Please type a question, for example:\n<code>/ask {example}</code>"
UNKNOWN_TEXT = "Sorry, I don't know that command. Try /help, or just type your question."
INDEX_MISSING_TEXT = (
    "The document collection hasn't been indexed yet, so I can't answer. An administrator can "
    "run /reindex (or restart the assistant, which builds the index)."
)
ERROR_TEXT = "Sorry, something went wrong while handling that. Please try again in a moment."
TOO_OLD_TEXT = "Sorry, this answer is too old for its buttons to work — please ask again."
TOO_LONG_TEXT = (
    "That question is {n} characters long; please keep it under {limit} characters (one question at a "
    "time works best)."
)
FLOOD_TEXT = "You're asking faster than I can read — please wait about {seconds} s and try again."
NO_ANSWER_TEXT = "The documents don't answer this question."
SOURCES_HEADING = "Sources"
SOURCES_BUTTON = "📚 Sources"
NO_PASSAGES_TEXT = "This answer has no quoted passages."
DOCS_HEADER = "{n} documents in the collection (index {version})"
UNDATED = "undated"
WRONG_CHAT_TEXT = "This button belongs to a message in another chat, so it does nothing here."
VOTE_TEXT = {
    "up": "Thank you — your feedback was recorded.",
    "down": "Thank you — noted; the team will look at this answer.",
}
VOTE_SAME_TEXT = "You already gave this answer a {emoji}; one vote per answer counts."
VOTE_CHANGED_TEXT = "Changed your vote on this answer to {emoji}."
VOTE_EMOJI = {"up": "👍", "down": "👎"}

# Administrators
REINDEX_STARTED = "Reindexing… I keep answering from the current index meanwhile."
REINDEX_QUEUED = (
    "A reindex is already running. I'll run another one as soon as it ends, so files that arrived "
    "meanwhile are included, and post its summary here."
)
UPLOAD_RECEIVED = (
    "Received {name}. Checking and indexing it… I keep answering from the current index meanwhile."
)
DOWNLOAD_FAILED = (
    "<b>{name} was NOT added</b>: I couldn't download it from Telegram ({reason}). Please send it again; "
    "if it keeps failing, copy it into the documents folder on the server and send /reindex."
)
DOWNLOAD_TOO_BIG = "Telegram lets bots download files of up to 20 MB only"
DOWNLOAD_UNAVAILABLE = "Telegram did not hand the file over"
UNSUPPORTED_TEXT = "I can't add {name}: I read only {exts} files."
TOO_BIG_TEXT = "{name} is too large: the limit is {mb:g} MB."
REPLACE_QUESTION = (
    "<b>A different {name} is already in the collection.</b> Replace it with the file you just sent? "
    "Until you choose, the old one keeps answering."
)
REPLACE_BUTTON = "Replace it"
KEEP_BUTTON = "Keep the old one"
KEPT_TEXT = "Kept the existing {name}; the file you sent was not added."
SHRINK_QUESTION = "<b>Nothing was published.</b> {reason}\n\nPublish the smaller collection anyway?"
SHRINK_BUTTON = "Publish anyway"
CANCEL_BUTTON = "Cancel"
SHRINK_CANCELLED = "Cancelled: nothing was published; the current index keeps answering."
CONFIRM_GONE_TEXT = "This question has expired or was already answered; please start again."
CONFIRM_NOT_YOURS = "Only the assistant's administrators can answer this, in the chat where it was asked."
CONFIRM_WORKING = "On it…"
REMOVE_USAGE = (
    "Tell me which document to remove, for example:\n<code>/remove {example}</code>\n/docs lists them."
)
REMOVE_NONE = "There is no document named {name} in the collection; /docs lists them."
REMOVE_MANY = "Several documents match {name}: {ids}. Please give the full name."
REMOVING_TEXT = "Removing {name}… I keep answering from the current index meanwhile."
STARTUP_SHRINK = "<b>At start-up I kept the last good index.</b> {reason}"
STARTUP_FAILED = "<b>At start-up I kept the last good index</b>, because updating it failed: {reason}"
FAILURE_FOLDER_MISSING = (
    "The documents folder {folder} is missing (an unmounted volume?). Nothing was changed and the "
    "current index keeps answering. Restore the folder, or set RETRIEVER_DOCUMENTS_DIR to it, then "
    "send /reindex."
)
FAILURE_NO_DOCUMENTS = (
    "There are no documents to index in {folder}. Send me a file (or copy files into that folder), "
    "then send /reindex."
)
FAILURE_LOCKED = (
    "Another build of the index is running (perhaps `python -m retriever index` on the server). "
    "The current index keeps answering; send /reindex again when it has finished."
)
FAILURE_DISK = (
    "The index could not be written: the disk is full or not writable. The current index keeps "
    "answering; free some space or fix the folder's permissions, then send /reindex."
)
FAILURE_INTERNAL = (
    "The index could not be rebuilt because of an internal error (the details are in the assistant's "
    "log). The current index keeps answering; send /reindex to try again, and tell the maintainers if "
    "it fails again."
)
INDEX_KEPT = "The previous index is still in use."

# The terminal chat
CONSOLE_BANNER = "Plastic Policy Assistant — type a question; 'quit' or Ctrl-D leaves."
CONSOLE_TOO_LONG = "Please keep questions under {limit} characters."
CONSOLE_NO_INDEX = "There is no index yet: run `python -m retriever index`."
CONSOLE_ERROR = "Sorry, something went wrong; the details are in the log. Please try again."
NO_TOKEN_TEXT = "TELEGRAM_BOT_TOKEN is not set: starting the terminal chat instead."


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
        splitters: list[tuple[Any, str]] = [
            (re.compile(r"\n\s*\n"), "\n\n"),
            (re.compile(r"\n"), "\n"),
            (_SENTENCE_END, " "),
            (re.compile(r"\s+"), " "),
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
                candidate = current + joiner + sub if current else sub
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


def _shorten(text: str, limit: int = TITLE_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plural(n: int, word: str) -> str:
    """`1 document`, `2 documents`."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def where(citation: Citation) -> str:
    """Section, page and date of a citation, as one plain-text phrase."""
    section = (citation.section or "").strip()
    parts = [section] if section and section != citation.title.strip() else []
    if citation.page is not None:
        parts.append(f"p. {citation.page}")
    if citation.date:
        parts.append(citation.date)
    return ", ".join(parts)


def source_block(citation: Citation) -> Block:
    """`[n] Title — section, p. N, date` with the title linked when the source is a web page."""
    title = neutral(_shorten(citation.title or citation.doc_id))
    detail = where(citation)
    tail = f" — {detail}" if detail else ""
    plain = f"[{citation.n}] {title}{tail}"
    return Block(f"[{citation.n}] {link(citation.source or '', title)}{esc(tail)}", plain, sep="\n")


# Inside a quote, "[3]" is the document's own footnote; shown as "(3)" it can't pass for one of
# our numbered sources, which are always "[n]" in bold right after a closing quotation mark.
_MARKER = re.compile(r"\[(\s*\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*\s*)\]")


def neutral(text: str) -> str:
    """Document text with bracketed numbers turned into parentheses (see _MARKER)."""
    return _MARKER.sub(r"(\1)", text)


def quote_parts(answer: Answer) -> list[tuple[str, int | None]]:
    """The answer as (text, citation number) pieces: quotes with their number, glue text with None.

    The library writes `quote [n]` for each citation in order; if the text does not have that
    shape (a refusal, a greeting), the whole answer is one piece of glue.
    """
    parts: list[tuple[str, int | None]] = []
    text, cursor = answer.answer, 0
    for citation in answer.citations:
        quote = citation.quote
        start = text.find(quote, cursor) if quote else -1
        marker = re.compile(rf"\s*\[{citation.n}\]").match(text, start + len(quote)) if start >= 0 else None
        if marker is None:
            return [(answer.answer, None)]
        if text[cursor:start].strip():
            parts.append((text[cursor:start].strip(), None))
        parts.append((quote, citation.n))
        cursor = marker.end()
    if text[cursor:].strip():
        parts.append((text[cursor:].strip(), None))
    return parts


def answer_blocks(answer: Answer) -> list[Block]:
    """The answer: each quote in quotation marks followed by its bold [n], then the "Sources" list."""
    blocks: list[Block] = []
    for text, n in quote_parts(answer) if answer.citations else [(answer.answer, None)]:
        if n is None:
            blocks.extend(text_block(p) for p in re.split(r"\n\s*\n", text.strip()) if p.strip())
            continue
        quoted = f"“{neutral(text.strip())}”"
        sep = " " if blocks else "\n\n"
        blocks.append(Block(f"{esc(quoted)} <b>[{n}]</b>", f"{quoted} [{n}]", sep=sep))
    if not blocks:
        blocks = [text_block(NO_ANSWER_TEXT)]
    if answer.citations:
        blocks.append(text_block(SOURCES_HEADING, ("<b>", "</b>")))
        blocks.extend(source_block(c) for c in answer.citations)
    return blocks


def passage_blocks(answer: Answer) -> list[Block]:
    """Each cited passage in full under its source line, the quoted sentence in bold."""
    blocks: list[Block] = []
    for citation in answer.citations:
        head = f"[{citation.n}] {neutral(_shorten(citation.title or citation.doc_id))}"
        detail = where(citation)
        blocks.append(text_block(head + (f" — {detail}" if detail else ""), ("<b>", "</b>")))
        passage = (citation.passage or citation.quote).strip()
        start = passage.find(citation.quote.strip()) if citation.quote.strip() else -1
        if start >= 0:
            end = start + len(citation.quote.strip())
            body = (
                esc(neutral(passage[:start]))
                + "<b>"
                + esc(neutral(passage[start:end]))
                + "</b>"
                + esc(neutral(passage[end:]))
            )
        else:
            body = esc(neutral(passage))
        blocks.append(
            Block(
                f"<blockquote>{body}</blockquote>", neutral(passage), ("<blockquote>", "</blockquote>"), "\n"
            )
        )
    if not blocks:
        blocks.append(text_block(NO_PASSAGES_TEXT))
    return blocks


def docs_blocks(manifest: Mapping[str, Any]) -> list[Block]:
    """The indexed documents, newest first, each linked and dated."""
    documents: Mapping[str, Mapping[str, Any]] = manifest.get("documents", {})
    header = DOCS_HEADER.format(n=len(documents), version=manifest.get("version", "?"))
    blocks = [text_block(header, ("<b>", "</b>"))]
    ordered = sorted(documents.items(), key=lambda item: str(item[1].get("title") or item[0]).lower())
    ordered.sort(key=lambda item: str(item[1].get("date") or ""), reverse=True)
    for doc_id, meta in ordered:
        title = _shorten(str(meta.get("title") or doc_id))
        date = str(meta.get("date") or UNDATED)
        line = f"• {link(str(meta.get('source') or ''), title)} ({esc(date)})"
        blocks.append(Block(line, f"• {title} ({date})", sep="\n"))
    return blocks


def summary_lines(summary: IndexSummary) -> list[str]:
    """What a (re)index did, in plain lines a person can act on."""
    counts = f"{plural(summary.documents, 'document')}, {plural(summary.chunks, 'chunk')}"
    rebuild = ", full rebuild" if summary.full_rebuild else ""
    lines = [f"Index {summary.version}: {counts} ({summary.seconds:.1f} s{rebuild})."]
    if summary.reason:
        lines.append(f"Why: {summary.reason}")
    for label, ids in (("Added", summary.added), ("Changed", summary.changed), ("Removed", summary.removed)):
        if ids:
            lines.append(f"{label} ({len(ids)}): {', '.join(ids)}")
    if not (summary.added or summary.changed or summary.removed):
        lines.append("No documents were added, changed or removed.")
    for skipped in summary.skipped:
        lines.append(f"Skipped {skipped.id}: {skipped.reason}")
    return lines


def summary_line(summary: IndexSummary) -> str:
    """One line for a terminal: counts only."""
    return (
        f"index {summary.version}: {summary.documents} documents, {summary.chunks} chunks; "
        f"added {len(summary.added)}, changed {len(summary.changed)}, removed {len(summary.removed)}, "
        f"unchanged {len(summary.unchanged)}, skipped {len(summary.skipped)} ({summary.seconds:.1f} s)"
    )


def status_html(manifest: Mapping[str, Any]) -> str:
    """The live index in a few lines."""
    rows = [
        ("Version", manifest.get("version")),
        ("Documents", manifest.get("n_documents", len(manifest.get("documents", {})))),
        ("Chunks", manifest.get("n_chunks")),
        ("Built at", manifest.get("built_at")),
        ("Model", manifest.get("model")),
        ("Dimension", manifest.get("dimension")),
        ("Chunking", f"{manifest.get('chunk_words')} words, {manifest.get('chunk_overlap')} overlap"),
    ]
    return "<b>Index status</b>\n" + "\n".join(f"{esc(k)}: {esc(str(v))}" for k, v in rows)


def failure_text(exc: BaseException, folder: Path) -> str:
    """What a failed build means for an administrator and what to do, never Python's own words."""
    from retriever import SettingsError

    if isinstance(exc, SettingsError):
        return esc(str(exc))  # written for people, naming the variable to fix
    if not folder.is_dir():
        return esc(FAILURE_FOLDER_MISSING.format(folder=folder))
    if isinstance(exc, TimeoutError):
        return esc(FAILURE_LOCKED)
    if isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError):
        return esc(FAILURE_DISK)
    if not any(p.is_file() and not p.name.startswith(".") for p in folder.rglob("*")):
        return esc(FAILURE_NO_DOCUMENTS.format(folder=folder))
    return esc(FAILURE_INTERNAL)


_feedback_lock = threading.Lock()


def record_vote(
    data_dir: Path,
    answer: Answer,
    *,
    answer_id: str,
    vote: str,
    user_id: int,
    chat_id: int,
    message_id: int | None,
) -> None:
    """Keep one line per user and answer in data_dir/feedback.jsonl: a new vote replaces the old one."""
    line = {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "answer_id": answer_id,
        "vote": vote,
        "user_id": user_id,
        "chat_id": chat_id,
        "message_id": message_id,
        "question": answer.question,
        "answer": answer.answer,
        "refused": answer.refused,
        "citations": [asdict(c) for c in answer.citations],
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "feedback.jsonl"
    with _feedback_lock:
        kept: list[str] = []
        if path.exists():
            for raw in path.read_text(encoding="utf-8").splitlines():
                try:
                    old = json.loads(raw)
                except json.JSONDecodeError:
                    kept.append(raw)  # not ours to judge; never lose a line
                    continue
                if not (old.get("answer_id") == answer_id and old.get("user_id") == user_id):
                    kept.append(raw)
        kept.append(json.dumps(line, ensure_ascii=False))
        # Written whole and renamed into place: a crash leaves the old file or the new, never half.
        with tempfile.NamedTemporaryFile("w", dir=data_dir, delete=False, encoding="utf-8") as tmp:
            tmp.write("\n".join(kept) + "\n")
        os.replace(tmp.name, path)
