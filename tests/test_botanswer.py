"""The bot's rendering of answers: quotes, their [n], Sources and passages, escaped and split safely."""

from __future__ import annotations

from fake_telegram import Entity, parse_html, utf16_len

from botanswer import answer_blocks, passage_blocks
from bothtml import pack
from botlists import docs_blocks
from retriever import Answer, Citation, citation_link

NASTY = 'Bags <b>must</b> cost 5 baht & "more" <script>alert(1)</script> &amp; 🌍 a<b'


def citation(n: int, quote: str = NASTY, source: str = "https://example.org/a?x=1&y=2") -> Citation:
    return Citation(
        n=n,
        doc_id=f"doc{n}.md",
        title=f"Title {n} <i>&</i>",
        section="Section & <1>",
        page=n,
        date="2024-05",
        source=source,
        quote=quote,
        passage=f"Before it. {quote} After it.",
        score=0.5,
    )


def test_every_message_of_a_long_answer_fits_and_parses() -> None:
    citations = tuple(citation(n, NASTY * 4) for n in range(1, 31))
    answer = Answer("q", "\n\n".join(f"{c.quote} [{c.n}]" for c in citations), False, citations)
    for blocks in (answer_blocks(answer), passage_blocks(answer)):
        messages = pack(blocks)
        assert len(messages) > 1
        visible = []
        for message in messages:
            assert len(message) <= 4096 and utf16_len(message) <= 4096
            text, _ = parse_html(message)  # raises if a split broke a tag or an entity
            visible.append(text)
        joined = "\n".join(visible)
        assert joined.count(NASTY) >= 30


def test_sources_list_and_passages_escape_document_text() -> None:
    answer = Answer("q", f"{NASTY} [1]", False, (citation(1), citation(2, source="file.pdf")))
    html_text = pack(answer_blocks(answer))[0]
    text, entities = parse_html(html_text)
    assert NASTY in text and "Sources" in text and "[2] Title 2 <i>&</i>" in text
    # The link opens the source where the quote is: this citation has a page, so at that page.
    [url] = [e.url for e in entities if e.type == "text_link"]
    assert url == "https://example.org/a?x=1&y=2#page=1"
    passages, passage_entities = parse_html(pack(passage_blocks(answer))[0])
    assert f"Before it. {NASTY} After it." in passages
    assert any(e.type == "blockquote" for e in passage_entities)


def test_quotes_are_marked_and_their_bracketed_numbers_neutralised() -> None:
    quote = "A levy of 30 cents [1] applies, see [2, 3] and [sic]."
    answer = Answer(
        "q", f"{quote} [1] Second part. [2]", False, (citation(1, quote), citation(2, "Second part."))
    )
    text, _ = parse_html(pack(answer_blocks(answer))[0])
    assert "“A levy of 30 cents (1) applies, see (2, 3) and [sic].” [1] “Second part.” [2]" in text
    assert text.count("[1]") == 2 and text.count("[2]") == 2  # in the answer and in the Sources list
    refusal = Answer("q", "The documents I have don't answer this [1].", True)
    assert "answer this [1]." in parse_html(pack(answer_blocks(refusal))[0])[0], "not a quote"


def same_document(n: int, quote: str, passage: str = "") -> Citation:
    """A citation of one web page's section, as the library gives for each sentence quoted from it."""
    return Citation(
        n, "ordinance.md", "Ordinance <No.> 2876 & more (2019)", "Section 3", None, "2019-12-01",
        "https://example.org/qc#top", quote, passage or f"Before it. {quote} After it.", 0.5,
    )  # fmt: skip


def linked(text: str, entities: list[Entity]) -> dict[str, str]:
    """Visible text of each link -> its URL (offsets are UTF-16 units, as Telegram counts)."""
    units = text.encode("utf-16-le")
    return {
        units[2 * e.offset : 2 * (e.offset + e.length)].decode("utf-16-le"): e.url or ""
        for e in entities
        if e.type == "text_link"
    }


