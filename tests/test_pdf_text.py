"""A PDF's printed lines read as paragraphs: wrapped lines joined, headings marked, running lines gone."""

from __future__ import annotations

from retriever.pdf_text import reflow, running_lines
from retriever.sentences import split_sentences

WIDE = "X" * 90  # a full-width line sets the page's width


def test_a_sentence_wrapped_before_a_capital_stays_one_sentence() -> None:
    page = (
        "The fifth Our Ocean Conference was held on 29 and 30 October 2018 at the Bali International\n"
        "Convention Centre in Nusa Dua, Bali. It was the first time the conference met in Asia."
    )
    text = reflow(page)
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences[0] == (
        "The fifth Our Ocean Conference was held on 29 and 30 October 2018 at the Bali International "
        "Convention Centre in Nusa Dua, Bali."
    )


def test_short_title_lines_become_headings_and_end_paragraphs() -> None:
    page = "\n".join(
        [
            "Participants",
            "The organisers reported more than 2,000 participants from over 100 countries, among them",
            "heads of state and government.",
            "3. Targets",
            "The plan sets the following numeric targets for the whole country and for every island council.",
        ]
    )
    assert reflow(page).split("\n\n") == [
        "## Participants",
        "The organisers reported more than 2,000 participants from over 100 countries, among them "
        "heads of state and government.",
        "## 3. Targets",
        "The plan sets the following numeric targets for the whole country and for every island council.",
    ]


def test_a_dateline_a_list_and_a_wrapped_title_are_not_headings() -> None:
    page = "\n".join(
        [
            "Our Ocean Conference 2018, Bali: highlights and",
            "commitments",
            "Nusa Dua, Bali, Indonesia, 29-30 October 2018",
            WIDE,
            "1. Plastic straws",
            "2. Plastic cups",
        ]
    )
    paragraphs = reflow(page).split("\n\n")
    assert paragraphs[:2] == [
        "Our Ocean Conference 2018, Bali: highlights and commitments",
        "Nusa Dua, Bali, Indonesia, 29-30 October 2018",
    ]
    assert paragraphs[-2:] == ["1. Plastic straws", "2. Plastic cups"]
    assert not any(p.startswith("#") for p in paragraphs)


def test_a_heading_after_a_full_line_that_ends_a_sentence_starts_a_section() -> None:
    page = "\n".join(
        [
            "and national plans to cut single-use plastics in every coastal city and island of the region.",
            "Plastics in the host country",
            "Indonesian ministers used the conference to present national action on marine plastic debris.",
        ]
    )
    assert "## Plastics in the host country" in reflow(page).split("\n\n")


def test_hyphenated_and_chinese_lines_join_without_a_space() -> None:
    assert reflow(f"{WIDE}\nthe single-\nuse items") == f"{WIDE} the single-use items"
    assert reflow("塑料污染治理行动方案要求各地在二零二五年前\n基本建立塑料制品管理制度。") == (
        "塑料污染治理行动方案要求各地在二零二五年前基本建立塑料制品管理制度。"
    )


def test_headers_footers_and_page_numbers_repeated_on_most_pages_are_dropped() -> None:
    header = "Ministry of Environment, Climate Change and Technology - SUP Phase-Out Plan 2020-2023"
    pages = [
        f"{header}\nThe ministry will publish list {word} of approved alternatives such as paper straws.\n"
        f"{word} text goes on.\n{header} - page {n}"
        for n, word in enumerate("ABC", 1)
    ]
    running = running_lines(pages)
    text = reflow(pages[1], running)
    assert "Ministry of Environment" not in text and "page 2" not in text
    assert "list B of approved alternatives" in text and "B text goes on." in text
    assert running_lines(pages[:1]) == set()  # one page: nothing repeats


def test_a_sentence_repeated_in_form_is_not_a_running_header() -> None:
    """Only numbers near a line's ends are page numbers: a sentence's own figures keep pages apart."""
    pages = [
        f"The refund paid for each of the {n}00 returned containers rose in the district that year."
        for n in (1, 2)
    ]
    assert running_lines(pages) == set()


def test_a_tables_rows_stay_text_and_are_not_headings() -> None:
    """Short capitalised lines in a run are a table's rows: as headings their facts could not be quoted."""
    page = "\n".join(
        [
            "Fiji bans single-use plastic bags from 1 January 2020, completing a policy begun with a levy.",
            "Key facts",
            "Levy introduced 10 cents per bag",
            "Ban in force 1 January 2020",
            "Next steps",
            "The government has also announced that polystyrene food containers will be phased out in 2021.",
        ]
    )
    paragraphs = reflow(page).split("\n\n")
    assert "Levy introduced 10 cents per bag" in paragraphs and "Ban in force 1 January 2020" in paragraphs
    assert not any(p.startswith("#") for p in paragraphs)
    assert paragraphs[0].endswith("with a levy.")  # "Key facts" starts its own paragraph
