"""Embedding a plan's fresh chunks and assembling the new version: records, vectors, BM25 index and
manifest, with the vectors of unchanged documents copied forward; then writing and publishing it."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from . import store
from .embedding import Embedder, embed_text
from .keyword import build_bm25, indexed_text
from .planning import Plan
from .records import Records, take_segments
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
    old = p.base
    if old is None or not p.fresh:
        return Known()
    before: dict[str, dict[str, Any]] = old.manifest["documents"]
    fresh = p.fresh_docs
    hashes = {p.docs[d]["sha256"] for d in fresh}
    wanted = {d for d in before if d in fresh or (d not in p.docs and before[d]["sha256"] in hashes)}
    rows = old.records.rows_in(wanted)
    if not len(rows):
        return Known()
    records = [old.records[int(r)] for r in rows]
    vids = np.array([r["vid"] for r in records], dtype=np.int64)
    chunks, truncated, sentences = {}, {}, {}
    for rec, vector in zip(records, old.faiss_index.reconstruct_batch(vids), strict=True):
        text = embed_text(_title_of(before[rec["doc_id"]]), rec["section"], rec["text"])
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
    texts = [
        embed_text(indexed_title(doc.title, doc.language, doc.meta), c.section, c.text) for c, doc in fresh
    ]
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


@dataclass(frozen=True)
class _Part:
    """Rows the new version takes from one place: the live version, or this build's fresh chunks."""

    records: Records
    rows: np.ndarray  # which of its rows, in its order
    vectors: np.ndarray  # the chunk vectors of those rows
    sentence_vectors: np.ndarray  # every sentence row of that place
    first_sentence: np.ndarray  # per row of `records`: where its sentences start in `sentence_vectors`

    def sentence_counts(self) -> np.ndarray:
        """Sentence rows per row of `records` (none when the place holds no sentence vectors)."""
        counts = np.diff(np.asarray(self.records.arrays["spans.offsets"]))
        return counts if len(self.sentence_vectors) else np.zeros_like(counts)


def _parts(p: Plan, vectors: Vectors) -> tuple[list[_Part], int]:
    """The live version's rows of kept documents and the fresh chunks; the next unused FAISS id."""
    parts, next_id = [], 0
    if p.base is not None:
        fresh = p.fresh_docs
        old = p.base.records
        kept = old.rows_in({d for d in old.doc_ids if d in p.docs and d not in fresh})
        next_id = int(p.base.manifest.get("next_id", 0))
        if len(kept):
            copied = p.base.faiss_index.reconstruct_batch(
                np.asarray(old.columns["vid"])[kept].astype(np.int64)
            )
            firsts = np.asarray(old.columns["sent_row"])
            parts.append(_Part(old, kept, copied, p.base.sentence_vectors, firsts))
    pairs = zip(p.fresh, vectors.truncated, strict=True)
    rows = [_record(c, next_id + i, cut) for i, ((c, _), cut) in enumerate(pairs)]
    fresh_records = Records.from_rows(rows)
    firsts = fresh_records.arrays["spans.offsets"][:-1]  # `embed` lists each chunk's sentences in turn
    dimension = int(p.config["dimension"])
    chunks = np.asarray(vectors.chunks, dtype=np.float32).reshape(-1, dimension)
    parts.append(_Part(fresh_records, np.arange(len(rows)), chunks, vectors.sentences, firsts))
    return parts, next_id + len(rows)


