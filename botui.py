"""The bot's plain helpers, with no Telegram in them: HTML rendering of answers, sources, documents,
events and index reports, and message splitting. Every sentence comes from the text catalogue
(`retriever/locales/<lang>.json`, through `t(key, lang)`), so each message is in the chat's language.

Everything that reaches Telegram in HTML parse mode is built here from plain text, escaped
piece by piece, so document text can never open a tag. Messages are split *before* markup is
added (see `pack`), which is why no split can land inside a tag or an entity.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retriever import Answer, Citation, IndexSummary, citation_link
from retriever.texts import DEFAULT, LANGUAGES, t

# Telegram allows 4096 characters after entity parsing; keeping the *raw* HTML under a slightly
# lower figure leaves room for anything we miscount and makes the visible-text rule moot.
MESSAGE_LIMIT = 4000
TITLE_LIMIT = 300  # a source line stays one line even for a runaway title
# Sentence ends: Latin and Khmer/Burmese marks before a space; CJK full stops need none after them;
# Thai writes no full stop, a space between Thai words ends a sentence or clause.
_SENTENCE_END = re.compile(r"(?<=[.!?…។៕။])\s+|(?<=[。！？])\s*|(?<=[\u0e01-\u0e5b])\s+(?=[\u0e01-\u0e5b])")
_NO_SPACE_AFTER = "。！？"

VOTE_EMOJI = {"up": "👍", "down": "👎"}
USER_COMMANDS = ("start", "help", "docs", "events", "ask", "language")
ADMIN_COMMANDS = ("reindex", "status", "remove")
EVENTS_PAGE = 5  # events per /events message; "More" shows the next ones


def examples(lang: str | None) -> list[str]:
    """Three example questions, in the chat's language."""
    return [t(f"example_{n}", lang) for n in (1, 2, 3)]


def commands(lang: str | None, admin: bool = False) -> list[tuple[str, str]]:
    """(command, description) for the command menu; administrators' include theirs."""
    names = USER_COMMANDS + (ADMIN_COMMANDS if admin else ())
    return [(name, t(f"command_{name}", lang)) for name in names]


def start_text(lang: str | None) -> str:
    """What the assistant covers, with examples."""
    listed = "\n".join(f"• {esc(q)}" for q in examples(lang))
    return t("start_text", lang, examples=listed)


def help_text(lang: str | None, admin_exts: Iterable[str] | None = None, mb: float = 0) -> str:
    """How to ask; with `admin_exts`, the administrators' part too."""
    text = t("help_text", lang)
    if admin_exts is not None:
        text += t("admin_help", lang, exts=esc(", ".join(admin_exts)), mb=mb)
    return text


def language_text(lang: str, fixed: str | None) -> str:
    """`/language` alone: the chat's current choice and the choices there are."""
    current = (
        t("language_current", lang, language=t("language_name", fixed))
        if fixed
        else t("language_current_auto", lang)
    )
    return f"{esc(current)}\n{esc(language_usage(lang))}"


