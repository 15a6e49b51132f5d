"""Work the bot hands to a thread, with no Telegram in it: the eval-gated build and the feedback file,
and what decides it: whether a measured build waits for an administrator, which refusals are kept."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from retriever import Answer, Settings, staging
from retriever.chatter import is_smalltalk


def held_back(comparison: staging.Comparison | None, allow_shrink: bool) -> bool:
    """Whether a measured version waits for an administrator: a gold figure dropped, and nobody has
    already accepted a smaller collection."""
    return comparison is not None and comparison.dropped and not allow_shrink


def gold_candidate(question: str, answer: Answer) -> bool:
    """Whether a question goes to the feedback file as a gold-set candidate: refused, and not a greeting
    (`python -m retriever feedback export` lists them)."""
    return answer.refused and not is_smalltalk(question)


def stage_and_compare(
    settings: Settings, allow_shrink: bool
) -> tuple[staging.Staged, staging.Comparison | None]:
    """Build the new version beside the live one and measure both on the gold questions; publish it
    at once unless a figure dropped (or the admin already accepted a smaller collection)."""
    staged = staging.stage(settings, allow_shrink=allow_shrink)
    if staged.up_to_date:
        return staged, None
    try:
        comparison = staging.compare(staged)
        if not held_back(comparison, allow_shrink):
            staging.publish(staged)
    except Exception:
        staging.discard(staged)  # never leave a version nobody will be asked about
        raise
    return staged, comparison


_feedback_lock = threading.Lock()


def record_vote(
    data_dir: Path,
    answer: Answer,
    *,
    answer_id: str,
    vote: str,
    user_id: int,
    chat_id: int,
    message_id: int | None,
) -> None:
    """Keep one line per user and answer in data_dir/feedback.jsonl: a new vote replaces the old one."""
    line = {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "answer_id": answer_id,
        "vote": vote,
        "user_id": user_id,
        "chat_id": chat_id,
        "message_id": message_id,
        "question": answer.question,
        "answer": answer.answer,
        "refused": answer.refused,
        "citations": [asdict(c) for c in answer.citations],
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "feedback.jsonl"
    with _feedback_lock:
        kept: list[str] = []
        if path.exists():
            for raw in path.read_text(encoding="utf-8").splitlines():
                try:
                    old = json.loads(raw)
                except json.JSONDecodeError:
                    kept.append(raw)  # not ours to judge; never lose a line
                    continue
                if not (old.get("answer_id") == answer_id and old.get("user_id") == user_id):
                    kept.append(raw)
        kept.append(json.dumps(line, ensure_ascii=False))
        with tempfile.NamedTemporaryFile("w", dir=data_dir, delete=False, encoding="utf-8") as tmp:
            tmp.write("\n".join(kept) + "\n")
        os.replace(tmp.name, path)