def _merge(parts: list[_Part], dimension: int) -> tuple[Records, np.ndarray, np.ndarray]:
    """Records, chunk vectors and sentence vectors of all parts' rows in document order, then chunk
    order, each chunk's sentence rows contiguous; copied a run of rows from one part at a time."""
    rank = {d: i for i, d in enumerate(sorted({d for part in parts for d in part.records.doc_ids}))}
    doc_rank, n = [], []
    for part in parts:
        codes = np.array([rank[d] for d in part.records.doc_ids] or [0], dtype=np.int64)
        doc_rank.append(codes[np.asarray(part.records.doc)[part.rows]])
        n.append(np.asarray(part.records.columns["n"])[part.rows])
    order = np.lexsort((np.concatenate(n), np.concatenate(doc_rank)))
    which = np.concatenate([np.full(len(part.rows), i, dtype=np.int64) for i, part in enumerate(parts)])
    which, row = which[order], np.concatenate([part.rows for part in parts]).astype(np.int64)[order]
    cut = np.flatnonzero(which[1:] != which[:-1]) + 1  # where the next row comes from the other part
    bounds = zip(np.r_[0, cut].tolist(), np.r_[cut, len(row)].tolist(), strict=True)
    runs = [(parts[int(which[a])], row[a:b]) for a, b in bounds if b > a]
    records = Records.gather([(part.records, rows) for part, rows in runs])
    per_part = {id(part): part.sentence_counts() for part in parts}  # once per part, not per run
    counts = [per_part[id(part)] for part, _ in runs]
    blocks = [
        take_segments(part.sentence_vectors, part.first_sentence, n_sent, rows)
        for (part, rows), n_sent in zip(runs, counts, strict=True)
    ]
    per_row = np.concatenate([n_sent[rows] for (_, rows), n_sent in zip(runs, counts, strict=True)] or [[]])
    records.arrays["sent_row"][:] = np.cumsum(per_row) - per_row
    empty = np.zeros((0, dimension), np.float32)
    chunk_vectors = np.concatenate([empty, *(part.vectors for part in parts)])[order]
    sentences = np.concatenate([empty, *blocks]).astype(np.float32, copy=False)
    return records, chunk_vectors, sentences


def indexed_title(title: str, language: str, meta: Mapping[str, Any]) -> str:
    """The title a document's chunks are indexed under, by keywords and by the model: beside a
    national-language document's own title, the line its front matter gives in English (summary_of),
    so an English question finds it ("vietnam national action plan on marine plastic litter")."""
    summary = str(meta.get("summary_of") or "")
    if summary and language.split("-")[0].lower() not in ("", "en") and summary not in title:
        return f"{title} {summary}"
    return title


def _title_of(entry: Mapping[str, Any]) -> str:
    """`indexed_title` of a manifest's document entry."""
    return indexed_title(str(entry.get("title", "")), str(entry.get("language", "")), entry.get("meta") or {})


def _keyword_texts(docs: dict[str, dict[str, Any]], records: Records) -> list[str]:
    """What each record is keyword-indexed by, in row order."""
    titles = [_title_of(docs[d]) for d in records.doc_ids]
    return [
        indexed_text(titles[doc], section, text)
        for doc, section, text in zip(
            records.doc_list, records.strings("section"), records.strings("text"), strict=True
        )
    ]


def assemble(p: Plan, vectors: Vectors, *, version: str, started: float | None = None) -> store.Contents:
    """The new version's records, vectors, BM25 index and manifest; kept documents' rows and vectors
    are copied from the live version column by column, with no per-row work for what did not change."""
    parts, next_id = _parts(p, vectors)
    records, chunk_vectors, sentences = _merge(parts, int(p.config["dimension"]))
    bm25_texts = _keyword_texts(p.docs, records)
    manifest = p.config | {
        "version": version,
        "previous_version": p.previous.get("version") if p.previous else None,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "build_seconds": round(time.perf_counter() - started, 3) if started is not None else 0.0,
        "n_documents": len(p.docs),
        "n_chunks": len(records),
        "n_sentences": len(sentences),
        "truncated_chunks": int(np.count_nonzero(records.columns["truncated"])),
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
        ids=np.asarray(records.columns["vid"], dtype=np.int64),
        chunk_vectors=chunk_vectors,
        sentence_vectors=sentences,
        # bm25s cannot index a corpus without a word (keyword.build_bm25 fails on an empty version); a
        # stand-in word is harmless: searches read only as many scores as there are chunks, here none.
        bm25=build_bm25(bm25_texts or ["emptyversion"]),
    )


def publish(index_dir: Path, tmp_dir: Path, contents: store.Contents) -> None:
    """Write the assembled version into its build folder and make it live (build lock held)."""
    store.write_version(tmp_dir, contents)
    store.publish(index_dir, tmp_dir, contents.manifest["version"])
