"""Building the index on small real folders: incremental steps, rebuild triggers, bad files, the lock,
kill -9 mid-build and the collapse guard (real model, real FAISS)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

import retriever
from retriever import CollectionShrank, IndexSummary, Settings, build, store
from retriever.events import extract_events
from retriever.facts import document_facts
from retriever.readers import read_path
from retriever.settings import ROOT

DOCS = {
    "bags.md": "# Lakeside bag ban\n\nThe town of Lakeside banned plastic carrier bags on 3 March 2021. "
    "Shops that break the rule pay a fine of 500 dollars.\n",
    "bottles.md": "# Hilltown bottle deposit\n\nHilltown started a bottle deposit scheme in 2019. "
    "Each returned bottle earns ten cents at any grocery store.\n",
    "compost.txt": "Rivertown composting\n\nRivertown collects food waste every Tuesday "
    "for its composting plant. The compost is sold to local farms.\n",
    "straws.html": "<html><head><title>Seaview straw rules</title></head><body><h1>Seaview straw rules</h1>"
    "<p>Seaview cafes may hand out paper straws only on request since June 2022.</p></body></html>",
}


@dataclass
class Built:
    """A documents folder, its index, the settings for both and the summary of the build."""

    docs: Path
    settings: Settings
    summary: IndexSummary


def write_docs(folder: Path, docs: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The four tiny documents indexed once for the whole module."""
    root = tmp_path_factory.mktemp("build")
    settings = base_settings.with_(
        documents_dir=write_docs(root / "documents", DOCS), index_dir=root / "index", threads=1
    )
    return Built(settings.documents_dir, settings, retriever.index_documents(settings=settings))


@pytest.fixture()
def copy(built: Built, tmp_path: Path) -> Built:
    """A private copy of the module's folder and index, for a test that changes them."""
    shutil.copytree(built.docs, tmp_path / "documents")
    shutil.copytree(built.settings.index_dir, tmp_path / "index")
    settings = built.settings.with_(documents_dir=tmp_path / "documents", index_dir=tmp_path / "index")
    return Built(tmp_path / "documents", settings, built.summary)


def vectors_by_vid(
    index_dir: Path,
) -> tuple[dict[str, list[int]], dict[int, np.ndarray], dict[int, np.ndarray]]:
    """Chunk ids (vids) per document, each chunk's vector and each chunk's sentence vectors."""
    version = store.load_version(index_dir)
    vids: dict[str, list[int]] = {}
    chunk_vectors, sentence_vectors = {}, {}
    for rec in version.records:
        vid = int(rec["vid"])
        vids.setdefault(rec["doc_id"], []).append(vid)
        chunk_vectors[vid] = version.faiss_index.reconstruct(vid)
        sentence_vectors[vid] = version.sentence_vectors[
            rec["sent_row"] : rec["sent_row"] + len(rec["sentences"])
        ]
    return vids, chunk_vectors, sentence_vectors


def test_first_build_indexes_every_document(built: Built) -> None:
    s = built.summary
    assert s.added == tuple(sorted(DOCS)) and not (s.changed or s.unchanged or s.removed or s.skipped)
    assert (s.full_rebuild, s.reason, s.version, s.documents) == (True, "first build", "v000001", 4)
    assert s.reason.key == "rebuild_first"  # what says it in an administrator's language
    manifest = retriever.status(settings=built.settings)
    assert manifest["n_chunks"] == s.chunks == manifest["embedded_chunks"] >= 4
    assert manifest["n_sentences"] == manifest["embedded_sentences"]
    assert set(manifest["documents"]) == set(DOCS)
    assert manifest["documents"]["straws.html"]["title"] == "Seaview straw rules"
    answer = retriever.ask("When did Lakeside ban plastic carrier bags?", settings=built.settings)
    assert not answer.refused and answer.citations[0].doc_id == "bags.md"


def test_a_build_with_nothing_new_publishes_nothing(copy: Built) -> None:
    s = retriever.index_documents(settings=copy.settings)
    assert s.version == "v000001" and s.unchanged == tuple(sorted(DOCS))
    assert not (s.added or s.changed or s.removed or s.full_rebuild)
    assert sorted(p.name for p in copy.settings.index_dir.glob("v*")) == ["v000001"]


