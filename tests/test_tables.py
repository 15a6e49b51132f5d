"""Table rows read with their header line."""

from __future__ import annotations

from retriever.tables import cells, header_of, paired

WORD = (
    "Results by year\n"
    "Year | Participating outlets | Bottles returned\n"
    "2022 | 96 | 180,250\n"
    "2023 | 131 | 311,400\n"
    "Return rates have risen since."
)
MARKDOWN = "| Year | Outlets | Bottles |\n|---|---|---|\n| 2022 | 96 | 180,250 |\n| 2023 | 131 | 311,400 |"


def _span(text: str, line: str) -> tuple[int, int]:
    start = text.index(line)
    return start, start + len(line)


def test_a_row_finds_the_header_line_of_its_table() -> None:
    header = _span(WORD, "Year | Participating outlets | Bottles returned")
    assert header_of(WORD, *_span(WORD, "2023 | 131 | 311,400")) == header
    assert header_of(WORD, *_span(WORD, "2022 | 96 | 180,250")) == header
    assert header_of(WORD, *header) is None  # the header is no row of its own table
    assert header_of(WORD, *_span(WORD, "Return rates have risen since.")) is None


def test_a_markdown_tables_separator_line_is_passed_over() -> None:
    assert header_of(MARKDOWN, *_span(MARKDOWN, "| 2023 | 131 | 311,400 |")) == _span(
        MARKDOWN, "| Year | Outlets | Bottles |"
    )


def test_a_two_column_table_labels_its_own_values() -> None:
    text = "Key facts\nWhen | 1 July 2024\nVenue | Hotel Borobudur Jakarta"
    assert header_of(text, *_span(text, "Venue | Hotel Borobudur Jakarta")) is None


def test_a_row_reads_each_value_after_its_columns_name() -> None:
    assert cells("plain prose, no table") == []
    assert paired("Year | Bottles returned", "2023 | 311,400") == "Year 2023; Bottles returned 311,400"
