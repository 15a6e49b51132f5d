"""An eval-gated reindex: build the new version beside the live one, compare the two on gold questions,
then publish it or throw it away. The live version serves questions untouched until `publish`.

index/staged/<version>-<token>/  a small index folder whose only version is the staged one: searchable
                                 as an index folder, so the gold questions run on it as they run live;
                                 `staged.json` there keeps what `pending` needs after a restart
"""

from __future__ import annotations

import json
import math
import secrets
import shutil
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import milvus, store
from .gate import GATE
from .gold import GOLD_DIR, GoldQuestion, load_gold
from .scoring import gold_metrics, run_questions
from .settings import Settings
from .texts import Reason
from .types import IndexMissing, IndexSummary, Skipped

STAGED = "staged"
# The figures compared, and the ones a drop of which holds a version back. cited_recall is recall as
# the user sees it (an answer citing the evidence), so it gates as recall@5 does.
METRICS = ("recall@5", "cited_recall", "refusal_accuracy")
# A drop of at most this share is noise-free by construction (the same questions, the same model) but
# a single question out of ~50 answerable moves recall by 0.02: anything beyond one such step counts.
TOLERANCE = 0.02
MODE = "hybrid"


class StaleStage(RuntimeError):
    """The live index changed after a version was staged; publishing it would undo that change."""


@dataclass(frozen=True)
class Staged:
    """A finished, unpublished version: `folder` is searchable as an index folder (None: nothing new)."""

    index_dir: Path  # the live index folder it goes into
    folder: Path | None  # the small index folder holding it; None when the live version is up to date
    version: str  # its name, e.g. v000013 (the live version's name when nothing changed)
    base: str | None  # the live version it was built against
    summary: IndexSummary
    settings: Settings = field(compare=False, repr=False)

    @property
    def up_to_date(self) -> bool:
        """True when the build found nothing to change: there is nothing to compare or publish."""
        return self.folder is None

    def search_settings(self) -> Settings:
        """Settings that search the staged version (FAISS: a staged version is never in Milvus)."""
        if self.folder is None:
            return self.settings
        return self.settings.with_(index_dir=self.folder, backend="faiss")


@dataclass(frozen=True)
class Comparison:
    """Gold figures of the live (old) and staged (new) versions, and whether the new one is worse."""

    old_version: str | None
    new_version: str
    old: dict[str, float]  # METRICS plus n, n_answerable, n_unanswerable
    new: dict[str, float]
    drops: tuple[str, ...]  # e.g. "recall@5 0.981 -> 0.870", one per metric that dropped
    questions: int
    tolerance: float = TOLERANCE

    @property
    def dropped(self) -> bool:
        """True when recall or refusal dropped beyond the tolerance: ask before publishing."""
        return bool(self.drops)

    def lines(self) -> list[str]:
        """The comparison for a person: one line per metric, old -> new, then the verdict."""
        out = [f"Gold questions: {self.questions} ({MODE} search), {self.old_version} -> {self.new_version}"]
        for key in METRICS:
            out.append(f"{key}: {_fmt(self.old.get(key))} -> {_fmt(self.new.get(key))}")
        out.append("Dropped: " + "; ".join(self.drops) if self.drops else "No drop beyond tolerance.")
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with `dropped` spelled out."""
        return asdict(self) | {"dropped": self.dropped, "drops": list(self.drops)}


def _fmt(value: float | None) -> str:
    return "n/a" if value is None or math.isnan(value) else f"{value:.3f}"


def _stage_root(index_dir: Path) -> Path:
    return index_dir / STAGED


def stage(settings: Settings, *, full: bool = False, allow_shrink: bool = False) -> Staged:
    """Build the documents folder into a new version WITHOUT publishing it; a previous stage is dropped.

    Raises CollectionShrank like `index_documents` (nothing staged then).
    """
    from .build import build_from_folder

    index_dir = settings.index_dir
    root = _stage_root(index_dir)
    shutil.rmtree(root, ignore_errors=True)  # one staged version at a time: the newest /reindex wins
    base = store.current_version(index_dir)
    # A fresh folder name per stage: searchers are cached per folder and keyed by version name, which a
    # restaged version would repeat.
    folder = root / f"{store.next_version_name(index_dir)}-{secrets.token_hex(4)}"
    summary = build_from_folder(settings, full=full, allow_shrink=allow_shrink, stage_dir=folder)
    if store.current_version(folder) != summary.version:  # up to date: the build published nothing
        shutil.rmtree(root, ignore_errors=True)
        return Staged(index_dir, None, summary.version, base, summary, settings)
    record = {
        "base": base,
        "version": summary.version,
        "summary": summary.to_dict(),
        "reasons": _keys(summary),
    }
    (folder / "staged.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return Staged(index_dir, folder, summary.version, base, summary, settings)


def pending(settings: Settings) -> Staged | None:
    """The version staged in this index folder and not yet published or discarded, if any."""
    root = _stage_root(settings.index_dir)
    for folder in sorted(root.glob("v*")) if root.is_dir() else []:
        record_path = folder / "staged.json"
        if not record_path.is_file() or store.current_version(folder) is None:
            continue
        record = json.loads(record_path.read_text(encoding="utf-8"))
        data, keys = record["summary"], record.get("reasons") or {}
        skipped_keys = keys.get("skipped") or [None] * len(data["skipped"])
        summary = IndexSummary(
            **{k: tuple(v) for k, v in data.items() if k in ("added", "changed", "unchanged", "removed")},
            skipped=tuple(
                Skipped(s["id"], _keyed(s["reason"], key))
                for s, key in zip(data["skipped"], skipped_keys, strict=True)
            ),
            **{k: data[k] for k in ("documents", "chunks", "seconds", "version", "full_rebuild")},
            reason=_keyed(data["reason"], keys.get("reason")),
        )
        return Staged(settings.index_dir, folder, record["version"], record["base"], summary, settings)
    return None


def _keys(summary: IndexSummary) -> dict[str, Any]:
    """The summary's reasons with their catalogue keys, so a version still pending after a restart is
    reported in the administrator's language (`index --json` holds the English texts only)."""

    def key(reason: str) -> dict[str, Any] | None:
        return reason.to_dict() if isinstance(reason, Reason) else None

    return {"reason": key(summary.reason), "skipped": [key(s.reason) for s in summary.skipped]}


