"""The command line: `index`, `status` and `ask`, their output, exit codes and error messages."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from retriever.cli import main
from retriever.settings import ROOT

INDEX_KEYS = {"added", "changed", "unchanged", "removed", "skipped", "documents", "chunks", "seconds",
              "version", "full_rebuild", "reason"}  # fmt: skip
ASK_KEYS = {"question", "answer", "refused", "citations", "timings_ms"}
CITATION_KEYS = {"n", "doc_id", "title", "section", "page", "date", "source", "quote", "passage", "score"}
DOCS = {
    "bags.md": "# Lakeside bag ban\n\nThe town of Lakeside banned plastic carrier bags on 3 March 2021. "
    "Shops that break the rule pay a fine of 500 dollars.\n",
    "bottles.md": "# Hilltown bottle deposit\n\nHilltown started a bottle deposit scheme in 2019. "
    "Each returned bottle earns ten cents at any grocery store.\n",
    "compost.txt": "Rivertown composting\n\nRivertown collects food waste every Tuesday for composting.\n",
}
QUESTION = "When did Lakeside ban plastic carrier bags?"


@dataclass
class Indexed:
    docs: Path
    index: Path
    code: int
    summary: dict[str, object]


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No developer .env or RETRIEVER_* variable may skew what the CLI reads; the cwd has no .env."""
    for name in [n for n in os.environ if n.startswith("RETRIEVER_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("RETRIEVER_THREADS", "1")
    monkeypatch.setenv("RETRIEVER_DOCUMENTS_DIR", str(tmp_path / "no-documents"))
    monkeypatch.setenv("RETRIEVER_INDEX_DIR", str(tmp_path / "no-index"))


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Indexed:
    """The three tiny documents indexed through `index --json`, once for the module."""
    root = tmp_path_factory.mktemp("cli")
    docs = root / "documents"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["index", "--documents", str(docs), "--index", str(root / "index"), "--json"])
    return Indexed(docs, root / "index", code, json.loads(out.getvalue()))


def test_index_json_has_the_contract_keys(indexed: Indexed) -> None:
    assert indexed.code == 0
    assert set(indexed.summary) == INDEX_KEYS
    assert indexed.summary["added"] == sorted(DOCS) and indexed.summary["removed"] == []
    assert (indexed.summary["version"], indexed.summary["reason"]) == ("v000001", "first build")
    assert indexed.summary["documents"] == 3 and indexed.summary["full_rebuild"] is True


def test_index_in_words_lists_what_it_did(
    indexed: Indexed, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = tmp_path / "index"
    shutil.copytree(indexed.index, index)
    docs = tmp_path / "documents"
    shutil.copytree(indexed.docs, docs)
    (docs / "compost.txt").unlink()
    (docs / "empty.md").write_text("", encoding="utf-8")
    assert main(["index", "--documents", str(docs), "--index", str(index)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("index v000002: 2 documents, ")
    assert (
        "removed (1): compost.txt" in out and "unchanged: 2" in out and "skipped empty.md: empty file" in out
    )


def test_index_refuses_a_collapse_until_allowed(
    indexed: Indexed, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = tmp_path / "index"
    shutil.copytree(indexed.index, index)
    empty = tmp_path / "emptied"
    empty.mkdir()
    argv = ["index", "--documents", str(empty), "--index", str(index)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: not indexed: this build would remove 3 of the 3 indexed documents")
    assert "python -m retriever index --allow-removal" in err and len(err.strip().splitlines()) == 1
    assert main(["status", "--index", str(index), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["n_documents"] == 3
    assert main([*argv, "--allow-removal", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["removed"] == sorted(DOCS) and summary["documents"] == 0
    assert main(["ask", QUESTION, "--index", str(index), "--json"]) == 0  # an empty collection refuses
    assert json.loads(capsys.readouterr().out)["refused"] is True


def test_index_without_a_documents_folder_names_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", "--documents", str(tmp_path / "nowhere"), "--index", str(tmp_path / "ix")]) == 2
    assert "no documents folder at" in capsys.readouterr().err


def test_status_describes_the_live_index(indexed: Indexed, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--index", str(indexed.index)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("index v000001 built ") and "3 documents, " in out and "  bags.md: " in out
    assert main(["status", "--index", str(indexed.index), "--json"]) == 0
    manifest = json.loads(capsys.readouterr().out)
    assert manifest["version"] == "v000001" and set(manifest["documents"]) == set(DOCS)


@pytest.mark.parametrize("command", [["status"], ["ask", QUESTION]])
def test_a_missing_index_says_how_to_build_it(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, "--index", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no index at ") and "run `python -m retriever index`" in err


def test_ask_json_has_the_contract_keys(indexed: Indexed, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["ask", QUESTION, "--index", str(indexed.index), "--json", "--mode", "hybrid", "--k", "3"]) == 0
    )
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) == ASK_KEYS and answer["question"] == QUESTION and answer["refused"] is False
    assert answer["citations"] and all(set(c) == CITATION_KEYS for c in answer["citations"])
    assert answer["citations"][0]["doc_id"] == "bags.md" and "3 March 2021" in answer["answer"]


def test_ask_in_words_and_a_refusal(indexed: Indexed, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", QUESTION, "--index", str(indexed.index)]) == 0
    out = capsys.readouterr().out
    assert "3 March 2021" in out and "[1]" in out
    assert (
        main(["ask", "Who won the football world cup in 1998?", "--index", str(indexed.index), "--json"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["refused"] is True


def test_a_bad_mode_is_a_clear_error(
    indexed: Indexed, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["ask", QUESTION, "--index", str(indexed.index), "--mode", "x"])
    assert caught.value.code == 2 and "invalid choice: 'x'" in capsys.readouterr().err
    monkeypatch.setenv("RETRIEVER_MODE", "x")
    assert main(["ask", QUESTION, "--index", str(indexed.index)]) == 2
    assert capsys.readouterr().err == "error: mode='x' (RETRIEVER_MODE): use dense, bm25 or hybrid\n"
    monkeypatch.setenv("RETRIEVER_MODE", "bm25")
    assert main(["ask", QUESTION, "--index", str(indexed.index), "--k", "0"]) == 2
    assert "k=0 (RETRIEVER_K)" in capsys.readouterr().err


def test_ask_as_a_process(indexed: Indexed) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RETRIEVER_")}
    command = [sys.executable, "-m", "retriever", "ask", QUESTION, "--index", str(indexed.index), "--json"]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=300, cwd=ROOT,
        env=env | {"HF_HUB_OFFLINE": "1", "RETRIEVER_THREADS": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert set(answer) == ASK_KEYS and answer["citations"][0]["doc_id"] == "bags.md"
    missing = subprocess.run(
        [sys.executable, "-m", "retriever", "status", "--index", str(indexed.index.parent / "none")],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env=env,
    )  # fmt: skip
    assert missing.returncode == 2 and "run `python -m retriever index`" in missing.stderr


def test_output_cut_short_by_a_pipe_is_no_error(indexed: Indexed) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RETRIEVER_")} | {"HF_HUB_OFFLINE": "1"}
    command = [sys.executable, "-m", "retriever", "status", "--index", str(indexed.index)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    assert process.stdout is not None
    process.stdout.close()  # the reader is gone before a line is written, as `| head -0` would be
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert b"BrokenPipeError" not in err
