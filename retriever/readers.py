"""Documents -> Document records: .txt .md .html .pdf .docx read into text, front matter and page offsets."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import itertools
import re
from pathlib import Path
from typing import Any, TypeAlias

import yaml

from . import html_text, pdf_text
from .dates import find_dates, stated_date
from .sentences import strip_decoration
from .sources import SUPPORTED, SourceFile, unsupported
from .texts import Reason
from .types import Document

_FIELDS = ("title", "source", "publisher", "date", "language")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)
_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.M)
TITLE_CHARS = 120
Read: TypeAlias = tuple[str, dict[str, Any], tuple[tuple[int, int], ...]]  # text, metadata, pages


class ReadError(ValueError):
    """A file that cannot be read; raised with a `Reason`, a message an administrator can act on."""


def read_path(path: Path, root: Path) -> Document:
    """Read one file given its path and the documents folder its id is relative to."""
    path = Path(path)  # read_document hashes the bytes it reads, so no digest is needed here
    return read_document(SourceFile(path.relative_to(root).as_posix(), path, sha256=""))


def read_document(source: SourceFile) -> Document:
    """The file's text and metadata; raises ReadError with a reason when it cannot be used."""
    suffix = source.path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ReadError(unsupported(suffix))
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        raise ReadError(Reason(f"cannot read the file: {exc.strerror or exc}", "reason_cannot_read")) from exc
    if not data:
        raise ReadError(Reason("empty file", "reason_empty"))
    text, meta, pages = _READERS.get(suffix, _read_text)(data)
    if not text.strip():
        raise ReadError(Reason("no text (the file holds only whitespace or front matter)", "reason_no_text"))
    fields = {k: _as_str(meta.pop(k, "")) for k in _FIELDS}
    fields["date"] = _date(fields["date"], text, made=suffix in (".pdf", ".docx"))
    fields["title"] = strip_decoration(fields["title"]) or _fallback_title(text, source.path)
    return Document(
        id=source.id,
        text=text,
        meta={k: v for k, v in ((k, _as_str(v)) for k, v in meta.items()) if v},
        pages=pages,
        sha256=hashlib.sha256(data).hexdigest(),
        **fields,
    )


# python-docx's default template carries this creation date into every file made from it.
_PYTHON_DOCX_STAMP = "2013-12-23"


def _date(given: str, text: str, *, made: bool) -> str:
    """The document's date: as its metadata gives it, else as its header or dateline states it.

    A PDF's or Word file's date is when the file was made, which a text stating its own issue date
    overrides unless the text names that month too ("Port Vila, February 2020").
    """
    if given and not made:
        return given
    stated = stated_date(text)
    if not given or given.startswith(_PYTHON_DOCX_STAMP):
        return stated
    if not stated or any(d.start.startswith(given[:7]) for d in find_dates(text)):
        return given
    return stated


def _read_text(data: bytes) -> Read:
    """A .txt or .md file: UTF-8 text with optional YAML front matter."""
    return (*_front_matter(_normalise(_decode_text(data))), ())


