"""Places named in text: as written in documents, in any case in questions."""

from __future__ import annotations

import pytest

from retriever.places import find_places


def test_documents_are_read_as_written_and_questions_in_any_case() -> None:
    assert find_places("how much plastic waste did korea generate?") == []
    found = find_places("how much plastic waste did korea generate?", any_case=True)
    assert [(p.name, p.kind) for p in found] == [("Republic of Korea", "country")]
    assert [p.name for p in find_places("a ban in taipei and the lao workshop", any_case=True)] == [
        "Taipei",
        "Lao PDR",
    ]


@pytest.mark.parametrize("text", ["Can us officials attend?", "fish in the indian ocean", "an uk-style tax"])
def test_acronyms_and_seas_are_no_places_in_any_case(text: str) -> None:
    assert find_places(text, any_case=True) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Berapa tan dikurangkan oleh Kempen Zero Plastic KL sejak 2016?", "Kuala Lumpur"),
        ("what did the PRC decide on plastics?", "China"),
        ("how many joined the ROK workshop?", "Republic of Korea"),
    ],
)
def test_a_question_typed_in_any_case_still_names_a_place_by_its_acronym(text: str, name: str) -> None:
    assert [p.name for p in find_places(text, any_case=True)] == [name]
    assert find_places(text.lower(), any_case=True) == []  # lower-cased, "kl" or "prc" is no name
