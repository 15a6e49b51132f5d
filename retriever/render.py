"""Plain-text rendering of an answer, shared by the CLI and the bot's console mode."""

from __future__ import annotations

from .types import Answer, Citation


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
    return line


def render_text(answer: Answer) -> str:
    """The answer, then its numbered sources with links."""
    lines = [answer.answer]
    if answer.citations:
        lines += ["", "Sources:"]
        for citation in answer.citations:
            lines.append(f"[{citation.n}] {source_line(citation)}")
            if citation.source:
                lines.append(f"    {citation.source}")
    return "\n".join(lines)
