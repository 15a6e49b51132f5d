"""Which documents a newer one replaces, from each document's facts.supersedes: the name it gives is
matched by id, file name, source or title words, through lookups built once, so a collection pays for
the documents that name a replacement rather than for every pair of documents."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from .facts import DocFacts

_NAME_FILLER = frozenset(["the", "a", "an", "of", "on", "no", "nr", "number", "and", "for", "in", "to"])


def _tokens(text: str) -> list[str]:
    """Lower-cased words of a name without filler ("Sub-Decree No. 168" -> sub, decree, 168)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())
    return [w for w in words if w not in _NAME_FILLER]


def _by_name(entries: Mapping[str, Mapping[str, Any]]) -> dict[str, set[str]]:
    """Each document under its id, file name, file name without extension and source."""
    names: defaultdict[str, set[str]] = defaultdict(set)
    for doc_id, entry in entries.items():
        file_name = doc_id.rsplit("/", 1)[-1]
        for name in (doc_id, file_name, file_name.rsplit(".", 1)[0], entry.get("source")):
            if isinstance(name, str) and name:
                names[name].add(doc_id)
    return names


def _by_title_word(entries: Mapping[str, Mapping[str, Any]]) -> dict[str, set[str]]:
    words: defaultdict[str, set[str]] = defaultdict(set)
    for doc_id, entry in entries.items():
        for word in _tokens(entry.get("title", "")):
            words[word].add(doc_id)
    return words


def replacements(entries: Mapping[str, Mapping[str, Any]], facts: Mapping[str, DocFacts]) -> dict[str, str]:
    """Replaced document -> the newer one replacing it, over entries whose facts are already parsed."""
    naming = [(d, name) for d, f in facts.items() if (name := f.supersedes.strip())]
    if not naming:
        return {}
    names = _by_name(entries)
    title_words: dict[str, set[str]] | None = None
    out: dict[str, str] = {}
    # By date (a stable sort, as documents are listed for a tie): the newest replacement wins.
    for newer, name in sorted(naming, key=lambda n: str(entries[n[0]].get("date", ""))):
        matches = set(names.get(name, ()))
        words = _tokens(name)
        # Title words name a document when the name says enough: a number, or three words.
        if any(w.isdigit() for w in words) or len(words) >= 3:
            title_words = _by_title_word(entries) if title_words is None else title_words
            matches |= set.intersection(*(title_words.get(w, set()) for w in set(words)))
        matches.discard(newer)
        if len(matches) == 1:  # a name matching several documents is left out
            out[matches.pop()] = newer
    return out
