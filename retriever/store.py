"""The index folder: numbered versions, the manifest, the atomic switch, and loading a version.

index/CURRENT               name of the live version, replaced by an atomic rename
index/v000012/              one complete build (see `Contents` and `write_version`): manifest.json,
                            faiss.index (flat, or HNSW past a size), chunks/ (record columns, see
                            records.py), sentences.npy, bm25/; loaded memory-mapped where it can be
                            `publish` keeps the live version and the one before it, deletes the rest
index/v000013.tmp-<pid>/    a build in progress: never read, removed by the next build
index/.lock                 one build at a time
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .records import Records, RowOfId, write_records
from .types import IndexMissing

FORMAT = 2  # 2: chunk records as columns (chunks/), not chunks.jsonl
HNSW_M = 32  # links per vector; `bench ask` at 100k: recall@10 vs flat 0.976 at efSearch 128, 0.9885 at 256
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 256
_VERSION_RE = re.compile(r"^v(\d{6})$")


def _missing(index_dir: Path) -> IndexMissing:
    return IndexMissing(f"no index at {index_dir}: run `python -m retriever index` (or `make run`)")


def current_version(index_dir: Path) -> str | None:
    """Name of the live version, or None before the first build."""
    try:
        name = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return name if _VERSION_RE.match(name) and (index_dir / name).is_dir() else None


def read_manifest(index_dir: Path) -> dict[str, Any]:
    """The live version's manifest."""
    version = current_version(index_dir)
    if version is None:
        raise _missing(index_dir)
    return json.loads((index_dir / version / "manifest.json").read_text(encoding="utf-8"))


def read_documents(index_dir: Path) -> dict[str, dict[str, Any]]:
    """The live version's manifest entry of each document, each holding its "facts" and "events"."""
    documents: dict[str, dict[str, Any]] = read_manifest(index_dir)["documents"]
    if any("facts" not in entry or "events" not in entry for entry in documents.values()):
        raise IndexMissing(
            f"the index at {index_dir} was built before documents' facts and events were kept:"
            " run `python -m retriever index`"
        )
    return documents


def next_version_name(index_dir: Path) -> str:
    """One past the highest version number ever built here."""
    numbers = [
        int(m.group(1)) for p in index_dir.glob("v*") if (m := _VERSION_RE.match(p.name.split(".")[0]))
    ]
    return f"v{max(numbers, default=0) + 1:06d}"


class BuildLocked(TimeoutError):
    """Another build holds the index folder's lock and did not finish in time."""


@contextmanager
def build_lock(index_dir: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the folder's build lock; a second build waits for the first (at most `timeout` seconds)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "a+") as handle:
        if timeout is None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        else:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise BuildLocked(
                            f"another build is running on {index_dir}: wait for it to finish and try again"
                        ) from None
                    time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_tree(folder: Path) -> None:
    """Make every file and folder under `folder` durable before anything points at it.

    The fsyncs run side by side: ext4 then commits its journal once for many of them (30 small files:
    ~0.2 s one after another on this machine's disk, ~0.01 s together).
    """
    files, folders = [], [folder]
    for root, dirs, names in os.walk(folder):
        files += [Path(root) / name for name in names]
        folders += [Path(root) / name for name in dirs]
    with ThreadPoolExecutor(max_workers=max(1, min(16, len(files)))) as pool:
        list(pool.map(_fsync_file, files))
        list(pool.map(_fsync_dir, folders[1:]))
    _fsync_dir(folder)


def _write_json(path: Path, data: Any) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)


@dataclass(frozen=True)
class Contents:
    """Everything one version holds, assembled by the build and written as given."""

    manifest: dict[str, Any]  # its "version" and "dimension" keys name the folder and the vector size
    records: Sequence[dict[str, Any]]  # one per chunk, in row order (dicts, or `Records`); "vid": FAISS id
    ids: np.ndarray  # int64 FAISS id of each row
    chunk_vectors: np.ndarray  # float32, one row per record
    sentence_vectors: np.ndarray  # float32; record["sent_row"] is the first row of its sentences
    bm25: Any  # a bm25s.BM25 over the records, in row order


def reserve_version(index_dir: Path) -> tuple[str, Path]:
    """The next version's name and its build folder, created now (call with the build lock held)."""
    version = next_version_name(index_dir)
    tmp_dir = index_dir / f"{version}.tmp-{os.getpid()}"
    tmp_dir.mkdir(parents=True)
    return version, tmp_dir


