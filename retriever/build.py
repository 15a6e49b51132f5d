"""Documents -> chunks -> embeddings -> a new index version; only changed documents are embedded."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from . import store
from .chunking import chunk_document
from .embedding import embed_text, get_embedder
from .readers import ReadError, find_sources, read_document
from .settings import Settings
from .types import Chunk, Document, IndexMissing, IndexSummary, Skipped

log = logging.getLogger(__name__)

# Bump when reading or chunking changes what an unchanged file turns into: forces a full rebuild.
PIPELINE = 1
_DOC_FIELDS = ("title", "source", "publisher", "date", "language")


@dataclass(frozen=True)
class Source:
    """A document to index: its id, content hash, and how to read it."""

    id: str
    sha256: str
    load: Callable[[], Document]


def build_from_folder(settings: Settings, *, full: bool = False, progress: bool = False) -> IndexSummary:
    """Index the documents folder of `settings` into its index folder."""
    if not settings.documents_dir.is_dir():
        raise FileNotFoundError(
            f"no documents folder at {settings.documents_dir}: create it or set RETRIEVER_DOCUMENTS_DIR"
        )
    files, skipped = find_sources(settings.documents_dir)
    sources = [Source(f.id, f.sha256, lambda f=f: read_document(f)) for f in files]
    return build(settings, sources, skipped, full=full, progress=progress)


def build_from_documents(
    settings: Settings, documents: list[Document], *, full: bool = False, progress: bool = False
) -> IndexSummary:
    """Index ready-made documents (a BEIR corpus, generated text)."""
    sources = []
    for doc in documents:
        sha = doc.sha256 or hashlib.sha256(f"{doc.title}\n{doc.text}".encode()).hexdigest()
        sources.append(Source(doc.id, sha, lambda doc=doc: doc))
    return build(settings, sources, [], full=full, progress=progress)


def _settings_record(settings: Settings, dimension: int, model: str) -> dict[str, Any]:
    return {
        "format": store.FORMAT,
        "pipeline": PIPELINE,
        "model": model,
        "dimension": dimension,
        "chunk_words": settings.chunk_words,
        "chunk_overlap": settings.chunk_overlap,
    }


def _full_rebuild_reason(old: dict[str, Any] | None, wanted: dict[str, Any], full: bool) -> str:
    if full:
        return "--full was asked for"
    if old is None:
        return "first build"
    changed = [
        f"{key} {old.get(key)!r} -> {value!r}" for key, value in wanted.items() if old.get(key) != value
    ]
    return ("settings changed: " + ", ".join(changed)) if changed else ""


def _record(chunk: Chunk, vid: int, sent_row: int) -> dict[str, Any]:
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
        "sent_row": sent_row,
    }


def build(
    settings: Settings,
    sources: list[Source],
    skipped: list[Skipped],
    *,
    full: bool = False,
    progress: bool = False,
) -> IndexSummary:
    """Bring the index up to date with `sources`; a new version goes live only when complete."""
    started = time.perf_counter()
    index_dir = settings.index_dir
    embedder = get_embedder(settings)
    wanted = _settings_record(settings, embedder.dimension, embedder.name)
    skipped = list(skipped)
    with store.build_lock(index_dir):
        store.remove_stale_builds(index_dir)
        try:
            old = store.load_version(index_dir)
        except (IndexMissing, OSError, ValueError) as exc:
            if store.current_version(index_dir) is not None:
                log.warning("the live index could not be read (%s); rebuilding it in full", exc)
            old = None
        reason = _full_rebuild_reason(old.manifest if old else None, wanted, full)
        old_docs: dict[str, dict[str, Any]] = {} if reason or old is None else old.manifest["documents"]

        by_id = {s.id: s for s in sources}
        unchanged = sorted(i for i, s in by_id.items() if i in old_docs and old_docs[i]["sha256"] == s.sha256)
        to_read = sorted(i for i in by_id if i not in unchanged)
        removed = sorted(i for i in old_docs if i not in by_id)

        docs: dict[str, dict[str, Any]] = {i: old_docs[i] for i in unchanged}
        new_chunks: list[tuple[Chunk, Document]] = []
        added, changed = [], []
        for doc_id in to_read:
            try:
                doc = by_id[doc_id].load()
                chunks = chunk_document(doc, settings.chunk_words, settings.chunk_overlap)
                if not chunks:
                    raise ReadError("no text to index")
            except ReadError as exc:
                kept = doc_id in old_docs
                note = "; the previous version stays indexed" if kept else ""
                skipped.append(Skipped(doc_id, f"{exc}{note}"))
                if kept:
                    docs[doc_id] = old_docs[doc_id]
                continue
            (changed if doc_id in old_docs else added).append(doc_id)
            docs[doc_id] = (
                {"sha256": by_id[doc_id].sha256, "chunks": len(chunks)}
                | {f: getattr(doc, f) for f in _DOC_FIELDS}
                | ({"meta": doc.meta} if doc.meta else {})
            )
            new_chunks.extend((c, doc) for c in chunks)

        summary_args = {
            "added": tuple(added),
            "changed": tuple(changed),
            "unchanged": tuple(unchanged),
            "removed": tuple(removed),
            "skipped": tuple(sorted(skipped, key=lambda s: s.id)),
            "full_rebuild": bool(reason),
            "reason": reason,
        }
        if old is not None and not (reason or added or changed or removed):
            return IndexSummary(
                **summary_args,
                documents=old.manifest["n_documents"],
                chunks=old.manifest["n_chunks"],
                seconds=round(time.perf_counter() - started, 3),
                version=old.name,
            )

        # Vectors of documents kept as they were are copied forward, never embedded again.
        fresh = set(added) | set(changed)
        kept_rows = (
            [i for i, r in enumerate(old.records) if r["doc_id"] in docs and r["doc_id"] not in fresh]
            if old is not None and not reason
            else []
        )
        records: list[dict[str, Any]] = []
        sentence_parts: list[np.ndarray] = []
        sent_row = 0
        ids: list[int] = []
        vectors: list[np.ndarray] = []
        if kept_rows:
            assert old is not None
            kept_ids = np.array([old.records[i]["vid"] for i in kept_rows], dtype=np.int64)
            vectors.append(old.faiss_index.reconstruct_batch(kept_ids))
            for i in kept_rows:
                rec = dict(old.records[i])
                n_sent = len(rec["sentences"])
                sentence_parts.append(old.sentence_vectors[rec["sent_row"] : rec["sent_row"] + n_sent])
                rec["sent_row"] = sent_row
                sent_row += n_sent
                records.append(rec)
                ids.append(rec["vid"])
        next_id = int(old.manifest.get("next_id", 0)) if old is not None and not reason else 0

        texts = [embed_text(doc.title, c.section, c.text) for c, doc in new_chunks]
        sentences = [c.text[s:e] for c, _ in new_chunks for s, e in c.sentences]
        if new_chunks:
            log.info("embedding %d chunks and %d sentences", len(texts), len(sentences))
        vectors.append(embedder.encode(texts, progress=progress))
        sentence_parts.append(embedder.encode(sentences, progress=progress))
        for (chunk, _), text in zip(new_chunks, texts, strict=True):
            # MiniLM silently drops word pieces past its limit; record it so `status` can warn.
            truncated = embedder.count_tokens(text) > embedder.max_tokens
            records.append(_record(chunk, next_id, sent_row) | {"truncated": truncated})
            ids.append(next_id)
            next_id += 1
            sent_row += len(chunk.sentences)

        chunk_vectors = np.vstack(vectors) if vectors else np.zeros((0, embedder.dimension), np.float32)
        order = sorted(range(len(records)), key=lambda i: (records[i]["doc_id"], records[i]["n"]))
        records = [records[i] for i in order]
        ids_arr = np.array([ids[i] for i in order], dtype=np.int64)
        chunk_vectors = chunk_vectors[order] if len(order) else chunk_vectors
        sentence_vectors = np.vstack(sentence_parts)
        # Re-pack sentence rows in the new record order so each chunk's rows stay contiguous.
        sent_order: list[int] = []
        for rec in records:
            n_sent = len(rec["sentences"])
            sent_order.extend(range(rec["sent_row"], rec["sent_row"] + n_sent))
            rec["sent_row"] = len(sent_order) - n_sent
        sentence_vectors = sentence_vectors[sent_order] if sent_order else sentence_vectors[:0]

        version = store.next_version_name(index_dir)
        bm25_texts = [f"{docs[r['doc_id']]['title']} | {r['section']}\n{r['text']}" for r in records]
        manifest = wanted | {
            "version": version,
            "previous_version": old.name if old else None,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "build_seconds": 0.0,
            "n_documents": len(docs),
            "n_chunks": len(records),
            "n_sentences": len(sent_order),
            "truncated_chunks": sum(bool(r.get("truncated")) for r in records),
            "next_id": next_id,
            "skipped": [{"id": s.id, "reason": s.reason} for s in summary_args["skipped"]],
            "documents": dict(sorted(docs.items())),
        }
        manifest["build_seconds"] = round(time.perf_counter() - started, 3)
        tmp_dir = index_dir / f"{version}.tmp-{os.getpid()}"
        store.write_version(tmp_dir, manifest, records, ids_arr, chunk_vectors, sentence_vectors, bm25_texts)
        store.publish(index_dir, tmp_dir, version)
        return IndexSummary(
            **summary_args,
            documents=len(docs),
            chunks=len(records),
            seconds=round(time.perf_counter() - started, 3),
            version=version,
        )
