"""The bot's rendering of an `Answer`: quotes with their [n], the Sources list, and the cited passages."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bothtml import BLOCKQUOTE, BOLD, PARAGRAPH, Block, esc, link, shorten, text_block
from retriever import Answer, Citation, citation_link
from retriever.render import neutral, numbers, quote_links, source_groups, title_and_date
from retriever.texts import DEFAULT, t


def where(citation: Citation, lang: str | None = DEFAULT, label: str = "") -> str:
    """Section, page and date of a citation, and its document's facts, as one plain-text phrase."""
    section = (citation.section or "").strip()
    parts = [section] if section and section != citation.title.strip() else []
    if citation.page is not None:
        parts.append(t("page_short", lang, page=citation.page))
    date = title_and_date(citation.title, citation.date)[1]  # not when the title already ends with it
    if date:
        parts.append(date)
    phrase = ", ".join(parts)
    return " · ".join(filter(None, (phrase, label)))


def source_blocks(
    group: Sequence[Citation],
    lang: str | None = DEFAULT,
    label: str = "",
    wrap: tuple[str, str] = ("", ""),
    sep: str = "\n",
) -> list[Block]:
    """`[1][2] Title — section, p. N, date · facts` for citations sharing a source line, the title
    linked to the quoted words; when each quote has its own link, the title opens the document and
    a line `↳ [1] · [2]` beneath it opens each quote."""
    first = group[0]
    title = neutral(shorten(title_and_date(first.title or first.doc_id, first.date)[0]))
    detail = where(first, lang, label)
    tail = f" — {detail}" if detail else ""
    links = quote_links(group)
    url = links[0][1] if len(links) == 1 else citation_link(first.source or "", "")
    head = f"{numbers(group)} {link(url, title)}{esc(tail)}"
    blocks = [Block(wrap[0] + head + wrap[1], f"{numbers(group)} {title}{tail}", wrap, sep)]
    # One small block per link, so a long group splits between links, never inside one.
    for i, (n, quote_url) in enumerate(links if len(links) > 1 else []):
        before, between = ("↳ ", "\n") if i == 0 else ("", " · ")
        blocks.append(Block(before + link(quote_url, f"[{n}]"), f"{before}[{n}]", sep=between))
    return blocks


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
        for group in source_groups(answer.citations):
            blocks.extend(source_blocks(group, lang, labels.get(group[0].doc_id, "")))
    return blocks


def passage_blocks(
    answer: Answer, labels: Mapping[str, str] | None = None, lang: str | None = None
) -> list[Block]:
    """Each cited passage in full under its source line (linked to the quoted words), the quotes in
    bold; a passage shown once for all the quotes taken from it, each then followed by its [n]."""
    lang = lang or answer.lang
    labels = labels or {}
    blocks: list[Block] = []
    for group in source_groups(answer.citations):
        blocks.extend(source_blocks(group, lang, labels.get(group[0].doc_id, ""), BOLD, "\n\n"))
        by_passage: dict[str, list[Citation]] = {}
        for citation in group:
            by_passage.setdefault((citation.passage or citation.quote).strip(), []).append(citation)
        for passage, cited in by_passage.items():
            body, plain = marked_passage(passage, cited, numbered=len(group) > 1)
            blocks.append(Block(BLOCKQUOTE[0] + body + BLOCKQUOTE[1], plain, BLOCKQUOTE, "\n"))
    if not blocks:
        blocks.append(text_block(t("no_passages_text", lang)))
    return blocks


def marked_passage(passage: str, cited: Sequence[Citation], numbered: bool) -> tuple[str, str]:
    """The passage as HTML with each cited quote in bold (followed by ` [n]` when `numbered`), and
    as plain text; a quote not found, or overlapping one already marked, stays plain."""
    spans: list[tuple[int, int, int]] = []
    for citation in cited:
        quote = citation.quote.strip()
        start = passage.find(quote) if quote else -1
        while start >= 0 and any(s < start + len(quote) and start < e for s, e, _ in spans):
            start = passage.find(quote, start + 1)
        if start >= 0:
            spans.append((start, start + len(quote), citation.n))
    html, plain, cursor = [], [], 0
    for start, end, n in sorted(spans):
        mark = f" [{n}]" if numbered else ""
        before, quoted = neutral(passage[cursor:start]), neutral(passage[start:end])
        html.append(f"{esc(before)}<b>{esc(quoted)}</b>{mark}")
        plain.append(before + quoted + mark)
        cursor = end
    rest = neutral(passage[cursor:])
    return "".join(html) + esc(rest), "".join(plain) + rest
