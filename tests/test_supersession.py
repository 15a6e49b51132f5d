"""Which documents a newer one replaces, on the shipped collection's facts and a few added documents."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from shipped import collection, entry

from retriever import Document, scope
from retriever.catalog import superseded_by

TODAY = dt.date(2026, 1, 15)
KH_168 = "factsheets/11_kh-sub-decree-168-plastic-bags.md"
FILLER = {"the", "a", "an", "of", "on", "no", "nr", "number", "and", "for", "in", "to"}


@pytest.fixture(scope="module")
def entries() -> dict[str, dict[str, Any]]:
    return collection()[0]


def _newer_sub_decree() -> Document:
    text = (
        "Cambodia: Sub-Decree No. 99 on Plastic Bags\n\n"
        "On 2 March 2025 the Royal Government of Cambodia adopted Sub-Decree No. 99, which replaces "
        "Sub-Decree 168 on the Management of Plastic Bags. It takes effect on 1 July 2025."
    )
    return Document(
        id="kh-sub-decree-99.md",
        text=text,
        title="Cambodia: Sub-Decree No. 99 on Plastic Bags",
        date="2025-03-02",
    )


def test_superseded_documents_point_to_the_newer_one(entries: dict[str, dict[str, Any]]) -> None:
    newer = _newer_sub_decree()
    with_newer = entries | {newer.id: entry(newer)}
    assert with_newer[newer.id]["facts"]["supersedes"].startswith("Sub-Decree 168")
    assert superseded_by(with_newer) == {KH_168: newer.id}
    assert superseded_by(entries) == {}
    # Front matter naming the replaced file works too.
    by_id = with_newer | {newer.id: with_newer[newer.id] | {"facts": {"supersedes": Path(KH_168).name}}}
    assert superseded_by(by_id) == {KH_168: newer.id}
    in_force = scope.parse("What rules are currently in force in Cambodia?", with_newer, today=TODAY)
    assert newer.id in (in_force.doc_ids or ()) and KH_168 not in (in_force.doc_ids or ())


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()) if w not in FILLER]


def _pairwise(entries: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Every document's replacement name held against every other document, one pair at a time."""
    out: dict[str, str] = {}
    for newer, e in sorted(entries.items(), key=lambda item: str(item[1].get("date", ""))):
        name = str((e.get("facts") or {}).get("supersedes", "")).strip()
        matches = []
        for d, other in entries.items():
            file_name = d.rsplit("/", 1)[-1]
            words = _words(name)
            named = name in (d, file_name, file_name.rsplit(".", 1)[0], other.get("source")) or (
                (any(w.isdigit() for w in words) or len(words) >= 3)
                and set(words) <= set(_words(other.get("title", "")))
            )
            if name and d != newer and named:
                matches.append(d)
        if len(matches) == 1:
            out[matches[0]] = newer
    return out


def test_names_match_as_a_pairwise_reading_would(entries: dict[str, dict[str, Any]]) -> None:
    """By id, file name, stem, source and title words; ambiguous, self and unknown names left out."""
    kh = entries[KH_168]
    names = {
        "by-stem.md": Path(KH_168).stem,
        "by-source.md": kh["source"],
        "by-words.md": "Sub-Decree No 168",  # filler dropped, the number kept
        "ambiguous.md": "3R Forum",  # too few words, no number: names nothing
        "two-sessions.md": "plastics treaty session",  # the INC-2 and INC-4 titles both hold these
        "itself.md": "itself.md",
        "unknown.md": "Decree 4242",
        "ranked-1.md": KH_168,  # a later one replacing the same document wins
        "ranked-2.md": KH_168,
    }
    added = {
        doc_id: {
            "title": f"Added {doc_id}",
            "date": f"2030-0{i + 1}",
            "source": "",
            "facts": {"supersedes": n},
        }
        for i, (doc_id, n) in enumerate(names.items())
    }
    both = entries | added
    assert superseded_by(both) == _pairwise(both)
    found = superseded_by(both)
    assert found[KH_168] == "ranked-2.md"
    assert not {"ambiguous.md", "two-sessions.md", "itself.md", "unknown.md"} & set(found.values())
    assert superseded_by(list({"id": d} | e for d, e in both.items())) == _pairwise(both)
