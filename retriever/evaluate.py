"""`python -m retriever evaluate`: gold and --qa question sets with dev/test splits, calibration, BEIR."""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import index_documents, load_settings, report, status
from .beir import evaluate_dataset
from .calibrate import calibrate
from .gate import FUSION_TOLERANCE, GATE, fusion_mrr, gate_failures
from .gold import GOLD_DIR, SPLITS, QuestionSet, gold_sets, qa_set
from .scoring import DEFINITIONS, MODES, QuestionResult, run_questions, split_groups, summarize
from .settings import ROOT, Settings
from .types import IndexMissing


def scratch_index_dir(kind: str, *folders: Path) -> Path:
    """index/<kind>/<folder names>-<hash of their absolute paths>: never the product's live index.

    A collection of several folders gets an index of its own: `--documents gold/national` alone
    must not reuse the index of the corpus plus gold/national, whose shrink guard would refuse it.
    """
    paths = [Path(f).resolve() for f in folders]
    digest = hashlib.sha256("\n".join(map(str, paths)).encode()).hexdigest()[:8]
    return ROOT / "index" / kind / f"{'+'.join(p.name for p in paths)}-{digest}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `evaluate`."""
    parser.add_argument(
        "--qa",
        type=Path,
        action="append",
        help="a question file reported as its own set, e.g. ../shared/qa/starter_dev.jsonl (repeatable)",
    )
    parser.add_argument(
        "--gold",
        type=Path,
        help="gold folder split into dev and test (default: gold/, left out with --documents unless given)",
    )
    parser.add_argument(
        "--documents", type=Path, help="evaluate over this folder (indexed into --index first)"
    )
    parser.add_argument(
        "--index", type=Path, help="index folder (default: the settings' index, or a scratch one)"
    )
    parser.add_argument("--mode", choices=[*MODES, "all"], default="all", help="search mode (default: all)")
    parser.add_argument("--k", type=int, default=10, help="retrieval depth for the metrics (default: 10)")
    parser.add_argument("--json", action="store_true", help="print only {mode: {metric: value, ...}} as JSON")
    parser.add_argument("--out", type=Path, help="write report.md, results.json and recall.png here")
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="fit the refusal threshold on the dev half and the --qa files (their test lines left out)",
    )
    parser.add_argument(
        "--beir", type=Path, help="a BEIR dataset folder (corpus.jsonl, queries.jsonl, qrels/)"
    )
    parser.add_argument("--max-docs", type=int, help="BEIR: index only the first N corpus entries")


def question_sets(gold: Path | None, qa: Iterable[Path], *, with_gold: bool) -> list[QuestionSet]:
    """The gold folder's sets (when used), then each --qa file under a name of its own."""
    sets = gold_sets(gold or GOLD_DIR) if with_gold else []
    taken = {s.name for s in sets} | set(SPLITS)
    for path in qa:
        name, n = Path(path).stem, 2
        while name in taken:
            name, n = f"{Path(path).stem}-{n}", n + 1
        taken.add(name)
        sets.append(qa_set(path, name))
    if not sets:
        raise FileNotFoundError("no questions to evaluate: give --qa FILE (or --gold DIR) with --documents")
    return sets


def _main_settings(args: argparse.Namespace) -> Settings:
    """Settings whose index is ready: a scratch index for --documents, the settings' own brought up to date,
    or the --index folder as it is."""
    settings = load_settings()
    if args.documents:
        settings = settings.with_(
            documents_dir=args.documents.resolve(),
            index_dir=args.index or scratch_index_dir("eval", args.documents),
        )
    if args.documents or args.index is None:
        # The settings' own index is brought up to date first too, as the bot does when it starts: figures
        # from an index built before a document was added, or by an older pipeline whose keywords no
        # longer match the questions', would not be the product's. Unchanged, this takes about a second.
        index_documents(settings=settings, progress=True)
        return settings
    settings = settings.with_(index_dir=args.index)
    try:
        status(settings=settings)
    except IndexMissing:
        index_documents(settings=settings, progress=True)
    return settings


