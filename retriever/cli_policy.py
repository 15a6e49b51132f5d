"""Commands `docs`, `events` and `feedback export`: what the documents are, what happens when, and
what users found wanting."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from .dates import parse_iso
from .events import Event, extract_events, select_events
from .facts import DocFacts, document_facts
from .feedback import export, known_questions
from .readers import ReadError, find_sources, read_document
from .settings import load_settings
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


def add_docs_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--documents", type=Path, help="documents folder (default: documents/)")
    p.add_argument("--json", action="store_true", help="print a JSON list")


def run_docs(args: argparse.Namespace) -> int:
    """Each document with its title, date and facts."""
    folder = args.documents or load_settings().documents_dir
    rows = [
        {
            "id": d.id,
            "title": d.title,
            "date": d.date,
            "source": d.source,
            "facts": document_facts(d).to_dict(),
        }
        for d in read_documents(folder)
    ]
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
    p.add_argument("--documents", type=Path, help="documents folder (default: documents/)")
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
    folder = args.documents or load_settings().documents_dir
    events = [e for d in read_documents(folder) for e in extract_events(d)]
    chosen = select_events(events, args.date_from, args.date_to, today=args.today)
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
