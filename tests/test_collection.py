"""Adding, replacing and removing one document: real reader, real model, a small real index per test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import retriever
from retriever import Settings
from retriever.collection import find_documents, safe_name
from retriever.texts import t

pytestmark = pytest.mark.timeout(300)


def note(title: str, body: str) -> bytes:
    return f'---\ntitle: "{title}"\ndate: "2026-01"\n---\n{body}\n'.encode()


SEED = {
    "bags.md": note("Testland bag levy", "Testland charges 20 cents for every plastic bag since 2025."),
    "cups.md": note("Testland cup ban", "Testland banned disposable polystyrene cups in March 2026."),
    "straws.md": note(
        "Testland straw rule", "Testland restaurants may hand out paper straws only on request."
    ),
}
BOTTLES = note("Testland bottle deposit", "Testland charges a deposit of 10 cents on every glass bottle.")


@pytest.fixture()
def settings(base_settings: Settings, tmp_path: Path) -> Settings:
    documents = tmp_path / "documents"
    documents.mkdir()
    for name, data in SEED.items():
        (documents / name).write_bytes(data)
    s = base_settings.with_(documents_dir=documents, index_dir=tmp_path / "index", data_dir=tmp_path / "data")
    retriever.index_documents(settings=s)
    return s


def latin_words(text: str, *names: str) -> list[str]:
    """Words in Latin script left in a text once names, file extensions and acronyms are set aside."""
    for name in names:
        text = text.replace(name, "")
    text = re.sub(r"\.[a-z]{2,8}\b|\b(PDF|UTF-8|MB|RETRIEVER_DOCUMENTS_DIR)\b", "", text)
    return re.findall(r"[A-Za-z]{3,}", text)


def indexed(settings: Settings) -> set[str]:
    return set(retriever.status(settings=settings)["documents"])


def folder(settings: Settings) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in settings.documents_dir.iterdir()}


def test_supported_types_come_from_the_readers() -> None:
    types = retriever.supported_types()
    assert {".md", ".pdf", ".docx", ".txt", ".html"} <= set(types) and list(types) == sorted(types)


def test_add_places_indexes_and_answers(settings: Settings) -> None:
    result = retriever.add_document("../../Bottle Deposit.md", BOTTLES, settings=settings)
    assert result.status == "added" and result.doc_id == "Bottle-Deposit.md"
    assert result.summary is not None and result.summary.added == ("Bottle-Deposit.md",)
    assert "Bottle-Deposit.md" in result.message
    assert (settings.documents_dir / "Bottle-Deposit.md").read_bytes() == BOTTLES
    assert "Bottle-Deposit.md" in indexed(settings)
    answer = retriever.ask("What deposit does Testland charge on glass bottles?", settings=settings)
    assert "10 cents" in answer.answer
    assert not [p for p in settings.documents_dir.iterdir() if p.name.startswith(".")], "no staging left"


def test_identical_bytes_are_unchanged_and_a_namesake_is_a_conflict_until_replace(settings: Settings) -> None:
    version = retriever.status(settings=settings)["version"]
    same = retriever.add_document("bags.md", SEED["bags.md"], settings=settings)
    assert same.status == "unchanged" and same.doc_id == "bags.md" and same.summary is None
    elsewhere = retriever.add_document("copy of bags.md", SEED["bags.md"], settings=settings)
    assert elsewhere.status == "unchanged" and elsewhere.doc_id == "bags.md"
    newer = note("Testland bag levy", "Testland charges 50 cents for every plastic bag since 2027.")
    conflict = retriever.add_document("bags.md", newer, settings=settings)
    assert conflict.status == "conflict" and "Replace" in conflict.message
    assert (settings.documents_dir / "bags.md").read_bytes() == SEED["bags.md"]
    assert retriever.status(settings=settings)["version"] == version
    replaced = retriever.add_document("bags.md", newer, replace=True, settings=settings)
    assert replaced.status == "replaced" and replaced.summary and replaced.summary.changed == ("bags.md",)
    assert (settings.documents_dir / "bags.md").read_bytes() == newer
    assert sorted(folder(settings)) == sorted(SEED), "no bags-2.md"
    assert (
        "50 cents"
        in retriever.ask("How much does Testland charge for a plastic bag?", settings=settings).answer
    )


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("tool.exe", b"MZ", ".docx"),
        ("empty.md", b"", "empty"),
        ("broken.pdf", b"%PDF-1.7\n% not really\n" + bytes(range(256)) * 4, "broken.pdf"),
        ("front-only.md", b"---\ntitle: x\n---\n", "no text"),
        ("huge.txt", b"a" * (1024 * 1024 + 1), "too large"),
    ],
)
def test_bad_files_are_rejected_before_they_reach_the_folder(
    settings: Settings, name: str, data: bytes, says: str
) -> None:
    version = retriever.status(settings=settings)["version"]
    result = retriever.add_document(name, data, settings=settings.with_(max_upload_mb=1.0))
    assert result.status == "rejected" and says in result.message
    assert "Traceback" not in result.message and "Error" not in result.message
    assert result.text() == result.message, "English is the default"
    thai = result.text("th")
    assert thai != result.message and name in thai and not latin_words(thai, name), thai
    assert folder(settings) == SEED
    assert retriever.status(settings=settings)["version"] == version


def test_a_missing_documents_folder_is_never_recreated(settings: Settings, tmp_path: Path) -> None:
    gone = settings.with_(documents_dir=tmp_path / "unmounted" / "documents")
    result = retriever.add_document("bottles.md", BOTTLES, settings=gone)
    assert (
        result.status == "rejected"
        and "missing" in result.message
        and "RETRIEVER_DOCUMENTS_DIR" in result.message
    )
    assert not (tmp_path / "unmounted").exists()
    assert indexed(settings) == set(SEED), "the index still holds the whole collection"
    removed = retriever.remove_document("bags.md", settings=gone)
    assert removed.status == "rejected" and not (tmp_path / "unmounted").exists()
    for said in (result.text("th"), removed.text("th")):
        assert str(gone.documents_dir) in said and "RETRIEVER_DOCUMENTS_DIR" in said
        assert not latin_words(said, str(gone.documents_dir), "bottles.md", "bags.md"), said


def test_results_are_said_in_the_administrators_language(settings: Settings) -> None:
    added = retriever.add_document("bottles.md", BOTTLES, settings=settings)
    assert added.message == t("collection_added", "en", name="bottles.md")
    assert added.text("ms") == t("collection_added", "ms", name="bottles.md") != added.message
    same = retriever.add_document("bottles.md", BOTTLES, settings=settings)
    assert same.text("vi") == t("collection_already", "vi", name="bottles.md")
    conflict = retriever.add_document("bottles.md", BOTTLES + b"More.", settings=settings)
    assert conflict.text("zh") == t("collection_conflict", "zh", name="bottles.md")
    removed = retriever.remove_document("bottles.md", settings=settings)
    assert removed.text("ko") == t("collection_removed", "ko", name="bottles.md")
    missing = retriever.remove_document("nothing.md", settings=settings)
    assert missing.text("fil") == t("collection_not_found", "fil", name="nothing.md")
    assert missing.message == "There is no document nothing.md in the collection."


def test_a_300_character_thai_name_is_shortened_by_bytes_and_stays_readable(settings: Settings) -> None:
    name = "รายงานนโยบายพลาสติก" * 16 + ".md"
    assert len(name) > 300
    result = retriever.add_document(name, BOTTLES, settings=settings)
    assert result.status == "added", result.message
    assert len(result.doc_id.encode()) <= 255 and result.doc_id.endswith(".md")
    assert result.doc_id.startswith("รายงานนโยบายพลาสติก")
    assert (settings.documents_dir / result.doc_id).read_bytes() == BOTTLES
    assert result.doc_id in indexed(settings)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd.md", "passwd.md"),
        ("..\\..\\windows\\evil.PDF", "evil.pdf"),
        (".hidden.md", "hidden.md"),
        ("My Report (final) v2.DOCX", "My-Report-final-v2.docx"),
        ("รายงาน นโยบาย.pdf", "รายงาน-นโยบาย.pdf"),
        ("<script>.md", "script.md"),
        ("...", "document"),
        ("a.tar.gz", "a-tar.gz"),
    ],
)
def test_safe_name(given: str, expected: str) -> None:
    assert safe_name(given) == expected


def test_truncation_never_leaves_a_thai_letter_without_its_vowel_sign() -> None:
    for extra in range(3):  # shift the cut across letter and mark boundaries
        name = safe_name("ก" * extra + "กิ" * 200 + ".md")
        stem = name.removesuffix(".md")
        assert len(name.encode()) <= 255 and stem.endswith("ิ"), stem[-3:]


def test_remove_deletes_the_file_and_reindexes(settings: Settings) -> None:
    assert find_documents("CUPS.MD", settings=settings) == ["cups.md"]
    result = retriever.remove_document("cups.md", settings=settings)
    assert result.status == "removed" and result.summary and result.summary.removed == ("cups.md",)
    assert not (settings.documents_dir / "cups.md").exists()
    assert indexed(settings) == {"bags.md", "straws.md"}
    again = retriever.remove_document("cups.md", settings=settings)
    assert again.status == "not_found"
    outside = retriever.remove_document("../index/CURRENT", settings=settings)
    assert outside.status == "not_found"


def test_removing_one_of_two_documents_is_what_was_asked_not_a_collapse(settings: Settings) -> None:
    assert retriever.remove_document("cups.md", settings=settings).status == "removed"
    result = retriever.remove_document("straws.md", settings=settings)
    assert result.status == "removed", result.message
    assert indexed(settings) == {"bags.md"}


def test_an_upload_into_an_emptied_folder_does_not_publish_a_collapsed_collection(settings: Settings) -> None:
    for name in SEED:
        (settings.documents_dir / name).unlink()  # a volume mounted empty, say
    result = retriever.add_document("bottles.md", BOTTLES, settings=settings)
    assert result.status == "rejected" and result.shrank and "Nothing was published" in result.message
    assert "from 3 to 1 documents (losing 3: bags.md, cups.md, straws.md)" in result.message
    malay = result.text("ms")
    assert "daripada 3 kepada 1 dokumen" in malay and "Nothing" not in malay, malay
    assert indexed(settings) == set(SEED)
    assert not (settings.documents_dir / "bottles.md").exists()
    confirmed = retriever.add_document("bottles.md", BOTTLES, allow_shrink=True, settings=settings)
    assert confirmed.status == "added" and indexed(settings) == {"bottles.md"}
