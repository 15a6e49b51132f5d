"""Learning from use: questions the bot refused and answers voted 👎 become gold-set candidates.

The bot keeps votes in `data_dir/feedback.jsonl` (one line per user and answer, `vote` "up"/"down",
with the question, the answer given and `refused`). Refusals nobody voted on are kept by `record()`
in `data_dir/questions.jsonl`, a file of its own: the bot rewrites feedback.jsonl whole on each vote.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from .types import Answer

VOTES = "feedback.jsonl"
QUESTIONS = "questions.jsonl"
_lock = threading.Lock()


def record(data_dir: Path, question: str, answer: Answer | str, kind: str = "refused") -> None:
    """Keep one question the bot could not answer well (`kind` "refused", or another word) with the
    answer it gave; one appended line, so concurrent calls never interleave."""
    text = answer.answer if isinstance(answer, Answer) else answer
    line = {"time": datetime.now(UTC).isoformat(timespec="seconds"), "kind": kind, "question": question}
    line["answer"] = text
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    with _lock, (data_dir / QUESTIONS).open("a", encoding="utf-8") as out:
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        return
    for raw in path.read_text(encoding="utf-8").splitlines():
        try:
            item = json.loads(raw)
        except json.JSONDecodeError:
            continue  # a torn or foreign line is no reason to lose the others
        if isinstance(item, dict) and str(item.get("question", "")).strip():
            yield item


def _key(question: str) -> str:
    """A question reduced for de-duplication: case, accents' forms, spacing and end punctuation."""
    text = unicodedata.normalize("NFKC", question).casefold()
    return " ".join(re.sub(r"[?？!.。\s]+$", "", text).split())


def candidates(data_dir: Path, known: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Gold-set lines for the refused and 👎 questions, oldest first, one per question, leaving out
    the questions in `known` (e.g. those of the gold set already)."""
    seen = {_key(q) for q in known}
    found: list[dict[str, Any]] = []
    items = [*_lines(Path(data_dir) / VOTES), *_lines(Path(data_dir) / QUESTIONS)]
    for item in sorted(items, key=lambda i: str(i.get("time", ""))):
        wanted = item.get("vote") == "down" or item.get("refused") is True or item.get("kind") == "refused"
        key = _key(str(item["question"]))
        if not wanted or key in seen:
            continue
        seen.add(key)
        question = str(item["question"]).strip()
        found.append(
            {
                "id": "feedback-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10],
                "question": question,
                "evidence": [],
                "answer": [],
                "lang": guess_language(question),
                "note": str(item.get("answer", "")),
            }
        )
    return found


def known_questions(paths: Iterable[Path]) -> list[str]:
    """The questions of existing gold files (JSON lines with a "question")."""
    return [str(item["question"]) for path in paths for item in _lines(Path(path))]


def export(data_dir: Path, out: Path | None = None, known: Iterable[str] = ()) -> int:
    """Write the candidates as JSON lines to `out` (replaced whole) or stdout; returns how many."""
    lines = [json.dumps(c, ensure_ascii=False) for c in candidates(data_dir, known)]
    text = "".join(line + "\n" for line in lines)
    if out is None:
        _write(sys.stdout, text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return len(lines)


def _write(stream: TextIO, text: str) -> None:
    stream.write(text)
    stream.flush()


# Scripts that name their language, and a few function words for the Latin-script languages of the
# region; good enough to sort candidates for a person, who checks each line anyway.
_SCRIPTS = [
    ("th", "\u0e00-\u0e7f"),
    ("lo", "\u0e80-\u0eff"),
    ("km", "\u1780-\u17ff"),
    ("my", "\u1000-\u109f"),
    ("ko", "\uac00-\ud7af\u1100-\u11ff"),
    ("ja", "\u3040-\u30ff"),
    ("zh", "\u4e00-\u9fff"),
]
_MALAY = (
    "yang dan di untuk apa apakah bagaimana siapa tidak dengan ini itu plastik sampah dasar berapa mana "
    "dalam pada tahun negara diadakan larangan pasar ke dari oleh"
)
_WORDS = {
    "vi": "của và là các những không được cho với này có về nào gì khi bao nhiêu nhựa",
    "id": f"{_MALAY} kapan pemerintah kantong kantung bisa saja tentang tanggal setelah sudah ditargetkan "
    "kebijakan tercakup kena",  # a tie with Malay goes to Indonesian
    "ms": f"{_MALAY} bila kerajaan beg boleh sahaja mengenai sisa mesyuarat bilangan skim pulangan kedai "
    "kempen dilancarkan apabila isnin menyasarkan merasmikan bagi pihak",
    "fil": "ang ng mga sa ano paano kailan saan sino ba na at para",
}


def guess_language(text: str) -> str:
    """An ISO 639 code for a question: by script, else by common words, else "en"."""
    for code, chars in _SCRIPTS:
        if re.search(f"[{chars}]", text):
            return code
    if re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text.lower()):
        return "vi"
    words = re.findall(r"\w+", text.lower())
    scores = {code: sum(w in vocab.split() for w in words) for code, vocab in _WORDS.items()}
    best = max(scores, key=lambda c: scores[c])
    return best if scores[best] >= 2 else "en"  # one shared word ("di", "ang") says little