def test_one_changed_file_reembeds_only_it(copy: Built) -> None:
    before_vids, before_vectors, before_sentences = vectors_by_vid(copy.settings.index_dir)
    (copy.docs / "bottles.md").write_text(
        DOCS["bottles.md"] + "\nSince 2023 each returned can earns five cents as well.\n", encoding="utf-8"
    )
    s = retriever.index_documents(settings=copy.settings)
    assert s.changed == ("bottles.md",) and s.unchanged == ("bags.md", "compost.txt", "straws.html")
    assert not (s.added or s.removed or s.full_rebuild) and s.version == "v000002"
    manifest = retriever.status(settings=copy.settings)
    assert manifest["embedded_chunks"] == manifest["documents"]["bottles.md"]["chunks"]
    assert manifest["embedded_chunks"] < manifest["n_chunks"]
    after_vids, after_vectors, after_sentences = vectors_by_vid(copy.settings.index_dir)
    for doc_id in s.unchanged:  # copied forward under the same ids, bit for bit
        assert after_vids[doc_id] == before_vids[doc_id]
        for vid in after_vids[doc_id]:
            assert np.array_equal(after_vectors[vid], before_vectors[vid])
            assert np.array_equal(after_sentences[vid], before_sentences[vid])
    assert not set(after_vids["bottles.md"]) & set(before_vectors)  # new ids for the new text
    answer = retriever.ask("How much does a returned can earn in Hilltown?", settings=copy.settings)
    assert not answer.refused and "five cents" in answer.answer


REPORT = "# Harbourside plastics report\n\n" + "\n\n".join(
    f"Harbourside district {d} counted {d * 7} tonnes of film plastic in {2010 + d}. "
    f"Its {d * 3} shops sold {d * 11} thousand carrier bags that year. "
    f"The council of district {d} reviewed the figures every spring."
    for d in range(1, 9)
)


def texts_and_vectors(index_dir: Path, doc_id: str) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The live version's vector of each chunk text and of each sentence of one document."""
    version = store.load_version(index_dir)
    chunks, sentences = {}, {}
    for row in version.records.rows_of(doc_id):
        rec = version.records[int(row)]
        chunks[rec["text"]] = version.faiss_index.reconstruct(int(rec["vid"]))
        for i, (start, end) in enumerate(rec["sentences"]):
            sentences[rec["text"][start:end]] = np.array(version.sentence_vectors[rec["sent_row"] + i])
    return chunks, sentences


def test_an_edited_document_embeds_only_its_new_text(copy: Built) -> None:
    write_docs(copy.docs, {"report.md": REPORT})
    retriever.index_documents(settings=copy.settings)
    chunks_before, sentences_before = texts_and_vectors(copy.settings.index_dir, "report.md")
    edit = "Harbourside banned film plastic carrier bags on 1 May 2030."
    write_docs(copy.docs, {"report.md": f"{REPORT}\n\n{edit}\n"})
    s = retriever.index_documents(settings=copy.settings)
    assert s.changed == ("report.md",) and not s.full_rebuild
    manifest = retriever.status(settings=copy.settings)
    n_chunks = manifest["documents"]["report.md"]["chunks"]
    assert n_chunks >= 3 and 1 <= manifest["embedded_chunks"] < n_chunks
    assert manifest["embedded_chunks"] + manifest["reused_chunks"] == n_chunks
    assert 1 <= manifest["embedded_sentences"] < manifest["reused_sentences"]
    chunks_after, sentences_after = texts_and_vectors(copy.settings.index_dir, "report.md")
    kept = chunks_after.keys() & chunks_before.keys()
    assert len(kept) == manifest["reused_chunks"]
    assert all(np.array_equal(chunks_after[t], chunks_before[t]) for t in kept)  # copied bit for bit
    kept = sentences_after.keys() & sentences_before.keys()
    assert kept and all(np.array_equal(sentences_after[t], sentences_before[t]) for t in kept)
    assert edit in sentences_after and edit not in sentences_before
    answer = retriever.ask("When did Harbourside ban film plastic carrier bags?", settings=copy.settings)
    assert not answer.refused and answer.citations[0].doc_id == "report.md" and "1 May 2030" in answer.answer


