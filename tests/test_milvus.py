"""RETRIEVER_BACKEND=milvus on a real milvus-lite file: search as FAISS, incremental sync, filters, ask."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import DOCUMENTS, SMALL_CORPUS

from retriever import (
    IndexMissing,
    Settings,
    SettingsError,
    ask,
    index_documents,
    keyword,
    load_settings,
    milvus,
    search,
)
from retriever.retrieval import open_searcher

QUESTIONS = (
    "When did INC-3 take place?",
    "Where did the 11th 3R forum meet?",
    "Which plastic products did Hainan ban?",
    "Quezon City dine-in plastics",
    "disposable cups Taipei",
)
SMALL = SMALL_CORPUS[:3]  # three short factsheets for the reindexing tests


def _copy(names: tuple[str, ...], target: Path) -> Path:
    for name in names:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DOCUMENTS / name, target / name)
    return target


def _on_milvus(base_settings: Settings, root: Path, names: tuple[str, ...]) -> Settings:
    """Settings for a copy of some documents under `root`, indexed into root/milvus.db."""
    return base_settings.with_(
        documents_dir=_copy(names, root / "documents"),
        index_dir=root / "index",
        data_dir=root / "data",
        backend="milvus",
        milvus_uri=str(root / "milvus.db"),
    )


@pytest.fixture(scope="module")
def milvus_settings(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Nine real documents indexed with backend=milvus into a milvus-lite file (FAISS files kept too)."""
    settings = _on_milvus(base_settings, tmp_path_factory.mktemp("milvus"), SMALL_CORPUS)
    index_documents(settings=settings)
    return settings


def _rows_per_doc(settings: Settings) -> dict[str, int]:
    return milvus.rows_per_document(settings)


def test_every_chunk_of_the_version_is_a_row(milvus_settings: Settings) -> None:
    version = open_searcher(milvus_settings).version
    expected = {d: e["chunks"] for d, e in version.manifest["documents"].items()}
    assert _rows_per_doc(milvus_settings) == expected


def test_keyword_scores_are_the_faiss_backends_bm25(milvus_settings: Settings) -> None:
    version = open_searcher(milvus_settings).version
    for question in QUESTIONS:
        found = milvus.keyword_hits(milvus_settings, version, question, 50, None)
        reference = keyword.scores(version.bm25, question, len(version.records))
        assert found and set(found) <= set(np.flatnonzero(reference > 0))
        assert max(abs(reference[row] - score) for row, score in found.items()) < 1e-4
        best = sorted(found, key=lambda r: -found[r])[:5]
        assert [float(reference[r]) for r in best] == pytest.approx(sorted(reference, reverse=True)[:5])


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_same_top_documents_as_faiss(milvus_settings: Settings, mode: str) -> None:
    faiss_settings = milvus_settings.with_(backend="faiss")  # the same index version, searched by FAISS
    for question in QUESTIONS:
        on_milvus = search(question, k=5, mode=mode, settings=milvus_settings)
        on_faiss = search(question, k=5, mode=mode, settings=faiss_settings)
        assert on_milvus, question
        assert [p.id for p in on_milvus[:3]] == [p.id for p in on_faiss[:3]], (question, mode)
        assert [p.score for p in on_milvus] == pytest.approx([p.score for p in on_faiss], abs=1e-4)


def test_a_released_collection_is_loaded_on_the_first_search(milvus_settings: Settings) -> None:
    # What a restarted process meets: milvus-lite opens a file with its collections released.
    client = milvus.client(milvus_settings)
    client.release_collection(milvus.collection_name(milvus_settings.index_dir))
    assert search("When did INC-3 take place?", k=1, settings=milvus_settings)[0].doc_id == SMALL_CORPUS[1]


def test_document_filter_on_milvus(milvus_settings: Settings) -> None:
    wanted = ["factsheets/29_cn-hainan-plastic-ban-2020.md"]
    for mode in ("dense", "bm25", "hybrid"):
        found = search("plastic ban", k=10, mode=mode, doc_ids=wanted, settings=milvus_settings)
        assert found and {p.doc_id for p in found} == set(wanted)


def test_date_filter_on_milvus(milvus_settings: Settings) -> None:
    found = search("plastic treaty negotiations", k=10, date_from="2024", settings=milvus_settings)
    assert found and all(p.date >= "2024" for p in found)
    before = search("plastic treaty negotiations", k=10, date_to="2019-12", settings=milvus_settings)
    assert before and all(p.date[:7] <= "2019-12" for p in before)
    assert search("plastic", date_from="2090", settings=milvus_settings) == []


def test_ask_answers_from_the_milvus_backend(milvus_settings: Settings) -> None:
    answer = ask("When did INC-3 take place?", settings=milvus_settings)
    assert not answer.refused
    assert answer.citations[0].doc_id == "factsheets/03_inc-3-nairobi-enb-summary-2023.md"
    assert "Nairobi" in answer.answer or "2023" in answer.answer


