"""Planning a build: compare the sources with the live version, read and chunk what is new or changed,
and refuse a build that would lose most of the collection (`check_shrink`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import store
from .chunking import chunk_document
from .events import extract_events
from .facts import DocFacts, document_facts
from .readers import ReadError
from .settings import Settings
from .texts import Reason, reason_of
from .types import Chunk, CollectionShrank, Document, IndexMissing, Skipped

log = logging.getLogger(__name__)

# Bump when reading, chunking or what is kept per document changes what an unchanged file turns into:
# forces a full rebuild once. Each bump says why, and that is printed as the rebuild's reason.
PIPELINE = 12
PIPELINE_CHANGES = {
    2: "each document's facts and events are now kept in the index",
    3: "sentences and keywords of Thai, Lao, Khmer, Burmese, Chinese and Korean text are split anew",
    4: "a national-language document is indexed under its English summary line too",
    5: "a PDF's wrapped lines are joined into paragraphs and its running headers and footers dropped; "
    "a web page's sidebar, footer and forms are left out",
    6: "the Pacific islands and New Zealand, Indore and Jaipur are known places, so documents on them "
    "are found by where they are; a web page's masthead outside its <main> or <article> is left out",
    7: "75 more cities of the region are known places (Semarang, Hangzhou, Daejeon, Khon Kaen, Can Tho and "
    "others), so documents on them are found by where they are; a web page's publication date is read "
    "from its article:published_time or Dublin Core <meta> too",
    8: "a document's date is the one its header or dateline states (\"Issued 28 June 2021\", \"RAYONG, "
    "9 June 2023 –\") where its metadata gives none, and over a Word or PDF file's creation date; a PDF "
    "without a title is named by its first line, not by its first section heading; a title before a name "
    "(Drs., Ir., Atty., Engr.) no longer ends a sentence",
    9: "a plain-text heading (a short line alone between blank lines: \"Penalties\", \"2. Timeline\") "
    "starts a section; Thai and Lao paragraphs written with full stops end their sentences there, not at "
    "every space",
    10: "the provinces, states and districts of Asia and the Pacific that ISO 3166-2 names (Zhejiang, "
    "Chiang Rai, Sindh, Kandy and some 700 others) are known places, so documents on them are found by "
    "where they are",
    11: "British and American spellings are one keyword (organised and organized, programme and program, "
    "centre and center, offence and offense)",
    12: "an ordinal in words is the same keyword as in figures (Ninth and 9th, second and 2nd)",
}
_DOC_FIELDS = ("title", "source", "publisher", "date", "language")

SHRINK_RULE = (
    "a build is refused when it would drop indexed documents and either no document would remain, "
    "or at least 2 documents and at least half of the live version's documents would be dropped"
)


@dataclass(frozen=True)
class Source:
    """A document to index: its id, content hash, and how to read it."""

    id: str
    sha256: str
    load: Callable[[], Document]
    stat: tuple[int, int] | None = None  # the file's (size, mtime_ns) at hashing, when it may be reused


@dataclass
class Plan:
    """What a build will do, decided before anything is embedded."""

    config: dict[str, Any]  # model, dimension, chunking: what the new version is built with
    reason: str = ""  # why every document is embedded again ("" = incremental)
    old: store.Version | None = None  # the live version, when it could be loaded
    previous: dict[str, Any] | None = None  # the live version's manifest
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # indexed documents no longer among the sources
    skipped: list[Skipped] = field(default_factory=list)
    docs: dict[str, dict[str, Any]] = field(default_factory=dict)  # manifest entry per new-version document
    fresh: list[tuple[Chunk, Document]] = field(default_factory=list)  # the chunks to embed

    @property
    def base(self) -> store.Version | None:
        """The live version when the new one builds on it (incremental), else None."""
        return self.old if self.old is not None and not self.reason else None

    @property
    def fresh_docs(self) -> set[str]:
        """Documents whose chunks are embedded in this build."""
        return {doc.id for _, doc in self.fresh}

    @property
    def lost(self) -> list[str]:
        """Documents of the live version that the new one would not hold (removed or now unreadable)."""
        before = self.previous["documents"] if self.previous else {}
        return sorted(doc_id for doc_id in before if doc_id not in self.docs)

    @property
    def up_to_date(self) -> bool:
        """True when the live version already is what this build would publish."""
        return self.old is not None and not (self.reason or self.added or self.changed or self.lost)


def settings_record(settings: Settings, dimension: int, model: str) -> dict[str, Any]:
    """The manifest keys that, when they change, make every vector stale."""
    return {
        "format": store.FORMAT,
        "pipeline": PIPELINE,
        "model": model,
        "dimension": dimension,
        "chunk_words": settings.chunk_words,
        "chunk_overlap": settings.chunk_overlap,
        "sentence_vectors": bool(getattr(settings, "sentence_vectors", True)),
    }


# Manifest keys added after indexes were built: their value when an older manifest lacks them.
_CONFIG_DEFAULTS: dict[str, Any] = {"sentence_vectors": True}


def doc_entry(doc: Document, sha256: str, n_chunks: int) -> dict[str, Any]:
    """A document's entry in the manifest."""
    entry = {"sha256": sha256, "chunks": n_chunks} | {f: getattr(doc, f) for f in _DOC_FIELDS}
    return entry | ({"meta": doc.meta} if doc.meta else {})


