"""Chunking on the real corpus and on small documents made here."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from fpdf import FPDF

from retriever.chunking import chunk_document
from retriever.readers import read_document, read_path
from retriever.sentences import count_words
from retriever.sources import find_sources
from retriever.types import Chunk, Document

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"
ICLEI = "iclei-east-asia-city-campaigns.txt"
SEAMAP = "sea-map-kep-epr-kuala-lumpur-2025.txt"
FACTSHEET = "factsheets/01_asean-bangkok-declaration-marine-debris-2019.md"
SOURCES = {s.id: s for s in find_sources(DOCUMENTS)[0]}


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {doc_id: read_document(source) for doc_id, source in SOURCES.items()}


def shared_sentences(a: Chunk, b: Chunk) -> set[str]:
    return {a.text[s:e] for s, e in a.sentences} & {b.text[s:e] for s, e in b.sentences}


def post_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the posts of a feed: the text between lines that hold only "-"."""
    cuts = [m.span() for m in re.finditer(r"(?m)^[ \t]*-[ \t]*$", text)]
    starts, ends = [0] + [b for _, b in cuts], [a for a, _ in cuts] + [len(text)]
    return list(zip(starts, ends, strict=True))


@pytest.mark.parametrize("doc_id", sorted(SOURCES))
def test_chunk_invariants_on_every_document(docs: dict[str, Document], doc_id: str) -> None:
    doc = docs[doc_id]
    chunks = chunk_document(doc, 120, 25)
    assert chunks, "every corpus document has chunks"
    assert [c.id for c in chunks] == [f"{doc_id}#{n}" for n in range(len(chunks))]
    assert [c.n for c in chunks] == list(range(len(chunks)))
    assert [c.start for c in chunks] == sorted(c.start for c in chunks)
    for c in chunks:
        assert c.doc_id == doc_id and c.text == doc.text[c.start : c.end] and c.text.strip() == c.text
        assert c.page == doc.page_at(c.start)
        assert c.sentences and c.sentences[0][0] == 0 and c.sentences[-1][1] == len(c.text)
        for (_, b), (next_a, _) in itertools.pairwise(c.sentences):
            assert b <= next_a
        for a, b in c.sentences:
            assert 0 <= a < b <= len(c.text) and c.text[a:b].strip() == c.text[a:b]
        assert count_words(c.text) <= 120 or len(c.sentences) == 1
        assert not re.search(r"(?m)^\s*(#{1,6}\s|-\s*$|\*{3,}\s*$)", c.text), "no heading or separator line"


def test_iclei_feed_posts(docs: dict[str, Document]) -> None:
    doc = docs[ICLEI]
    chunks = chunk_document(doc)
    posts = post_spans(doc.text)
    assert len(posts) > 15
    for c in chunks:
        assert "\n-\n" not in c.text and not re.search(r"(?m)^\s*-\s*$", c.text)
        assert any(a <= c.start and c.end <= b for a, b in posts), f"{c.id} spans two posts"
    expected = {
        "Beijing’s Zero Waste City Initiative": "Beijing’s Zero Waste City Initiative: A Model for Urban "
        "Sustainability",
        "Bangkok’s Commitment to Reducing Plastic Waste": "Bangkok’s Commitment to Reducing Plastic Waste: "
        "The 'Bottle-Free Seas Project'",
        "Kuala Lumpur’s “Zero Plastic Campaign Programme”": "Kuala Lumpur’s “Zero Plastic Campaign "
        "Programme” – A Leading Example in the Journey to a Plastic-Free Future",
    }
    for start_of_title, section in expected.items():
        post_line = re.search(rf"(?m)^.*{re.escape(start_of_title)}.*$", doc.text)
        assert post_line is not None
        in_post = [c for c in chunks if post_line.start() <= c.start < post_line.end()]
        assert len(in_post) >= 2 and all(c.section == section for c in in_post)
        assert in_post[-1].end == post_line.end()
        assert all(shared_sentences(a, b) for a, b in itertools.pairwise(in_post))
    # The company profile after the first post is not that post, and staff names stay whole.
    profile = next(c for c in chunks if "공공 정책" in c.text)
    assert profile.section == "ICLEI East Asia Secretariat"
    staff = next(c for c in chunks if c.text.startswith("Konrad Otto-Zimmermann"))
    assert staff.section == "Konrad Otto-Zimmermann" and "Former Secretary General" in staff.text
    assert not any(c.text == "+1" for c in chunks)


def test_iclei_emoji_bullets_start_sentences(docs: dict[str, Document]) -> None:
    sentences = {s for c in chunk_document(docs[ICLEI]) for s in (c.text[a:b] for a, b in c.sentences)}
    assert "This shift supports a circular economy and reduces landfill impact." in sentences
    assert "Engaging local communities is central to the campaign." in sentences
    assert "Policy Support: Strong backing from both national and local government." in sentences
    assert not any(re.search("[✏📝🗝🔹🔸📌💪🍀💡🌟⭐🌍🌿🌏🌎🌳]", s[:2] + s[-2:]) for s in sentences)


def test_seamap_abbreviations_and_hard_break(docs: dict[str, Document]) -> None:
    doc = docs[SEAMAP]
    chunks = chunk_document(doc)
    sentences = [c.text[a:b] for c in chunks for a, b in c.sentences]
    ms = [s for s in sentences if s.startswith("Ms.")]
    assert len(ms) == 1 and "Azlina Binti Mohd Said" in ms[0] and "Mr. Grick Cordero" in ms[0]
    assert ms[0].endswith("opened the Knowledge Exchange Program.")
    assert "NOVEMBER 2025" in sentences  # a line without a full stop is a sentence of its own
    # The opening line repeats the title: it is the section, not a sentence to quote as an answer.
    assert doc.title not in sentences and {c.section for c in chunks} == {doc.title}
    brk = doc.text.index("*****")
    assert all(c.end < brk or c.start > brk for c in chunks)
    after = [c for c in chunks if c.start > brk]
    assert after[0].text.startswith("The Knowledge Exchange Program is held annually")


