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
RUNNING_WORDS = 12  # a running header or footer is a short line; a wrapped sentence may repeat in form
_SENTENCE_END = re.compile(r"[.,;:!?…)\]\"”’。！？；：]$")
_LIST_ITEM = re.compile(r"^(?:[-•*▪–]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s")
_ENDED = re.compile(r"[.!?。！？]$|https?://\S+$")  # a line a heading may follow
_NO_SPACE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and Han: words without spaces


def _key(line: str) -> str:
    """A line as its repeats read, page numbers aside ("page 2 of 5" and "page 3 of 5" are one)."""
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


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


def _is_heading(line: str, next_line: str) -> bool:
    """A short line with no end punctuation, not a dateline nor one of a list, before more text."""
    numbered = _NUMBERED.match(line)  # "3. Targets", unless the next line goes on with the list
    words = line[numbered.end() if numbered else 0 :].split()
    if not next_line or not 0 < len(words) <= HEADING_WORDS or not words[0][:1].isupper():
        return False
    if _SENTENCE_END.search(line) or line.count(",") >= 2:  # "Nusa Dua, Bali, Indonesia, 29-30 October"
        return False
    if numbered:
        return _LIST_ITEM.match(next_line) is None
    starts_text = next_line[:1].isupper() or _LIST_ITEM.match(next_line) is not None
    return _LIST_ITEM.match(line) is None and starts_text


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
        previous = line
        if after_end and short and _is_heading(line, following):
            if current:
                paragraphs.append(current)
            current = ""
            paragraphs.append("## " + line)
            continue
        if current and _LIST_ITEM.match(line):
            paragraphs.append(current)
            current = ""
        current = _join(current, line) if current else line
        if short:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)
