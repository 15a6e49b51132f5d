"""A PDF's extracted lines -> paragraphs: running headers and footers dropped, wrapped lines joined,
short title-like lines marked as headings.

pypdf gives one line per printed line. Read as they come, a sentence wrapped at "the Bali
International" / "Convention Centre" is two sentences (the second opens in capitals), a heading
("Participants") is quoted as if it were a fact, and a footer ("Annual Report 2022 - page 3")
interrupts the text on every page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

# A line this much shorter than the page's longest ends its paragraph (the last line of a paragraph,
# a title, a dateline, a heading); a longer one was wrapped and goes on.
SHORT_LINE = 0.75
HEADING_WORDS = 8
RUNNING_WORDS = 25  # a running header or footer is one line, not a paragraph
_EDGE_CHARS = 12  # how near a line's ends a page number stands ("Page 3 of 5", "Report 2022 - 3")
_SENTENCE_END = re.compile(r"[.,;:!?…)\]\"”’。！？；：]$")
_LIST_ITEM = re.compile(r"^(?:[-•*▪–]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s")
_ENDED = re.compile(r"[.!?。！？]$|https?://\S+$")  # a line a heading may follow
_NO_SPACE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and Han: words without spaces


def _key(line: str) -> str:
    """A line as its repeats read, page numbers aside: "page 2 of 5" and "page 3 of 5" are one, and so
    are "Plan 2020-2023 - page 2" and "- page 3". Only numbers near either end are a page's; a
    sentence's own numbers keep two pages' lines apart."""
    line = " ".join(line.split()).lower()

    def page_number(m: re.Match[str]) -> str:
        return "#" if m.start() < _EDGE_CHARS or m.end() > len(line) - _EDGE_CHARS else m.group()

    return re.sub(r"\d+", page_number, line)


def running_lines(pages: list[str]) -> set[str]:
    """Keys of lines at the top or bottom of most pages: headers, footers and page numbers."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for text in pages:
        lines = [line for line in text.split("\n") if line.strip()]
        seen.update({_key(line) for line in lines[:2] + lines[-2:] if len(line.split()) <= RUNNING_WORDS})
    need = max(2, (len(pages) + 1) // 2)
    return {key for key, n in seen.items() if n >= need}


def _titled(line: str) -> bool:
    """Whether a line is shaped like a heading: a few words, capitalised, with no end punctuation,
    not a dateline ("Nusa Dua, Bali, Indonesia, 29-30 October 2018") nor a bulleted item."""
    numbered = _NUMBERED.match(line)  # "3. Targets"
    words = line[numbered.end() if numbered else 0 :].split()
    return (
        0 < len(words) <= HEADING_WORDS
        and words[0][:1].isupper()
        and _SENTENCE_END.search(line) is None
        and line.count(",") < 2
        and "://" not in line  # "Source: https://..." is a label line
        and (numbered is not None or _LIST_ITEM.match(line) is None)
    )


def _is_heading(line: str, before: str, after: str) -> bool:
    """A heading-shaped line between lines that are not: a run of them is a table's rows, a list or
    an address ("Levy raised 20 cents per bag" under "Key facts"), whose text must stay quotable."""
    if not after or not _titled(line) or _titled(after) or (before and _titled(before)):
        return False
    if _NUMBERED.match(line):  # "1. Plastic straws" before "2. Plastic cups" is a list
        return _LIST_ITEM.match(after) is None
    return after[:1].isupper() or _LIST_ITEM.match(after) is not None


def _join(left: str, right: str) -> str:
    """Two wrapped lines as one: no space inside a hyphenated word or a run of Chinese or Japanese."""
    if left.endswith("-") and right[:1].islower():
        return left + right
    if _NO_SPACE.match(left[-1:]) and _NO_SPACE.match(right[:1]):
        return left + right
    return f"{left} {right}"


def reflow(text: str, running: Collection[str] = ()) -> str:
    """One page's text as blank-line separated paragraphs, headings as markdown heading lines."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if _key(line) not in running]
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = ""
    previous = ""
    for k, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        following = next((nxt for nxt in lines[k + 1 :] if nxt), "")
        # A line followed by one in lower case was wrapped, however short (a two-line title).
        short = len(line) < SHORT_LINE * width and not following[:1].islower()
        after_end = not current or _ENDED.search(previous) is not None
        before, previous = previous, line
        if after_end and short and _is_heading(line, before, following):
            if current:
                paragraphs.append(current)
            current = ""
            paragraphs.append("## " + line)
            continue
        if current and (_LIST_ITEM.match(line) or (after_end and short and _titled(line))):
            paragraphs.append(current)
            current = ""
        current = _join(current, line) if current else line
        if short:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)