def test_a_renamed_file_is_not_embedded_again(copy: Built) -> None:
    chunks_before, sentences_before = texts_and_vectors(copy.settings.index_dir, "bags.md")
    (copy.docs / "bags.md").rename(copy.docs / "lakeside-bags.md")
    s = retriever.index_documents(settings=copy.settings)
    assert s.added == ("lakeside-bags.md",) and s.removed == ("bags.md",) and not s.full_rebuild
    manifest = retriever.status(settings=copy.settings)
    assert (manifest["embedded_chunks"], manifest["embedded_sentences"]) == (0, 0)
    assert manifest["reused_chunks"] == manifest["documents"]["lakeside-bags.md"]["chunks"]
    chunks_after, sentences_after = texts_and_vectors(copy.settings.index_dir, "lakeside-bags.md")
    assert chunks_after.keys() == chunks_before.keys() and sentences_after.keys() == sentences_before.keys()
    assert all(np.array_equal(chunks_after[t], chunks_before[t]) for t in chunks_before)
    assert all(np.array_equal(sentences_after[t], sentences_before[t]) for t in sentences_before)
    answer = retriever.ask("When did Lakeside ban plastic carrier bags?", settings=copy.settings)
    assert not answer.refused and answer.citations[0].doc_id == "lakeside-bags.md"


def test_a_removed_file_leaves_the_index(copy: Built) -> None:
    (copy.docs / "compost.txt").unlink()
    s = retriever.index_documents(settings=copy.settings)
    assert s.removed == ("compost.txt",) and s.documents == 3 and not s.full_rebuild
    version = store.load_version(copy.settings.index_dir)
    assert "compost.txt" not in version.manifest["documents"]
    assert {r["doc_id"] for r in version.records} == {"bags.md", "bottles.md", "straws.html"}
    assert version.manifest["embedded_chunks"] == 0
    hits = retriever.search("food waste composting plant", k=10, settings=copy.settings)
    assert hits and all(p.doc_id != "compost.txt" for p in hits)


def test_a_chunking_change_rebuilds_everything(copy: Built) -> None:
    settings = copy.settings.with_(chunk_words=60, chunk_overlap=10)
    s = retriever.index_documents(settings=settings)
    assert s.full_rebuild and "chunk_words 120 -> 60" in s.reason and "chunk_overlap 25 -> 10" in s.reason
    assert s.reason.key == "rebuild_settings" and s.reason.params["detail"] in s.reason
    assert s.unchanged == tuple(sorted(DOCS)) and not (s.added or s.changed or s.removed)
    manifest = retriever.status(settings=settings)
    assert manifest["embedded_chunks"] == manifest["n_chunks"] and manifest["chunk_words"] == 60


def test_a_model_change_rebuilds_everything(copy: Built) -> None:
    other = copy.settings.with_(embedder="minilm" if copy.settings.embedder != "minilm" else "e5-small")
    before = retriever.status(settings=copy.settings)["model"]
    s = retriever.index_documents(settings=other)
    after = retriever.status(settings=other)["model"]
    assert before != after
    assert s.full_rebuild and f"model {before!r} -> {after!r}" in s.reason
    assert retriever.status(settings=copy.settings)["embedded_chunks"] == s.chunks
    s = retriever.index_documents(settings=copy.settings)  # and back
    assert s.full_rebuild and f"-> {before!r}" in s.reason


def test_full_rebuild_on_request(copy: Built) -> None:
    s = retriever.index_documents(settings=copy.settings, full=True)
    assert (s.full_rebuild, s.reason) == (True, "--full was asked for")
    assert s.reason.key == "rebuild_full"
    assert retriever.status(settings=copy.settings)["embedded_chunks"] == s.chunks


