"""The bot's rendering of answers: quotes, their [n], Sources and passages, escaped and split safely."""

from __future__ import annotations

from fake_telegram import parse_html, utf16_len

from botanswer import answer_blocks, passage_blocks
from bothtml import pack
from retriever import Answer, Citation

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