def _normalise(text: str) -> str:
    """Unix newlines, no NULs, no trailing spaces (lines of only NBSPs become blank lines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _as_str(value: Any) -> str:
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, list | tuple):
        return ", ".join(_as_str(v) for v in value)
    return "" if value is None else value.isoformat() if isinstance(value, dt.date) else str(value).strip()


def _decode_text(data: bytes) -> str:
    """UTF-8 text (a BOM is fine); anything else is refused with the likely reason."""
    if b"\x00" in data:
        nul = "binary data, not text (NUL bytes; if it is UTF-16 text, save it as UTF-8)"
        raise ReadError(Reason(nul, "reason_binary_nul"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(
            Reason("not valid UTF-8 text (binary or another encoding?)", "reason_not_utf8")
        ) from exc
    sample = text[:4096]
    if sum(not c.isprintable() and not c.isspace() for c in sample) > max(3, len(sample) // 20):
        raise ReadError(Reason("binary data, not text (mostly non-printable characters)", "reason_binary"))
    return text


def _front_matter(text: str) -> tuple[str, dict[str, Any]]:
    """Split off a YAML front matter block; one that is not a valid YAML mapping stays as text."""
    m = _FRONT_MATTER.match(text)
    try:
        data = (yaml.safe_load(m.group(1)) or {}) if m else None
    except yaml.YAMLError:
        data = None
    if m is None or not isinstance(data, dict):
        return text, {}
    return text[m.end() :], {str(k): v for k, v in data.items()}


def _fallback_title(text: str, path: Path) -> str:
    """First markdown heading, else first non-empty line, cut at a word boundary.

    A PDF's headings are guessed from their shape and its title line may not look like one ("1.
    Background" had become a levy's title): there the first line is the title, with the next one
    too when it ends in a colon ("2nd ASEAN Forum on ...:" / "Summary Report").
    """
    heading = _HEADING.search(text)
    if heading and path.suffix.lower() != ".pdf":
        title = strip_decoration(heading.group(1))
    else:
        lines = (strip_decoration(_HEADING.sub(r"\1", line)) for line in text.split("\n"))
        title, following = [*itertools.islice(filter(None, lines), 2), "", ""][:2]
        if title.endswith(":") and following and len(following) < 60:
            title = f"{title} {following}"
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:–- ") + "…"
    return title or path.stem


def _read_html(data: bytes) -> Read:
    """Text and metadata of an HTML page: <title>, <html lang> and a few <meta> tags."""
    markup = _decode_text(data)  # pages saved from a browser are UTF-8; older charsets are refused
    text, tags, title = html_text.page_text(_normalise(markup))
    # <meta name="date|publisher|source|language|author|description">; other names say little.
    meta: dict[str, Any] = {k: v for k, v in tags.items() if k in (*_FIELDS, "author", "description")}
    # News sites give the day a story was published under Open Graph's or Dublin Core's name instead.
    published = next((tags[k] for k in html_text.PUBLISHED if tags.get(k)), "")
    meta["date"] = meta.get("date") or published
    if re.match(r"\d{4}-\d\d-\d\dT", meta.get("date", "")):
        meta["date"] = meta["date"][:10]
    meta["title"] = title  # else the first heading, as for any format
    return text, meta, ()


def _read_pdf(data: bytes) -> Read:
    """Text of each page joined by blank lines, with (offset, page number) for every page."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            locked = "encrypted PDF: remove the password and add the file again"
            raise ReadError(Reason(locked, "reason_encrypted_pdf"))
        raw = [_normalise(page.extract_text() or "").strip() for page in reader.pages]
        running = pdf_text.running_lines(raw)
        texts = [pdf_text.reflow(text, running) for text in raw]
        info = reader.metadata
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise ReadError(Reason(f"corrupt or unreadable PDF: {exc}", "reason_corrupt_pdf")) from exc
    numbered = [(n, t) for n, t in enumerate(texts, start=1) if t]
    if not numbered:
        raise ReadError(Reason("PDF has no extractable text (scanned images?)", "reason_pdf_no_text"))
    # A sentence that runs on to the next page goes on in lower case: it stays one paragraph.
    joins = [" " if nxt[:1].islower() else "\n\n" for (_, nxt) in numbered[1:]] + [""]
    pieces = [t + j for (_, t), j in zip(numbered, joins, strict=True)]
    starts = itertools.accumulate((len(piece) for piece in pieces[:-1]), initial=0)
    pages = tuple(zip(starts, (n for n, _ in numbered), strict=True))
    title = ((info.title if info else "") or "").strip()
    # Word's PDF export puts the file name in the title, which says nothing.
    meta: dict[str, Any] = {"title": "" if re.search(r"\.(docx?|pdf)$|^Microsoft Word - ", title) else title}
    with contextlib.suppress(Exception):  # an unparsable date is no reason to refuse the text
        meta["date"] = info.creation_date.date() if info and info.creation_date else ""
    return "".join(pieces), meta, pages


def _read_docx(data: bytes) -> Read:
    """Paragraphs and table rows of a .docx; Heading/Title styles become markdown heading lines."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # not a zip, or a zip without a Word document inside
        raise ReadError(Reason(f"corrupt .docx: {exc}", "reason_corrupt_docx")) from exc
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):  # one line per row; merged cells repeat, so keep each once
            rows = (dict.fromkeys(filter(None, (c.text.strip() for c in r.cells))) for r in item.rows)
            blocks.append("\n".join(" | ".join(row) for row in rows if row))
            continue
        text = _normalise(item.text).strip()
        style = (item.style.name if item.style is not None else "") or ""
        level = re.fullmatch(r"Heading (\d)", style)
        if level or style == "Title":
            text = "#" * (int(level.group(1)) if level else 1) + " " + " ".join(text.split())
        elif style.startswith("List"):
            text = "- " + text
        blocks.append(text if text.strip("#- ") else "")
    props = document.core_properties
    meta = {"title": props.title, "language": props.language, "author": props.author}
    meta["date"] = props.created.date() if props.created else ""
    return "\n\n".join(b for b in blocks if b), meta, ()


_READERS = {".html": _read_html, ".htm": _read_html, ".pdf": _read_pdf, ".docx": _read_docx}