def test_factsheet_key_facts_are_sentences(docs: dict[str, Document]) -> None:
    chunks = chunk_document(docs[FACTSHEET])
    assert chunks[0].section.startswith("ASEAN: Bangkok Declaration")
    facts = [c for c in chunks if c.section == "Key facts"]
    assert len(facts) == 1
    items = [facts[0].text[a:b] for a, b in facts[0].sentences]
    assert items[0] == "When: Saturday 22 June 2019, plenary of the 34th ASEAN Summit"
    assert items[1] == "Where: The Athenee Hotel, Bangkok, Thailand"
    assert len(items) == 6 and all(not i.startswith("-") for i in items)


def test_overlap_within_a_section_never_across_posts() -> None:
    body = " ".join(f"Sentence number {i} talks about plastic bag levies here." for i in range(40))
    text = f"# Levies\n{body}\n-\nSecond post starts here. It is short.\n"
    doc = Document(id="long.txt", text=text, title="t")
    chunks = chunk_document(doc, words=60, overlap=20)
    levies = [c for c in chunks if c.section == "Levies"]
    assert len(levies) >= 5
    for a, b in itertools.pairwise(levies):
        shared = shared_sentences(a, b)
        assert shared and count_words(" ".join(shared)) <= 20
        assert b.text.startswith(a.text[a.sentences[-len(shared)][0] :])
    last = chunks[-1]
    assert last.section == "Second post starts here." and last.text.startswith("Second post")
    assert not shared_sentences(levies[-1], last)


def test_overlong_sentence_is_cut_at_word_boundaries() -> None:
    words = [f"w{i}" for i in range(300)]
    doc = Document(id="x.txt", text="Short one. " + " ".join(words) + ". Tail sentence.", title="x")
    chunks = chunk_document(doc, words=100, overlap=10)
    assert all(count_words(c.text) <= 100 for c in chunks)
    covered = " ".join(c.text for c in chunks).split()
    assert set(words) <= {w.rstrip(".") for w in covered}
    assert chunks[-1].text.endswith("Tail sentence.")


def test_pdf_chunks_carry_page_numbers(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for page in (1, 2):
        pdf.add_page()
        pdf.multi_cell(0, 6, " ".join(f"Page {page} sentence {i} on bottle deposits." for i in range(12)))
    pdf.output(str(tmp_path / "two.pdf"))
    doc = read_path(tmp_path / "two.pdf", tmp_path)
    chunks = chunk_document(doc, words=40, overlap=8)
    assert {c.page for c in chunks} == {1, 2}
    for c in chunks:
        assert " ".join(c.text.split()).startswith(f"Page {c.page} sentence")  # PDF lines wrap


def test_national_language_spans_are_verbatim() -> None:
    text = (
        "# 塑料\n\n国家发布了行动计划。到2025年，塑料污染得到遏制！"
        "\n\nไทยตั้งเป้า 100% ภายในปี 2570 แคมเปญลดถุง ช่วยได้มาก"
    )
    doc = Document(id="mixed.md", text=text, title="mixed")
    chunks = chunk_document(doc)
    quoted = [c.text[a:b] for c in chunks for a, b in c.sentences]
    assert quoted == [
        "国家发布了行动计划。",
        "到2025年，塑料污染得到遏制！",
        "ไทยตั้งเป้า 100% ภายในปี 2570 แคมเปญลดถุง",
        "ช่วยได้มาก",
    ]
    assert all(c.text == text[c.start : c.end] for c in chunks)


def test_words_of_scripts_without_spaces_count_by_length() -> None:
    assert count_words("Thailand bans plastic bags.") == 4
    assert count_words("国家发布了行动计划") == 6  # 9 Han characters, about 1.5 a word
    assert count_words("ประเทศไทยห้ามถุงพลาสติก") == 6  # 23 Thai letters and marks, about 4 a word
    assert count_words("— 🌏") == 0
    long_thai = " ".join(["ประเทศไทยห้ามใช้ถุงพลาสติกแบบใช้ครั้งเดียว"] * 40)
    chunks = chunk_document(Document(id="th.txt", text=long_thai, title="th"), words=60, overlap=10)
    assert len(chunks) > 3 and all(count_words(c.text) <= 60 for c in chunks)


def test_a_plain_text_heading_starts_a_section_and_is_not_quoted() -> None:
    text = (
        "Makati bag ordinance\n\nNOVEMBER 2025\n\nThe city adopted the ordinance in 2013.\n\n"
        "6. Penalties\n\nA first offence costs PHP 1,000.\n\nIssued by: City Hall\n\nContact the office.\n"
    )
    chunks = chunk_document(Document(id="makati.txt", text=text, title="Makati bag ordinance"))
    sections = {c.section for c in chunks}
    assert "6. Penalties" in sections
    fine = next(c for c in chunks if "PHP 1,000" in c.text)
    assert fine.section == "6. Penalties" and "Penalties" not in fine.text
    # A date line and a "label: value" line are text, not headings.
    assert "NOVEMBER 2025" not in sections and not any(s.startswith("Issued") for s in sections)


def test_markdown_headings_leave_short_lines_as_text() -> None:
    text = "# Ban\n\n## Scope\n\nShops\n\nShops may not give out bags.\n"
    chunks = chunk_document(Document(id="ban.md", text=text, title="Ban"))
    assert {c.section for c in chunks} == {"Scope"}