def _keyed(text: str, key: dict[str, Any] | None) -> str:
    """The reason `_keys` recorded for `text`, or the text itself (shown as written) when none was."""
    return Reason.from_dict(key) if key else text


def gold_questions(folder: Path = GOLD_DIR) -> list[GoldQuestion]:
    """The test half of the gated gold sets (gate.GATE): what the release gate reads, so the two agree."""
    return [q for name in GATE for q in load_gold(folder / f"{name}.jsonl") if q.split == "test"]


def _figures(questions: Sequence[GoldQuestion], settings: Settings, k: int) -> dict[str, float]:
    results = run_questions(questions, settings, mode=MODE, k=k, progress=False)
    metrics = gold_metrics(results, k)
    keys = (*METRICS, "n", "n_answerable", "n_unanswerable")
    return {key: round(float(metrics[key]), 4) for key in keys}


def compare(
    staged: Staged,
    settings: Settings | None = None,
    *,
    questions: Sequence[GoldQuestion] | None = None,
    tolerance: float = TOLERANCE,
    k: int = 10,
) -> Comparison:
    """Gold figures of the live version against the staged one (default: the gated sets' test half)."""
    live = (settings or staged.settings).with_(index_dir=staged.index_dir)
    chosen = list(questions) if questions is not None else gold_questions()
    # A first build has nothing to be compared with (no old figures): it cannot drop.
    old = _figures(chosen, live, k) if store.current_version(staged.index_dir) else {}
    new = old if staged.up_to_date else _figures(chosen, staged.search_settings(), k)
    drops = tuple(
        f"{key} {old[key]:.3f} -> {new[key]:.3f}"
        for key in METRICS
        if key in old
        and not math.isnan(old[key])
        and not math.isnan(new[key])
        and old[key] - new[key] > tolerance + 1e-9
    )
    return Comparison(staged.base, staged.version, old, new, drops, len(chosen), tolerance)


def publish(staged: Staged) -> str:
    """Make the staged version live (atomic switch, as a build does) and return its name.

    Raises StaleStage when another build published since staging: its changes would be lost.
    """
    if staged.folder is None:
        return staged.version
    index_dir = staged.index_dir
    with store.build_lock(index_dir):
        if not (staged.folder / staged.version).is_dir():
            gone = f"the staged version {staged.version} is gone (published or discarded): run /reindex again"
            raise IndexMissing(Reason(gone, "reason_stage_gone"))
        live = store.current_version(index_dir)
        if live != staged.base or store.next_version_name(index_dir) != staged.version:
            stale = (
                f"the index changed since {staged.version} was staged (live: {live}): "
                "run /reindex again (`python -m retriever index`)"
            )
            raise StaleStage(Reason(stale, "reason_stale"))
        store.publish(index_dir, staged.folder / staged.version, staged.version)
        shutil.rmtree(_stage_root(index_dir), ignore_errors=True)
        if staged.settings.backend == "milvus":
            milvus.ensure(staged.settings, store.load_version(index_dir))
    return staged.version


def discard(staged: Staged) -> None:
    """Throw the staged version away; the live one stays as it is."""
    if staged.folder is not None:
        shutil.rmtree(staged.folder, ignore_errors=True)
