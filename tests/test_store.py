"""The index folder: writing what it is given, the atomic switch, pruning, stale builds, the lock."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import faiss
import numpy as np
import pytest

from retriever import IndexMissing, store
from retriever.keyword import build_bm25, scores
from retriever.records import Records, RowOfId, write_records

DIM = 8


def contents(version: str, texts: list[str], seed: int = 0) -> store.Contents:
    """A small version of made-up chunks (one sentence each) with random unit vectors."""
    rng = np.random.default_rng(seed)
    vectors = rng.normal(size=(len(texts), DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    records = [
        {"vid": 10 + i, "id": f"doc.txt#{i}", "doc_id": "doc.txt", "n": i, "text": t, "section": "",
         "start": 0, "end": len(t), "page": None, "sentences": [[0, len(t)]], "sent_row": i,
         "truncated": False}
        for i, t in enumerate(texts)
    ]  # fmt: skip
    manifest = {"format": store.FORMAT, "version": version, "dimension": DIM, "n_chunks": len(texts),
                "documents": {"doc.txt": {"sha256": "x", "chunks": len(texts), "title": "Doc"}}}  # fmt: skip
    return store.Contents(
        manifest=manifest,
        records=records,
        ids=np.array([r["vid"] for r in records], dtype=np.int64),
        chunk_vectors=vectors,
        sentence_vectors=vectors.copy(),
        bm25=build_bm25(texts),
    )


def publish(index_dir: Path, texts: list[str], seed: int = 0) -> str:
    """Reserve, write and publish one version, as a build does."""
    with store.build_lock(index_dir):
        version, tmp_dir = store.reserve_version(index_dir)
        store.write_version(tmp_dir, contents(version, texts, seed))
        store.publish(index_dir, tmp_dir, version)
    return version


TEXTS = ["Bags are banned in Lakeside.", "Bottles earn a deposit in Hilltown.", "Rivertown composts food."]


def test_a_version_loads_back_as_written(tmp_path: Path) -> None:
    written = contents("v000001", TEXTS)
    publish(tmp_path, TEXTS)
    version = store.load_version(tmp_path)
    assert (version.name, version.manifest, version.records) == ("v000001", written.manifest, written.records)
    assert version.row_of_id == {10: 0, 11: 1, 12: 2}
    assert np.array_equal(version.faiss_index.reconstruct(11), written.chunk_vectors[1])
    assert np.array_equal(version.sentence_vectors, written.sentence_vectors)
    assert int(np.argmax(scores(version.bm25, "deposit bottles", 3))) == 1


def test_nothing_is_live_before_the_first_publish(tmp_path: Path) -> None:
    assert store.current_version(tmp_path) is None
    with pytest.raises(IndexMissing, match="run `python -m retriever index`"):
        store.load_version(tmp_path)
    with pytest.raises(IndexMissing, match="run `python -m retriever index`"):
        store.read_manifest(tmp_path)
    with store.build_lock(tmp_path):
        version, tmp_dir = store.reserve_version(tmp_path)
        store.write_version(tmp_dir, contents(version, TEXTS))
    # Written but not published: readers still see no index.
    assert store.current_version(tmp_path) is None and (tmp_dir / "manifest.json").is_file()


def test_publish_switches_atomically_while_readers_read(tmp_path: Path) -> None:
    publish(tmp_path, TEXTS)
    seen: set[str] = set()
    failures: list[str] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            name = store.current_version(tmp_path)
            if name is None:
                failures.append("CURRENT named no complete version")
                continue
            files = {p.name for p in (tmp_path / name).iterdir()}
            if not {"manifest.json", "chunks", "faiss.index", "sentences.npy", "bm25"} <= files:
                failures.append(f"{name} incomplete: {sorted(files)}")
            seen.add(name)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(8):
            publish(tmp_path, [*TEXTS, f"Extra text number {i}."], seed=i)
    finally:
        done.set()
        reader.join()
    assert not failures, failures[:3]
    assert len(seen) >= 2 and store.current_version(tmp_path) == "v000009"
    assert json.loads((tmp_path / "v000009" / "manifest.json").read_text())["n_chunks"] == 4


def test_publish_keeps_the_live_and_the_previous_version(tmp_path: Path) -> None:
    for i in range(4):
        publish(tmp_path, TEXTS, seed=i)
    assert sorted(p.name for p in tmp_path.glob("v*")) == ["v000003", "v000004"]
    assert store.current_version(tmp_path) == "v000004"
    assert store.load_version(tmp_path, "v000003").name == "v000003"  # a reader that read CURRENT just before


def test_stale_builds_are_removed_and_their_number_is_not_live(tmp_path: Path) -> None:
    publish(tmp_path, TEXTS)
    dead = tmp_path / "v000002.tmp-999999"  # a build killed half-way
    dead.mkdir()
    (dead / "chunks.jsonl").write_text("{}\n")
    (tmp_path / "CURRENT.tmp-999999").write_text("v000002\n")
    assert store.current_version(tmp_path) == "v000001"
    assert store.next_version_name(tmp_path) == "v000003"  # never collides with the leftover
    with store.build_lock(tmp_path):
        store.remove_stale_builds(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".lock") == ["CURRENT", "v000001"]


def test_every_file_of_a_version_is_on_disk_before_it_can_go_live(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: set[str] = set()
    real_fsync = os.fsync

    def fsync(fd: int) -> None:  # the real fsync, noting what it made durable
        synced.add(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with store.build_lock(tmp_path):
        version, tmp_dir = store.reserve_version(tmp_path)
        store.write_version(tmp_dir, contents(version, TEXTS))
    written = {str(p) for p in tmp_dir.rglob("*")} | {str(tmp_dir)}
    names = {p.name for p in tmp_dir.iterdir()}
    assert {"faiss.index", "manifest.json", "sentences.npy", "chunks", "bm25"} <= names
    assert written <= synced  # FAISS and BM25 files too: a power cut cannot leave CURRENT on a torn version


def test_current_naming_a_missing_or_odd_folder_counts_as_no_index(tmp_path: Path) -> None:
    (tmp_path / "CURRENT").write_text("v000007\n")
    assert store.current_version(tmp_path) is None
    (tmp_path / "CURRENT").write_text("../elsewhere\n")
    assert store.current_version(tmp_path) is None


def test_a_version_of_another_format_asks_for_a_full_rebuild(tmp_path: Path) -> None:
    publish(tmp_path, TEXTS)
    manifest_path = tmp_path / "v000001" / "manifest.json"
    manifest_path.write_text(json.dumps(json.loads(manifest_path.read_text()) | {"format": 0}))
    with pytest.raises(IndexMissing, match="index --full"):
        store.load_version(tmp_path)


def test_the_build_lock_refuses_a_second_holder_until_released(tmp_path: Path) -> None:
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with store.build_lock(tmp_path):
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(10)
    try:
        with (
            pytest.raises(store.BuildLocked, match="another build is running on"),
            store.build_lock(tmp_path, 0.2),
        ):
            pass
    finally:
        release.set()
        holder.join()
    with store.build_lock(tmp_path, timeout=5):
        assert (tmp_path / ".lock").exists()


def test_records_are_columns_read_back_as_the_rows_written(tmp_path: Path) -> None:
    rows = [
        {"vid": 7, "id": "a.md#0", "doc_id": "a.md", "n": 0, "text": "Hải Nam cấm túi nhựa. 海南禁塑。",
         "section": "Ban", "start": 0, "end": 30, "page": None, "sentences": [[0, 21], [22, 27]],
         "sent_row": 0, "truncated": False},
        {"vid": 3, "id": "b.pdf#4", "doc_id": "b.pdf", "n": 4, "text": "", "section": "", "start": 5,
         "end": 5, "page": 12, "sentences": [], "sent_row": 2, "truncated": True},
    ]  # fmt: skip
    write_records(tmp_path / "chunks", rows)
    records = Records(tmp_path / "chunks")
    assert len(records) == 2 and records[0] == rows[0] and records[1] == rows[1] and records[-1] == rows[1]
    assert list(records) == rows and records == rows
    assert isinstance(records.columns["vid"], np.memmap)  # mapped, not read into memory
    assert records.rows_of("b.pdf").tolist() == [1] and records.rows_of("nope.md").tolist() == []
    with pytest.raises(IndexError):
        records[2]
    empty = tmp_path / "empty"
    write_records(empty, [])
    assert len(Records(empty)) == 0 and list(Records(empty)) == []


def test_records_gathered_from_two_places_are_the_rows_asked_for_in_that_order(tmp_path: Path) -> None:
    def row(doc: str, n: int, text: str, page: int | None = None) -> dict[str, object]:
        spans = [[0, len(text)]] if text else []
        return {"vid": 100 + n, "id": f"{doc}#{n}", "doc_id": doc, "n": n, "text": text,
                "section": doc.upper(), "start": 0, "end": len(text), "page": page, "sentences": spans,
                "sent_row": n, "truncated": n == 2}  # fmt: skip

    old = [row("a.md", 0, "Ả"), row("a.md", 1, "bags"), row("b.md", 0, ""), row("c.md", 0, "海南", 3)]
    write_records(tmp_path / "old", old)
    live = Records(tmp_path / "old")  # memory-mapped, as a build reads the live version
    fresh = Records.from_rows([row("b.md", 0, "new text"), row("b.md", 1, "more", 7)])
    gathered = Records.gather([(live, np.array([0, 1])), (fresh, np.array([1, 0])), (live, np.array([3]))])
    expected = [old[0], old[1], row("b.md", 1, "more", 7), row("b.md", 0, "new text"), old[3]]
    assert list(gathered) == expected and gathered.doc_ids == ["a.md", "b.md", "c.md"]
    assert gathered.strings("text") == [r["text"] for r in expected]
    write_records(tmp_path / "new", gathered)
    assert Records(tmp_path / "new") == expected
    assert len(Records.gather([(live, np.array([], dtype=np.int64))])) == 0


def test_row_of_id_maps_faiss_ids_to_rows() -> None:
    lookup = RowOfId(np.array([10, 3, 7]))
    assert (lookup.get(10), lookup.get(3), lookup.get(7)) == (0, 1, 2)
    assert lookup.get(4) is None and lookup.get(99) is None and lookup.get(-1) is None
    assert lookup.rows(np.array([7, -1, 3, 500])).tolist() == [2, -1, 1, -1]
    assert lookup == {10: 0, 3: 1, 7: 2}


def test_index_type_is_flat_up_to_the_threshold_then_hnsw() -> None:
    assert store.index_type("auto", 100, 100) == "flat" and store.index_type("auto", 100, 101) == "hnsw"
    assert store.index_type("flat", 100, 10**6) == "flat" and store.index_type("hnsw", 100, 5) == "hnsw"


def test_an_hnsw_version_finds_what_flat_finds_and_reconstructs_vectors(tmp_path: Path) -> None:
    texts = [f"Text number {i} about plastic." for i in range(300)]
    written = contents("v000001", texts)
    written.manifest["index_type"] = "hnsw"
    with store.build_lock(tmp_path):
        version, tmp_dir = store.reserve_version(tmp_path)
        store.write_version(tmp_dir, written)
        store.publish(tmp_path, tmp_dir, version)
    loaded = store.load_version(tmp_path)
    assert "HNSW" in type(faiss.downcast_index(loaded.faiss_index.index)).__name__
    _, found = loaded.faiss_index.search(written.chunk_vectors[:20], 1)
    assert found[:, 0].tolist() == [10 + i for i in range(20)]  # each vector's nearest is itself
    assert np.array_equal(loaded.faiss_index.reconstruct(15), written.chunk_vectors[5])