def _stamped(entry: dict[str, Any], stat: tuple[int, int] | None) -> dict[str, Any]:
    """The entry with the (size, mtime_ns) its sha256 stands for; without one when there is none."""
    kept = {k: v for k, v in entry.items() if k not in ("size", "mtime_ns")}
    return kept | ({"size": stat[0], "mtime_ns": stat[1]} if stat else {})


def facts_and_events(doc: Document) -> dict[str, Any]:
    """The manifest keys "facts" and "events" of a document (read once here, so readers need no files)."""
    try:
        events = [e.to_dict() for e in extract_events(doc)]
        return {"facts": document_facts(doc).to_dict(), "events": events}
    except Exception:  # a fault in reading cues must not keep the document out of search
        log.exception("facts and events of %s could not be read; it is indexed without them", doc.id)
        return {"facts": DocFacts().to_dict(), "events": []}


def read_live_manifest(index_dir: Path) -> dict[str, Any] | None:
    """The live version's manifest, or None when there is none or it cannot be read."""
    try:
        return store.read_manifest(index_dir) if store.current_version(index_dir) else None
    except (IndexMissing, OSError, ValueError):
        return None


def known_hashes(manifest: dict[str, Any] | None) -> dict[str, tuple[int, int, str]]:
    """Per file, the (size, mtime_ns, sha256) a manifest recorded (older ones did not), for reuse."""
    try:
        docs = manifest["documents"] if manifest else {}
        return {d: (e["size"], e["mtime_ns"], e["sha256"]) for d, e in docs.items() if "mtime_ns" in e}
    except (KeyError, TypeError, AttributeError):
        return {}  # a malformed manifest only means every file is hashed


def live_version(
    index_dir: Path, manifest: dict[str, Any] | None = None
) -> tuple[store.Version | None, dict[str, Any] | None, str]:
    """The live version, its manifest, and why it cannot be built upon ("" when it can).

    `manifest` is the live manifest when the caller read it already: it is not read again while the
    live version is still the one it describes.
    """
    live = store.current_version(index_dir)
    if live is None:
        return None, None, ""
    known = manifest if manifest is not None and manifest.get("version") == live else None
    try:
        old = store.load_version(index_dir, live, manifest=known)
    except (IndexMissing, OSError, ValueError) as exc:
        log.warning("the live index could not be read (%s); rebuilding it in full", exc)
        previous = known if known is not None else read_live_manifest(index_dir)
        why = Reason(f"the live index could not be read ({exc})", "rebuild_unreadable", detail=str(exc))
        return None, previous, why
    return old, old.manifest, ""


def _pipeline_changes(old: object, new: int) -> str:
    """What changed in reading or chunking between two pipeline numbers, for the rebuild reason."""
    since = old if isinstance(old, int) else 0
    notes = [text for number, text in sorted(PIPELINE_CHANGES.items()) if since < number <= new]
    return f" ({'; '.join(notes)})" if notes else ""


