"""Table rows read with their header: "2023 | 131 | 311,400" says nothing without "Bottles returned".

Readers write a table one row a line, cells joined by " | " (Word, web pages), or as a Markdown table.
A row of a table of three columns or more is weighed against a question with its header's words
beside each value, and quoted with its header line, so a reader sees what each figure counts. A
two-column table ("Venue | Hotel Borobudur Jakarta") labels its own values and is read as it is.
"""

from __future__ import annotations

import re

_SEPARATOR = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")
MIN_COLUMNS = 3


def cells(line: str) -> list[str]:
    """The cells of a table line; [] for a line that is not one (fewer than two cells)."""
    if " | " not in line and not line.strip().startswith("|"):
        return []
    parts = [c.strip() for c in line.strip().strip("|").split("|")]
    return parts if len(parts) >= 2 else []


def _line_at(text: str, start: int) -> tuple[int, int]:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return begin, len(text) if end < 0 else end


def header_of(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the header line above the table row text[start:end], or None: not a row of a table
    of MIN_COLUMNS or more, or the header itself."""
    begin, stop = _line_at(text, start)
    if stop < end or len(row := cells(text[begin:stop])) < MIN_COLUMNS:
        return None
    header: tuple[int, int] | None = None
    while begin > 0:  # walk up the lines of the same table
        above = _line_at(text, begin - 1)
        line = text[above[0] : above[1]]
        if _SEPARATOR.fullmatch(line.strip()):
            begin = above[0]
            continue
        if len(cells(line)) != len(row):
            break
        header, begin = above, above[0]
    return header


def paired(header: str, row: str) -> str:
    """A row with each value after its column's name: "Year 2023; Bottles returned 311,400"."""
    return "; ".join(f"{name} {value}" for name, value in zip(cells(header), cells(row), strict=False))