def language_usage(lang: str) -> str:
    """How to choose, with every code and its language's own name."""
    codes = "|".join(LANGUAGES)
    names = ", ".join(f"{code} {t('language_name', code)}" for code in LANGUAGES)
    return f"{t('language_usage', lang, codes=codes)}\n{names}"


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
        splitters: list[tuple[re.Pattern[str], Callable[[str], str]]] = [
            (re.compile(r"\n\s*\n"), lambda _: "\n\n"),
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


def _shorten(text: str, limit: int = TITLE_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def count(n: int, what: str, lang: str | None) -> str:
    """`1 document`, `2 documents` (`what`: "documents" or "chunks"), in the chat's language."""
    return t(f"count_{what}_{'one' if n == 1 else 'other'}", lang, n=n)


def where(citation: Citation, lang: str | None = DEFAULT, label: str = "") -> str:
    """Section, page and date of a citation, and its document's facts, as one plain-text phrase."""
    section = (citation.section or "").strip()
    parts = [section] if section and section != citation.title.strip() else []
    if citation.page is not None:
        parts.append(t("page_short", lang, page=citation.page))
    if citation.date:
        parts.append(citation.date)
    phrase = ", ".join(parts)
    return " · ".join(filter(None, (phrase, label)))


def source_url(citation: Citation) -> str:
    """The citation's link that opens at the quoted words (text fragment, or the PDF's page)."""
    return citation_link(citation.source or "", citation.quote, citation.page)


def source_block(citation: Citation, lang: str | None = DEFAULT, label: str = "") -> Block:
    """`[n] Title — section, p. N, date · facts` with the title linked to the quoted words."""
    title = neutral(_shorten(citation.title or citation.doc_id))
    detail = where(citation, lang, label)
    tail = f" — {detail}" if detail else ""
    plain = f"[{citation.n}] {title}{tail}"
    return Block(f"[{citation.n}] {link(source_url(citation), title)}{esc(tail)}", plain, sep="\n")


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


def answer_blocks(
    answer: Answer, labels: Mapping[str, str] | None = None, lang: str | None = None
) -> list[Block]:
    """The answer: each quote in quotation marks followed by its bold [n], then the "Sources" list.

    `labels` maps a doc_id to its facts line; `lang` defaults to the answer's own language.
    """
    lang = lang or answer.lang
    labels = labels or {}
    blocks: list[Block] = []
    for text, n in quote_parts(answer) if answer.citations else [(answer.answer, None)]:
        if n is None:
            blocks.extend(text_block(p) for p in re.split(r"\n\s*\n", text.strip()) if p.strip())
            continue
        quoted = f"“{neutral(text.strip())}”"
        sep = " " if blocks else "\n\n"
        blocks.append(Block(f"{esc(quoted)} <b>[{n}]</b>", f"{quoted} [{n}]", sep=sep))
    if not blocks:
        blocks = [text_block(t("no_answer_text", lang))]
    if answer.citations:
        blocks.append(text_block(t("sources_heading", lang), ("<b>", "</b>")))
        blocks.extend(source_block(c, lang, labels.get(c.doc_id, "")) for c in answer.citations)
    return blocks


def passage_blocks(
    answer: Answer, labels: Mapping[str, str] | None = None, lang: str | None = None
) -> list[Block]:
    """Each cited passage in full under its source line (linked to the quoted words), the quote in bold."""
    lang = lang or answer.lang
    labels = labels or {}
    blocks: list[Block] = []
    for citation in answer.citations:
        title = neutral(_shorten(citation.title or citation.doc_id))
        detail = where(citation, lang, labels.get(citation.doc_id, ""))
        tail = f" — {detail}" if detail else ""
        head_html = f"<b>[{citation.n}] {link(source_url(citation), title)}{esc(tail)}</b>"
        blocks.append(Block(head_html, f"[{citation.n}] {title}{tail}", ("<b>", "</b>")))
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
        blocks.append(text_block(t("no_passages_text", lang)))
    return blocks


def docs_blocks(
    manifest: Mapping[str, Any], labels: Mapping[str, str] | None = None, lang: str | None = DEFAULT
) -> list[Block]:
    """The indexed documents, newest first, each linked and dated, with its facts (place · kind · dates)."""
    documents: Mapping[str, Mapping[str, Any]] = manifest.get("documents", {})
    labels = labels or {}
    header = t("docs_header", lang, n=len(documents), version=manifest.get("version", "?"))
    blocks = [text_block(header, ("<b>", "</b>"))]
    ordered = sorted(documents.items(), key=lambda item: str(item[1].get("title") or item[0]).lower())
    ordered.sort(key=lambda item: str(item[1].get("date") or ""), reverse=True)
    for doc_id, meta in ordered:
        title = _shorten(str(meta.get("title") or doc_id))
        date = str(meta.get("date") or t("undated", lang))
        facts = f" — {labels[doc_id]}" if labels.get(doc_id) else ""
        line = f"• {link(str(meta.get('source') or ''), title)} ({esc(date)}){esc(facts)}"
        blocks.append(Block(line, f"• {title} ({date}){facts}", sep="\n"))
    return blocks


def summary_lines(summary: IndexSummary, lang: str | None = DEFAULT) -> list[str]:
    """What a (re)index did, in plain lines a person can act on."""
    counts = f"{count(summary.documents, 'documents', lang)}, {count(summary.chunks, 'chunks', lang)}"
    rebuild = t("summary_full_rebuild", lang) if summary.full_rebuild else ""
    seconds = f"{summary.seconds:.1f}"
    head = t("summary_head", lang, version=summary.version, counts=counts, seconds=seconds, rebuild=rebuild)
    lines = [head]
    if summary.reason:
        lines.append(t("summary_why", lang, reason=summary.reason))
    for key, ids in (("added", summary.added), ("changed", summary.changed), ("removed", summary.removed)):
        if ids:
            lines.append(t(f"summary_{key}", lang, n=len(ids), ids=", ".join(ids)))
    if not (summary.added or summary.changed or summary.removed):
        lines.append(t("summary_nothing", lang))
    for skipped in summary.skipped:
        lines.append(t("summary_skipped", lang, id=skipped.id, reason=skipped.reason))
    return lines


def summary_line(summary: IndexSummary) -> str:
    """One line for a log or terminal: counts only."""
    return (
        f"index {summary.version}: {summary.documents} documents, {summary.chunks} chunks; "
        f"added {len(summary.added)}, changed {len(summary.changed)}, removed {len(summary.removed)}, "
        f"unchanged {len(summary.unchanged)}, skipped {len(summary.skipped)} ({summary.seconds:.1f} s)"
    )


def status_html(manifest: Mapping[str, Any], lang: str | None = DEFAULT) -> str:
    """The live index in a few lines."""
    words, overlap = manifest.get("chunk_words"), manifest.get("chunk_overlap")
    chunking = t("status_chunking_value", lang, words=words, overlap=overlap)
    rows = [
        ("status_version", manifest.get("version")),
        ("status_documents", manifest.get("n_documents", len(manifest.get("documents", {})))),
        ("status_chunks", manifest.get("n_chunks")),
        ("status_built_at", manifest.get("built_at")),
        ("status_model", manifest.get("model")),
        ("status_dimension", manifest.get("dimension")),
        ("status_chunking", chunking),
    ]
    heading = f"<b>{esc(t('status_heading', lang))}</b>\n"
    return heading + "\n".join(f"{esc(t(k, lang))}: {esc(str(v))}" for k, v in rows)


def comparison_lines(comparison: Any, lang: str | None = DEFAULT) -> list[str]:
    """A staged version's gold figures against the live one's (a `staging.Comparison`), for a person."""
    if not comparison.old:
        return [t("compare_first", lang, version=comparison.new_version)]
    lines = [
        t(
            "compare_head",
            lang,
            n=comparison.questions,
            old=comparison.old_version or "-",
            new=comparison.new_version,
        )
    ]
    for metric in ("recall@5", "cited_recall", "refusal_accuracy"):
        old, new = comparison.old.get(metric), comparison.new.get(metric)
        lines.append(f"{metric}: {_figure(old)} → {_figure(new)}")
    return lines


def _figure(value: float | None) -> str:
    return "n/a" if value is None or value != value else f"{value:.3f}"


def event_dates(event: Any) -> str:
    """`2025-11-18 – 2025-11-20`, or the one date of a one-day event."""
    return f"{event.start} – {event.end}" if event.end and event.end != event.start else event.start


def event_blocks(
    events: Iterable[Any],
    documents: Mapping[str, Mapping[str, Any]],
    lang: str | None,
    is_upcoming: Callable[[Any], bool],
    *,
    previous: bool | None,
    total: int,
) -> list[Block]:
    """One page of /events: title, dates, place, organisers, and the verbatim quote linked to its source.

    `is_upcoming` sorts the page under "Upcoming" / "Recent" headings; `previous` is whether the last
    event of the page before was upcoming (None: this is the first page, which gets the header).
    """
    blocks: list[Block] = []
    if previous is None:
        blocks.append(text_block(t("events_header", lang, n=total), ("<b>", "</b>")))
    last = previous
    for event in events:
        upcoming = is_upcoming(event)
        if upcoming != last:
            key = "events_upcoming" if upcoming else "events_recent"
            blocks.append(text_block(t(key, lang), ("<u>", "</u>")))
        last = upcoming
        doc = documents.get(event.doc_id, {})
        lines = [f"<b>{esc(neutral(_shorten(event.title)))}</b>"]
        lines.append(esc(t("events_when", lang, dates=event_dates(event))))
        if event.place:
            lines.append(esc(t("events_where", lang, place=event.place)))
        if event.organisers:
            lines.append(esc(t("events_who", lang, organisers=", ".join(event.organisers))))
        plain = "\n".join(re.sub(r"<[^>]+>", "", html.unescape(line)) for line in lines)
        blocks.append(Block("\n".join(lines), plain))
        quote = f"“{neutral(event.quote.strip())}”"
        wrap = ("<blockquote>", "</blockquote>")
        blocks.append(Block(f"{wrap[0]}{esc(quote)}{wrap[1]}", quote, wrap, "\n"))
        title = _shorten(str(doc.get("title") or event.doc_id))
        url = citation_link(str(doc.get("source") or ""), event.quote)
        source = t("events_source", lang, title="\x00")
        before, _, after = source.partition("\x00")
        blocks.append(Block(f"{esc(before)}{link(url, title)}{esc(after)}", before + title + after, sep="\n"))
    return blocks


def failure_text(exc: BaseException, folder: Path, lang: str | None = DEFAULT) -> str:
    """What a failed build means for an administrator and what to do, never Python's own words."""
    from retriever import SettingsError

    if isinstance(exc, SettingsError):
        return esc(str(exc))  # written for people, naming the variable to fix
    if not folder.is_dir():
        return esc(t("failure_folder_missing", lang, folder=folder))
    if isinstance(exc, TimeoutError):
        return esc(t("failure_locked", lang))
    if isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError):
        return esc(t("failure_disk", lang))
    if not any(p.is_file() and not p.name.startswith(".") for p in folder.rglob("*")):
        return esc(t("failure_no_documents", lang, folder=folder))
    return esc(t("failure_internal", lang))
