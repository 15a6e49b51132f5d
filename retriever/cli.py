"""Command line: `python -m retriever index|status|ask|evaluate|bench`."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeAlias

from . import ask, index_documents, load_settings, render_text, status
from .settings import Settings, SettingsError
from .types import CollectionShrank, IndexMissing, IndexSummary


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings()
    return settings.with_(
        documents_dir=getattr(args, "documents", None),
        index_dir=getattr(args, "index", None),
    )


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def summary_lines(summary: IndexSummary) -> list[str]:
    """An index run in words, for people."""
    lines = [
        f"index {summary.version}: {summary.documents} documents, {summary.chunks} chunks"
        f" ({summary.seconds:.1f} s)"
    ]
    if summary.full_rebuild:
        lines.append(f"full rebuild: {summary.reason}")
    for label in ("added", "changed", "removed"):
        ids = getattr(summary, label)
        if ids:
            lines.append(f"{label} ({len(ids)}): " + ", ".join(ids))
    if summary.unchanged:
        lines.append(f"unchanged: {len(summary.unchanged)}")
    for skipped in summary.skipped:
        lines.append(f"skipped {skipped.id}: {skipped.reason}")
    return lines


def cmd_index(args: argparse.Namespace) -> int:
    """Build or update the index."""
    settings = _settings(args)
    summary = index_documents(
        settings=settings, full=args.full, progress=not args.json, allow_shrink=args.allow_removal
    )
    if args.json:
        _print_json(summary.to_dict())
    else:
        print("\n".join(summary_lines(summary)))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Describe the live index."""
    manifest = status(settings=_settings(args))
    if args.json:
        _print_json(manifest)
        return 0
    print(f"index {manifest['version']} built {manifest['built_at']} in {manifest['build_seconds']} s")
    print(f"model {manifest['model']} ({manifest['dimension']} dimensions)")
    print(f"chunks of {manifest['chunk_words']} words, {manifest['chunk_overlap']} overlapping")
    print(
        f"{manifest['n_documents']} documents, {manifest['n_chunks']} chunks,"
        f" {manifest['n_sentences']} sentences"
    )
    if manifest.get("truncated_chunks"):
        print(
            f"warning: {manifest['truncated_chunks']} chunks are longer than the model reads (tail ignored)"
        )
    for doc_id, doc in manifest["documents"].items():
        print(f"  {doc_id}: {doc['chunks']} chunks, {doc.get('date') or 'no date'} — {doc.get('title', '')}")
    for skipped in manifest.get("skipped", []):
        print(f"  skipped {skipped['id']}: {skipped['reason']}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question."""
    settings = _settings(args)
    answer = ask(args.question, settings=settings, mode=args.mode, k=args.k)
    if args.json:
        _print_json(answer.to_dict())
    else:
        print(render_text(answer))
    return 0


Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
SUBCOMMANDS: list[Callable[[Subparsers], None]] = []


def subcommand(add: Callable[[Subparsers], None]) -> Callable[[Subparsers], None]:
    """Register a function that adds one subcommand's parser (help lists them in this order)."""
    SUBCOMMANDS.append(add)
    return add


@subcommand
def add_index(sub: Subparsers) -> None:
    """`index`: build or update the index."""
    p = sub.add_parser("index", help="build or update the index from the documents folder")
    p.add_argument("--documents", type=Path, help="documents folder (default: documents/)")
    p.add_argument("--index", type=Path, help="index folder (default: index/)")
    p.add_argument("--full", action="store_true", help="re-embed everything")
    p.add_argument(
        "--allow-removal",
        action="store_true",
        help="publish even when most indexed documents would be removed (refused by default)",
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON only")
    p.set_defaults(func=cmd_index)


@subcommand
def add_status(sub: Subparsers) -> None:
    """`status`: describe the live index."""
    p = sub.add_parser("status", help="describe the live index")
    p.add_argument("--index", type=Path, help="index folder (default: index/)")
    p.add_argument("--json", action="store_true", help="print the manifest as JSON")
    p.set_defaults(func=cmd_status)


@subcommand
def add_ask(sub: Subparsers) -> None:
    """`ask`: answer one question."""
    p = sub.add_parser("ask", help="answer a question with cited quotes")
    p.add_argument("question")
    p.add_argument("--index", type=Path, help="index folder (default: index/)")
    p.add_argument("--mode", choices=["dense", "bm25", "hybrid"], help="search mode (default: hybrid)")
    p.add_argument("--k", type=int, help="passages to consider (default: 5)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.set_defaults(func=cmd_ask)


@subcommand
def add_evaluate(sub: Subparsers) -> None:
    """`evaluate`: retrieval metrics."""
    from . import evaluate

    p = sub.add_parser("evaluate", help="retrieval metrics on a gold set or a BEIR dataset")
    evaluate.add_arguments(p)
    p.set_defaults(func=evaluate.run)


@subcommand
def add_bench(sub: Subparsers) -> None:
    """`bench`: benchmarks that print figures."""
    from . import bench

    p = sub.add_parser("bench", help="benchmarks that print figures")
    bench.add_arguments(p)
    p.set_defaults(func=bench.run)


@subcommand
def add_docs(sub: Subparsers) -> None:
    """`docs`: each document with its date and facts (place, kind, dates, what it replaces)."""
    from . import cli_policy

    p = sub.add_parser("docs", help="each document with its title, date and facts")
    cli_policy.add_docs_arguments(p)
    p.set_defaults(func=cli_policy.run_docs)


@subcommand
def add_events(sub: Subparsers) -> None:
    """`events`: events in the documents, upcoming first, then the most recent."""
    from . import cli_policy

    p = sub.add_parser("events", help="events in the documents (upcoming first, then recent)")
    cli_policy.add_events_arguments(p)
    p.set_defaults(func=cli_policy.run_events)


@subcommand
def add_feedback(sub: Subparsers) -> None:
    """`feedback export`: 👎 and refused questions as gold-set candidates."""
    from . import cli_policy

    p = sub.add_parser("feedback", help="gold-set candidates from 👎 votes and refused questions")
    cli_policy.add_feedback_arguments(p)
    p.set_defaults(func=cli_policy.run_feedback)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(prog="python -m retriever", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in SUBCOMMANDS:
        add(sub)
    return parser


# Errors a user can fix: printed as one line naming the fix, exit code 2.
USER_ERRORS: tuple[type[Exception], ...] = (IndexMissing, SettingsError, FileNotFoundError, CollectionShrank)


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; errors are one line naming the fix, exit code 2."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # here, where a closed pipe can be caught, not at exit
        return code
    except USER_ERRORS as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `status | head` closed the pipe early: not an error, and no traceback at exit either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
