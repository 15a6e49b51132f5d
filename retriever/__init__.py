"""Plastic Policy Assistant retrieval library: documents -> index -> search -> cited answers.

Public API (the CLI and the bot call only these):
- `index_documents()` builds or updates the index from a documents folder.
- `index_corpus()` does the same from ready-made `Document`s (BEIR datasets, tests).
- `search()` returns ranked `Passage`s; `ask()` returns a cited `Answer`.
- `status()` reads the live index's manifest; `render_text()` formats an answer as plain text.
- `events()` and `documents()` read the events and document facts kept in the live index.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .settings import Settings, SettingsError, load_settings
from .types import (
    Answer,
    Chunk,
    Citation,
    CollectionShrank,
    Document,
    IndexMissing,
    IndexSummary,
    Passage,
    Skipped,
)

__all__ = [
    "Answer",
    "Chunk",
    "Citation",
    "CollectionShrank",
    "Document",
    "IndexMissing",
    "IndexSummary",
    "Passage",
    "Settings",
    "SettingsError",
    "Skipped",
    "ask",
    "index_corpus",
    "index_documents",
    "load_settings",
    "render_text",
    "search",
    "status",
]


def _settings(settings: Settings | None, **overrides: Any) -> Settings:
    return (settings or load_settings()).with_(**overrides)


def index_documents(
    documents_dir: Path | str | None = None,
    index_dir: Path | str | None = None,
    *,
    full: bool = False,
    settings: Settings | None = None,
    progress: bool = False,
    allow_shrink: bool = False,
) -> IndexSummary:
    """Build or update the index of a documents folder; only changed files are re-embedded.

    Raises CollectionShrank (publishing nothing) when the build would drop most of the indexed
    documents, unless `allow_shrink` (see `build.SHRINK_RULE`).
    """
    from .build import build_from_folder

    s = _settings(
        settings,
        documents_dir=Path(documents_dir) if documents_dir else None,
        index_dir=Path(index_dir) if index_dir else None,
    )
    return build_from_folder(s, full=full, progress=progress, allow_shrink=allow_shrink)


def index_corpus(
    documents: Iterable[Document],
    index_dir: Path | str,
    *,
    full: bool = False,
    settings: Settings | None = None,
    progress: bool = False,
    allow_shrink: bool = False,
) -> IndexSummary:
    """Build or update an index from ready-made documents (ids and sha256 set); as `index_documents`."""
    from .build import build_from_documents

    s = _settings(settings, index_dir=Path(index_dir))
    return build_from_documents(s, list(documents), full=full, progress=progress, allow_shrink=allow_shrink)


def search(
    query: str,
    *,
    k: int = 10,
    mode: str | None = None,
    index_dir: Path | str | None = None,
    doc_ids: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    settings: Settings | None = None,
) -> list[Passage]:
    """Top-k passages for a query: `dense`, `bm25` or fused `hybrid`, with optional filters."""
    from .retrieval import open_searcher

    s = _settings(settings, index_dir=Path(index_dir) if index_dir else None, mode=mode)
    return open_searcher(s).search(
        query, k=k, mode=s.mode, doc_ids=doc_ids, date_from=date_from, date_to=date_to
    )


def ask(
    question: str,
    *,
    k: int | None = None,
    mode: str | None = None,
    index_dir: Path | str | None = None,
    doc_ids: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    lang: str | None = None,
    settings: Settings | None = None,
    previous: str = "",
) -> Answer:
    """A short answer quoted from the documents with numbered citations, or an honest refusal.

    `lang` sets the language of the assistant's own words; by default the question's. `previous` is
    the question asked before in the same chat, which a follow-up ("and where?") is read with.
    """
    from .answer import answer_question
    from .retrieval import open_searcher

    s = _settings(settings, index_dir=Path(index_dir) if index_dir else None, mode=mode, k=k)
    return answer_question(
        open_searcher(s),
        question,
        settings=s,
        doc_ids=doc_ids,
        date_from=date_from,
        date_to=date_to,
        lang=lang,
        previous=previous,
    )


def status(index_dir: Path | str | None = None, settings: Settings | None = None) -> dict[str, Any]:
    """The live index's manifest (raises IndexMissing when there is none)."""
    from .store import read_manifest

    s = _settings(settings, index_dir=Path(index_dir) if index_dir else None)
    return read_manifest(s.index_dir)


def render_text(answer: Answer) -> str:
    """An answer as plain text: the quoted sentences, then the numbered sources."""
    from .render import render_text as _render

    return _render(answer)


from .collection import AddResult, RemoveResult, add_document, remove_document, supported_types  # noqa: E402

__all__ += ["AddResult", "RemoveResult", "add_document", "remove_document", "supported_types"]

from .events import Event, extract_events, list_events, select_events  # noqa: E402
from .facts import DocFacts, document_facts  # noqa: E402
from .links import citation_link  # noqa: E402

__all__ += ["DocFacts", "Event", "citation_link", "document_facts", "extract_events", "list_events"]
__all__ += ["select_events"]


def events(
    date_from: str | None = None,
    date_to: str | None = None,
    *,
    settings: Settings | None = None,
    today: _dt.date | None = None,
) -> list[Event]:
    """Events kept in the live index overlapping [date_from, date_to], upcoming first, then recent.

    Defined after `from .events import ...`, so `retriever.events` is this function; the module
    stays importable as `from retriever.events import ...`.
    """
    from .store import read_documents

    docs = read_documents(_settings(settings).index_dir)
    found = [Event.from_dict(e) for entry in docs.values() for e in entry["events"]]
    return select_events(found, date_from, date_to, today)


def documents(settings: Settings | None = None) -> list[dict[str, Any]]:
    """Each document of the live index as `docs --json` lists it: id, title, date, source, facts."""
    from .store import read_documents

    keys = ("title", "date", "source", "facts")
    return [
        {"id": doc_id} | {k: entry[k] for k in keys}
        for doc_id, entry in read_documents(_settings(settings).index_dir).items()
    ]


__all__ += ["documents", "events"]
