"""Documents -> chunks -> embeddings -> a new index version; only changed documents are embedded.

A build is four steps: `plan` (planning.py: compare the sources with the live version; read and
chunk what is new or changed), `embed` (assembly.py: those chunks and their sentences, except the
texts the live version already holds a vector for, which `known_vectors` copies: an edit re-embeds
only what it changed), `assemble` (records, vectors, BM25 index and manifest of the new version,
copying forward the rows and vectors of unchanged documents) and `publish` (write, fsync, then
switch). Between `plan` and `embed`, `check_shrink` refuses a build that would lose most of the
collection. This module runs them under the build lock.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

from . import milvus, store
from .assembly import assemble, embed, known_vectors, publish
from .embedding import get_embedder
from .planning import (
    PIPELINE,
    SHRINK_RULE,
    Plan,
    Source,
    check_shrink,
    known_hashes,
    live_version,
    plan,
    read_live_manifest,
    rebuild_reason,
    settings_record,
)
from .readers import read_document
from .settings import Settings
from .sources import find_sources
from .types import Document, IndexSummary, Skipped

__all__ = ["PIPELINE", "SHRINK_RULE", "build", "build_from_documents", "build_from_folder"]


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
    # Files whose size and mtime are as the live version recorded keep its hash unread; --full reads all.
    # The manifest read for that is the one the build compares with (read once: it can be large).
    manifest = None if full else read_live_manifest(settings.index_dir)
    files, skipped = find_sources(settings.documents_dir, known_hashes(manifest))
    sources = [Source(f.id, f.sha256, lambda f=f: read_document(f), f.stat) for f in files]
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
        manifest=manifest,
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
    manifest: dict[str, Any] | None = None,
) -> IndexSummary:
    """Bring the index up to date with `sources`; a new version goes live only when complete.

    With `stage_dir` the new version is not published: it becomes the live version of the small
    index folder `stage_dir` instead, for `staging.publish` to move into the index folder later.
    `manifest` is the live manifest if already read; it is read again only if another build published since.
    """
    started = time.perf_counter()
    index_dir = settings.index_dir
    embedder = get_embedder(settings)
    config = settings_record(settings, embedder.dimension, embedder.name)
    with store.build_lock(index_dir):
        store.remove_stale_builds(index_dir)
        old, previous, broken = live_version(index_dir, manifest)
        reason = rebuild_reason(previous, config, full, broken)
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
        known = known_vectors(p)
        vectors = embed(embedder, p.fresh, progress, sentences=settings.sentence_vectors, known=known)
        contents = assemble(p, vectors, version=version, started=started)
        kind = store.index_type(settings.index_type, settings.hnsw_threshold, len(contents.records))
        contents.manifest["index_type"] = kind  # flat is exact; HNSW keeps search fast past the threshold
        publish(stage_dir or index_dir, tmp_dir, contents)
        if settings.backend == "milvus" and stage_dir is None:
            milvus.sync(settings, contents, previous=p.previous, fresh_docs=p.fresh_docs, full=bool(p.reason))
        return _summary(p, started, documents=len(p.docs), chunks=len(contents.records), version=version)