def test_quotes_of_one_document_share_a_source_line_and_keep_their_own_links() -> None:
    quotes = ["Hotels may not use plastic cutlery.", "Sachets are banned & <gone>.", "Fines apply."]
    cited = [same_document(n, q) for n, q in zip((1, 2, 4), quotes, strict=True)]
    other = citation(3, "A levy of 30 cents applies.", "https://example.org/levy")
    answer = Answer("q", " ".join(f"{c.quote} [{c.n}]" for c in (*cited[:2], other, cited[2])), False,
                    (cited[0], cited[1], other, cited[2]))  # fmt: skip
    [message] = pack(answer_blocks(answer, {"ordinance.md": "Philippines · regulation"}))
    text, entities = parse_html(message)
    sources = text.split("\nSources\n")[1]
    assert sources.splitlines() == [
        "[1][2][4] Ordinance <No.> 2876 & more — Section 3, 2019-12-01 · Philippines · regulation",
        "↳ [1] · [2] · [4]",
        "[3] Title 3 <i>&</i> — Section & <1>, p. 3, 2024-05",
    ]
    links = linked(text, entities)
    # The title opens the page itself, each number opens at its own quote.
    assert links["Ordinance <No.> 2876 & more"] == "https://example.org/qc#top"
    for c in cited:
        assert links[f"[{c.n}]"] == citation_link(c.source, c.quote, c.page)
    assert len({links[f"[{c.n}]"] for c in cited}) == 3
    assert "“Sachets are banned & <gone>.” [2]" in text, "the answer's numbers stay as they are"


def test_a_title_ending_with_its_date_shows_the_date_once_in_the_bot() -> None:
    single = same_document(1, "Hotels may not use plastic cutlery.")
    answer = Answer("q", f"{single.quote} [1]", False, (single,))
    for blocks in (answer_blocks(answer), passage_blocks(answer)):
        text, entities = parse_html(pack(blocks)[0])
        assert "[1] Ordinance <No.> 2876 & more — Section 3, 2019-12-01" in text and "(2019)" not in text
        # One quote: the title itself opens at it, and no line of numbered links follows.
        assert linked(text, entities) == {
            "Ordinance <No.> 2876 & more": citation_link(single.source, single.quote)
        }
        assert "↳" not in text
    # /docs lists each document the same way.
    documents = {
        "o.md": {"title": single.title, "date": single.date},
        "b.md": {"title": "Bag ban (from 1 December 2020)", "date": "2020-12-01"},
        "n.md": {"title": "Notes (2019)"},
    }
    listing = parse_html(pack(docs_blocks({"version": "v1", "documents": documents}))[0])[0]
    assert listing.splitlines()[1:] == [
        "• Bag ban (from 1 December 2020)",
        "• Ordinance <No.> 2876 & more (2019-12-01)",
        "• Notes (2019) (undated)",
    ]
    assert listing.splitlines()[0] == "3 documents in the collection (index v1)"
    one = parse_html(pack(docs_blocks({"version": "v1", "documents": {"b.md": documents["b.md"]}}))[0])[0]
    assert one.splitlines()[0] == "1 document in the collection (index v1)"  # a list filtered to one


def test_a_passage_quoted_twice_is_shown_once_with_each_quote_numbered() -> None:
    passage = "Intro [7]. Hotels may not use plastic cutlery. Sachets are banned & <gone>. The end."
    first = same_document(1, "Hotels may not use plastic cutlery.", passage)
    second = same_document(2, "Sachets are banned & <gone>.", passage)
    third = same_document(3, "Fines apply.", "Elsewhere. Fines apply.")
    answer = Answer("q", "… [1] … [2] … [3]", False, (first, second, third))
    html_text = pack(passage_blocks(answer))[0]
    text, entities = parse_html(html_text)
    assert text.count("[1][2][3] Ordinance") == 1 and text.count("Intro (7).") == 1
    # Each quote in bold with our number after it; the document's own "[7]" reads "(7)".
    assert (
        "Intro (7). Hotels may not use plastic cutlery. [1] Sachets are banned & <gone>. [2] The end." in text
    )
    assert "Elsewhere. Fines apply. [3]" in text
    bold = {text[e.offset : e.offset + e.length] for e in entities if e.type == "bold"}  # no emoji here
    assert {first.quote, second.quote, third.quote} <= bold
    assert all(linked(text, entities)[f"[{n}]"] for n in (1, 2, 3))


def test_many_quotes_of_one_document_split_safely_and_keep_every_link() -> None:
    cited = tuple(same_document(n, f"{n} {NASTY * 4}", f"{n} {NASTY * 4} end {n}.") for n in range(1, 41))
    answer = Answer("q", " ".join(f"{c.quote} [{c.n}]" for c in cited), False, cited)
    for blocks in (answer_blocks(answer), passage_blocks(answer)):
        messages = pack(blocks)
        links: dict[str, str] = {}
        for message in messages:
            assert len(message) <= 4096 and utf16_len(message) <= 4096
            links |= linked(*parse_html(message))  # raises if a split broke a tag or an entity
        for c in cited:
            assert links[f"[{c.n}]"] == citation_link(c.source, c.quote, c.page), c.n
    shown = "\n".join(parse_html(message)[0] for message in pack(answer_blocks(answer)))
    assert shown.count("[1][2][3][4]") == 1 and shown.count(" · [40]") == 1
