"""`evaluate`: the gold folder's integrity and splits, and the CLI end to end on tiny real collections."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from retriever import answerability
from retriever.beir import load_beir, rank_documents
from retriever.cli import main
from retriever.evaluate import scratch_index_dir
from retriever.gold import GOLD_DIR, gold_sets, load_gold, split_of
from retriever.metrics import contains_any
from retriever.report import failure_lines, metrics_table, write_outputs

ROOT = Path(__file__).resolve().parent.parent
GOLD_KEYS = {
    "recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10", "cited_recall", "answer_accuracy",
    "refusal_accuracy", "false_refusal_rate", "quote_verbatim", "citation_validity", "latency_ms_p50",
    "latency_ms_p95", "n", "n_answerable", "n_unanswerable",
}  # fmt: skip
BEIR_KEYS = {"ndcg@10", "recall@10", "recall@100", "mrr@10", "latency_ms_p50", "n"}


# --- the gold folder ---------------------------------------------------------------------------


def _texts(folder: Path, prefix: str = "") -> dict[str, str]:
    """Body text of every document of a folder (front matter removed), as the index sees it."""
    from retriever.readers import read_document
    from retriever.sources import find_sources

    sources, _ = find_sources(folder)
    return {prefix + source.id: read_document(source).text for source in sources}


def test_the_library_reads_gold_from_the_gold_folder() -> None:
    assert GOLD_DIR == ROOT / "gold" and (GOLD_DIR / "README.md").is_file()
    assert not (ROOT / "tests" / "data" / "gold_qa.jsonl").exists()


def test_gold_qa_lines_carry_a_stratified_split() -> None:
    path = GOLD_DIR / "gold_qa.jsonl"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) >= 129
    for line in lines:
        assert set(line) == {"id", "question", "evidence", "answer", "lang", "split"}
    # The README's rule: per (answerable, lang), ordered by SHA-256 of the id, alternately dev and test.
    strata = Counter((bool(r["evidence"]), r["lang"], r["split"]) for r in lines)
    for answerable, lang in {(a, la) for a, la, _ in strata}:
        dev, test = strata[(answerable, lang, "dev")], strata[(answerable, lang, "test")]
        assert dev - test in (0, 1), f"{answerable=} {lang=}: {dev} dev, {test} test"
    assert sum(not r["evidence"] for r in lines if r["split"] == "test") >= 10


def test_lines_without_split_get_one_from_their_id(tmp_path: Path) -> None:
    qa = tmp_path / "new.jsonl"
    rows = [{"id": f"n{i}", "question": "Q?", "evidence": [], "answer": []} for i in range(12)]
    rows[0]["split"] = "test" if split_of("n0") == "dev" else "dev"  # an explicit split wins
    qa.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    questions = load_gold(qa)
    assert questions[0].split != split_of("n0")
    assert [q.split for q in questions[1:]] == [split_of(f"n{i}") for i in range(1, 12)]
    assert {q.split for q in questions} == {"dev", "test"} and questions[0].set_name == "new"


def test_load_gold_rejects_bad_lines(tmp_path: Path) -> None:
    qa = tmp_path / "qa.jsonl"
    line = json.dumps({"id": "a", "question": "Q?", "evidence": [], "answer": [], "lang": "en"})
    qa.write_text(line + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate id 'a'"):
        load_gold(qa)
    qa.write_text(json.dumps({"id": "b", "question": "Q?", "split": "train"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"qa.jsonl:1: .*split must be dev or test"):
        load_gold(qa)


def test_every_gold_file_is_well_formed() -> None:
    """Every gold/ file loads, ids are unique across gold/, evidence and an answer are in the documents."""
    sets = gold_sets()  # raises on a bad line or an id used twice
    documents = _texts(ROOT / "documents")
    problems = []
    for s in sets:
        texts = documents | (
            _texts(s.extra_documents, s.extra_documents.name + "/") if s.extra_documents else {}
        )
        for q in s.questions:
            holders = [doc for doc, text in texts.items() if contains_any(text, q.evidence)]
            for evidence in q.evidence:
                if not any(contains_any(text, [evidence]) for text in texts.values()):
                    problems.append(f"{s.name}/{q.id}: evidence not in any document: {evidence!r}")
            # Alternative spellings may be absent; one answer string at least must be quotable.
            if q.answer and not any(contains_any(texts[doc], q.answer) for doc in holders):
                problems.append(f"{s.name}/{q.id}: no answer string in the evidence documents: {q.answer}")
            if not q.answerable and q.answer:
                problems.append(f"{s.name}/{q.id}: an unanswerable question lists answers")
    assert not problems, "\n".join(problems)


# --- report pieces -------------------------------------------------------------------------------


def test_report_hides_test_half_failures_and_writes_files(tmp_path: Path) -> None:
    row = {"id": "q1", "set_name": "s", "split": "dev", "question": "Who?", "failures": ["wrongly refused"],
           "top": ["a.md#0 (Intro)"], "asked": True, "refused": True, "answer": "I won't guess."}  # fmt: skip
    hidden = row | {"id": "q2", "split": "test", "question": "Secret?"}
    dev = {"recall@1": 0.5, "n": 1, "by_lang": {"en": {"n": 1}}}
    metrics = {"recall@1": 0.5, "recall@10": 1.0, "latency_ms_p50": 12.0, "n": 2, "n_answerable": 1,
               "n_unanswerable": 1, "splits": {"dev": dev}}  # fmt: skip
    result = {"kind": "gold", "index": "idx", "k": 10, "definitions": {"x": "y"}, "gate": {}, "sets": [],
              "gate_failures": [], "metrics": {"hybrid": metrics},
              "questions": {"hybrid": [row, hidden]}}  # fmt: skip
    text = "\n".join(failure_lines(result))
    assert "s/q1" in text and "wrongly refused" in text and "a.md#0 (Intro)" in text
    assert "Secret?" not in text and "1 test-half questions, not shown" in text
    assert metrics_table({"hybrid": {"recall@1": 0.5}})[1].split() == ["recall@1", "0.500"]
    write_outputs(tmp_path, result)
    assert {p.name for p in tmp_path.iterdir()} == {"report.md", "results.json", "recall.png"}
    assert "split dev:" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_rank_documents_keeps_first_occurrence() -> None:
    assert rank_documents(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]
    assert rank_documents(["b", "a", "c"], depth=2) == ["b", "a"]


# --- BEIR end to end ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def beir_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A three-abstract BEIR dataset with two judged queries and one unjudged."""
    root = tmp_path_factory.mktemp("beir") / "tiny"
    (root / "qrels").mkdir(parents=True)
    corpus = [
        {"_id": "d1", "title": "Wing flutter", "text": "Flutter of swept wings at transonic speeds."},
        {"_id": "d2", "title": "Boundary layers", "text": "Heat transfer in laminar boundary layers."},
        {"_id": "d3", "title": "Rice farming", "text": "Paddy irrigation schedules for rice farms."},
    ]
    queries = [{"_id": "q1", "text": "swept wing flutter"}, {"_id": "q2", "text": "rice paddy irrigation"},
               {"_id": "q3", "text": "not judged"}]  # fmt: skip
    (root / "corpus.jsonl").write_text("".join(json.dumps(d) + "\n" for d in corpus), encoding="utf-8")
    (root / "queries.jsonl").write_text("".join(json.dumps(q) + "\n" for q in queries), encoding="utf-8")
    (root / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\nq1\td1\t2\nq2\td3\t1\nq2\td2\t0\n")
    return root


def test_load_beir(beir_dir: Path) -> None:
    data = load_beir(beir_dir)
    assert [d.id for d in data.documents] == ["d1", "d2", "d3"]
    assert data.documents[0].title == "Wing flutter" and len(data.documents[0].sha256) == 64
    assert data.queries == {"q1": "swept wing flutter", "q2": "rice paddy irrigation"}
    assert data.qrels["q2"] == {"d3": 1.0, "d2": 0.0}
    # Judgements on documents left out by --max-docs no longer count; q2 has nothing left to find.
    assert set(load_beir(beir_dir, max_docs=2).queries) == {"q1"}


def test_evaluate_beir_cli_json(beir_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["evaluate", "--beir", str(beir_dir), "--index", str(tmp_path / "idx"), "--json", "--mode", "bm25"]
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)  # stdout holds the JSON and nothing else
    assert set(result) == {"bm25"} and set(result["bm25"]) == BEIR_KEYS
    bm25 = result["bm25"]
    assert bm25["n"] == 2
    assert bm25["recall@10"] == bm25["recall@100"] == bm25["mrr@10"] == bm25["ndcg@10"] == 1.0
    assert bm25["latency_ms_p50"] > 0


# --- gold and --qa sets end to end on a tiny collection ------------------------------------------


def _q(qid: str, question: str, evidence: str = "", answer: str = "", **more: str) -> dict[str, object]:
    """A gold line; no evidence means the documents do not answer it."""
    return {"id": qid, "question": question, "evidence": [evidence] if evidence else [],
            "answer": [answer] if answer else [], "lang": "en"} | more  # fmt: skip


TEN_CENTS = "Each returned bottle earns ten cents"
TINY_GOLD = [
    _q("bag-date", "When did Lakeside ban plastic carrier bags?",
       "banned plastic carrier bags on 3 March 2021", "3 March 2021", split="dev"),
    _q("bag-fine", "How much is the fine for shops in Lakeside that break the bag rule?",
       "pay a fine of 500 dollars", "500 dollars", split="test"),
    _q("deposit", "How much does Hilltown pay for a returned bottle?", TEN_CENTS, "ten cents", split="test",
       type="number"),
    _q("deposit-ms", "Berapakah Hilltown bayar untuk setiap botol yang dipulangkan?", TEN_CENTS, "ten cents",
       lang="ms", split="test"),
    _q("none-football", "Who won the football world cup in 1998?", split="dev", type="offtopic"),
    _q("none-tax", "What is the income tax rate in Rivertown?", split="test", type="nearmiss"),
]  # fmt: skip


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A three-document folder, a gold folder split into halves, two --qa files and an index folder."""
    root = tmp_path_factory.mktemp("tiny")
    docs = root / "documents"
    docs.mkdir()
    (docs / "bags.md").write_text(
        "# Lakeside bag ban\n\nThe town of Lakeside banned plastic carrier bags on 3 March 2021. "
        "Shops that break the rule pay a fine of 500 dollars.\n", encoding="utf-8")  # fmt: skip
    (docs / "bottles.md").write_text(
        "# Hilltown bottle deposit\n\nHilltown started a bottle deposit scheme in 2019. "
        "Each returned bottle earns ten cents at any grocery store.\n", encoding="utf-8")  # fmt: skip
    (docs / "compost.txt").write_text(
        "Rivertown composting\n\nRivertown collects food waste every Tuesday for its composting plant.\n",
        encoding="utf-8",
    )
    gold = root / "gold"
    gold.mkdir()
    (gold / "tiny.jsonl").write_text("".join(json.dumps(r) + "\n" for r in TINY_GOLD), encoding="utf-8")
    extra = root / "extra.jsonl"
    extra_rows = [
        _q("compost-day", "On which day does Rivertown collect food waste?", "every Tuesday", "Tuesday"),
        _q(
            "hidden",
            "When did Hilltown start its deposit scheme?",
            "deposit scheme in 2019",
            "2019",
            split="test",
        ),
    ]
    extra.write_text("".join(json.dumps(r) + "\n" for r in extra_rows), encoding="utf-8")
    other = root / "other" / "extra.jsonl"  # the same file name: reported under a name of its own
    other.parent.mkdir()
    other.write_text(json.dumps(TINY_GOLD[0] | {"split": None}) + "\n", encoding="utf-8")
    return {"docs": docs, "gold": gold, "extra": extra, "other": other, "index": root / "index"}


def _argv(tiny: dict[str, Path], *more: str) -> list[str]:
    return ["evaluate", "--documents", str(tiny["docs"]), "--index", str(tiny["index"]), *more]


def test_evaluate_reports_splits_qa_sets_and_breakdowns(
    tiny: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = _argv(tiny, "--gold", str(tiny["gold"]), "--qa", str(tiny["extra"]), "--qa", str(tiny["other"]))
    assert main([*argv, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"hybrid", "dense", "bm25"}  # the top level stays {MODE: metrics}
    for metrics in result.values():
        assert set(metrics) >= GOLD_KEYS and set(metrics) - GOLD_KEYS == {
            "splits",
            "by_lang",
            "by_type",
            "by_set",
        }
        assert (metrics["n"], metrics["n_answerable"], metrics["n_unanswerable"]) == (9, 7, 2)
        assert metrics["recall@10"] == 1.0  # three documents: the right one is always in the top 10
        assert metrics["quote_verbatim"] == 1.0
        assert 0 < metrics["latency_ms_p50"] <= metrics["latency_ms_p95"]
        splits = metrics["splits"]
        assert list(splits) == ["dev", "test", "extra", "extra-2"]
        assert (splits["dev"]["n"], splits["test"]["n"], splits["extra"]["n"], splits["extra-2"]["n"]) == (
            2,
            4,
            2,
            1,
        )
        assert set(splits["test"]) >= GOLD_KEYS
        assert splits["test"]["by_lang"]["ms"]["n"] == 1 and splits["test"]["by_lang"]["en"]["n"] == 3
        assert metrics["by_lang"]["ms"]["n_answerable"] == 1
        assert metrics["by_type"]["offtopic"]["n_unanswerable"] == 1
        assert set(metrics["by_set"]) == {"tiny", "extra", "extra-2"}
        for block in (metrics, splits["dev"], splits["test"]):
            for key in (
                "cited_recall",
                "answer_accuracy",
                "refusal_accuracy",
                "false_refusal_rate",
                "ndcg@10",
            ):
                assert 0.0 <= block[key] <= 1.0
    # The same figures in words, each split titled.
    assert main(argv) == 0
    words = capsys.readouterr().out
    for title in (
        "whole run:",
        "split dev:",
        "split test:",
        "set extra (--qa):",
        "set extra-2 (--qa):",
        "lang:",
    ):
        assert title in words


def test_evaluate_out_writes_report(tiny: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "report"
    assert main([*_argv(tiny, "--qa", str(tiny["extra"]), "--mode", "bm25"), "--out", str(out)]) == 0
    assert {p.name for p in out.iterdir()} == {"report.md", "results.json", "recall.png"}
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert [q["id"] for q in results["questions"]["bm25"]] == ["compost-day", "hidden"]
    assert "| recall@5 |" in (out / "report.md").read_text(encoding="utf-8")


def test_evaluate_with_documents_needs_questions(
    tiny: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_argv(tiny)) == 2
    assert "give --qa FILE" in capsys.readouterr().err


def test_calibrate_fits_on_dev_only_and_writes_the_model(
    tiny: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tmp_path / "answerability.json"
    shutil.copy(answerability.MODEL_FILE, model)
    monkeypatch.setenv("RETRIEVER_ANSWER_MODEL", str(model))
    argv = _argv(tiny, "--gold", str(tiny["gold"]), "--qa", str(tiny["extra"]), "--calibrate", "--json")
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    # Gold dev half (2) and the --qa line naming no split (1); every test line is left out.
    assert result["n"] == 3
    assert result["saved"] == str(model)
    written = json.loads(model.read_text())
    assert written["features"] == list(answerability.FEATURES) and 0 < written["threshold"] < 1


def test_a_folder_alone_and_the_corpus_with_it_get_separate_scratch_indexes(tmp_path: Path) -> None:
    corpus, extra = tmp_path / "documents", tmp_path / "national"
    alone, together = scratch_index_dir("eval", extra), scratch_index_dir("eval", corpus, extra)
    # `--documents national` alone must not land in the index of the corpus plus national (whose
    # shrink guard then refused the build), and each stays where a later run finds it again.
    assert alone != together and alone.parent == together.parent == ROOT / "index" / "eval"
    assert alone.name.startswith("national-") and together.name.startswith("documents+national-")
    assert scratch_index_dir("eval", extra) == alone


def test_the_settings_own_index_is_brought_up_to_date_before_it_is_evaluated(
    tiny: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "documents"
    shutil.copytree(tiny["docs"], docs)
    monkeypatch.setenv("RETRIEVER_DOCUMENTS_DIR", str(docs))
    monkeypatch.setenv("RETRIEVER_INDEX_DIR", str(tmp_path / "index"))
    assert main(["index"]) == 0
    capsys.readouterr()
    # A document added after the last build is evaluated, not the index as it was.
    (docs / "seaview.md").write_text(
        "# Seaview foam ban\n\nSeaview banned styrofoam food boxes on 1 May 2024.\n", encoding="utf-8"
    )
    gold = tmp_path / "gold"
    gold.mkdir()
    line = _q("foam", "When did Seaview ban styrofoam boxes?", "banned styrofoam food boxes", "1 May 2024")
    (gold / "seaview.jsonl").write_text(json.dumps(line | {"split": "dev"}) + "\n", encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--mode", "bm25", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["bm25"]["recall@1"] == 1.0
