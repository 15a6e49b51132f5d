"""Documents -> chunks -> embeddings -> a new index version; only changed documents are embedded.

A build is four steps, each a function that `bench` reuses:
`plan` (compare the sources with the live version; read and chunk what is new or changed),
`embed` (only those chunks), `assemble` (records, vectors, BM25 index and manifest of the new
version, copying forward the vectors of unchanged documents) and `publish` (write, then switch).
Between `plan` and `embed`, `check_shrink` refuses a build that would lose most of the collection.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from . import milvus, store
from .chunking import chunk_document
from .embedding import Embedder, embed_text, get_embedder
from .events import extract_events
from .facts import DocFacts, document_facts
from .keyword import build_bm25
from .readers import ReadError, find_sources, read_document
from .settings import Settings
from .types import Chunk, CollectionShrank, Document, IndexMissing, IndexSummary, Skipped

log = logging.getLogger(__name__)

# Bump when reading, chunking or what is kept per document changes what an unchanged file turns into:
# forces a full rebuild once. Each bump says why, and that is printed as the rebuild's reason.
PIPELINE = 3
PIPELINE_CHANGES = {
    2: "each document's facts and events are now kept in the index",
    3: "sentences and keywords of Thai, Lao, Khmer, Burmese, Chinese and Korean text are split anew",
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
    def lost(self) -> list[str]:
        """Documents of the live version that the new one would not hold (removed or now unreadable)."""
        before = self.previous["documents"] if self.previous else {}
        return sorted(doc_id for doc_id in before if doc_id not in self.docs)

    @property
    def up_to_date(self) -> bool:
        """True when the live version already is what this build would publish."""
        return self.old is not None and not (self.reason or self.added or self.changed or self.lost)


@dataclass(frozen=True)
class Vectors:
    """Embeddings of a plan's fresh chunks: a row per chunk, then each chunk's sentences in order."""

    chunks: np.ndarray
    sentences: np.ndarray
    truncated: tuple[bool, ...] = ()  # per chunk: longer than the model reads


def build_from_folder(
    settings: Settings,
    *,
    full: bool = False,
    allow_shrink: bool = False,
    progress: bool = False,
    stage_dir: Path | None = None,
) -> IndexSummary:
    """Index the documents folder of `settings` into its index folder (or stage it: see `build`)."""
    if not settings.documents_dir.is_dir():
        raise FileNotFoundError(
            f"no documents folder at {settings.documents_dir}: create it or set RETRIEVER_DOCUMENTS_DIR"
        )
    files, skipped = find_sources(settings.documents_dir)
    sources = [Source(f.id, f.sha256, lambda f=f: read_document(f)) for f in files]
    origin = f"the documents folder {settings.documents_dir}"
    return build(
        settings,
        sources,
        skipped,
        full=full,
        allow_shrink=allow_shrink,
        progress=progress,
        origin=origin,
        stage_dir=stage_dir,
    )


def build_from_documents(
    settings: Settings,
    documents: list[Document],
    *,
    full: bool = False,
    allow_shrink: bool = False,
    progress: bool = False,
) -> IndexSummary:
    """Index ready-made documents (a BEIR corpus, generated text)."""
    sources = []
    for doc in documents:
        sha = doc.sha256 or hashlib.sha256(f"{doc.title}\n{doc.text}".encode()).hexdigest()
        sources.append(Source(doc.id, sha, lambda doc=doc: doc))
    return build(settings, sources, [], full=full, allow_shrink=allow_shrink, progress=progress)


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


def facts_and_events(doc: Document) -> dict[str, Any]:
    """The manifest keys "facts" and "events" of a document (read once here, so readers need no files)."""
    try:
        events = [e.to_dict() for e in extract_events(doc)]
        return {"facts": document_facts(doc).to_dict(), "events": events}
    except Exception:  # a fault in reading cues must not keep the document out of search
        log.exception("facts and events of %s could not be read; it is indexed without them", doc.id)
        return {"facts": DocFacts().to_dict(), "events": []}


def _live(index_dir: Path) -> tuple[store.Version | None, dict[str, Any] | None, str]:
    """The live version, its manifest, and why it cannot be built upon ("" when it can)."""
    if store.current_version(index_dir) is None:
        return None, None, ""
    try:
        old = store.load_version(index_dir)
    except (IndexMissing, OSError, ValueError) as exc:
        log.warning("the live index could not be read (%s); rebuilding it in full", exc)
        try:
            previous: dict[str, Any] | None = store.read_manifest(index_dir)
        except (IndexMissing, OSError, ValueError):
            previous = None
        return None, previous, f"the live index could not be read ({exc})"
    return old, old.manifest, ""


def _pipeline_changes(old: object, new: int) -> str:
    """What changed in reading or chunking between two pipeline numbers, for the rebuild reason."""
    since = old if isinstance(old, int) else 0
    notes = [text for number, text in sorted(PIPELINE_CHANGES.items()) if since < number <= new]
    return f" ({'; '.join(notes)})" if notes else ""


def _full_rebuild_reason(
    previous: dict[str, Any] | None, config: dict[str, Any], full: bool, broken: str
) -> str:
    if full:
        return "--full was asked for"
    if broken:
        return broken
    if previous is None:
        return "first build"
    changed = [
        f"{key} {previous.get(key)!r} -> {value!r}"
        + (_pipeline_changes(previous.get(key), value) if key == "pipeline" else "")
        for key, value in config.items()
        if previous.get(key, _CONFIG_DEFAULTS.get(key)) != value
    ]
    return ("settings changed: " + ", ".join(changed)) if changed else ""


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
    reusable = {} if reason or old is None else old_docs  # documents whose vectors can be copied
    by_id = {s.id: s for s in sources}
    p = Plan(config, reason, old, previous, skipped=list(skipped))
    p.removed = sorted(i for i in old_docs if i not in by_id)
    for doc_id in sorted(by_id):
        source, before = by_id[doc_id], old_docs.get(doc_id)
        if doc_id in reusable and reusable[doc_id]["sha256"] == source.sha256:
            p.unchanged.append(doc_id)
            p.docs[doc_id] = reusable[doc_id]
            continue
        try:
            doc = source.load()
            chunks = chunk_document(doc, settings.chunk_words, settings.chunk_overlap)
            if not chunks:
                raise ReadError("no text to index")
        except Exception as exc:  # one bad file must not stop the others; its reason is reported
            if not isinstance(exc, ReadError):
                log.exception("reading %s failed", doc_id)
            why = str(exc) if isinstance(exc, ReadError) else f"cannot be read ({type(exc).__name__}: {exc})"
            if doc_id in reusable:
                p.docs[doc_id] = reusable[doc_id]
                why += "; the previous version stays indexed"
            elif before is not None:
                why += "; it is no longer indexed"
            p.skipped.append(Skipped(doc_id, why))
            continue
        if before is None:
            p.added.append(doc_id)
        elif before["sha256"] == source.sha256:
            p.unchanged.append(doc_id)  # same content, embedded again for a full rebuild
        else:
            p.changed.append(doc_id)
        p.docs[doc_id] = doc_entry(doc, source.sha256, len(chunks)) | facts_and_events(doc)
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


def embed(
    embedder: Embedder, fresh: list[tuple[Chunk, Document]], progress: bool = False, sentences: bool = True
) -> Vectors:
    """Embed each fresh chunk (with its title and section) and, unless `sentences` is off, each of its
    sentences: all in one stream, so the model sees full batches from start to end and one progress bar."""
    texts = [embed_text(doc.title, c.section, c.text) for c, doc in fresh]
    spans = [c.text[s:e] for c, _ in fresh for s, e in c.sentences] if sentences else []
    if fresh:
        log.info("embedding %d chunks and %d sentences", len(texts), len(spans))
    vectors = embedder.encode(texts + spans, progress=progress)
    return Vectors(
        chunks=vectors[: len(texts)],
        sentences=vectors[len(texts) :],
        # MiniLM silently drops word pieces past its limit; record it so `status` can warn.
        truncated=tuple(embedder.count_tokens(t) > embedder.max_tokens for t in texts),
    )


def _record(chunk: Chunk, vid: int, truncated: bool) -> dict[str, Any]:
    return {
        "vid": vid,
        "id": chunk.id,
        "doc_id": chunk.doc_id,
        "n": chunk.n,
        "text": chunk.text,
        "section": chunk.section,
        "start": chunk.start,
        "end": chunk.end,
        "page": chunk.page,
        "sentences": [list(span) for span in chunk.sentences],
        "sent_row": 0,  # set once the records are in their final order
        "truncated": truncated,
    }


def assemble(p: Plan, vectors: Vectors, *, version: str, started: float | None = None) -> store.Contents:
    """The new version's records, vectors, BM25 index and manifest; kept documents' vectors are copied."""
    dimension = int(p.config["dimension"])
    copy_from = p.old if p.old is not None and not p.reason else None
    fresh_ids = {doc.id for _, doc in p.fresh}
    entries: list[tuple[dict[str, Any], np.ndarray, np.ndarray]] = []  # record, its vector, its sentences
    next_id = 0
    if copy_from is not None:
        next_id = int(copy_from.manifest.get("next_id", 0))
        rows = [
            i
            for i, r in enumerate(copy_from.records)
            if r["doc_id"] in p.docs and r["doc_id"] not in fresh_ids
        ]
        if rows:
            vids = np.array([copy_from.records[i]["vid"] for i in rows], dtype=np.int64)
            for i, vector in zip(rows, copy_from.faiss_index.reconstruct_batch(vids), strict=True):
                rec = dict(copy_from.records[i])
                first = rec["sent_row"]
                entries.append(
                    (rec, vector, copy_from.sentence_vectors[first : first + len(rec["sentences"])])
                )
    truncated = vectors.truncated or (False,) * len(p.fresh)
    row = 0
    for (chunk, _), vector, cut in zip(p.fresh, vectors.chunks, truncated, strict=True):
        n_sent = len(chunk.sentences)
        entries.append((_record(chunk, next_id, cut), vector, vectors.sentences[row : row + n_sent]))
        row += n_sent
        next_id += 1
    # Rows in document order; each chunk's sentence rows stay contiguous.
    entries.sort(key=lambda e: (e[0]["doc_id"], e[0]["n"]))
    sent_row = 0
    for rec, _, block in entries:
        rec["sent_row"] = sent_row
        sent_row += len(block)
    records = [e[0] for e in entries]
    empty = np.zeros((0, dimension), np.float32)
    bm25_texts = [f"{p.docs[r['doc_id']]['title']} | {r['section']}\n{r['text']}" for r in records]
    manifest = p.config | {
        "version": version,
        "previous_version": p.previous.get("version") if p.previous else None,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "build_seconds": round(time.perf_counter() - started, 3) if started is not None else 0.0,
        "n_documents": len(p.docs),
        "n_chunks": len(records),
        "n_sentences": sent_row,
        "truncated_chunks": sum(bool(r.get("truncated")) for r in records),
        "next_id": next_id,
        "embedded_chunks": len(p.fresh),
        "embedded_sentences": len(vectors.sentences),
        "skipped": [{"id": s.id, "reason": s.reason} for s in p.skipped],
        "documents": dict(sorted(p.docs.items())),
    }
    return store.Contents(
        manifest=manifest,
        records=records,
        ids=np.array([r["vid"] for r in records], dtype=np.int64),
        chunk_vectors=np.vstack([e[1] for e in entries]).astype(np.float32) if entries else empty,
        sentence_vectors=np.concatenate([e[2] for e in entries]).astype(np.float32) if sent_row else empty,
        # bm25s cannot index a corpus without a word (keyword.build_bm25 fails on an empty version); a
        # stand-in word is harmless: searches read only as many scores as there are chunks, here none.
        bm25=build_bm25(bm25_texts or ["emptyversion"]),
    )


def publish(index_dir: Path, tmp_dir: Path, contents: store.Contents) -> None:
    """Write the assembled version into its build folder and make it live (build lock held)."""
    store.write_version(tmp_dir, contents)
    store.publish(index_dir, tmp_dir, contents.manifest["version"])


def _summary(p: Plan, started: float, *, documents: int, chunks: int, version: str) -> IndexSummary:
    return IndexSummary(
        added=tuple(p.added),
        changed=tuple(p.changed),
        unchanged=tuple(p.unchanged),
        removed=tuple(p.removed),
        skipped=tuple(p.skipped),
        documents=documents,
        chunks=chunks,
        seconds=round(time.perf_counter() - started, 3),
        version=version,
        full_rebuild=bool(p.reason),
        reason=p.reason,
    )


def build(
    settings: Settings,
    sources: list[Source],
    skipped: list[Skipped],
    *,
    full: bool = False,
    allow_shrink: bool = False,
    progress: bool = False,
    origin: str = "the documents given",
    stage_dir: Path | None = None,
) -> IndexSummary:
    """Bring the index up to date with `sources`; a new version goes live only when complete.

    With `stage_dir` the new version is not published: it becomes the live version of the small
    index folder `stage_dir` instead, for `staging.publish` to move into the index folder later.
    """
    started = time.perf_counter()
    index_dir = settings.index_dir
    embedder = get_embedder(settings)
    config = settings_record(settings, embedder.dimension, embedder.name)
    with store.build_lock(index_dir):
        store.remove_stale_builds(index_dir)
        old, previous, broken = _live(index_dir)
        reason = _full_rebuild_reason(previous, config, full, broken)
        p = plan(settings, sources, skipped, config=config, reason=reason, old=old, previous=previous)
        if not allow_shrink:
            check_shrink(p, origin)
        if p.up_to_date:
            assert old is not None
            if settings.backend == "milvus":  # e.g. the backend was switched since the last build
                milvus.ensure(settings, old)
            n_docs, n_chunks = old.manifest["n_documents"], old.manifest["n_chunks"]
            return _summary(p, started, documents=n_docs, chunks=n_chunks, version=old.name)
        # The build folder exists from here on, so a build killed while embedding leaves a trace to clean.
        version, tmp_dir = store.reserve_version(index_dir)
        if stage_dir is not None:  # numbered after the live versions, built beside them
            stage_dir.mkdir(parents=True, exist_ok=True)
            tmp_dir = tmp_dir.rename(stage_dir / tmp_dir.name)
        vectors = embed(embedder, p.fresh, progress, sentences=settings.sentence_vectors)
        contents = assemble(p, vectors, version=version, started=started)
        kind = store.index_type(settings.index_type, settings.hnsw_threshold, len(contents.records))
        contents.manifest["index_type"] = kind  # flat is exact; HNSW keeps search fast past the threshold
        publish(stage_dir or index_dir, tmp_dir, contents)
        if settings.backend == "milvus" and stage_dir is None:
            fresh = {doc.id for _, doc in p.fresh}
            milvus.sync(settings, contents, previous=p.previous, fresh_docs=fresh, full=bool(p.reason))
        return _summary(p, started, documents=len(p.docs), chunks=len(contents.records), version=version)
