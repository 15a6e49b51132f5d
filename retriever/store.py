"""The index folder: numbered versions, the manifest, the atomic switch, and loading a version.

index/CURRENT               name of the live version, replaced by an atomic rename
index/v000012/              one complete build (see `write_version`)
index/v000013.tmp-<pid>/    a build in progress: never read, removed by the next build
index/.lock                 one build at a time
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .types import IndexMissing

FORMAT = 1
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


def next_version_name(index_dir: Path) -> str:
    """One past the highest version number ever built here."""
    numbers = [
        int(m.group(1)) for p in index_dir.glob("v*") if (m := _VERSION_RE.match(p.name.split(".")[0]))
    ]
    return f"v{max(numbers, default=0) + 1:06d}"


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold the folder's build lock; a second build waits for the first."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
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


def _write_json(path: Path, data: Any) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())


def write_version(
    tmp_dir: Path,
    manifest: dict[str, Any],
    records: list[dict[str, Any]],
    ids: np.ndarray,
    chunk_vectors: np.ndarray,
    sentence_vectors: np.ndarray,
    bm25_texts: list[str],
) -> None:
    """Write every file of one build into `tmp_dir` (not yet visible to readers)."""
    import faiss

    from .keyword import build_bm25

    tmp_dir.mkdir(parents=True)
    flat = faiss.IndexFlatIP(int(manifest["dimension"]))
    index = faiss.IndexIDMap2(flat)
    if len(ids):
        index.add_with_ids(chunk_vectors, ids.astype(np.int64))
    faiss.write_index(index, str(tmp_dir / "faiss.index"))
    with open(tmp_dir / "sentences.npy", "wb") as handle:
        np.save(handle, sentence_vectors.astype(np.float32))
        handle.flush()
        os.fsync(handle.fileno())
    with open(tmp_dir / "chunks.jsonl", "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    build_bm25(bm25_texts).save(str(tmp_dir / "bm25"))
    _write_json(tmp_dir / "manifest.json", manifest)
    _fsync_dir(tmp_dir)


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
    records: list[dict[str, Any]]
    row_of_id: dict[int, int]
    faiss_index: Any
    sentence_vectors: np.ndarray
    bm25: Any


def load_version(index_dir: Path, name: str | None = None) -> Version:
    """Load the live (or a named) version completely into memory."""
    import faiss

    from .keyword import load_bm25

    name = name or current_version(index_dir)
    if name is None:
        raise _missing(index_dir)
    folder = index_dir / name
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise IndexMissing(
            f"the index at {index_dir} was built by another version: run `python -m retriever index --full`"
        )
    with open(folder / "chunks.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return Version(
        name=name,
        manifest=manifest,
        records=records,
        row_of_id={int(r["vid"]): i for i, r in enumerate(records)},
        faiss_index=faiss.read_index(str(folder / "faiss.index")),
        sentence_vectors=np.load(folder / "sentences.npy"),
        bm25=load_bm25(folder / "bm25"),
    )
