"""The shipped collection's manifest entries, made by the build's own code (facts and events), read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from retriever import Document
from retriever.planning import facts_and_events
from retriever.readers import read_document
from retriever.sources import find_sources

ROOT = Path(__file__).resolve().parent.parent


def entry(doc: Document) -> dict[str, Any]:
    """A document's manifest entry as the build writes it."""
    return {"title": doc.title, "date": doc.date, "source": doc.source} | facts_and_events(doc)


@cache
def collection() -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Manifest entries and texts of every document of the shipped collection (do not modify)."""
    files, _ = find_sources(ROOT / "documents")
    docs = {f.id: read_document(f) for f in files}
    return {i: entry(d) for i, d in docs.items()}, {i: d.text for i, d in docs.items()}