def test_bad_files_are_skipped_and_named_while_others_index(copy: Built) -> None:
    (copy.docs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n garbage \x00\xff")
    (copy.docs / "empty.txt").write_bytes(b"")
    (copy.docs / "notes.xyz").write_text("not a supported type", encoding="utf-8")
    write_docs(
        copy.docs, {"cups.md": "# Eastport cups\n\nEastport charges 10 cents for every disposable cup.\n"}
    )
    s = retriever.index_documents(settings=copy.settings)
    reasons = {x.id: x.reason for x in s.skipped}
    assert set(reasons) == {"broken.pdf", "empty.txt", "notes.xyz"}
    assert "PDF" in reasons["broken.pdf"] and "empty" in reasons["empty.txt"]
    assert "unsupported file type .xyz" in reasons["notes.xyz"]
    keys = {doc_id: reason.key for doc_id, reason in reasons.items()}
    assert keys == {
        "broken.pdf": "reason_corrupt_pdf",
        "empty.txt": "reason_empty",
        "notes.xyz": "reason_unsupported",
    }
    assert s.added == ("cups.md",) and len(s.unchanged) == 4 and s.documents == 5
    manifest = retriever.status(settings=copy.settings)
    assert {x["id"] for x in manifest["skipped"]} == set(reasons)


def test_an_indexed_file_that_turns_unreadable_keeps_its_previous_version(copy: Built) -> None:
    (copy.docs / "bags.md").write_bytes(b"")
    s = retriever.index_documents(settings=copy.settings)
    assert [(x.id, x.reason) for x in s.skipped] == [
        ("bags.md", "empty file; the previous version stays indexed")
    ]
    assert not (s.changed or s.removed) and s.documents == 4
    why = s.skipped[0].reason
    assert (why.key, why.params["reason"].key) == ("reason_previous_kept", "reason_empty")
    # A build that does not build upon the live version keeps nothing of a file it cannot read.
    s = retriever.index_documents(settings=copy.settings, full=True)
    assert [(x.id, x.reason) for x in s.skipped] == [("bags.md", "empty file; it is no longer indexed")]
    why = s.skipped[0].reason
    assert (why.key, why.params["reason"].key) == ("reason_dropped", "reason_empty")


def test_the_lock_makes_a_second_builder_wait_or_refuses_it(copy: Built) -> None:
    index_dir = copy.settings.index_dir
    write_docs(
        copy.docs, {"cups.md": "# Eastport cups\n\nEastport charges 10 cents for every disposable cup.\n"}
    )
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with store.build_lock(index_dir):
            holding.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    assert holding.wait(10)
    results: list[IndexSummary | BaseException] = []
    builder = threading.Thread(
        target=lambda: results.append(retriever.index_documents(settings=copy.settings))
    )
    try:
        with (
            pytest.raises(store.BuildLocked, match="another build is running"),
            store.build_lock(index_dir, 0.3),
        ):
            pass
        builder.start()
        builder.join(1.5)
        assert builder.is_alive() and not results  # waiting for the lock, not building
        assert store.current_version(index_dir) == "v000001"
    finally:
        release.set()
        holder.join()
    builder.join(60)
    assert len(results) == 1 and isinstance(results[0], IndexSummary) and results[0].added == ("cups.md",)
    assert store.current_version(index_dir) == "v000002"


_KILLED_BUILD = """
import logging, sys
from pathlib import Path
import retriever
logging.basicConfig(level=logging.INFO, stream=sys.stderr)
settings = retriever.load_settings(env={}, dotenv=Path("/nonexistent")).with_(
    documents_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]), threads=1)
retriever.index_documents(settings=settings)
print("finished", flush=True)
"""


def test_kill_9_while_embedding_keeps_the_old_version_and_the_next_build_completes(copy: Built) -> None:
    index_dir = copy.settings.index_dir
    # Enough text that embedding takes seconds: the kill lands after it starts and long before it ends.
    big = "\n\n".join(
        f"Paragraph {i}. Town {i % 41} reported {i * 7} tonnes of plastic waste in year {1990 + i % 30}. "
        f"Its council debated rule {i} on bags, cups and straws. Shops in district {i % 13} agreed."
        for i in range(600)
    )
    write_docs(copy.docs, {"big.txt": big})
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_BUILD, str(copy.docs), str(index_dir)],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=os.environ | {"HF_HUB_OFFLINE": "1", "RETRIEVER_THREADS": "1"},
    )
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if "embedding" in line and "chunks" in line:
                break
        else:
            pytest.fail("the build ended before it started embedding")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        out, _ = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL and "finished" not in out
    stale = index_dir / f"v000002.tmp-{proc.pid}"
    assert stale.is_dir() and store.current_version(index_dir) == "v000001"
    answer = retriever.ask("When did Lakeside ban plastic carrier bags?", settings=copy.settings)
    assert not answer.refused and answer.citations[0].doc_id == "bags.md"

    (copy.docs / "big.txt").unlink()
    write_docs(
        copy.docs, {"cups.md": "# Eastport cups\n\nEastport charges 10 cents for every disposable cup.\n"}
    )
    s = retriever.index_documents(settings=copy.settings)
    assert s.added == ("cups.md",) and not s.full_rebuild
    assert not stale.exists() and not list(index_dir.glob("*.tmp-*"))
    assert store.current_version(index_dir) == s.version != "v000001"


