"""Plain-text answers: citation links that open at the quoted words, and a document's own "[n]" marks
inside quotes shown as "(n)" so they cannot pass for our numbered sources."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from urllib.parse import unquote

import retriever
from retriever import Answer, Citation, Settings
from retriever.links import citation_link
from retriever.render import answer_body, neutral, render_text

OUR_MARK = re.compile(r"\[\d+\]")


def cite(n: int, quote: str, source: str = "", page: int | None = None, title: str = "T") -> Citation:
    return Citation(n, f"d{n}.md", title, "", page, "2021", source, quote, quote, 1.0)


def answer_of(*citations: Citation, glue: str = " ") -> Answer:
    text = glue.join(f"{c.quote} [{c.n}]" for c in citations)
    return Answer("q", text, False, citations)


def test_markers_inside_quotes_become_parentheses_and_ours_stay() -> None:
    first = cite(1, "Bags were banned in 2021 [1], with fines [2, 3] and levies [4–6].")
    second = cite(2, "Straws [12] followed.")
    body = answer_body(answer_of(first, second))
    assert body == (
        "Bags were banned in 2021 (1), with fines (2, 3) and levies (4–6). [1] Straws (12) followed. [2]"
    )
    assert OUR_MARK.findall(body) == ["[1]", "[2]"]  # only our numbering is bracketed
    # Brackets that are not footnote numbers are the document's words and stay.
    assert neutral("the [sic] text [a] of Article [2]") == "the [sic] text [a] of Article (2)"


def test_text_outside_quotes_is_left_as_it_is() -> None:
    refusal = Answer("q", "I found nothing on [1] in the documents.", True, ())
    assert render_text(refusal) == refusal.answer
    # A quote that is not where the answer should have it is not touched, nor anything after it.
    odd = Answer("q", "Intro [3]. Other words [1]", False, (cite(1, "missing [2] quote"),))
    assert answer_body(odd) == odd.answer


def test_each_source_links_to_its_quoted_words() -> None:
    web = cite(1, "The town banned bags [1] on 3 March 2021.", "https://example.org/news#top")
    pdf = cite(2, "Fines are 500 dollars.", "https://example.org/law.pdf", page=4)
    local = cite(3, "Compost is sold to farms.", "compost.txt", title="Compost [7] notes")
    lines = render_text(answer_of(web, pdf, local)).splitlines()
    sources = lines[lines.index("Sources:") + 1 :]
    assert sources == [
        "[1] T (2021)",
        f"    {citation_link(web.source, web.quote)}",
        "[2] T — p. 4 (2021)",
        "    https://example.org/law.pdf#page=4",
        "[3] Compost (7) notes (2021)",
        "    compost.txt",
    ]
    # The fragment holds the quote as the page writes it, "[1]" included, and keeps the page's anchor.
    link = sources[1].strip()
    assert link.startswith("https://example.org/news#top:~:text=")
    assert unquote(link.split(":~:text=")[1]) == web.quote


def test_a_real_answer_renders_with_a_fragment_link(base_settings: Settings, tmp_path: Path) -> None:
    docs = tmp_path / "documents"
    docs.mkdir()
    (docs / "bags.md").write_text(
        "---\ntitle: Lakeside bag ban\nsource: https://example.org/lakeside\n---\n"
        "# Lakeside bag ban\n\nThe town of Lakeside banned plastic carrier bags [1] on 3 March 2021. "
        "Shops that break the rule pay a fine of 500 dollars.\n",
        encoding="utf-8",
    )
    settings = base_settings.with_(documents_dir=docs, index_dir=tmp_path / "index", threads=1)
    retriever.index_documents(settings=settings)
    answer = retriever.ask("When did Lakeside ban plastic carrier bags?", settings=settings)
    assert not answer.refused and "[1] on 3 March 2021" in answer.citations[0].quote
    text = retriever.render_text(answer)
    assert "carrier bags (1) on 3 March 2021" in text
    assert OUR_MARK.findall(text.split("\nSources:")[0]) == [f"[{c.n}]" for c in answer.citations]
    link = citation_link("https://example.org/lakeside", answer.citations[0].quote)
    assert f"\n    {link}" in text and "#:~:text=" in link


def test_the_sources_heading_is_in_the_answers_language() -> None:
    citation = cite(1, "The town banned bags on 3 March 2021.", "https://example.org/news")
    thai = dataclasses.replace(answer_of(citation), lang="th")
    assert "\nแหล่งอ้างอิง:\n[1] T (2021)" in render_text(thai)
    assert "\nSources:\n" in render_text(answer_of(citation))
    for lang, label in (("km", "ប្រភព៖"), ("lo", "ແຫຼ່ງອ້າງອີງ:"), ("my", "ရင်းမြစ်များ:")):
        rendered = render_text(dataclasses.replace(answer_of(citation), lang=lang))
        assert f"\n{label}\n[1] T (2021)" in rendered, lang
