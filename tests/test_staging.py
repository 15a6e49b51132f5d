"""Eval-gated reindex: a staged version is compared on gold questions and goes live only on publish."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retriever import ask, index_documents, staging, status, store, texts
from retriever.gate import GATE
from retriever.gold import GOLD_DIR, GoldQuestion, gold_sets, load_gold
from retriever.metrics import contains_any
from retriever.settings import Settings
from retriever.texts import t

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "documents"
# Real documents with look-alikes (three INC sessions, two 3R forums) and many gold questions.
CORPUS = (
    "sea-map-kep-epr-kuala-lumpur-2025.txt",
    "factsheets/02_inc-2-paris-zero-draft-mandate-2023.md",
    "factsheets/03_inc-3-nairobi-enb-summary-2023.md",
    "factsheets/04_inc-4-ottawa-concludes-2024.md",
    "factsheets/05_3r-forum-9th-bangkok-2019.md",
    "factsheets/06_3r-forum-11th-siem-reap-2023.md",
    "factsheets/29_cn-hainan-plastic-ban-2020.md",
)
DAMAGED = ("sea-map-kep-epr-kuala-lumpur-2025.txt", "factsheets/03_inc-3-nairobi-enb-summary-2023.md")
HARMLESS = "factsheets/33_jp-plastic-shopping-bag-charge-2020.md"


def _questions(docs: Path) -> list[GoldQuestion]:
    """gold_qa questions answered by the small collection, and the test half's unanswerable ones."""
    texts = [p.read_text(encoding="utf-8") for p in docs.rglob("*") if p.is_file()]
    return [
        q
        for q in load_gold(GOLD_DIR / "gold_qa.jsonl")
        if (any(contains_any(t, q.evidence) for t in texts) if q.answerable else q.split == "test")
    ]


@pytest.fixture(scope="module")
def built(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The documents and a live index of them, built once; each test works on copies."""
    docs = tmp_path_factory.mktemp("docs")
    for name in CORPUS:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DOCUMENTS / name, docs / name)
    index = tmp_path_factory.mktemp("index")
    index_documents(settings=base_settings.with_(documents_dir=docs, index_dir=index))
    return docs, index


@pytest.fixture()
def settings(built: tuple[Path, Path], base_settings: Settings, tmp_path: Path) -> Settings:
    """A private copy of the small collection and its live index."""
    docs, index = built
    shutil.copytree(docs, tmp_path / "documents")
    shutil.copytree(index, tmp_path / "index")
    return base_settings.with_(documents_dir=tmp_path / "documents", index_dir=tmp_path / "index")


def test_removing_answering_documents_is_held_back_until_published(settings: Settings) -> None:
    questions = _questions(settings.documents_dir)
    assert sum(q.answerable for q in questions) >= 10 and sum(not q.answerable for q in questions) >= 5
    live_before = store.current_version(settings.index_dir)
    kep = next(q for q in questions if q.id == "kep-dates")
    for name in DAMAGED:
        (settings.documents_dir / name).unlink()

    staged = staging.stage(settings)

    assert not staged.up_to_date and staged.base == live_before
    assert set(staged.summary.removed) == set(DAMAGED)
    # The live version is untouched: same version, same documents, still answers from the removed file.
    assert store.current_version(settings.index_dir) == live_before
    assert status(settings=settings)["n_documents"] == len(CORPUS)
    assert not ask(kep.question, settings=settings).refused
    assert staging.pending(settings) == staged

    comparison = staging.compare(staged, settings, questions=questions)

    assert comparison.dropped
    assert comparison.new["recall@5"] < comparison.old["recall@5"] - staging.TOLERANCE
    assert any(d.startswith("recall@5") for d in comparison.drops)
    assert comparison.questions == len(questions)
    assert any("recall@5" in line for line in comparison.lines())
    assert store.current_version(settings.index_dir) == live_before

    assert staging.publish(staged) == staged.version
    assert store.current_version(settings.index_dir) == staged.version != live_before
    assert status(settings=settings)["n_documents"] == len(CORPUS) - len(DAMAGED)
    assert staging.pending(settings) is None
    assert not (settings.index_dir / staging.STAGED).exists()


def test_gold_questions_are_the_gated_sets_test_half() -> None:
    # The gate test reads its sets through gold_sets(); staging must compare on the very same questions.
    gated = [q for s in gold_sets() if s.name in GATE for q in s.questions if q.split == "test"]
    questions = staging.gold_questions()
    assert questions == gated and len(questions) >= 20
    assert {q.set_name for q in questions} == set(GATE)


def test_harmless_document_does_not_drop_and_discard_keeps_live(settings: Settings) -> None:
    shutil.copy(DOCUMENTS / HARMLESS, settings.documents_dir / "factsheets" / Path(HARMLESS).name)
    live_before = store.current_version(settings.index_dir)

    staged = staging.stage(settings)
    comparison = staging.compare(staged, settings)  # the gold_qa test half, as the bot runs it

    assert staged.summary.added == (HARMLESS,)
    assert comparison.questions == len(staging.gold_questions())
    assert not comparison.dropped, comparison.lines()
    staging.discard(staged)
    assert staging.pending(settings) is None
    assert store.current_version(settings.index_dir) == live_before
    with pytest.raises(FileNotFoundError, match="run /reindex again") as gone:
        staging.publish(staged)
    assert texts.reason(gone.value, "th") == t("reason_stage_gone", "th")
    assert store.current_version(settings.index_dir) == live_before


def test_stage_without_changes_has_nothing_to_publish(settings: Settings) -> None:
    live_before = store.current_version(settings.index_dir)
    staged = staging.stage(settings)
    assert staged.up_to_date and staged.version == live_before
    assert staging.pending(settings) is None
    assert staging.publish(staged) == live_before


def test_publish_refuses_a_stage_the_live_index_moved_past(settings: Settings) -> None:
    (settings.documents_dir / DAMAGED[0]).unlink()
    staged = staging.stage(settings)
    shutil.copy(DOCUMENTS / HARMLESS, settings.documents_dir / "factsheets" / Path(HARMLESS).name)
    summary = index_documents(settings=settings)  # another build publishes in between
    with pytest.raises(staging.StaleStage, match="run /reindex again") as stale:
        staging.publish(staged)
    assert texts.reason(stale.value, "vi") == t("reason_stale", "vi")
    assert store.current_version(settings.index_dir) == summary.version


def test_a_pending_version_read_back_says_its_reasons_in_any_language(settings: Settings) -> None:
    shutil.copy(DOCUMENTS / HARMLESS, settings.documents_dir / "factsheets" / Path(HARMLESS).name)
    (settings.documents_dir / "empty.md").write_bytes(b"")
    staged = staging.stage(settings)
    # As after a restart: the summary is read back from staged.json, its reasons with their keys.
    pending = staging.pending(settings)
    assert pending == staged and pending.summary.skipped[0].id == "empty.md"
    why = pending.summary.skipped[0].reason
    assert why == "empty file" and texts.reason(why, "km") == t("reason_empty", "km")
