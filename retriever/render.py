"""Plain-text rendering of an answer, shared by the CLI and the bot's console mode."""

from __future__ import annotations

import re

from . import texts
from .links import citation_link
from .types import Answer, Citation

# A document's own footnote marks ("[3]", "[2, 5]", "[4-6]") inside a quote would pass for our numbered
# sources. Shown as "(3)" they stay readable and plain ASCII, here and in the bot (botanswer.py);
# look-alike brackets (fullwidth "［3］", "⟦3⟧") would still read as our marks and break a search
# for the quoted words.
_MARKER = re.compile(r"\[(\s*\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*\s*)\]")


def neutral(text: str) -> str:
    """Text with bracketed numbers turned into parenthesised ones (see _MARKER)."""
    return _MARKER.sub(r"(\1)", text)


def answer_body(answer: Answer) -> str:
    """The answer text with each cited quote neutralised; our "[n]" after each quote and the text
    between quotes stay as they are. A quote not found in order is left alone."""
    text, cursor, pieces = answer.answer, 0, []
    for citation in answer.citations:
        start = text.find(citation.quote, cursor) if citation.quote else -1
        if start < 0:
            continue
        end = start + len(citation.quote)
        pieces += [text[cursor:start], neutral(text[start:end])]
        cursor = end
    return "".join(pieces) + text[cursor:]


def source_line(citation: Citation) -> str:
    """'Title — section, p. N (date)' for one citation."""
    where = citation.section
    if citation.page is not None:
        where = f"{where}, p. {citation.page}" if where else f"p. {citation.page}"
    line = citation.title
    if where and where != citation.title:
        line += f" — {where}"
    if citation.date:
        line += f" ({citation.date})"
    return neutral(line)


def render_text(answer: Answer) -> str:
    """The answer, then its numbered sources, each with a link that opens at the quoted words."""
    lines = [answer_body(answer)]
    if answer.citations:
        lines += ["", texts.t("sources_label", answer.lang)]
        for citation in answer.citations:
            lines.append(f"[{citation.n}] {source_line(citation)}")
            # The link carries the quote as the document writes it, so the browser finds those words.
            link = citation_link(citation.source, citation.quote, citation.page)
            if link:
                lines.append(f"    {link}")
    return "\n".join(lines)
