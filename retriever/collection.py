"""Changing the collection one file at a time: add (or replace) a document, remove one, and say what happened.

Everything here refuses rather than guesses: a missing documents folder is never recreated (an
unmounted volume would otherwise become a one-document collection), a namesake is never
overwritten without `replace=True`, and a file the reader cannot use never reaches the folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .readers import ReadError, read_document
from .settings import Settings, load_settings
from .sources import SUPPORTED, SourceFile, find_sources
from .texts import DEFAULT, Note, reason_of
from .types import CollectionShrank, IndexMissing, IndexSummary

log = logging.getLogger(__name__)

NAME_BYTES = 200  # well under the 255-byte limit of common filesystems, leaving room for "-2" and the like
AddStatus = Literal["added", "replaced", "unchanged", "conflict", "rejected"]
RemoveStatus = Literal["removed", "not_found", "rejected"]
# One change to the folder at a time within this process: the check for a namesake and the move
# that follows must not interleave with another upload of the same name.
_changing = threading.Lock()


class _Said:
    """A result's sentence for a person: `message` in English, `text(lang)` in any language served."""

    note: Note

    @property
    def message(self) -> str:
        """The sentence in English (the CLI's and scripts' language)."""
        return self.note.say(DEFAULT)

    def text(self, lang: str | None = DEFAULT) -> str:
        """The sentence in `lang` (an administrator's chat language)."""
        return self.note.say(lang)


@dataclass(frozen=True)
class AddResult(_Said):
    """What `add_document` did; `message` / `text(lang)` is a sentence a person can act on."""

    status: AddStatus
    doc_id: str
    note: Note
    summary: IndexSummary | None = None
    shrank: bool = False  # refused because the build would have dropped most of the collection


@dataclass(frozen=True)
class RemoveResult(_Said):
    """What `remove_document` did; `message` / `text(lang)` is a sentence a person can act on."""

    status: RemoveStatus
    doc_id: str
    note: Note
    summary: IndexSummary | None = None
    shrank: bool = False


def supported_types() -> tuple[str, ...]:
    """File extensions the readers accept, sorted (".docx", ".htm", ...)."""
    return tuple(sorted(SUPPORTED))


def _truncate_utf8(text: str, limit: int) -> str:
    """At most `limit` UTF-8 bytes, never ending just before a combining mark (a Thai vowel sign)."""
    if len(text.encode()) <= limit:
        return text
    cut = len(text)
    while cut and len(text[:cut].encode()) > limit:
        cut -= 1
    # Leaving a base letter without the mark that follows it would change the word it spells.
    while 0 < cut < len(text) and unicodedata.category(text[cut])[0] == "M":
        cut -= 1
    return text[:cut]


