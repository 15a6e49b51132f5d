"""Citation links that open at the quoted words: a text fragment for a web page, the page of a PDF."""

from __future__ import annotations

import re
from urllib.parse import quote as _percent

# Words kept at each end of a long quote: enough to be unique on a page, short enough to survive
# the page's own whitespace and punctuation differing from ours in the middle.
EDGE_WORDS = 5
LONG_QUOTE_WORDS = 2 * EDGE_WORDS + 2


def encode_fragment_text(text: str) -> str:
    """Percent-encode one text-directive term: everything but unreserved characters, and '-' too
    (the WICG text fragments spec gives '-', ',' and '&' meaning inside the directive)."""
    return _percent(text, safe="").replace("-", "%2D")


def text_directive(quote: str) -> str:
    """`text=start[,end]` for a quote; long or multi-line quotes become a textStart,textEnd range."""
    lines = [" ".join(line.split()) for line in quote.strip().splitlines() if line.strip()]
    words = " ".join(lines).split()
    if not words:
        return ""
    # A term cannot cross a block boundary in the browser's match, so a quote spanning lines is a range.
    if len(lines) > 1 or len(words) > LONG_QUOTE_WORDS:
        first, last = lines[0].split(), lines[-1].split()
        if len(lines) == 1:
            first, last = words[:EDGE_WORDS], words[-EDGE_WORDS:]
        start, end = first[:EDGE_WORDS], last[-EDGE_WORDS:]
        return f"text={encode_fragment_text(' '.join(start))},{encode_fragment_text(' '.join(end))}"
    return f"text={encode_fragment_text(' '.join(words))}"


def is_pdf(source: str) -> bool:
    """True for a source naming a PDF file (a path or a URL, query and fragment aside)."""
    return re.split(r"[?#]", source, maxsplit=1)[0].lower().endswith(".pdf")


def citation_link(source: str, quote: str, page: int | None = None) -> str:
    """A link to `source` that opens at `quote`: `#page=N` for a page of a PDF, a `#:~:text=` fragment
    for a web page, else `source` as it is (a file name, a PDF without a page)."""
    source = source.strip()
    if not source:
        return ""
    base, _, fragment = source.partition("#")
    if page is not None:  # only PDFs have pages, whatever the source's name says
        return f"{base}#page={int(page)}"
    if not re.match(r"https?://", source, re.I) or is_pdf(source):
        return source
    directive = text_directive(quote)
    if not directive:
        return source
    fragment = fragment.split(":~:", 1)[0]  # an old directive is replaced, a page's own anchor kept
    return f"{base}#{fragment}:~:{directive}"
