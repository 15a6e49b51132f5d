"""Plain frozen records passed between the pipeline's stages, and the errors they raise."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One file of the corpus, read into text plus metadata.

    `id` is the path relative to the documents folder (posix slashes). `text` is the body with
    any front matter removed; every offset elsewhere points into it. `pages` lists
    `(start_offset, page_number)` pairs in order, for formats that have pages (PDF).
    """

    id: str
    text: str
    title: str
    source: str = ""
    publisher: str = ""
    date: str = ""
    language: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    pages: tuple[tuple[int, int], ...] = ()
    sha256: str = ""

    def page_at(self, offset: int) -> int | None:
        """Page number holding character `offset`, or None for formats without pages."""
        page = None
        for start, number in self.pages:
            if start > offset:
                break
            page = number
        return page


@dataclass(frozen=True)
class Chunk:
    """A passage of one document; `text == document.text[start:end]`.

    `sentences` holds `(start, end)` offsets of the chunk's sentences, relative to the chunk's
    text, so answers can quote whole sentences verbatim.
    """

    id: str  # "{doc_id}#{n}"
    doc_id: str
    n: int
    text: str
    section: str
    start: int
    end: int
    page: int | None = None
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Passage:
    """A chunk found by search, with its document's metadata and its scores."""

    id: str
    doc_id: str
    text: str
    title: str
    section: str
    page: int | None
    date: str
    source: str
    publisher: str
    start: int
    end: int
    score: float
    dense_score: float | None = None
    bm25_score: float | None = None
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Citation:
    """One numbered source of an answer: the verbatim quote and the passage it came from."""

    n: int
    doc_id: str
    title: str
    section: str
    page: int | None
    date: str
    source: str
    quote: str
    passage: str
    score: float


@dataclass(frozen=True)
class Answer:
    """What `ask()` returns; its fields are the keys of `ask --json`."""

    question: str
    answer: str
    refused: bool
    citations: tuple[Citation, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
    # The ranked passages the answer was composed from (best first): what evaluation scores
    # retrieval on, so a question is searched once. Not part of `ask --json`.
    passages: tuple[Passage, ...] = field(default=(), compare=False, repr=False)
    lang: str = "en"  # the language the assistant's own words are in (the question's, or as asked)
    scope: str = ""  # the filter the question stated and the answer applied, e.g. "documents about Malaysia"

    def to_dict(self) -> dict[str, Any]:
        data = {f: getattr(self, f) for f in ("question", "answer", "refused", "timings_ms")}
        return data | {"citations": [asdict(c) for c in self.citations]}


@dataclass(frozen=True)
class Skipped:
    """A file left out of the index, with the reason a person can act on."""

    id: str
    reason: str


@dataclass(frozen=True)
class IndexSummary:
    """What one `index` run did; its fields are the keys of `index --json`."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    documents: int
    chunks: int
    seconds: float
    version: str
    full_rebuild: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("added", "changed", "unchanged", "removed"):
            data[key] = list(data[key])
        data["skipped"] = [asdict(s) for s in self.skipped]
        return data


class IndexMissing(FileNotFoundError):
    """No built index where one was expected; the message says how to build it."""


class CollectionShrank(RuntimeError):
    """A build would drop most of the indexed documents; nothing was published, the old version stays live.

    `removed` lists the indexed documents the build would lose, `before` and `after` count the
    documents of the live version and of the refused build.
    """

    def __init__(self, message: str, removed: tuple[str, ...] = (), before: int = 0, after: int = 0) -> None:
        super().__init__(message)
        self.removed = removed
        self.before = before
        self.after = after
