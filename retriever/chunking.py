"""Structure-aware chunking: Document -> Chunks with exact offsets, sections, pages and sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import count_words, headline, split_sentences, strip_decoration
from .types import Chunk, Document

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_HARD_BREAK = re.compile(r"\*{3,}|-{3,}|_{3,}")
_PARA_BREAK = re.compile(r"\n\s*\n")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    words: int


def _title_line(lines: list[str], title: str) -> int:
    """Index of an opening paragraph of one line that only repeats the title, else -1."""
    filled = [k for k, line in enumerate(lines) if line.strip()][:2]
    # A blank line must follow: a title taken from a PDF's first line may be half a sentence.
    alone = len(filled) == 2 and filled[1] > filled[0] + 1
    return filled[0] if alone and strip_decoration(lines[filled[0]]).split() == title.split() else -1


# A plain-text heading: a short line standing alone between blank lines, with no sentence's end, label,
# list or table mark, nor a year or day ("Penalties", "2. Timeline", "DENDA", "ความเป็นมา"; not
# "NOVEMBER 2025" nor "Issued by: Ministry ...").
_PLAIN_HEADING_WORDS = 8
_NOT_HEADING = re.compile(r"[.!?。！？;,…:：|]\W*$|[:：|]|\d{4}|^\s*[-*•>+]\s|^\W*$")


def _plain_headings(lines: list[str]) -> set[int]:
    """Lines of a text without markdown headings that read as its section headings."""
    if any(_HEADING.match(line) for line in lines):
        return set()
    filled = [k for k, line in enumerate(lines) if line.strip()]
    found = set()
    # Not right after the first line, a headline: it would be left a section of its own, and its words
    # quoted as the answer to any question about the whole story.
    for before, k, after in zip(filled[1:], filled[2:], filled[3:], strict=False):
        alone = k > before + 1 and after > k + 1
        line = lines[k].strip()
        if alone and count_words(line) <= _PLAIN_HEADING_WORDS and not _NOT_HEADING.search(line):
            found.add(k)
    return found


def _regions(text: str, title: str, budget: int) -> list[tuple[int, int, str]]:
    """(start, end, section) runs of text that no chunk may cross: sections, posts, hard breaks."""
    lines = text.split("\n")
    feed = any(line.strip() == "-" for line in lines)
    title_at = _title_line(lines, title)  # a heading in all but markup, not a sentence to quote
    plain = set() if feed else _plain_headings(lines)
    regions: list[tuple[int, int, str]] = []
    section, post_pending = "", feed
    start = end = -1
    pos = 0
    for k, line in enumerate(lines):
        line_start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        heading = _HEADING.match(line)
        name = strip_decoration(heading.group(2)) if heading else title if k == title_at else None
        if name is None and k in plain:
            name = strip_decoration(stripped)
        if name is not None or stripped == "-" or _HARD_BREAK.fullmatch(stripped):
            if start >= 0:
                regions.append((start, end, section))
            start = -1
            section, post_pending = (section, feed) if name is None else (name, False)
            continue
        if not stripped:
            continue
        if start < 0:
            start = line_start
            if post_pending:
                section, post_pending = headline(stripped), False
        end = line_start + len(line)
        # In a feed each post is one long line; lines after it (a profile, names) are not that post.
        if feed and count_words(line) > budget:
            regions.append((start, end, section))
            start, post_pending = -1, True
    if start >= 0:
        regions.append((start, end, section))
    return regions


def _paragraph_units(text: str, start: int, end: int) -> list[list[_Unit]]:
    """Sentences of each blank-line separated paragraph of text[start:end], as absolute spans."""
    paragraphs: list[list[_Unit]] = []
    bounds = [start] + [x for m in _PARA_BREAK.finditer(text, start, end) for x in m.span()] + [end]
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        piece = text[a:b]
        units = [_Unit(a + s, a + e, count_words(piece[s:e])) for s, e in split_sentences(piece)]
        if units:
            paragraphs.append(units)
    return paragraphs


def _windows(text: str, unit: _Unit, budget: int, overlap: int) -> list[list[_Unit]]:
    """An overlong sentence cut at word boundaries into overlapping windows of `budget` words."""
    tokens = list(_TOKEN.finditer(text, unit.start, unit.end))
    step = max(1, budget - overlap)
    out = []
    for i in range(0, max(1, len(tokens) - overlap), step):
        part = tokens[i : i + budget]
        a, b = part[0].start(), part[-1].end()
        out.append([_Unit(a, b, count_words(text[a:b]))])
    return out


def _tail(units: list[_Unit], overlap: int) -> list[_Unit]:
    """Whole sentences from the end of a chunk worth about `overlap` words, to start the next."""
    if overlap <= 0 or not units:
        return []
    taken, words = [], 0
    for u in reversed(units):
        if words + u.words > overlap:
            break
        taken.insert(0, u)
        words += u.words
    if not taken and units[-1].words <= 2 * overlap:
        taken = [units[-1]]  # a sentence a little longer than the overlap still gives context
    return taken


def _pack(text: str, paragraphs: list[list[_Unit]], budget: int, overlap: int) -> list[list[_Unit]]:
    """Group sentences into chunks: whole paragraphs first, then whole sentences, with overlap."""
    chunks: list[list[_Unit]] = []
    cur: list[_Unit] = []
    fresh = 0  # sentences in `cur` that the previous chunk does not already hold

    def flush(keep_tail: bool = True) -> None:
        nonlocal cur, fresh
        if fresh:
            chunks.append(cur)
            cur = _tail(cur, overlap) if keep_tail else []
        fresh = 0

    for para in paragraphs:
        size, para_words = sum(u.words for u in cur), sum(u.words for u in para)
        if fresh and size + para_words > budget and (para_words <= budget or size >= budget // 2):
            flush()
        for unit in para:
            if unit.words > budget:
                flush(keep_tail=False)
                cur = []
                chunks.extend(_windows(text, unit, budget, overlap))
                continue
            if sum(u.words for u in cur) + unit.words > budget:
                flush()
                while cur and sum(u.words for u in cur) + unit.words > budget:
                    cur.pop(0)
            cur.append(unit)
            fresh += 1
    flush()
    return chunks


def chunk_document(doc: Document, words: int = 120, overlap: int = 25) -> list[Chunk]:
    """Split a document into chunks of at most `words` words that keep sections and posts apart."""
    text = doc.text
    chunks: list[Chunk] = []
    for start, end, section in _regions(text, doc.title, words):
        for units in _pack(text, _paragraph_units(text, start, end), words, overlap):
            a, b = units[0].start, units[-1].end
            if not any(c.isalpha() for c in text[a:b]):
                continue  # nothing to find or quote: a "+1" counter, a page number
            n = len(chunks)
            chunks.append(
                Chunk(
                    id=f"{doc.id}#{n}",
                    doc_id=doc.id,
                    n=n,
                    text=text[a:b],
                    section=section,
                    start=a,
                    end=b,
                    page=doc.page_at(a),
                    sentences=tuple((u.start - a, u.end - a) for u in units),
                )
            )
    return chunks
