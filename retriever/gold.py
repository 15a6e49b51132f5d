"""Evaluation, step one: the gold question sets, read, checked and split into dev and test halves."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .settings import ROOT

GOLD_DIR = ROOT / "gold"
SPLITS = ("dev", "test")


@dataclass(frozen=True)
class GoldQuestion:
    """One line of a gold file; empty evidence means the documents do not answer it."""

    id: str
    question: str
    evidence: tuple[str, ...]
    answer: tuple[str, ...]
    lang: str = "en"
    type: str = ""
    split: str = ""  # dev | test | "" (a --qa line that names none)
    set_name: str = ""

    @property
    def answerable(self) -> bool:
        """Whether the documents answer this question."""
        return bool(self.evidence)


@dataclass(frozen=True)
class QuestionSet:
    """The questions of one file, and the folder of documents added to the collection for them."""

    name: str
    path: Path
    questions: tuple[GoldQuestion, ...]
    extra_documents: Path | None = None
    gold: bool = True  # from gold/ (split into halves) rather than a --qa file (reported whole)


def split_of(question_id: str) -> str:
    """The split of a line that names none: by its id alone, so adding lines never moves others."""
    return "dev" if int(hashlib.sha256(question_id.encode()).hexdigest()[:8], 16) % 2 == 0 else "test"


def load_gold(path: Path, *, assign_splits: bool = True, set_name: str | None = None) -> list[GoldQuestion]:
    """The questions of a gold JSONL file; errors name the file and line."""
    path = Path(path)
    questions: list[GoldQuestion] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            qid = str(row["id"])
            split = str(row.get("split") or (split_of(qid) if assign_splits else ""))
            if split not in ("", *SPLITS):
                raise ValueError(f"split must be dev or test, not {split!r}")
            item = GoldQuestion(
                id=qid,
                question=str(row["question"]),
                evidence=tuple(str(e) for e in row.get("evidence") or ()),
                answer=tuple(str(a) for a in row.get("answer") or ()),
                lang=str(row.get("lang") or "en"),
                type=str(row.get("type") or ""),
                split=split,
                set_name=set_name or path.stem,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}:{number}: not a gold-set line ({exc})") from exc
        if item.id in seen:
            raise ValueError(f"{path}:{number}: duplicate id {item.id!r}")
        seen.add(item.id)
        questions.append(item)
    return questions


def gold_sets(folder: Path = GOLD_DIR) -> list[QuestionSet]:
    """Every `*.jsonl` of a gold folder, each with its same-named documents folder if there is one."""
    folder = Path(folder)
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no gold questions in {folder}: expected *.jsonl files (see gold/README.md)")
    sets, owner = [], {}
    for path in files:
        questions = load_gold(path)
        for q in questions:
            if q.id in owner:
                raise ValueError(f"{path}: id {q.id!r} is also in {owner[q.id]}; ids are unique across gold/")
            owner[q.id] = path.name
        extra = folder / path.stem
        sets.append(QuestionSet(path.stem, path, tuple(questions), extra if extra.is_dir() else None))
    return sets


def qa_set(path: Path, name: str | None = None) -> QuestionSet:
    """A --qa file, reported whole; its lines keep the split they name and get none otherwise."""
    path = Path(path)
    name = name or path.stem
    return QuestionSet(name, path, tuple(load_gold(path, assign_splits=False, set_name=name)), gold=False)
