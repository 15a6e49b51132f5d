"""BEIR datasets (corpus.jsonl, queries.jsonl, qrels/test.tsv): index, search, document-level metrics."""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from . import index_corpus, search
from .metrics import mean, ndcg, percentile, recall_at, reciprocal_rank
from .settings import Settings
from .types import Document

log = logging.getLogger(__name__)

DOC_DEPTH = 100  # documents ranked per query (recall@100); --k must not exceed it
# A document may own several chunks; 200 passages give ~100 distinct documents for abstracts.
PASSAGE_DEPTH = 200
DEFINITIONS = {
    "ranking": f"documents ranked by their best passage (first occurrence) in search(k={PASSAGE_DEPTH})",
    "ndcg@k": "graded qrels scores as linear gains (trec_eval ndcg_cut); score <= 0 is non-relevant",
    "recall@k": "share of a query's relevant documents (score > 0) in its top k documents",
    "mrr@k": "mean of 1/rank of the first relevant document within the top k (k = --k, default 10)",
    "latency_ms_p50": f"median wall time of one search(k={PASSAGE_DEPTH}) call, warm",
}


@dataclass(frozen=True)
class BeirData:
    """A BEIR dataset in memory: documents, the queries to run, and their graded judgements."""

    name: str
    documents: list[Document]
    queries: dict[str, str]
    qrels: dict[str, dict[str, float]]


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError as exc:
                    raise ValueError(f"{path}:{number}: not JSON ({exc})") from exc


def load_beir(folder: Path, *, split: str = "test", max_docs: int | None = None) -> BeirData:
    """Read a BEIR folder; with max_docs, only judgements on the kept documents count."""
    folder = Path(folder)
    for needed in ("corpus.jsonl", "queries.jsonl", f"qrels/{split}.tsv"):
        if not (folder / needed).is_file():
            raise FileNotFoundError(f"{folder} is not a BEIR dataset: {needed} is missing")
    documents: list[Document] = []
    for row in _jsonl(folder / "corpus.jsonl"):
        if max_docs is not None and len(documents) >= max_docs:
            break
        title, text = str(row.get("title") or ""), str(row.get("text") or "")
        if not (title.strip() or text.strip()):
            continue
        sha = hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()
        # A title-only entry would give no chunk and could never be found; its title is its text.
        documents.append(
            Document(id=str(row["_id"]), text=text if text.strip() else title, title=title, sha256=sha)
        )
    kept = {d.id for d in documents}
    qrels: dict[str, dict[str, float]] = {}
    with open(folder / "qrels" / f"{split}.tsv", encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        for i, fields in enumerate(reader):
            if i == 0 and not fields[-1].strip().lstrip("-").isdigit():
                continue  # the header line
            if len(fields) >= 3 and fields[1] in kept:
                qrels.setdefault(fields[0], {})[fields[1]] = float(fields[2])
    all_queries = {str(row["_id"]): str(row["text"]) for row in _jsonl(folder / "queries.jsonl")}
    missing = [q for q in qrels if q not in all_queries]
    if missing:
        log.warning("%d judged queries are not in queries.jsonl and are left out", len(missing))
    queries = {q: all_queries[q] for q in qrels if q in all_queries and any(g > 0 for g in qrels[q].values())}
    return BeirData(folder.resolve().name, documents, queries, qrels)


def rank_documents(doc_ids: Iterable[str], depth: int = DOC_DEPTH) -> list[str]:
    """Distinct document ids in order of their best passage, at most `depth`."""
    return list(dict.fromkeys(doc_ids))[:depth]


def evaluate_beir(
    data: BeirData, settings: Settings, *, modes: Iterable[str], k: int = 10, progress: bool = True
) -> dict[str, Any]:
    """Document-level metrics per mode (nDCG, recall and MRR at k, recall@100), with top documents."""
    keys = (f"ndcg@{k}", f"recall@{k}", "recall@100", f"mrr@{k}")
    metrics: dict[str, dict[str, Any]] = {}
    details: dict[str, list[dict[str, Any]]] = {}
    for mode in modes:
        if data.queries:
            warm_up = next(iter(data.queries.values()))
            search(warm_up, k=PASSAGE_DEPTH, mode=mode, settings=settings)
        rows = []
        for qid, text in tqdm(
            data.queries.items(), desc=f"beir {mode}", file=sys.stderr, disable=not progress
        ):
            started = time.perf_counter()
            passages = search(text, k=PASSAGE_DEPTH, mode=mode, settings=settings)
            latency = (time.perf_counter() - started) * 1000
            ranked = rank_documents(p.doc_id for p in passages)
            gains = data.qrels[qid]
            relevant = [gains.get(d, 0.0) > 0 for d in ranked]
            rows.append(
                {
                    "id": qid,
                    "question": text,
                    f"ndcg@{k}": ndcg([max(gains.get(d, 0.0), 0.0) for d in ranked], gains.values(), k),
                    f"recall@{k}": recall_at(ranked, gains, k),
                    "recall@100": recall_at(ranked, gains, 100),
                    f"mrr@{k}": reciprocal_rank(relevant, k),
                    "latency_ms": latency,
                    "top": ranked[:10],
                }
            )
        details[mode] = rows
        metrics[mode] = {key: mean([r[key] for r in rows]) for key in keys}
        metrics[mode]["latency_ms_p50"] = percentile([r["latency_ms"] for r in rows], 50)
        metrics[mode]["n"] = len(rows)
    return {"metrics": metrics, "questions": details}


def evaluate_dataset(
    folder: Path,
    index_dir: Path,
    settings: Settings,
    *,
    modes: Iterable[str],
    k: int = 10,
    max_docs: int | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """`evaluate --beir DIR`: index the corpus (incrementally) in `index_dir`, run the judged queries."""
    if k > DOC_DEPTH:
        raise ValueError(
            f"--k {k} is deeper than the {DOC_DEPTH} documents ranked per query: use --k <= {DOC_DEPTH}"
        )
    started = time.perf_counter()
    data = load_beir(folder, max_docs=max_docs)
    # Document-level scoring never reads sentence vectors: not embedding them halves the indexing time.
    settings = settings.with_(index_dir=Path(index_dir), sentence_vectors=False)
    summary = index_corpus(data.documents, index_dir, settings=settings, progress=progress)
    index_seconds = time.perf_counter() - started
    result = evaluate_beir(data, settings, modes=modes, k=k, progress=progress)
    return result | {
        "kind": "beir",
        "k": k,
        "dataset": str(folder),
        "index": str(index_dir),
        "documents": len(data.documents),
        "chunks": summary.chunks,
        "index_seconds": round(index_seconds, 1),
        "seconds": round(time.perf_counter() - started, 1),
        "definitions": DEFINITIONS,
    }
