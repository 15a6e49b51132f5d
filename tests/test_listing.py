"""Requests for the collection itself (retriever/listing.py): which messages ask for the documents or
events list, and the documents such a request keeps by its own filter, on the real small index."""

from __future__ import annotations

import pytest

import retriever
from retriever import Settings
from retriever.listing import listing_asked, narrowed


@pytest.mark.parametrize(
    ("message", "listing"),
    [
        ("list all documents about Indonesia", "documents"),
        ("what documents do you have on Thailand?", "documents"),
        ("show me the docs", "documents"),
        ("Senaraikan dokumen tentang Malaysia", "documents"),
        ("Có những tài liệu nào về Việt Nam?", "documents"),
        ("有哪些文件？", "documents"),
        ("list events", "events"),
        ("any upcoming meetings in Bangkok?", "events"),
        ("มีกิจกรรมอะไรบ้าง", "events"),
        ("어떤 행사가 있나요?", "events"),
        # Questions about documents or events are searched as any other question.
        ("What documents does Singapore's MPR scheme require producers to submit?", ""),
        ("What events did the KEP include?", ""),
        ("Who organised the events in Bangkok?", ""),
        ("What is EPR?", ""),
        ("Please list the documents the Philippine EPR Act requires obliged enterprises to file", ""),
    ],
)
def test_a_request_for_the_list_is_told_from_a_question(message: str, listing: str) -> None:
    assert listing_asked(message) == listing


def test_a_listing_request_keeps_the_documents_of_its_own_filter(small_settings: Settings) -> None:
    documents = retriever.status(settings=small_settings)["documents"]
    kept, stated = narrowed("list the documents about Hainan", documents)
    assert list(kept) == ["factsheets/29_cn-hainan-plastic-ban-2020.md"] and stated.places
    everything, none = narrowed("list the documents", documents)
    assert everything == documents and none.empty()
