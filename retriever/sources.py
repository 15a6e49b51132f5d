"""The documents folder's files: which are read, and their hashes (reused while size and mtime hold)."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .texts import Reason
from .types import Skipped

SUPPORTED: frozenset[str] = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"})
# A file written this recently may be rewritten without its mtime moving (file-system clocks tick
# coarsely, FAT's in 2 s), so its (size, mtime) is not yet trusted to stand for the hash just taken.
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class SourceFile:
    """One candidate file of the documents folder; `id` is its posix path relative to the root."""

    id: str
    path: Path
    sha256: str
    # (size, mtime_ns) the file had when `sha256` was taken; None when too recent to vouch for it.
    stat: tuple[int, int] | None = field(default=None, compare=False)


def _ignored(name: str) -> bool:
    return name.startswith((".", "~$")) or name.endswith("~")


def find_sources(
    root: Path, known: Mapping[str, tuple[int, int, str]] | None = None
) -> tuple[list[SourceFile], list[Skipped]]:
    """Every readable file under `root` (sorted by id), and the files left out with the reason."""
    known = known or {}  # id -> (size, mtime_ns, sha256) a build recorded: such a file is not read again
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(
            f"documents folder {root} does not exist or is not a folder "
            "(set RETRIEVER_DOCUMENTS_DIR to the folder that holds the documents)"
        )
    real_root = root.resolve()
    files: list[SourceFile] = []
    skipped: list[Skipped] = []
    for folder, dirs, names in os.walk(root):  # os.walk does not descend into symlinked folders
        dirs[:] = [d for d in dirs if not _ignored(d)]
        for name in (n for n in names if not _ignored(n)):
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if not path.resolve().is_relative_to(real_root):
                outside = "symbolic link to outside the documents folder: not followed"
                skipped.append(Skipped(rel, Reason(outside, "reason_symlink")))
            elif path.suffix.lower() not in SUPPORTED:
                skipped.append(Skipped(rel, unsupported(path.suffix)))
            else:
                try:
                    files.append(_source(rel, path, known.get(rel)))
                except OSError as exc:
                    why = Reason(f"cannot read the file: {exc.strerror or exc}", "reason_cannot_read")
                    skipped.append(Skipped(rel, why))
    return sorted(files, key=lambda f: f.id), sorted(skipped, key=lambda s: s.id)


def _source(rel: str, path: Path, recorded: tuple[int, int, str] | None) -> SourceFile:
    """The file with its hash: the recorded one while size and mtime are as recorded, else its bytes'."""
    st = path.stat()  # before reading: a write during the read then shows as a new mtime next time
    stat = (st.st_size, st.st_mtime_ns)
    reuse = recorded is not None and stat == recorded[:2]
    sha = recorded[2] if recorded is not None and reuse else hashlib.sha256(path.read_bytes()).hexdigest()
    return SourceFile(rel, path, sha, stat if time.time_ns() - st.st_mtime_ns > RACY_NS else None)


def unsupported(suffix: str) -> Reason:
    """Why a file of this type is left out, naming the types that are read."""
    ext, exts = suffix or "(no extension)", " ".join(sorted(SUPPORTED))
    return Reason(
        f"unsupported file type {ext} (supported: {exts})", "reason_unsupported", ext=ext, exts=exts
    )