def test_reindex_upserts_a_changed_document_and_deletes_a_removed_one(
    base_settings: Settings, tmp_path: Path
) -> None:
    settings = _on_milvus(base_settings, tmp_path, SMALL)
    index_documents(settings=settings)
    client = milvus.client(settings)
    alias = milvus.collection_name(settings.index_dir)
    collection = client.describe_collection(alias)["collection_name"]
    before = client.query(alias, filter=f'doc_id == "{SMALL[2]}"', output_fields=["vid"])

    changed, removed, kept = SMALL
    path = settings.documents_dir / changed
    path.write_text(path.read_text(encoding="utf-8") + "\n\nThe zebrafish quorum adjourned at dawn.\n")
    (settings.documents_dir / removed).unlink()
    client.release_collection(alias)  # as a reindex in a new process finds a milvus-lite file
    summary = index_documents(settings=settings, allow_shrink=True)
    assert summary.changed == (changed,) and summary.removed == (removed,) and not summary.full_rebuild

    version = open_searcher(settings).version
    counts = _rows_per_doc(settings)
    assert counts == {changed: version.manifest["documents"][changed]["chunks"], kept: len(before)}
    # Rows were changed in place: the same collection, the kept document's rows untouched.
    assert client.describe_collection(alias)["collection_name"] == collection
    after = client.query(alias, filter=f'doc_id == "{kept}"', output_fields=["vid"])
    assert sorted(r["vid"] for r in after) == sorted(r["vid"] for r in before)
    vids = {int(r["vid"]) for r in version.records if r["doc_id"] == changed}
    rows = client.query(alias, filter=f'doc_id == "{changed}"', output_fields=["vid"])
    assert {int(r["vid"]) for r in rows} == vids
    for mode in ("bm25", "hybrid"):
        assert search("zebrafish quorum", k=1, mode=mode, settings=settings)[0].doc_id == changed


def test_full_rebuild_fills_a_new_collection(base_settings: Settings, tmp_path: Path) -> None:
    settings = _on_milvus(base_settings, tmp_path, SMALL[:1])
    index_documents(settings=settings)
    client = milvus.client(settings)
    alias = milvus.collection_name(settings.index_dir)
    first = client.describe_collection(alias)["collection_name"]
    summary = index_documents(settings=settings, full=True)
    assert client.describe_collection(alias)["collection_name"] != first
    assert not client.has_collection(first)
    assert _rows_per_doc(settings) == {SMALL[0]: summary.chunks}


def test_switching_an_existing_index_to_milvus_loads_it(base_settings: Settings, tmp_path: Path) -> None:
    faiss_settings = base_settings.with_(
        documents_dir=_copy(SMALL[:1], tmp_path / "documents"), index_dir=tmp_path / "index"
    )
    summary = index_documents(settings=faiss_settings)
    settings = faiss_settings.with_(backend="milvus", milvus_uri=str(tmp_path / "milvus.db"))
    with pytest.raises(IndexMissing, match="python -m retriever index"):
        search("plastic", settings=settings)
    again = index_documents(settings=settings)  # nothing to embed; the collection is filled
    assert again.version == summary.version and not again.added
    assert _rows_per_doc(settings) == {SMALL[0]: summary.chunks}
    assert search("INC-2 Paris", k=1, settings=settings)[0].doc_id == SMALL[0]


def test_backend_settings_from_the_environment(tmp_path: Path) -> None:
    env = {"RETRIEVER_BACKEND": "milvus", "RETRIEVER_MILVUS_URI": "http://127.0.0.1:19530"}
    settings = load_settings(env=env, dotenv=tmp_path / "none")
    assert (settings.backend, settings.milvus_uri) == ("milvus", "http://127.0.0.1:19530")
    assert load_settings(env={}, dotenv=tmp_path / "none").backend == "faiss"
    with pytest.raises(SettingsError, match="RETRIEVER_BACKEND"):
        load_settings(env={"RETRIEVER_BACKEND": "elastic"}, dotenv=tmp_path / "none")
    with pytest.raises(SettingsError, match="RETRIEVER_MILVUS_URI"):
        load_settings(env=env | {"RETRIEVER_MILVUS_URI": "milvus.sqlite"}, dotenv=tmp_path / "none")


def test_a_milvus_lite_file_held_by_another_process_names_the_fix(
    base_settings: Settings, tmp_path: Path
) -> None:
    uri = str(tmp_path / "held.db")
    code = f"from pymilvus import MilvusClient; MilvusClient({uri!r}); print('open', flush=True); input()"
    holder = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(milvus.MilvusFileBusy, match="milvus-lite server"):
            milvus.client(base_settings.with_(backend="milvus", milvus_uri=uri))
    finally:
        holder.communicate("\n")