def collection_settings(base: Settings, extra: Path, *, progress: bool = True) -> Settings:
    """The collection `base` indexes plus the folder `extra`, copied into a scratch collection and indexed."""
    index_dir = scratch_index_dir("eval", base.documents_dir, extra)
    documents = index_dir.with_name(index_dir.name + ".documents")
    # A fresh copy each run: files removed from either folder leave; unchanged ones are not re-embedded.
    shutil.rmtree(documents, ignore_errors=True)
    shutil.copytree(base.documents_dir, documents)
    shutil.copytree(extra, documents / extra.name)
    settings = base.with_(documents_dir=documents, index_dir=index_dir)
    index_documents(settings=settings, progress=progress)
    return settings


def run_sets(
    sets: Sequence[QuestionSet],
    settings_for: dict[str, Settings],
    *,
    mode: str,
    k: int,
    asked: bool = True,
    progress: bool = True,
    keep: str | None = None,
) -> list[QuestionResult]:
    """Every question of `sets` in one mode, each over its set's collection; `keep` = one split only."""
    results: list[QuestionResult] = []
    for s in sets:
        chosen = [q for q in s.questions if keep is None or q.split == keep]
        results += run_questions(chosen, settings_for[s.name], mode=mode, k=k, asked=asked, progress=progress)
    return results


def gold_result(
    sets: Sequence[QuestionSet], results: dict[str, list[QuestionResult]], k: int
) -> dict[str, Any]:
    """Metrics per mode (the whole run, then each split under "splits"), the gate and per-question rows."""
    metrics = {}
    for mode, rows in results.items():
        splits = {name: summarize(group, k) for name, group in split_groups(rows, sets).items()}
        metrics[mode] = summarize(rows, k) | {"splits": splits}
    gated = "hybrid" in results and set(GATE) <= {s.name for s in sets if s.gold}
    return {
        "kind": "gold",
        "k": k,
        "sets": [
            {
                "name": s.name,
                "path": str(s.path),
                "n": len(s.questions),
                "gold": s.gold,
                "extra_documents": str(s.extra_documents or ""),
            }
            for s in sets
        ],
        "gate": GATE,
        "fusion_tolerance": FUSION_TOLERANCE,
        "fusion_mrr": fusion_mrr(results, k) if gated else None,
        "gate_failures": gate_failures(results["hybrid"], k) if gated else None,
        "definitions": DEFINITIONS,
        "metrics": metrics,
        "questions": {
            mode: [asdict(r) | {"relevant_ranks": r.relevant_ranks} for r in rows]
            for mode, rows in results.items()
        },
    }


def run_calibration(
    sets: Sequence[QuestionSet], settings_for: dict[str, Settings], *, mode: str
) -> dict[str, Any]:
    """Fit the answerability model on development questions only (never a test line)."""
    dev = [(q, settings_for[s.name]) for s in sets for q in s.questions if q.split != "test"]
    return calibrate(dev, mode=mode)


def run(args: argparse.Namespace) -> int:
    """Run `evaluate` as parsed by `add_arguments`; 0 when done (metrics do not set the exit code)."""
    modes = list(MODES) if args.mode == "all" else [args.mode]
    if args.beir:
        index_dir = args.index or scratch_index_dir("beir", args.beir)
        result = evaluate_dataset(
            args.beir, index_dir, load_settings(), modes=modes, k=args.k, max_docs=args.max_docs
        )
        report.emit(result, out=args.out, as_json=args.json, lines=report.beir_lines(result))
        return 0
    sets = question_sets(args.gold, args.qa or [], with_gold=bool(args.gold or not args.documents))
    settings = _main_settings(args)
    settings_for = {
        s.name: collection_settings(settings, s.extra_documents) if s.extra_documents else settings
        for s in sets
    }
    if args.calibrate:
        mode = "hybrid" if args.mode == "all" else args.mode
        fit = run_calibration(sets, settings_for, mode=mode)
        print(
            json.dumps(report.json_safe(fit), indent=2)
            if args.json
            else "\n".join(report.calibration_lines(fit))
        )
        return 0
    results = {mode: run_sets(sets, settings_for, mode=mode, k=args.k) for mode in modes}
    result = gold_result(sets, results, args.k) | {"index": str(settings.index_dir)}
    report.emit(result, out=args.out, as_json=args.json, lines=report.gold_lines(result))
    return 0