def safe_name(name: str, default_stem: str = "document") -> str:
    """A harmless file name from a user-supplied one: basename only, no hidden or dotted-path
    tricks, letters of any script, digits and `._-` kept, extension lower-cased, and short enough
    in bytes for any filesystem."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFKC", name))[-1].strip()
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    ext = re.sub(r"[^a-z0-9]", "", ext.lower())[:10]

    def keep(ch: str) -> str:
        # Marks (M*) matter: Thai and Indic names are unreadable without their vowel signs.
        return ch if ch in "-_" or unicodedata.category(ch)[0] in "LMN" else "-"

    stem = "".join(keep(ch) for ch in stem)
    stem = _truncate_utf8(re.sub(r"-{2,}", "-", stem).strip("-_"), NAME_BYTES).strip("-_")
    return f"{stem or default_stem}.{ext}" if ext else (stem or default_stem)


def _index(settings: Settings, allow_shrink: bool) -> IndexSummary:
    from . import index_documents

    return index_documents(settings=settings, allow_shrink=allow_shrink)


def _cannot_add(doc_id: str, why: Note) -> Note:
    return Note.of("collection_cannot_add", name=doc_id, reason=why)


def _missing_folder(settings: Settings) -> Note:
    return Note.of("collection_folder_missing", folder=settings.documents_dir)


def shrink_note(exc: CollectionShrank) -> Note:
    """Why a build was refused for dropping most of the collection, in any language (`Note.say`)."""
    named = ", ".join(exc.removed[:5])
    if len(exc.removed) > 5:
        named = Note.of("collection_and_more", names=named, n=len(exc.removed) - 5)
    return Note.of(
        "collection_shrank", lost=len(exc.removed), before=exc.before, after=exc.after, names=named
    )


def _indexed_copy(settings: Settings, digest: str) -> str | None:
    try:
        from .store import read_manifest

        documents = read_manifest(settings.index_dir).get("documents", {})
    except (IndexMissing, OSError, ValueError):
        return None
    return next((doc_id for doc_id, meta in documents.items() if meta.get("sha256") == digest), None)


def add_document(
    name: str,
    data: bytes,
    *,
    replace: bool = False,
    allow_shrink: bool = False,
    settings: Settings | None = None,
) -> AddResult:
    """Validate a file, place it in the documents folder without clobbering a namesake, index it."""
    s = settings or load_settings()
    doc_id = safe_name(name)
    suffix = Path(doc_id).suffix
    if suffix not in SUPPORTED:
        kinds = ", ".join(supported_types())
        return AddResult("rejected", doc_id, Note.of("unsupported_text", name=doc_id, exts=kinds))
    limit = int(s.max_upload_mb * 1024 * 1024)
    if len(data) > limit:
        return AddResult("rejected", doc_id, Note.of("too_big_text", name=doc_id, mb=s.max_upload_mb))
    if not data:
        return AddResult("rejected", doc_id, _cannot_add(doc_id, Note.of("collection_empty_file")))
    folder = s.documents_dir
    if not folder.is_dir():
        return AddResult("rejected", doc_id, _cannot_add(doc_id, _missing_folder(s)))
    digest = hashlib.sha256(data).hexdigest()
    target = folder / doc_id
    with _changing:
        old = target.read_bytes() if target.is_file() else None
        if old is not None and hashlib.sha256(old).hexdigest() == digest:
            return AddResult("unchanged", doc_id, Note.of("collection_already", name=doc_id))
        known = _indexed_copy(s, digest)
        if known is not None:
            return AddResult("unchanged", known, Note.of("collection_already", name=known))
        if target.exists() and old is None:
            return AddResult("rejected", doc_id, _cannot_add(doc_id, Note.of("collection_folder_in_way")))
        if old is not None and not replace:
            return AddResult("conflict", doc_id, Note.of("collection_conflict", name=doc_id))
        # Staged inside the folder under a hidden name (the build ignores dot-files) so the move
        # into place is one atomic rename: a concurrent build never reads half a file.
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".upload-", suffix=suffix, delete=False) as tmp:
            tmp.write(data)
        staged = Path(tmp.name)
        try:
            read_document(SourceFile(doc_id, staged, digest))
        except ReadError as exc:
            # The person is told the reason in their language; a parser's own words go to the log.
            log.info("%s refused: %s", doc_id, exc)
            staged.unlink(missing_ok=True)
            note = Note.of("collection_unreadable", name=doc_id, reason=reason_of(exc))
            return AddResult("rejected", doc_id, note)
        except Exception:
            log.exception("reading %s failed", doc_id)
            staged.unlink(missing_ok=True)
            return AddResult("rejected", doc_id, Note.of("collection_damaged", name=doc_id))
        os.replace(staged, target)

        def undo() -> None:
            if old is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(old)

        try:
            summary = _index(s, allow_shrink)
        except CollectionShrank as exc:
            undo()
            note = Note.of("collection_not_added", name=doc_id, reason=shrink_note(exc))
            return AddResult("rejected", doc_id, note, shrank=True)
        except Exception:
            log.exception("indexing after adding %s failed", doc_id)
            undo()
            note = Note.of("collection_not_added", name=doc_id, reason=Note.of("collection_add_failed"))
            return AddResult("rejected", doc_id, note)
        reasons = {skipped.id: skipped.reason for skipped in summary.skipped}
        if doc_id in reasons:
            undo()  # a file skipped now would be skipped on every build: don't keep it
            note = Note.of("collection_unreadable", name=doc_id, reason=reasons[doc_id])
            return AddResult("rejected", doc_id, note, summary)
    if old is None:
        return AddResult("added", doc_id, Note.of("collection_added", name=doc_id), summary)
    return AddResult("replaced", doc_id, Note.of("collection_replaced", name=doc_id), summary)


def find_documents(name: str, *, settings: Settings | None = None) -> list[str]:
    """Ids of documents in the folder matching `name`: the exact id, else the file name, any case."""
    s = settings or load_settings()
    if not s.documents_dir.is_dir():
        return []
    files, _ = find_sources(s.documents_dir)
    ids = [f.id for f in files]
    wanted = name.strip().strip("/")
    if wanted in ids:
        return [wanted]
    lowered = wanted.lower()
    return [i for i in ids if i.lower() == lowered or i.rsplit("/", 1)[-1].lower() == lowered]


def remove_document(
    doc_id: str, *, allow_shrink: bool = False, settings: Settings | None = None
) -> RemoveResult:
    """Delete one document from the folder and reindex; the file is put back if the build fails."""
    s = settings or load_settings()
    folder = s.documents_dir
    if not folder.is_dir():
        note = Note.of("collection_cannot_remove", name=doc_id, reason=_missing_folder(s))
        return RemoveResult("rejected", doc_id, note)
    path = folder / doc_id
    inside = path.resolve().is_relative_to(folder.resolve()) and not Path(doc_id).is_absolute()
    if not inside or not path.is_file():
        return RemoveResult("not_found", doc_id, Note.of("collection_not_found", name=doc_id))
    with _changing:
        data = path.read_bytes()
        path.unlink()
        try:
            try:
                summary = _index(s, allow_shrink)
            except CollectionShrank as exc:
                # Removing the one document asked for is what was meant, even from a small collection.
                if tuple(exc.removed) != (doc_id,):
                    raise
                summary = _index(s, True)
        except CollectionShrank as exc:
            path.write_bytes(data)
            note = Note.of("collection_not_removed", name=doc_id, reason=shrink_note(exc))
            return RemoveResult("rejected", doc_id, note, shrank=True)
        except Exception:
            log.exception("indexing after removing %s failed", doc_id)
            path.write_bytes(data)
            note = Note.of("collection_not_removed", name=doc_id, reason=Note.of("collection_remove_failed"))
            return RemoveResult("rejected", doc_id, note)
    return RemoveResult("removed", doc_id, Note.of("collection_removed", name=doc_id), summary)
