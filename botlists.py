"""The bot's /docs and /events listings, rendered from the manifest and the events found in the documents."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from bothtml import BLOCKQUOTE, BOLD, Block, esc, link, shorten, text_block
from retriever import citation_link
from retriever.render import neutral, title_and_date
from retriever.texts import DEFAULT, t

EVENTS_PAGE = 5  # events per /events message; "More" shows the next ones


def docs_blocks(
    manifest: Mapping[str, Any], labels: Mapping[str, str] | None = None, lang: str | None = DEFAULT
) -> list[Block]:
    """The indexed documents, newest first, each linked and dated, with its facts (place · kind · dates)."""
    documents: Mapping[str, Mapping[str, Any]] = manifest.get("documents", {})
    labels = labels or {}
    key = "docs_header_one" if len(documents) == 1 else "docs_header"  # a filtered list may hold one
    header = t(key, lang, n=len(documents), version=manifest.get("version", "?"))
    blocks = [text_block(header, BOLD)]
    ordered = sorted(documents.items(), key=lambda item: str(item[1].get("title") or item[0]).lower())
    ordered.sort(key=lambda item: str(item[1].get("date") or ""), reverse=True)
    for doc_id, meta in ordered:
        # A title ending with its own date shows it once, as the answers' sources do.
        title, date = title_and_date(str(meta.get("title") or doc_id), str(meta.get("date") or ""))
        title = shorten(title)
        if not meta.get("date"):
            date = t("undated", lang)
        dated = f" ({date})" if date else ""  # none when the title already says it
        facts = f" — {labels[doc_id]}" if labels.get(doc_id) else ""
        line = f"• {link(str(meta.get('source') or ''), title)}{esc(dated)}{esc(facts)}"
        blocks.append(Block(line, f"• {title}{dated}{facts}", sep="\n"))
    return blocks


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
        blocks.append(text_block(t("events_header", lang, n=total), BOLD))
    last = previous
    for event in events:
        upcoming = is_upcoming(event)
        if upcoming != last:
            key = "events_upcoming" if upcoming else "events_recent"
            blocks.append(text_block(t(key, lang), ("<u>", "</u>")))
        last = upcoming
        doc = documents.get(event.doc_id, {})
        lines = [f"<b>{esc(neutral(shorten(event.title)))}</b>"]
        lines.append(esc(t("events_when", lang, dates=event_dates(event))))
        if event.place:
            lines.append(esc(t("events_where", lang, place=event.place)))
        if event.organisers:
            lines.append(esc(t("events_who", lang, organisers=", ".join(event.organisers))))
        plain = "\n".join(re.sub(r"<[^>]+>", "", html.unescape(line)) for line in lines)
        blocks.append(Block("\n".join(lines), plain))
        blocks.append(text_block(f"“{neutral(event.quote.strip())}”", BLOCKQUOTE, "\n"))
        title = shorten(str(doc.get("title") or event.doc_id))
        url = citation_link(str(doc.get("source") or ""), event.quote)
        source = t("events_source", lang, title="\x00")
        before, _, after = source.partition("\x00")
        blocks.append(Block(f"{esc(before)}{link(url, title)}{esc(after)}", before + title + after, sep="\n"))
    return blocks
