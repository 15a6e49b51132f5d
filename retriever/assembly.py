"""Embedding a plan's fresh chunks and assembling the new version: records, vectors, BM25 index and
manifest, with the vectors of unchanged documents copied forward; then writing and publishing it."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from . import store
from .embedding import Embedder, embed_text
from .keyword import build_bm25
from .planning import Plan
from .types import Chunk, Document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Vectors:
    """Embeddings of a plan's fresh chunks: a row per chunk, then each chunk's sentences in order."""

    chunks: np.ndarray
    sentences: np.ndarray
    truncated: tuple[bool, ...] = ()  # per chunk: longer than the model reads
    reused_chunks: int = 0  # rows taken from the live version instead of the model (see `Known`)
    reused_sentences: int = 0


@dataclass(frozen=True)
class Known:
    """Vectors the live version holds for the texts of the documents a build embeds again: an edited
    document keeps most of its chunks and sentences word for word, and a vector depends only on its
    text and the model (the same, or the build would be a full one), so those rows are copied."""

    chunks: dict[str, np.ndarray] = field(default_factory=dict)  # text as embedded -> its vector
    truncated: dict[str, bool] = field(default_factory=dict)  # the same texts -> longer than the model reads
    sentences: dict[str, np.ndarray] = field(default_factory=dict)  # sentence text -> its vector


def known_vectors(p: Plan) -> Known:
    """The live version's vectors of the fresh documents' previous text (and of a renamed file's)."""
    old = p.old
    if old is None or p.reason or not p.fresh:
        return Known()
    before: dict[str, dict[str, Any]] = old.manifest["documents"]
    fresh = {doc.id for _, doc in p.fresh}
    hashes = {p.docs[d]["sha256"] for d in fresh}
    wanted = {d for d in before if d in fresh or (d not in p.docs and before[d]["sha256"] in hashes)}
    codes = [i for i, d in enumerate(old.records.doc_ids) if d in wanted]
    rows = np.flatnonzero(np.isin(np.asarray(old.records.doc), codes)) if codes else []
    if not len(rows):
        return Known()
    records = [old.records[int(r)] for r in rows]
    vids = np.array([r["vid"] for r in records], dtype=np.int64)
    chunks, truncated, sentences = {}, {}, {}
    for rec, vector in zip(records, old.faiss_index.reconstruct_batch(vids), strict=True):
        text = embed_text(before[rec["doc_id"]]["title"], rec["section"], rec["text"])
        chunks[text], truncated[text] = vector, bool(rec["truncated"])
        first, spans = rec["sent_row"], rec["sentences"]
        block = np.array(old.sentence_vectors[first : first + len(spans)], dtype=np.float32)
        for (start, end), vector in zip(spans, block, strict=False):  # no rows: built without sentences
            sentences[rec["text"][start:end]] = vector
    return Known(chunks, truncated, sentences)


def embed(
    embedder: Embedder,
    fresh: list[tuple[Chunk, Document]],
    progress: bool = False,
    sentences: bool = True,
    known: Known | None = None,
) -> Vectors:
    """Embed each fresh chunk (with its title and section) and, unless `sentences` is off, each of its
    sentences: all in one stream, so the model sees full batches from start to end and one progress bar.
    A text `known` holds a vector for is not embedded again."""
    known = known or Known()
    texts = [embed_text(doc.title, c.section, c.text) for c, doc in fresh]
    spans = [c.text[s:e] for c, _ in fresh for s, e in c.sentences] if sentences else []
    new_texts = [t for t in texts if t not in known.chunks]
    new_spans = [t for t in spans if t not in known.sentences]
    reused_chunks, reused_sentences = len(texts) - len(new_texts), len(spans) - len(new_spans)
    if fresh:
        log.info(
            "embedding %d chunks and %d sentences (%d and %d more reused from the live version)",
            len(new_texts), len(new_spans), reused_chunks, reused_sentences,
        )  # fmt: skip
    todo = list(dict.fromkeys(new_texts + new_spans))
    vectors = embedder.encode(todo, progress=progress)
    row = {text: i for i, text in enumerate(todo)}

    def stack(items: list[str], kept: dict[str, np.ndarray]) -> np.ndarray:
        out = np.empty((len(items), embedder.dimension), dtype=np.float32)
        for i, text in enumerate(items):
            out[i] = kept[text] if text in kept else vectors[row[text]]
        return out

    return Vectors(
        chunks=stack(texts, known.chunks),
        sentences=stack(spans, known.sentences),
        # MiniLM silently drops word pieces past its limit; record it so `status` can warn.
        truncated=tuple(
            known.truncated[t] if t in known.truncated else embedder.count_tokens(t) > embedder.max_tokens
            for t in texts
        ),
        reused_chunks=reused_chunks,
        reused_sentences=reused_sentences,
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
        "embedded_chunks": len(p.fresh) - vectors.reused_chunks,
        "embedded_sentences": len(vectors.sentences) - vectors.reused_sentences,
        "reused_chunks": vectors.reused_chunks,  # of edited documents, copied from the live version
        "reused_sentences": vectors.reused_sentences,
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
