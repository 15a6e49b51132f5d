"""Dates a text states: every mention, and the one a document gives itself."""

from __future__ import annotations

import pytest

from retriever.dates import find_dates, stated_date

BODY = "The city council approved the ordinance after two public hearings. " * 6


def test_find_dates_reads_days_months_and_ranges() -> None:
    found = find_dates("The course ran from 19 to 23 August 2024; the first batch ended in June 2023.")
    assert [(d.start, d.end) for d in found] == [("2024-08-19", "2024-08-23"), ("2023-06", "2023-06")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("# Ordinance No. 14\n\nInformation sheet | CENRO | Issued 28 June 2021\n\n" + BODY, "2021-06-28"),
        ("National Action Plan\n\n2024-2030\n\nUlaanbaatar, 18 September 2024\n\n" + BODY, "2024-09-18"),
        ("# Course ends\n\nRAYONG, 9 June 2023 – Officials got certificates. " + BODY, "2023-06-09"),
        ("# Dialogue\n\n**Jerudong, Brunei, 9 October 2024** - Ministers met. " + BODY, "2024-10-09"),
        ("SEMARANG, 6 Januari 2020 – Pemkot membatasi kantong plastik. " + BODY, "2020-01-06"),
    ],
)
def test_a_document_states_its_date_in_its_header_or_dateline(text: str, date: str) -> None:
    assert stated_date(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "# Action Plan 2024-2030\n\n" + BODY,  # a year in a title is no date
        "# Ban\n\nThe ban takes effect on 1 January 2022 in all markets. " + BODY,  # a date in a sentence
        "# Background\n\n" + BODY + "\n\nIssued 28 June 2021",  # below the body: not the header
        "# Note\n\nThe council met on 5 March 2024.\n\n" + BODY,  # a short sentence, not a header line
    ],
)
def test_a_date_told_in_the_body_is_not_the_documents(text: str) -> None:
    assert stated_date(text) == ""