def rebuild_reason(previous: dict[str, Any] | None, config: dict[str, Any], full: bool, broken: str) -> str:
    if full:
        return Reason("--full was asked for", "rebuild_full")
    if broken:
        return broken
    if previous is None:
        return Reason("first build", "rebuild_first")
    changed = [
        f"{key} {previous.get(key)!r} -> {value!r}"
        + (_pipeline_changes(previous.get(key), value) if key == "pipeline" else "")
        for key, value in config.items()
        if previous.get(key, _CONFIG_DEFAULTS.get(key)) != value
    ]
    detail = ", ".join(changed)
    return Reason(f"settings changed: {detail}", "rebuild_settings", detail=detail) if changed else ""


def plan(
    settings: Settings,
    sources: list[Source],
    skipped: list[Skipped],
    *,
    config: dict[str, Any],
    reason: str,
    old: store.Version | None = None,
    previous: dict[str, Any] | None = None,
) -> Plan:
    """Sort the sources against the live version; read and chunk the new and changed ones."""
    old_docs: dict[str, dict[str, Any]] = previous["documents"] if previous else {}
    by_id = {s.id: s for s in sources}
    p = Plan(config, reason, old, previous, skipped=list(skipped))
    reusable = old_docs if p.base is not None else {}  # documents whose vectors can be copied
    p.removed = sorted(i for i in old_docs if i not in by_id)
    for doc_id in sorted(by_id):
        source, before = by_id[doc_id], old_docs.get(doc_id)
        if doc_id in reusable and reusable[doc_id]["sha256"] == source.sha256:
            p.unchanged.append(doc_id)
            p.docs[doc_id] = _stamped(reusable[doc_id], source.stat)
            continue
        try:
            doc = source.load()
            chunks = chunk_document(doc, settings.chunk_words, settings.chunk_overlap)
            if not chunks:
                raise ReadError(Reason("no text to index", "reason_no_text"))
        except Exception as exc:  # one bad file must not stop the others; its reason is reported
            if not isinstance(exc, ReadError):
                log.exception("reading %s failed", doc_id)
            if isinstance(exc, ReadError):
                why = reason_of(exc)
            else:
                why = Reason(f"cannot be read ({type(exc).__name__}: {exc})", "reason_cannot_read")
            if doc_id in reusable:
                p.docs[doc_id] = reusable[doc_id]
                why = Reason(f"{why}; the previous version stays indexed", "reason_previous_kept", reason=why)
            elif before is not None:
                why = Reason(f"{why}; it is no longer indexed", "reason_dropped", reason=why)
            p.skipped.append(Skipped(doc_id, why))
            continue
        if before is None:
            p.added.append(doc_id)
        elif before["sha256"] == source.sha256:
            p.unchanged.append(doc_id)  # same content, embedded again for a full rebuild
        else:
            p.changed.append(doc_id)
        p.docs[doc_id] = _stamped(doc_entry(doc, source.sha256, len(chunks)), source.stat)
        p.docs[doc_id] |= facts_and_events(doc)
        p.fresh.extend((c, doc) for c in chunks)
    p.skipped.sort(key=lambda s: s.id)
    return p


def check_shrink(p: Plan, origin: str = "the documents given") -> None:
    """Raise CollectionShrank when the plan would lose most of the collection (see SHRINK_RULE)."""
    lost = p.lost
    before = len(p.previous["documents"]) if p.previous else 0
    after = len(p.docs)
    if not lost or not (after == 0 or (len(lost) >= 2 and 2 * len(lost) >= before)):
        return
    named = ", ".join(lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
    live = p.previous.get("version", "the live version") if p.previous else "the live version"
    raise CollectionShrank(
        f"not indexed: this build would remove {len(lost)} of the {before} indexed documents ({named}),"
        f" leaving {after}. Check {origin} (an unmounted or emptied folder?); {live} stays live."
        " If the removal is intended, run `python -m retriever index --allow-removal`"
        " (Python: allow_shrink=True).",
        removed=tuple(lost),
        before=before,
        after=after,
    )
