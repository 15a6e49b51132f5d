"""Readers on real files: the corpus, and files of every format made here with the real libraries."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from retriever.chunking import chunk_document
from retriever.readers import ReadError, read_document, read_path
from retriever.sources import find_sources
from retriever.texts import Reason, reason_of

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"
FACTSHEET = "factsheets/01_asean-bangkok-declaration-marine-debris-2019.md"


def write(root: Path, name: str, data: bytes | str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def read(root: Path, name: str, data: bytes | str):
    return read_path(write(root, name, data), root)


def make_pdf(path: Path, pages: list[str]) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


def test_front_matter_of_a_real_factsheet() -> None:
    doc = read_path(DOCUMENTS / FACTSHEET, DOCUMENTS)
    assert doc.id == FACTSHEET
    assert doc.title.startswith("ASEAN: Bangkok Declaration on Combating Marine Debris")
    assert doc.source.startswith("https://kalsel.antaranews.com/")
    assert doc.publisher == "ANTARA News (Kalimantan Selatan)"
    assert (doc.date, doc.language) == ("2019-06-22", "en")
    assert doc.meta == {
        "jurisdiction": "ASEAN",
        "topic": "roadmap or action plan",
        "summary_of": "ASEAN leaders endorse Bangkok Declaration on Combating Marine Debris",
    }
    assert doc.text.startswith("# ASEAN: Bangkok Declaration")  # front matter gone, offsets from here
    assert "publisher:" not in doc.text and doc.pages == ()
    assert doc.sha256 == hashlib.sha256((DOCUMENTS / FACTSHEET).read_bytes()).hexdigest()


def test_yaml_dates_lists_and_unknown_keys(tmp_path: Path) -> None:
    doc = read(tmp_path, "a.md", "---\ndate: 2021-03-04\ntags: [bags, bans]\nyear: 2021\n---\nBody text.\n")
    assert doc.date == "2021-03-04"
    assert doc.meta == {"tags": "bags, bans", "year": "2021"}
    assert doc.text == "Body text.\n"
    assert doc.title == "Body text."


def test_malformed_front_matter_is_kept_as_text(tmp_path: Path) -> None:
    doc = read(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\n# Real heading\nBody.\n")
    assert doc.text.startswith("---\ntitle: [unclosed")
    assert doc.title == "Real heading" and doc.meta == {}


def test_title_from_first_heading_then_first_line(tmp_path: Path) -> None:
    assert read(tmp_path, "h.md", "Intro line.\n\n## 📌 Plastic bag levy ##\nBody.\n").title == (
        "Plastic bag levy"
    )
    assert read(tmp_path, "l.txt", "\n\n🌍 Zero Waste City 🌍\nBody.\n").title == "Zero Waste City"
    long_title = read(tmp_path, "long.txt", "word " * 80).title
    assert len(long_title) <= 125 and long_title.endswith("word…")


def test_txt_with_bom_and_crlf(tmp_path: Path) -> None:
    doc = read(tmp_path, "bom.txt", "\ufeffFirst line\r\nSecond line\r\n".encode())
    assert doc.text == "First line\nSecond line\n"
    assert doc.title == "First line"


def test_html_text_headings_title_and_meta(tmp_path: Path) -> None:
    page = """<!doctype html><html lang="en"><head><title>Bag ban &amp; levy</title>
    <meta name="date" content="2024-05-01"><meta name="author" content="City Hall">
    <style>p {color: red}</style><script>var plastic = "hidden";</script></head>
    <body><nav>Home | Menu</nav><h1>Main heading</h1><p>First   paragraph
    text.</p><h2>Details</h2><ul><li>One item</li><li>Two item</li></ul>
    <table><tr><td>Cell A</td><td>Cell B</td></tr></table></body></html>"""
    doc = read(tmp_path, "page.html", page)
    assert (doc.title, doc.date, doc.language, doc.meta) == (
        "Bag ban & levy",
        "2024-05-01",
        "en",
        {"author": "City Hall"},
    )
    lines = doc.text.split("\n")
    assert "# Main heading" in lines and "## Details" in lines
    assert "First paragraph text." in lines and "- One item" in lines
    assert "Cell A | Cell B" in doc.text
    assert "hidden" not in doc.text and "color" not in doc.text and "Menu" not in doc.text
    assert [c.section for c in chunk_document(doc)] == ["Main heading", "Details"]


def test_pdf_pages_and_offsets(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "two.pdf", ["Page one says hello. It has two sentences.", "Page two text."])
    doc = read_path(path, tmp_path)
    assert doc.id == "two.pdf"
    assert doc.text == "Page one says hello. It has two sentences.\n\nPage two text."
    second = doc.text.index("Page two")
    assert doc.pages == ((0, 1), (second, 2))
    assert doc.page_at(0) == 1 and doc.page_at(second - 1) == 1 and doc.page_at(second) == 2


def test_pdf_blank_page_keeps_real_page_numbers(tmp_path: Path) -> None:
    doc = read_path(make_pdf(tmp_path / "gap.pdf", ["Alpha text.", "", "Gamma text."]), tmp_path)
    assert doc.pages == ((0, 1), (len("Alpha text.\n\n"), 3))


def test_docx_headings_lists_tables_and_properties(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Packaging rules"
    document.core_properties.created = dt.datetime(2024, 5, 1, 9, 30)
    document.add_heading("Overview", 1)
    document.add_paragraph("Producers must report packaging. They pay fees.")
    document.add_paragraph("Plastic bottles", style="List Bullet")
    document.add_heading("Fees", 2)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "PET", "5 cents"
    document.save(tmp_path / "rules.docx")
    doc = read_path(tmp_path / "rules.docx", tmp_path)
    assert (doc.title, doc.date) == ("Packaging rules", "2024-05-01")
    assert doc.text.split("\n\n") == [
        "# Overview",
        "Producers must report packaging. They pay fees.",
        "- Plastic bottles",
        "## Fees",
        "PET | 5 cents",
    ]
    assert [(c.section, c.text) for c in chunk_document(doc)] == [
        ("Overview", "Producers must report packaging. They pay fees.\n\n- Plastic bottles"),
        ("Fees", "PET | 5 cents"),
    ]


def test_docx_title_falls_back_to_first_heading(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Deposit refund scheme", 0)
    document.add_paragraph("Body.")
    document.save(tmp_path / "drs.docx")
    assert read_path(tmp_path / "drs.docx", tmp_path).title == "Deposit refund scheme"


@pytest.mark.parametrize(
    ("name", "data", "reason", "key"),
    [
        ("empty.txt", b"", "empty file", "reason_empty"),
        ("blank.md", b"  \n\t\n\n", "no text", "reason_no_text"),
        ("only-front-matter.md", b"---\ntitle: x\n---\n\n", "no text", "reason_no_text"),
        ("nul.txt", b"abc\x00\x01\x02def", "binary data", "reason_binary_nul"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data", "reason_binary_nul"),
        ("latin1.txt", b"caf\xe9 \x80\x81", "not valid UTF-8", "reason_not_utf8"),
        ("control.txt", bytes(range(1, 9)) * 40, "binary data", "reason_binary"),
        ("broken.pdf", b"%PDF-1.4 garbage", "corrupt or unreadable PDF", "reason_corrupt_pdf"),
        ("random.docx", os.urandom(64), "corrupt .docx", "reason_corrupt_docx"),
        ("page.html", b"<html><script>x()</script></html>", "no text", "reason_no_text"),
        (
            "data.xyz",
            b"hello",
            "unsupported file type .xyz (supported: .docx .htm .html",
            "reason_unsupported",
        ),
    ],
)
def test_bad_files_raise_read_error_with_reason(
    tmp_path: Path, name: str, data: bytes, reason: str, key: str
) -> None:
    with pytest.raises(ReadError, match=rf"^{reason}".replace(".", r"\.").replace("(", r"\(")) as raised:
        read(tmp_path, name, data)
    # The English text is for the shell; the key is what says it in an administrator's language.
    said = reason_of(raised.value)
    assert isinstance(said, Reason) and said.key == key and str(said) == str(raised.value)


def test_pdf_without_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="PDF has no extractable text") as raised:
        read_path(make_pdf(tmp_path / "scan.pdf", [""]), tmp_path)
    assert reason_of(raised.value).key == "reason_pdf_no_text"


@pytest.mark.parametrize(("user_password", "readable"), [("secret", False), ("", True)])
def test_encrypted_pdf(tmp_path: Path, user_password: str, readable: bool) -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password=user_password)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="Locked text.")
    pdf.output(str(tmp_path / "locked.pdf"))
    if readable:  # only an owner password: anyone may open it, so the text is there
        assert read_path(tmp_path / "locked.pdf", tmp_path).text == "Locked text."
    else:
        with pytest.raises(ReadError, match="encrypted PDF") as raised:
            read_path(tmp_path / "locked.pdf", tmp_path)
        assert reason_of(raised.value).key == "reason_encrypted_pdf"


def test_whole_corpus_reads() -> None:
    files, skipped = find_sources(DOCUMENTS)
    assert skipped == [] and len(files) >= 40
    for source in files:
        doc = read_document(source)
        assert doc.id == source.id and doc.sha256 == source.sha256
        assert doc.title and doc.date and doc.language == "en" and doc.source.startswith("http")
        assert not doc.text.startswith("---") and doc.text.strip()


def test_pdf_report_reads_as_paragraphs_without_its_running_header(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_font("Helvetica", size=11)
    long = "The fifth conference was held at the Bali International Convention Centre in Nusa Dua. " * 3
    for n, (heading, text) in enumerate((("Participants", long), ("Commitments", long + "It ended on")), 1):
        pdf.add_page()
        pdf.cell(0, 6, "Ocean Policy Briefings - No. 11", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, text)
        pdf.set_auto_page_break(False)  # the footer sits in the bottom margin
        pdf.set_y(-15)
        pdf.cell(0, 6, f"page {n} of 3")
        pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.multi_cell(0, 6, "the second day.")
    pdf.output(str(tmp_path / "briefing.pdf"))
    doc = read_path(tmp_path / "briefing.pdf", tmp_path)
    assert "Ocean Policy Briefings" not in doc.text and "page 1 of 3" not in doc.text
    assert "## Participants" in doc.text.split("\n") and "## Commitments" in doc.text.split("\n")
    assert "Bali International Convention Centre" in doc.text  # the wrapped line joined, whatever the width
    assert "It ended on the second day." in doc.text  # a sentence running on to the next page
    assert [c.section for c in chunk_document(doc)][:1] == ["Participants"]
    assert doc.page_at(doc.text.index("the second day")) == 3


@pytest.mark.parametrize(
    "tag",
    [
        '<meta property="article:published_time" content="2025-11-21T09:30:00+08:00">',
        '<meta name="DC.date" content="2025-11-21">',
        '<meta itemprop="datePublished" content="2025-11-21">',
    ],
)
def test_a_news_pages_publication_date_is_read_from_its_open_graph_or_dublin_core_meta(
    tmp_path: Path, tag: str
) -> None:
    page = f"<html><head><title>Workshop closes</title>{tag}</head><body><p>It closed.</p></body></html>"
    assert read(tmp_path, "story.html", page).date == "2025-11-21"


def _docx_with_header(path: Path, header: str, created: dt.datetime | None) -> Path:
    document = docx.Document()  # python-docx's own template: created 2013-12-23 unless set
    if created is not None:
        document.core_properties.created = created
    document.add_heading("Ordinance No. 14: ban on plastic bags", 1)
    document.add_paragraph(header)
    document.add_paragraph("The ban takes effect on 1 January 2022. " * 12)
    document.save(path)
    return path


def test_a_word_file_takes_the_date_its_header_states(tmp_path: Path) -> None:
    made = _docx_with_header(tmp_path / "stamp.docx", "Public information sheet | Issued 28 June 2021", None)
    assert read_path(made, tmp_path).date == "2021-06-28"
    later = dt.datetime(2026, 12, 4, 10, 0)  # saved again years after it was issued
    resaved = _docx_with_header(tmp_path / "resaved.docx", "Pasig City, 28 June 2021", later)
    assert read_path(resaved, tmp_path).date == "2021-06-28"


def test_a_file_date_stands_when_the_text_states_none_or_names_its_month(tmp_path: Path) -> None:
    created = dt.datetime(2020, 2, 10, 9, 0)
    silent = _docx_with_header(tmp_path / "silent.docx", "Public information sheet", created)
    assert read_path(silent, tmp_path).date == "2020-02-10"
    named = _docx_with_header(tmp_path / "named.docx", "Port Vila, February 2020", created)
    assert read_path(named, tmp_path).date == "2020-02-10"
    stamp = _docx_with_header(tmp_path / "stamp.docx", "Public information sheet", None)
    assert read_path(stamp, tmp_path).date == ""  # python-docx's template date is nobody's


def test_a_text_without_front_matter_takes_its_dateline(tmp_path: Path) -> None:
    story = "# Course ends\n\nRAYONG, 9 June 2023 – Twenty-eight officials received certificates. " * 1
    assert read(tmp_path, "course.md", story + "More text. " * 30).date == "2023-06-09"
    given = "---\ndate: 2023-06-12\n---\n" + story
    assert read(tmp_path, "given.md", given).date == "2023-06-12"


def test_a_pdf_without_a_title_is_named_by_its_first_line(tmp_path: Path) -> None:
    body = "The levy applies to plastic packaging made from virgin polymer placed on the market. " * 3
    path = make_pdf(
        tmp_path / "levy.pdf",
        ["Kazakhstan: Levy on Virgin Plastic Packaging from 1 July 2026\n\n1. Background\n\n" + body],
    )
    doc = read_path(path, tmp_path)
    assert "## 1. Background" in doc.text  # a section heading, not the title
    assert doc.title == "Kazakhstan: Levy on Virgin Plastic Packaging from 1 July 2026"
    report = "2nd ASEAN Forum on Plastic Credits:\n\nSummary Report\n\n" + body
    two_lines = make_pdf(tmp_path / "report.pdf", [report])
    assert read_path(two_lines, tmp_path).title == "2nd ASEAN Forum on Plastic Credits: Summary Report"
