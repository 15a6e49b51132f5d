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
from retriever.render import answer_body, neutral, render_text, title_and_date

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


def test_a_title_ending_with_its_date_shows_the_date_once() -> None:
    title = "Philippines: Quezon City Ordinance No. 2876 banning single-use plastics (2019)"
    assert title_and_date(title, "2019-12-01") == (title.removesuffix(" (2019)"), "2019-12-01")
    assert title_and_date("Busan workshop (October 2019)", "2019-10") == ("Busan workshop", "2019-10")
    assert title_and_date("Ottawa session (April 2024)", "2024-04-29") == ("Ottawa session", "2024-04-29")
    # The title is the more precise one, or says more than the date: it stays and the date goes.
    assert title_and_date("Busan workshop (October 2019)", "2019") == ("Busan workshop (October 2019)", "")
    assert title_and_date("Ban (from 1 December 2020)", "2020-12-01") == ("Ban (from 1 December 2020)", "")
    # Dates that disagree, words that would be lost, a title without a date: both stay.
    for kept in (
        ("Act (2019)", "2021-03"),
        ("Act (June 2019)", "2019-07-01"),
        ("Draft act (consultation, 2024)", "2024-03"),
        ("Decree 05/2025", "2025"),
        ("Plan (2021-2025)", "2021-09-16"),
        ("Act (2019)", ""),
    ):
        assert title_and_date(*kept) == kept
    ordinance = dataclasses.replace(cite(1, "No plastic cutlery."), title=title, date="2019-12-01")
    ban = dataclasses.replace(cite(2, "No bags."), title="Ban (from 1 December 2020)", date="2020-12-01")
    lines = render_text(answer_of(ordinance, ban)).splitlines()
    assert lines[lines.index("Sources:") + 1 :] == [
        "[1] Philippines: Quezon City Ordinance No. 2876 banning single-use plastics (2019-12-01)",
        "[2] Ban (from 1 December 2020)",
    ]


def test_quotes_of_one_document_share_one_source_line_with_each_quotes_link() -> None:
    page = "https://example.org/news"
    quotes = ["Bags were banned in 2021.", "Straws followed in 2022.", "Cups are next."]
    same = [
        Citation(n, "news.md", "Town news", "Plastics", None, "2024-11", page, q, " ".join(quotes), 1.0)
        for n, q in zip((1, 2, 4), quotes, strict=True)
    ]
    other = cite(3, "Compost is sold to farms.", "compost.txt", title="Compost notes")
    pdf = [cite(5, "Fines are 500 dollars.", "https://example.org/law.pdf", 4, "Law")]
    pdf.append(dataclasses.replace(pdf[0], n=6, quote="Shops pay them."))
    pdf.append(dataclasses.replace(pdf[0], n=7, quote="Repeat fines double.", page=5))
    answer = answer_of(same[0], same[1], other, same[2], *pdf)
    text = render_text(answer)
    body, sources = text.split("\n\nSources:\n")
    assert body == answer.answer, "the numbers in the answer stay as they are"
    assert sources.splitlines() == [
        "[1][2][4] Town news — Plastics (2024-11)",
        *(f"    [{c.n}] {citation_link(page, c.quote)}" for c in same),
        "[3] Compost notes (2021)",
        "    compost.txt",
        "[5][6] Law — p. 4 (2021)",  # one page of a PDF: one link for both quotes
        "    https://example.org/law.pdf#page=4",
        "[7] Law — p. 5 (2021)",
        "    https://example.org/law.pdf#page=5",
    ]
    # Every number a reader meets in the answer is found in the sources, on its own link when it has one.
    for citation in answer.citations:
        assert f"[{citation.n}]" in sources
    assert len({citation_link(page, c.quote) for c in same}) == 3 and "#:~:text=" in sources