def test_collapse_guard_refuses_keeps_the_old_version_and_allow_shrink_publishes(copy: Built) -> None:
    for name in ("bags.md", "bottles.md"):  # 2 of 4: half the collection
        (copy.docs / name).unlink()
    with pytest.raises(CollectionShrank) as caught:
        retriever.index_documents(settings=copy.settings)
    message = str(caught.value)
    assert "remove 2 of the 4 indexed documents (bags.md, bottles.md)" in message
    assert "python -m retriever index --allow-removal" in message and "v000001 stays live" in message
    assert (caught.value.removed, caught.value.before, caught.value.after) == (
        ("bags.md", "bottles.md"),
        4,
        2,
    )
    assert store.current_version(copy.settings.index_dir) == "v000001"
    assert retriever.status(settings=copy.settings)["n_documents"] == 4
    assert not list(copy.settings.index_dir.glob("v*.tmp-*"))
    answer = retriever.ask("When did Lakeside ban plastic carrier bags?", settings=copy.settings)
    assert not answer.refused and answer.citations[0].doc_id == "bags.md"

    s = retriever.index_documents(settings=copy.settings, allow_shrink=True)
    assert s.removed == ("bags.md", "bottles.md") and s.documents == 2 and s.version == "v000002"


def test_collapse_guard_lets_a_single_removal_through(copy: Built) -> None:
    (copy.docs / "bags.md").unlink()
    assert retriever.index_documents(settings=copy.settings).removed == ("bags.md",)


def test_an_emptied_folder_is_a_collapse_even_for_one_document(copy: Built, tmp_path: Path) -> None:
    one = copy.settings.with_(documents_dir=write_docs(tmp_path / "one", {"bags.md": DOCS["bags.md"]}),
                              index_dir=tmp_path / "one-index")  # fmt: skip
    retriever.index_documents(settings=one)
    (one.documents_dir / "bags.md").unlink()
    with pytest.raises(CollectionShrank, match=r"remove 1 of the 1 indexed documents \(bags.md\), leaving 0"):
        retriever.index_documents(settings=one)
    assert retriever.status(settings=one)["n_documents"] == 1


def test_a_missing_documents_folder_is_a_clear_error_and_status_still_works(copy: Built) -> None:
    shutil.rmtree(copy.docs)
    with pytest.raises(FileNotFoundError, match=r"no documents folder at .*RETRIEVER_DOCUMENTS_DIR"):
        retriever.index_documents(settings=copy.settings)
    assert retriever.status(settings=copy.settings)["version"] == "v000001"


def test_index_corpus_has_the_same_guard(built: Built, tmp_path: Path) -> None:
    docs = [
        retriever.Document(
            id=f"d{i}", text=f"Document {i} is about town {i} and its plastic rules.", title=f"D{i}"
        )
        for i in range(3)
    ]
    settings = built.settings.with_(index_dir=tmp_path / "corpus")
    assert retriever.index_corpus(docs, settings.index_dir, settings=settings).documents == 3
    with pytest.raises(CollectionShrank):
        retriever.index_corpus(docs[:1], settings.index_dir, settings=settings)
    assert retriever.index_corpus(
        docs[:1], settings.index_dir, settings=settings, allow_shrink=True
    ).removed == (
        "d1",
        "d2",
    )


WORKSHOP = (
    "# Plastic credits workshop\n\nThe Regional Workshop on Plastic Credits will be held in Da Nang, "
    "Viet Nam, on 3-5 March 2027. It is organised by UNEP.\n"
)