def index_type(setting: str, threshold: int, n_chunks: int) -> str:
    """The FAISS index a version of `n_chunks` gets: flat (exact) until `threshold`, then HNSW."""
    if setting in ("flat", "hnsw"):
        return setting
    return "hnsw" if n_chunks > threshold else "flat"


def faiss_index(kind: str, dimension: int, vectors: np.ndarray, ids: np.ndarray) -> Any:
    """A FAISS index of `kind` ("flat" or "hnsw") over unit vectors, searched by inner product."""
    import faiss

    if kind == "hnsw":
        inner = faiss.IndexHNSWFlat(dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        inner.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        inner.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        inner = faiss.IndexFlatIP(dimension)
    index = faiss.IndexIDMap2(inner)
    if len(ids):
        index.add_with_ids(np.ascontiguousarray(vectors, np.float32), ids.astype(np.int64))
    return index


def write_version(tmp_dir: Path, contents: Contents) -> None:
    """Write every file of one build into `tmp_dir` (not yet visible to readers).

    The FAISS index is of the type named by the manifest's "index_type" (flat when absent).
    """
    import faiss

    tmp_dir.mkdir(parents=True, exist_ok=True)
    kind = contents.manifest.get("index_type", "flat")
    index = faiss_index(kind, int(contents.manifest["dimension"]), contents.chunk_vectors, contents.ids)
    faiss.write_index(index, str(tmp_dir / "faiss.index"))
    with open(tmp_dir / "sentences.npy", "wb") as handle:
        np.save(handle, np.asarray(contents.sentence_vectors, dtype=np.float32))
    write_records(tmp_dir / "chunks", contents.records)
    contents.bm25.save(str(tmp_dir / "bm25"))
    _write_json(tmp_dir / "manifest.json", contents.manifest)
    _fsync_tree(tmp_dir)  # all of it, FAISS and BM25 files included, before `publish` can point at it


def publish(index_dir: Path, tmp_dir: Path, version: str) -> None:
    """Make a finished build live in one atomic step, then drop what no reader needs."""
    final = index_dir / version
    os.replace(tmp_dir, final)
    pointer = index_dir / f"CURRENT.tmp-{os.getpid()}"
    pointer.write_text(version + "\n", encoding="utf-8")
    with open(pointer, "rb+") as handle:
        os.fsync(handle.fileno())
    previous = current_version(index_dir)
    os.replace(pointer, index_dir / "CURRENT")
    _fsync_dir(index_dir)
    # Keep the version before this one: a reader may have read CURRENT just before the switch.
    keep = {version, previous}
    for path in index_dir.glob("v*"):
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def remove_stale_builds(index_dir: Path) -> None:
    """Delete leftovers of builds that died (call with the build lock held)."""
    for path in index_dir.glob("v*.tmp-*"):
        shutil.rmtree(path, ignore_errors=True)
    for path in index_dir.glob("CURRENT.tmp-*"):
        path.unlink(missing_ok=True)


@dataclass
class Version:
    """One loaded, read-only build: vectors, chunk records, keyword index, manifest."""

    name: str
    manifest: dict[str, Any]
    records: Records  # `records[row]` is the row's dict, as the build wrote it
    row_of_id: RowOfId  # FAISS id -> row (`.get(vid)`)
    faiss_index: Any
    sentence_vectors: np.ndarray  # memory-mapped
    bm25: Any


def load_version(
    index_dir: Path, name: str | None = None, *, manifest: dict[str, Any] | None = None
) -> Version:
    """Load the live (or a named) version: FAISS and BM25 into memory, records and sentence vectors mapped.

    `manifest` is that version's manifest when the caller has read it already (a build has).
    """
    import faiss

    from .keyword import load_bm25

    name = name or current_version(index_dir)
    if name is None:
        raise _missing(index_dir)
    folder = index_dir / name
    if manifest is None:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise IndexMissing(
            f"the index at {index_dir} was built by another version: run `python -m retriever index --full`"
        )
    records = Records(folder / "chunks")
    return Version(
        name=name,
        manifest=manifest,
        records=records,
        row_of_id=RowOfId(records.columns["vid"]),
        faiss_index=faiss.read_index(str(folder / "faiss.index")),
        sentence_vectors=np.load(folder / "sentences.npy", mmap_mode="r"),
        bm25=load_bm25(folder / "bm25"),
    )
