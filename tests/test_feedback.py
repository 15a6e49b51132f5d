"""👎 votes and refused questions become gold-set candidates the evaluation can load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retriever import cli
from retriever.feedback import QUESTIONS, VOTES, candidates, export, guess_language, record
from retriever.gold import load_gold
from retriever.types import Answer, Citation

GOLD = Path(__file__).resolve().parent.parent / "gold" / "gold_qa.jsonl"
REFUSAL = "The documents don't say."


def vote(data_dir: Path, time: str, vote: str, question: str, answer: str, refused: bool) -> None:
    """One line as the bot writes it to feedback.jsonl."""
    cite = Citation(
        1, "factsheets/29_cn-hainan-plastic-ban-2020.md", "Hainan", "", None, "2020-12-01", "", "q", "p", 0.8
    )
    line = {
        "time": time,
        "answer_id": f"a{time[-2:]}",
        "vote": vote,
        "user_id": 42,
        "chat_id": 42,
        "message_id": 7,
        "question": question,
        "answer": answer,
        "refused": refused,
        "citations": [] if refused else [cite.__dict__],
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / VOTES).open("a", encoding="utf-8") as out:
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    vote(
        folder,
        "2026-01-01T10:00:01+00:00",
        "down",
        "When did Hainan ban plastic bags?",
        "Since 2019 [1].",
        False,
    )
    vote(folder, "2026-01-01T10:00:02+00:00", "up", "What does Taipei ban?", "Plastic cups [1].", False)
    vote(folder, "2026-01-01T10:00:03+00:00", "up", "Who won the 2022 World Cup?", REFUSAL, True)
    vote(
        folder,
        "2026-01-01T10:00:04+00:00",
        "down",
        "  when did HAINAN ban plastic bags ",
        "Since 2019.",
        False,
    )
    with (folder / VOTES).open("a", encoding="utf-8") as out:
        out.write('{"torn line\n')  # a crash mid-write loses that line only
    record(
        folder,
        "Bila kerajaan mengharamkan beg plastik di taman negara?",
        Answer("q", REFUSAL, True),
        "refused",
    )
    return folder


def test_down_votes_and_refusals_become_candidates_once(data_dir: Path) -> None:
    found = candidates(data_dir)
    assert [c["question"] for c in found] == [
        "When did Hainan ban plastic bags?",  # its second 👎, differently written, is the same question
        "Who won the 2022 World Cup?",  # refused, though voted 👍: a person decides if rightly
        "Bila kerajaan mengharamkan beg plastik di taman negara?",
    ]
    first = found[0]
    assert list(first) == ["id", "question", "evidence", "answer", "lang", "note"]
    assert (first["evidence"], first["answer"], first["note"], first["lang"]) == (
        [],
        [],
        "Since 2019 [1].",
        "en",
    )
    assert found[2]["lang"] == "ms" and found[2]["note"] == REFUSAL
    assert len({c["id"] for c in found}) == 3


def test_record_appends_a_line_of_its_own_file(data_dir: Path) -> None:
    record(data_dir, "Is there a ban in Dili?", "I could not find this in the documents.", "refused")
    lines = (data_dir / QUESTIONS).read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    assert len(lines) == 2 and (last["kind"], last["question"]) == ("refused", "Is there a ban in Dili?")
    assert last["answer"] == "I could not find this in the documents." and last["time"]


def test_questions_already_in_the_gold_set_are_left_out(data_dir: Path) -> None:
    gold_question = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])["question"]
    vote(data_dir, "2026-01-02T00:00:00+00:00", "down", gold_question, "wrong", False)
    assert gold_question in [c["question"] for c in candidates(data_dir)]
    assert gold_question not in [c["question"] for c in candidates(data_dir, known=[gold_question])]


def test_export_writes_lines_the_gold_loader_reads(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "candidates.jsonl"
    assert export(data_dir, out) == 3
    loaded = load_gold(out)
    assert [q.answerable for q in loaded] == [False, False, False]  # evidence for a person to fill
    assert export(tmp_path / "no-data", out) == 0 and out.read_text() == ""


def test_feedback_export_command(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["feedback", "export", "--data", str(data_dir)]) == 0
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(printed) == 3

    out = tmp_path / "c.jsonl"
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "g1", "question": "Who won the 2022 World Cup?", "evidence": []}) + "\n"
    )
    assert (
        cli.main(["feedback", "export", "--data", str(data_dir), "--out", str(out), "--gold", str(gold)]) == 0
    )
    assert "2 candidate questions written" in capsys.readouterr().err
    assert [json.loads(line)["question"] for line in out.read_text().splitlines()] == [
        "When did Hainan ban plastic bags?",
        "Bila kerajaan mengharamkan beg plastik di taman negara?",
    ]


def test_language_of_a_question() -> None:
    assert guess_language("Kapan pemerintah melarang kantong plastik?") == "id"
    assert guess_language("Kailan ipinagbawal ang plastik sa Quezon City?") == "fil"
    assert guess_language("Khi nào Việt Nam cấm túi nhựa?") == "vi"
    assert guess_language("กรุงเทพฯ ห้ามถุงพลาสติกเมื่อไหร่") == "th"
    assert guess_language("서울은 언제 일회용 컵을 금지했나요?") == "ko"
    assert guess_language("When did Hainan ban plastic bags?") == "en"