def test_facts_and_events_are_kept_in_the_manifest_and_carried_forward(copy: Built) -> None:
    (copy.docs / "workshop.md").write_text(WORKSHOP, encoding="utf-8")
    assert retriever.index_documents(settings=copy.settings).added == ("workshop.md",)
    entries = retriever.status(settings=copy.settings)["documents"]
    for doc_id, entry in entries.items():  # what the build kept is what the document says
        doc = read_path(copy.docs / doc_id, copy.docs)
        assert entry["facts"] == document_facts(doc).to_dict()
        assert entry["events"] == [e.to_dict() for e in extract_events(doc)]
    [event] = entries["workshop.md"]["events"]
    assert (event["start"], event["end"], event["place"]) == ("2027-03-03", "2027-03-05", "Da Nang, Viet Nam")
    assert entries["straws.html"]["facts"]["in_force"] == "2022-06"

    (copy.docs / "bottles.md").write_text(DOCS["bottles.md"] + "\nA can earns 5 cents.\n", encoding="utf-8")
    s = retriever.index_documents(settings=copy.settings)
    assert s.changed == ("bottles.md",) and "workshop.md" in s.unchanged and not s.full_rebuild
    after = retriever.status(settings=copy.settings)["documents"]
    for doc_id in s.unchanged:  # copied from the previous version's manifest, not read again
        assert unstamped(after[doc_id]) == unstamped(entries[doc_id])

    # The read API serves them from the live index.
    assert retriever.events(settings=copy.settings) == [retriever.Event.from_dict(event)]
    assert retriever.events("2028", settings=copy.settings) == []
    listed = retriever.documents(settings=copy.settings)
    assert [d["id"] for d in listed] == sorted(after)
    assert listed[-1] == {
        "id": "workshop.md",
        "title": "Plastic credits workshop",
        "date": after["workshop.md"]["date"],
        "source": after["workshop.md"]["source"],
        "facts": after["workshop.md"]["facts"],
    }


def unstamped(entry: dict) -> dict:
    """A manifest entry without the file's size and mtime (recorded once the file is old enough)."""
    return {k: v for k, v in entry.items() if k not in ("size", "mtime_ns")}


def age(folder: Path) -> int:
    """Set every file's mtime an hour back, past the window in which a hash is not trusted; return it."""
    past = time.time_ns() - 3600 * 10**9
    for path in folder.iterdir():
        os.utime(path, ns=(past, past))
    return past


def swap(path: Path, old: str, new: str, mtime_ns: int) -> str:
    """Replace `old` by `new` (same length: same size) in the file and set its mtime; return the text."""
    text = path.read_text(encoding="utf-8").replace(old, new)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))
    return text


def live_manifest(settings: Settings) -> tuple[Path, dict]:
    path = settings.index_dir / store.current_version(settings.index_dir) / "manifest.json"
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_a_file_with_its_recorded_size_and_mtime_is_not_read_and_a_touched_one_is(copy: Built) -> None:
    past = age(copy.docs)
    write_docs(copy.docs, {"cups.md": "# Eastport cups\n\nEastport charges 10 cents a cup.\n"})
    os.utime(copy.docs / "cups.md", ns=(past, past))
    assert retriever.index_documents(settings=copy.settings).added == ("cups.md",)
    for doc_id, entry in live_manifest(copy.settings)[1]["documents"].items():
        st = (copy.docs / doc_id).stat()
        assert (entry["size"], entry["mtime_ns"]) == (st.st_size, st.st_mtime_ns)

    # New bytes under the recorded size and mtime are not read: proof that the file was not opened.
    bags = swap(copy.docs / "bags.md", "Lakeside", "Lakeview", past)
    swap(copy.docs / "bottles.md", "Hilltown", "Hillside", past + 10**9)  # same size, a new mtime
    s = retriever.index_documents(settings=copy.settings)
    assert s.changed == ("bottles.md",) and "bags.md" in s.unchanged
    documents = live_manifest(copy.settings)[1]["documents"]
    assert documents["bags.md"]["sha256"] == hashlib.sha256(DOCS["bags.md"].encode()).hexdigest()
    assert documents["bottles.md"]["mtime_ns"] == past + 10**9

    s = retriever.index_documents(settings=copy.settings, full=True)  # --full reads every file
    documents = live_manifest(copy.settings)[1]["documents"]
    assert documents["bags.md"]["sha256"] == hashlib.sha256(bags.encode()).hexdigest()


