"""Sources that disagree: two documents giving different dates or figures for the same named thing."""

from __future__ import annotations

from shipped import ROOT

from retriever import Citation, Document, Passage
from retriever.chunking import chunk_document
from retriever.disagreement import disagreements
from retriever.readers import read_document
from retriever.sources import find_sources


def _passages(doc_id: str, title: str, date: str, text: str) -> list[Passage]:
    doc = Document(id=doc_id, text=text, title=title, date=date)
    return [
        Passage(
            c.id,
            c.doc_id,
            c.text,
            title,
            c.section,
            c.page,
            date,
            "",
            "",
            c.start,
            c.end,
            1.0,
            sentences=c.sentences,
        )
        for c in chunk_document(doc)
    ]


HAINAN_A = (
    "Hainan Province's ban on non-degradable plastic bags took effect on 1 December 2020, officials said."
)
HAINAN_B = "The Hainan ban on non-degradable plastic bags took effect on 1 January 2021 across the province."
TH_A = "Thailand set a target to recycle 100% of its plastic waste by 2027 under the roadmap."
TH_B = "Under the roadmap Thailand aims to recycle 50% of its plastic waste by 2027."


def test_two_sources_giving_different_dates_and_figures_are_paired() -> None:
    a = _passages("a.md", "Hainan ban (news)", "2020-12-02", f"Hainan news\n\n{HAINAN_A} {TH_A}")
    b = _passages("b.md", "Hainan ban (report)", "2021-02-10", f"Hainan report\n\n{HAINAN_B} {TH_B}")
    found = {d.kind: d for d in disagreements(a + b)}
    assert set(found) == {"date:in_force", "figure:%"}
    dates = found["date:in_force"]
    assert "hainan" in dates.subject and "ban" in dates.subject
    assert [(s.doc_id, s.date, s.value) for s in dates.sides] == [
        ("a.md", "2020-12-02", "1 December 2020"),
        ("b.md", "2021-02-10", "1 January 2021"),
    ]
    assert [s.sentence for s in dates.sides] == [HAINAN_A, HAINAN_B]  # verbatim
    assert [s.value for s in found["figure:%"].sides] == ["100%", "50%"]
    # Citations work as passages do: their quotes are read.
    cites = [
        Citation(n, p.doc_id, p.title, "", None, p.date, "", quote, p.text, 1.0)
        for n, (p, quote) in enumerate(((a[0], HAINAN_A), (b[0], HAINAN_B)), start=1)
    ]
    assert [d.kind for d in disagreements(cites)] == ["date:in_force"]


def test_agreeing_or_unrelated_sources_are_not_paired() -> None:
    same = HAINAN_B.replace("1 January 2021", "1 December 2020")
    coarser = HAINAN_B.replace("1 January 2021", "December 2020")
    other = "Japan's charge on plastic shopping bags took effect on 1 July 2020."
    a = _passages("a.md", "Hainan", "2020-12-02", HAINAN_A)
    for text in (same, coarser, other):
        assert disagreements(a + _passages("b.md", "Other", "2021", text)) == []
    # Two sentences of one document are never a disagreement.
    assert disagreements(_passages("a.md", "Hainan", "2020", f"{HAINAN_A} {HAINAN_B}")) == []


def test_whole_collection_has_no_false_disagreement() -> None:
    files, _ = find_sources(ROOT / "documents")
    found = []
    for f in files:
        doc = read_document(f)
        found += _passages(doc.id, doc.title, doc.date, doc.text)
    assert disagreements(found) == []
