"""Commands `docs`, `events` and `feedback export`: what the documents are, what happens when, and
what users found wanting. `docs` and `events` read what the index build kept; with `--documents` they
read a folder directly instead (a folder not indexed yet)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

# The package's read API: `events` there is the function reading the live index, not the module.
from . import documents as indexed_documents
from . import events as indexed_events
from .dates import parse_iso
from .events import Event, extract_events, select_events
from .facts import DocFacts, document_facts
from .feedback import export, known_questions
from .readers import ReadError, read_document
from .settings import Settings, load_settings
from .sources import find_sources
from .types import Document


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _iso(value: str) -> str:
    try:
        return parse_iso(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def read_documents(folder: Path) -> list[Document]:
    """Every readable document of a folder; the unreadable ones are named on stderr."""
    sources, skipped = find_sources(folder)
    documents = []
    for source in sources:
        try:
            documents.append(read_document(source))
        except ReadError as exc:
            print(f"skipped {source.id}: {exc}", file=sys.stderr)
    for item in skipped:
        print(f"skipped {item.id}: {item.reason}", file=sys.stderr)
    return documents


def _source_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--index", type=Path, help="index folder to read (default: index/)")
    p.add_argument("--documents", type=Path, help="read this documents folder directly instead of the index")


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings().with_(index_dir=args.index)


def add_docs_arguments(p: argparse.ArgumentParser) -> None:
    _source_arguments(p)
    p.add_argument("--json", action="store_true", help="print a JSON list")


def run_docs(args: argparse.Namespace) -> int:
    """Each document with its title, date and facts."""
    if args.documents:
        rows = [
            {
                "id": d.id,
                "title": d.title,
                "date": d.date,
                "source": d.source,
                "facts": document_facts(d).to_dict(),
            }
            for d in read_documents(args.documents)
        ]
    else:
        rows = indexed_documents(_settings(args))
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        print(f"{row['id']}: {row['title']} ({row['date'] or 'no date'})")
        label = DocFacts.from_dict(row["facts"]).label()
        if label:
            print(f"    {label}")
    return 0


def add_events_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--from", dest="date_from", type=_iso, help="only events ending on or after DATE (YYYY[-MM[-DD]])"
    )
    p.add_argument("--to", dest="date_to", type=_iso, help="only events starting on or before DATE")
    _source_arguments(p)
    p.add_argument("--today", type=dt.date.fromisoformat, help=argparse.SUPPRESS)  # for reproducible order
    p.add_argument("--json", action="store_true", help="print a JSON list")


def event_line(event: Event) -> str:
    """One event in words: dates, title, place, organisers and the document."""
    when = event.start if event.end in ("", event.start) else f"{event.start} – {event.end}"
    where = f" — {event.place}" if event.place else ""
    who = f" (organised by {', '.join(event.organisers)})" if event.organisers else ""
    return f"{when}  {event.title}{where}{who} [{event.doc_id}]"


def run_events(args: argparse.Namespace) -> int:
    """Events of the documents, upcoming first, then the most recent."""
    if args.documents:
        events = [e for d in read_documents(args.documents) for e in extract_events(d)]
        chosen = select_events(events, args.date_from, args.date_to, today=args.today)
    else:
        chosen = indexed_events(args.date_from, args.date_to, settings=_settings(args), today=args.today)
    if args.json:
        _print_json([e.to_dict() for e in chosen])
    else:
        print("\n".join(map(event_line, chosen)) if chosen else "no events in those dates")
    return 0


def add_feedback_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", required=True)
    e = sub.add_parser("export", help="👎 and refused questions as gold-set candidate lines")
    e.add_argument("--out", type=Path, help="file to write (default: print the lines)")
    e.add_argument("--data", type=Path, help="data folder holding feedback.jsonl (default: data/)")
    e.add_argument(
        "--gold", type=Path, action="append", default=[], help="gold file whose questions to leave out"
    )


def run_feedback(args: argparse.Namespace) -> int:
    """Write gold-set candidates; evidence and answer are left empty for a person to fill."""
    data_dir = args.data or load_settings().data_dir
    count = export(data_dir, args.out, known_questions(args.gold))
    if args.out:
        print(f"{count} candidate questions written to {args.out}", file=sys.stderr)
    return 0