def test_an_index_without_recorded_sizes_and_mtimes_hashes_every_file(copy: Built) -> None:
    past = age(copy.docs)
    (copy.docs / "straws.html").unlink()
    assert retriever.index_documents(settings=copy.settings).removed == ("straws.html",)
    path, manifest = live_manifest(copy.settings)
    for entry in manifest["documents"].values():  # as an index built before they were recorded
        del entry["size"], entry["mtime_ns"]
    path.write_text(json.dumps(manifest), encoding="utf-8")

    swap(copy.docs / "bags.md", "Lakeside", "Lakeview", past)
    s = retriever.index_documents(settings=copy.settings)
    assert s.changed == ("bags.md",) and not s.full_rebuild
    assert all("mtime_ns" in e for e in live_manifest(copy.settings)[1]["documents"].values())


def test_a_file_written_just_before_a_build_is_hashed_again_next_time(copy: Built) -> None:
    write_docs(copy.docs, {"cups.md": "# Eastport cups\n\nEastport charges 10 cents a cup.\n"})
    assert retriever.index_documents(settings=copy.settings).added == ("cups.md",)
    assert "mtime_ns" not in live_manifest(copy.settings)[1]["documents"]["cups.md"]
    st = (copy.docs / "cups.md").stat()
    swap(copy.docs / "cups.md", "Eastport", "Westport", st.st_mtime_ns)  # rewritten in the same tick
    assert retriever.index_documents(settings=copy.settings).changed == ("cups.md",)


def test_an_index_built_before_facts_and_events_is_rebuilt_once_and_says_why(copy: Built) -> None:
    # Turn the live version into one an earlier pipeline wrote: no facts or events per document.
    path = copy.settings.index_dir / "v000001" / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["pipeline"] = 1
    for entry in manifest["documents"].values():
        del entry["facts"], entry["events"]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    stale = r"built before documents' facts and events were kept: run `python -m retriever index`"
    with pytest.raises(retriever.IndexMissing, match=stale):
        retriever.events(settings=copy.settings)
    with pytest.raises(retriever.IndexMissing, match=r"`python -m retriever index`"):
        retriever.documents(settings=copy.settings)

    s = retriever.index_documents(settings=copy.settings)
    assert s.full_rebuild and s.unchanged == tuple(sorted(DOCS))
    assert f"pipeline 1 -> {build.PIPELINE} (each document's facts and events" in s.reason
    assert {d["id"] for d in retriever.documents(settings=copy.settings)} == set(DOCS)
    assert not retriever.index_documents(settings=copy.settings).full_rebuild  # once only


def test_a_live_version_that_cannot_be_loaded_is_rebuilt_in_full_from_its_manifest(copy: Built) -> None:
    (copy.settings.index_dir / "v000001" / "sentences.npy").unlink()
    s = retriever.index_documents(settings=copy.settings)
    assert s.full_rebuild and s.reason.startswith("the live index could not be read (")
    assert s.reason.key == "rebuild_unreadable" and s.reason.params["detail"] in s.reason
    # The manifest still says what was indexed: the same files are unchanged, not added.
    assert s.unchanged == tuple(sorted(DOCS)) and not s.added


def test_a_build_reads_the_live_manifest_once(copy: Built) -> None:
    reads: list[str] = []
    recording = threading.Event()

    def hook(event: str, args: tuple) -> None:  # audit hooks stay for the process: record only here
        if recording.is_set() and event == "open" and str(args[0]).endswith("manifest.json"):
            reads.append(str(args[0]))

    sys.addaudithook(hook)
    write_docs(copy.docs, {"cups.md": "# Eastport cups\n\nEastport charges 10 cents a cup.\n"})
    recording.set()
    try:
        s = retriever.index_documents(settings=copy.settings)
    finally:
        recording.clear()
    assert s.added == ("cups.md",)
    # The new version's own manifest is written (and synced); the live one is read just once.
    live = str(copy.settings.index_dir / "v000001" / "manifest.json")
    assert reads.count(live) == 1, reads
