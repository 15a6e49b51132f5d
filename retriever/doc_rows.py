"""One index version's chunk rows by document: the rows a document or date filter allows, and the
whole text and keyword tokens of the few documents answers cite. Built once per version and kept for
the version last searched only: a million-chunk index must not end up held twice in memory."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from functools import cached_property

import numpy as np

from . import catalog, keyword, store


class DocRows:
    """Document -> chunk rows of one version, with bounded caches of whole-document texts and tokens."""

    SIZE = 256  # documents whose text and tokens are kept (least recently used out)

    def __init__(self, version: store.Version) -> None:
        self.version = version
        # The records' document column is read, never a scan of the rows.
        self.ids, self.column = list(version.records.doc_ids), np.asarray(version.records.doc)
        self.index = {d: i for i, d in enumerate(self.ids)}
        self.texts: OrderedDict[str, str] = OrderedDict()
        self.tokens: OrderedDict[str, frozenset[str]] = OrderedDict()
        self.lock = threading.RLock()  # the bot asks from several threads

    @cached_property
    def _by_document(self) -> tuple[np.ndarray, np.ndarray]:
        """Rows sorted by document (in row order within one) and where each document's run starts."""
        order = np.argsort(self.column, kind="stable")
        return order, np.searchsorted(self.column[order], np.arange(len(self.ids) + 1))

    def rows(self, doc_id: str) -> np.ndarray:
        """The chunk rows of one document, in order."""
        i = self.index.get(doc_id)
        if i is None:
            return np.zeros(0, dtype=np.int64)
        order, starts = self._by_document
        return order[starts[i] : starts[i + 1]]

    def allowed(
        self, doc_ids: Iterable[str] | None, date_from: str | None, date_to: str | None
    ) -> np.ndarray | None:
        """Boolean mask of chunk rows passing the filters, or None when nothing is filtered."""
        if doc_ids is None and date_from is None and date_to is None:
            return None
        wanted = set(doc_ids) if doc_ids is not None else None
        if date_from or date_to:
            # ISO dates compare as strings; a "2025-11" month sorts between its days' bounds.
            dated = catalog.of(self.version.manifest["documents"]).dated_on(date_from, date_to)
            wanted = dated if wanted is None else wanted & dated
        keep = np.zeros(len(self.ids), dtype=bool)
        if wanted is None:
            keep[:] = True
        else:
            keep[[self.index[d] for d in wanted if d in self.index]] = True
        return keep[self.column]

    def text(self, doc_id: str) -> str:
        """Title, sections and text of every chunk of one document (for coverage checks)."""
        with self.lock:
            return self._text(doc_id)

    def _text(self, doc_id: str) -> str:
        if doc_id not in self.texts:
            records = self.version.records
            title = self.version.manifest["documents"].get(doc_id, {}).get("title", "")
            # The two fields read, not the whole record of each row.
            rows = [int(r) for r in self.rows(doc_id)]
            parts = [title] + [f"{records.field('section', r)}\n{records.field('text', r)}" for r in rows]
            self.texts[doc_id] = "\n".join(parts)
            if len(self.texts) > self.SIZE:
                self.texts.popitem(last=False)
        self.texts.move_to_end(doc_id)
        return self.texts[doc_id]

    def token_set(self, doc_id: str) -> frozenset[str]:
        """The keyword tokens of one whole document."""
        with self.lock:
            if doc_id not in self.tokens:
                self.tokens[doc_id] = frozenset(keyword.tokenize([self._text(doc_id)])[0])
                if len(self.tokens) > self.SIZE:
                    self.tokens.popitem(last=False)
            self.tokens.move_to_end(doc_id)
            return self.tokens[doc_id]


_held: dict[int, DocRows] = {}
_lock = threading.Lock()


def of(version: store.Version) -> DocRows:
    """The rows by document of this version (built on first use; the previous version's let go)."""
    held = _held.get(id(version))
    if held is None or held.version is not version:
        # Keyed by identity and checked, so a reloaded version never reads another's rows.
        with _lock:
            held = _held.get(id(version))
            if held is None or held.version is not version:
                _held.clear()
                held = _held[id(version)] = DocRows(version)
    return held
