"""Citation links open at the quote: text fragments for web pages (WICG encoding), pages for PDFs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from retriever.links import citation_link, encode_fragment_text, text_directive
from retriever.readers import read_path

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"


def terms(link: str) -> list[str]:
    """The decoded terms of a link's text directive."""
    directive = link.split(":~:text=", 1)[1]
    return [unquote(t) for t in directive.split(",")]


def test_short_quote_is_one_encoded_term() -> None:
    link = citation_link("https://example.org/news?id=7", "Bogor's ban, 3-4 Nov & more", None)
    assert link == "https://example.org/news?id=7#:~:text=Bogor%27s%20ban%2C%203%2D4%20Nov%20%26%20more"
    assert terms(link) == ["Bogor's ban, 3-4 Nov & more"]


def test_reserved_characters_are_encoded() -> None:
    # '-', ',' and '&' delimit parts of a text directive, so none may appear bare in a term.
    encoded = encode_fragment_text("a-b,c&d e#f%g")
    assert encoded == "a%2Db%2Cc%26d%20e%23f%25g"
    assert unquote(encoded) == "a-b,c&d e#f%g"


def test_long_quote_becomes_a_start_and_end_range() -> None:
    quote = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    link = citation_link("https://example.org/page", quote, None)
    assert terms(link) == ["one two three four five", "ten eleven twelve thirteen fourteen"]


def test_quote_over_several_lines_is_a_range_of_its_first_and_last_line() -> None:
    assert [
        unquote(t)
        for t in text_directive("First line here\n\n  last   line.").removeprefix("text=").split(",")
    ] == [
        "First line here",
        "last line.",
    ]


def test_existing_fragment_is_kept_and_an_old_directive_replaced() -> None:
    assert citation_link("https://example.org/p#section-2", "zero draft", None) == (
        "https://example.org/p#section-2:~:text=zero%20draft"
    )
    assert citation_link("https://example.org/p#:~:text=old", "new words", None) == (
        "https://example.org/p#:~:text=new%20words"
    )


def test_pdf_opens_at_its_page() -> None:
    assert (
        citation_link("https://example.org/report.pdf", "anything", 3)
        == "https://example.org/report.pdf#page=3"
    )
    assert citation_link("uploads/report.pdf#page=9", "anything", 2) == "uploads/report.pdf#page=2"
    assert (
        citation_link("https://example.org/report.pdf", "anything", None) == "https://example.org/report.pdf"
    )


def test_sources_that_are_no_web_page_are_left_as_they_are() -> None:
    assert citation_link("", "quote", None) == ""
    assert citation_link("factsheets/01.md", "quote", None) == "factsheets/01.md"
    assert citation_link("https://example.org/", "  ", None) == "https://example.org/"


def test_link_for_a_quote_of_the_seed_page() -> None:
    doc = read_path(DOCUMENTS / "sea-map-kep-epr-kuala-lumpur-2025.txt", DOCUMENTS)
    quote = next(line for line in doc.text.splitlines() if line.startswith("Kuala Lumpur, Malaysia, 18-19"))
    link = citation_link(doc.source, quote, None)
    assert link.startswith(
        "https://seamap-asean.org/?p=8627#:~:text=Kuala%20Lumpur%2C%20Malaysia%2C%2018%2D19"
    )
    start, end = terms(link)
    assert quote.startswith(start) and quote.endswith(end)
