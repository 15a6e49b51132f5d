"""What each chunk is indexed under: a national-language document is found by its English summary too."""

from __future__ import annotations

import pytest

from retriever import Settings, index_documents
from retriever.assembly import indexed_title
from retriever.retrieval import open_searcher

VIETNAMESE = (
    "---\n"
    'title: "Việt Nam: Kế hoạch hành động quốc gia về quản lý rác thải nhựa đại dương đến năm 2030"\n'
    'date: "2019-12-04"\n'
    'language: "vi"\n'
    'summary_of: "Viet Nam\'s National Action Plan for Management of Marine Plastic Litter by 2030"\n'
    "---\n"
    "# Kế hoạch hành động quốc gia về quản lý rác thải nhựa đại dương đến năm 2030\n\n"
    "Ngày 4 tháng 12 năm 2019, Thủ tướng Chính phủ ký Quyết định số 1746/QĐ-TTg ban hành Kế hoạch hành "
    "động quốc gia về quản lý rác thải nhựa đại dương đến năm 2030. Mục tiêu đến năm 2030 là giảm 75% "
    "rác thải nhựa trên biển.\n"
)
ENGLISH = (
    "---\n"
    'title: "Riverland: Town council bans foam food boxes (2024)"\n'
    'date: "2024-03-02"\n'
    'language: "en"\n'
    'summary_of: "Riverland town council bans foam food boxes"\n'
    "---\n"
    "# Riverland bans foam food boxes\n\n"
    "Riverland's town council said on 2 March 2024 that street vendors must stop using foam food boxes "
    "from 1 July 2024. The council plans a national action on litter in rivers next year.\n"
)


def test_a_national_language_title_carries_its_english_summary() -> None:
    summary = {"summary_of": "Viet Nam's National Action Plan for Marine Plastic Litter"}
    assert indexed_title("Kế hoạch hành động", "vi", summary) == (
        "Kế hoạch hành động Viet Nam's National Action Plan for Marine Plastic Litter"
    )
    assert indexed_title("Kế hoạch hành động", "vi-VN", summary).endswith("Marine Plastic Litter")
    # English documents, undeclared languages and documents without a summary keep their own title.
    assert (
        indexed_title("Riverland bans foam boxes", "en", {"summary_of": "A ban"})
        == "Riverland bans foam boxes"
    )
    assert indexed_title("Kế hoạch", "", summary) == "Kế hoạch"
    assert indexed_title("Kế hoạch", "vi", {}) == "Kế hoạch"
    assert indexed_title("Plan (Plan)", "vi", {"summary_of": "Plan"}) == "Plan (Plan)"  # said already


@pytest.fixture(scope="module")
def two_languages(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A real index of a Vietnamese plan and an English page sharing some of the question's words."""
    docs = tmp_path_factory.mktemp("assembly-docs")
    (docs / "vi_plan.md").write_text(VIETNAMESE, encoding="utf-8")
    (docs / "riverland.md").write_text(ENGLISH, encoding="utf-8")
    settings = base_settings.with_(documents_dir=docs, index_dir=tmp_path_factory.mktemp("assembly-index"))
    index_documents(settings=settings)
    return settings


@pytest.mark.parametrize("mode", ["bm25", "hybrid"])
def test_an_english_question_finds_the_national_language_document(two_languages: Settings, mode: str) -> None:
    found = open_searcher(two_languages).search(
        "vietnam national action plan on marine plastic litter - decision no.?", k=2, mode=mode
    )
    assert found[0].doc_id == "vi_plan.md"
    # The quote stays in the document's own words: only what is indexed changes, not the text.
    assert "Quyết định số 1746/QĐ-TTg" in found[0].text and "Viet Nam's" not in found[0].text
