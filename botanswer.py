"""The bot's rendering of an `Answer`: quotes with their [n], the Sources list, and the cited passages."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bothtml import BLOCKQUOTE, BOLD, PARAGRAPH, Block, esc, link, shorten, text_block
from retriever import Answer, Citation, citation_link
from retriever.render import neutral
from retriever.texts import DEFAULT, t


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


def source_block(
    citation: Citation,
    lang: str | None = DEFAULT,
    label: str = "",
    wrap: tuple[str, str] = ("", ""),
    sep: str = "\n",
) -> Block:
    """`[n] Title — section, p. N, date · facts` with the title linked to the quoted words."""
    title = neutral(shorten(citation.title or citation.doc_id))
    detail = where(citation, lang, label)
    tail = f" — {detail}" if detail else ""
    line = f"[{citation.n}] {link(source_url(citation), title)}{esc(tail)}"
    return Block(wrap[0] + line + wrap[1], f"[{citation.n}] {title}{tail}", wrap, sep)


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
            blocks.extend(text_block(p) for p in PARAGRAPH.split(text.strip()) if p.strip())
            continue
        quoted = f"“{neutral(text.strip())}”"
        sep = " " if blocks else "\n\n"
        blocks.append(Block(f"{esc(quoted)} <b>[{n}]</b>", f"{quoted} [{n}]", sep=sep))
    if not blocks:
        blocks = [text_block(t("no_answer_text", lang))]
    if answer.citations:
        blocks.append(text_block(t("sources_heading", lang), BOLD))
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
        blocks.append(source_block(citation, lang, labels.get(citation.doc_id, ""), BOLD, "\n\n"))
        passage = (citation.passage or citation.quote).strip()
        quote = citation.quote.strip()
        start = passage.find(quote) if quote else -1
        if start >= 0:
            end = start + len(quote)
            before, quoted, after = (esc(neutral(p)) for p in (passage[:start], quote, passage[end:]))
            body = f"{before}<b>{quoted}</b>{after}"
        else:
            body = esc(neutral(passage))
        blocks.append(Block(BLOCKQUOTE[0] + body + BLOCKQUOTE[1], neutral(passage), BLOCKQUOTE, "\n"))
    if not blocks:
        blocks.append(text_block(t("no_passages_text", lang)))
    return blocks
