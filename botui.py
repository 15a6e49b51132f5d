"""The bot's plain helpers, with no Telegram in them: HTML rendering, message splitting, upload
file names and placement, feedback lines.

Everything that reaches Telegram in HTML parse mode is built here from plain text, escaped
piece by piece, so document text can never open a tag. Messages are split *before* markup is
added (see `pack`), which is why no split can land inside a tag or an entity.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import tempfile
import unicodedata
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
    title = _shorten(citation.title or citation.doc_id)
    detail = where(citation)
    tail = f" — {detail}" if detail else ""
    plain = f"[{citation.n}] {title}{tail}"
    return Block(f"[{citation.n}] {link(citation.source or '', title)}{esc(tail)}", plain, sep="\n")


def answer_blocks(answer: Answer) -> list[Block]:
    """The answer's paragraphs, then a "Sources" list (none for a refusal without citations)."""
    blocks = [text_block(p) for p in re.split(r"\n\s*\n", answer.answer.strip()) if p.strip()]
    if not blocks:
        blocks = [text_block("The documents don't answer this question.")]
    if answer.citations:
        blocks.append(text_block("Sources", ("<b>", "</b>")))
        blocks.extend(source_block(c) for c in answer.citations)
    return blocks


def passage_blocks(answer: Answer) -> list[Block]:
    """Each cited passage in full under its source line, the quoted sentence in bold."""
    blocks: list[Block] = []
    for citation in answer.citations:
        head = f"[{citation.n}] {_shorten(citation.title or citation.doc_id)}"
        detail = where(citation)
        blocks.append(text_block(head + (f" — {detail}" if detail else ""), ("<b>", "</b>")))
        passage = (citation.passage or citation.quote).strip()
        start = passage.find(citation.quote.strip()) if citation.quote.strip() else -1
        if start >= 0:
            end = start + len(citation.quote.strip())
            body = esc(passage[:start]) + "<b>" + esc(passage[start:end]) + "</b>" + esc(passage[end:])
        else:
            body = esc(passage)
        blocks.append(
            Block(f"<blockquote>{body}</blockquote>", passage, ("<blockquote>", "</blockquote>"), "\n")
        )
    if not blocks:
        blocks.append(text_block("This answer has no quoted passages."))
    return blocks


def docs_blocks(manifest: Mapping[str, Any]) -> list[Block]:
    """The indexed documents, newest first, each linked and dated."""
    documents: Mapping[str, Mapping[str, Any]] = manifest.get("documents", {})
    header = f"{len(documents)} documents in the collection (index {manifest.get('version', '?')})"
    blocks = [text_block(header, ("<b>", "</b>"))]
    ordered = sorted(documents.items(), key=lambda item: str(item[1].get("title") or item[0]).lower())
    ordered.sort(key=lambda item: str(item[1].get("date") or ""), reverse=True)
    for doc_id, meta in ordered:
        title = _shorten(str(meta.get("title") or doc_id))
        date = str(meta.get("date") or "undated")
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


def safe_filename(name: str, default_stem: str = "document") -> str:
    """A harmless file name from a user-supplied one: basename only, no hidden or dotted-path
    tricks, letters (any script), digits and `._-` kept, extension lower-cased."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFKC", name))[-1].strip()
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    ext = re.sub(r"[^a-z0-9]", "", ext.lower())[:10]

    def keep(ch: str) -> str:
        # Marks (M*) matter: Thai and Indic names are unreadable without their vowel signs.
        return ch if ch in "-_" or unicodedata.category(ch)[0] in "LMN" else "-"

    stem = "".join(keep(ch) for ch in stem)
    stem = re.sub(r"-{2,}", "-", stem).strip("-_")[:100].strip("-_")
    return f"{stem or default_stem}.{ext}" if ext else (stem or default_stem)


def append_feedback(
    data_dir: Path, answer: Answer, *, vote: str, user_id: int, chat_id: int, message_id: int | None
) -> None:
    """Append one JSON line to data_dir/feedback.jsonl (data_dir outlives reindexing)."""
    line = {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
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
    # One write() of one line in append mode: concurrent votes never interleave within a line.
    with (data_dir / "feedback.jsonl").open("a", encoding="utf-8") as out:
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def place_upload(folder: Path, name: str, data: bytes, tmp_dir: Path) -> tuple[Path, bool]:
    """Where an upload goes: (path, True) if saved, or (existing path, False) if identical.

    Never overwrites: a different file of the same name becomes name-2.ext, name-3.ext…
    """
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(data).hexdigest()
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    n = 1
    while True:
        candidate = folder / (name if n == 1 else f"{stem}-{n}{dot}{ext}")
        if not candidate.exists():
            break
        if candidate.is_file() and hashlib.sha256(candidate.read_bytes()).hexdigest() == digest:
            return candidate, False
        n += 1
    # Written elsewhere and moved in whole, so a concurrent index build never reads half a file.
    tmp_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=tmp_dir, delete=False) as tmp:
        tmp.write(data)
    shutil.move(tmp.name, candidate)
    return candidate, True
