"""The documents folder's files: what is read or left out (with why), and hashes reused while size and
mtime hold."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from retriever.sources import SUPPORTED, SourceFile, find_sources


def write(root: Path, name: str, data: bytes | str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_find_sources_skips_and_ignores(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    write(root, "b.md", "# B\nText.")
    write(root, "a.txt", "A text.")
    write(root, "sub/c.PDF", b"%PDF")
    write(root, "data.xyz", "x")
    write(root, "README", "x")
    for hidden in (".hidden.txt", ".git/config.txt", "~$draft.docx", "notes.txt~", "sub/.cache/x.md"):
        write(root, hidden, "ignored")
    outside = write(tmp_path, "outside.txt", "secret")
    (root / "link.txt").symlink_to(outside)
    (root / "inside.txt").symlink_to(root / "a.txt")
    files, skipped = find_sources(root)
    assert [f.id for f in files] == ["a.txt", "b.md", "inside.txt", "sub/c.PDF"]
    assert files[0] == SourceFile("a.txt", root / "a.txt", hashlib.sha256(b"A text.").hexdigest())
    reasons = {s.id: s.reason for s in skipped}
    assert sorted(reasons) == ["README", "data.xyz", "link.txt"]
    assert reasons["data.xyz"].startswith("unsupported file type .xyz (supported: ")
    assert all(ext in reasons["data.xyz"] for ext in SUPPORTED)
    assert "(no extension)" in reasons["README"] and "outside" in reasons["link.txt"]
    keys = {doc_id: reason.key for doc_id, reason in reasons.items()}
    assert keys == {
        "README": "reason_unsupported",
        "data.xyz": "reason_unsupported",
        "link.txt": "reason_symlink",
    }
    assert reasons["README"].params == {"ext": "(no extension)", "exts": " ".join(sorted(SUPPORTED))}


def test_find_sources_reuses_a_recorded_hash_only_while_size_and_mtime_match(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    old = write(root, "old.md", "# Old\nText.")
    write(root, "fresh.md", "# Fresh\nText.")
    hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(old, ns=(hour_ago, hour_ago))
    real = hashlib.sha256(b"# Old\nText.").hexdigest()
    files = {f.id: f for f in find_sources(root)[0]}
    assert files["old.md"].sha256 == real and files["old.md"].stat == (len(b"# Old\nText."), hour_ago)
    assert files["fresh.md"].stat is None  # written just now: a rewrite might not move its mtime

    size = len(b"# Old\nText.")
    assert find_sources(root, {"old.md": (size, hour_ago, "recorded")})[0][1].sha256 == "recorded"
    assert find_sources(root, {"old.md": (size + 1, hour_ago, "recorded")})[0][1].sha256 == real
    assert find_sources(root, {"old.md": (size, hour_ago + 1, "recorded")})[0][1].sha256 == real
    os.utime(old, ns=(hour_ago, hour_ago + 10**9))  # touched: same size and bytes, a new mtime
    assert find_sources(root, {"old.md": (size, hour_ago, "recorded")})[0][1].sha256 == real


def test_missing_folder_names_the_folder_and_variable(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nowhere.*RETRIEVER_DOCUMENTS_DIR"):
        find_sources(tmp_path / "nowhere")
