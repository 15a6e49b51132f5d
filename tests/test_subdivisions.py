"""Provinces, states and districts from ISO 3166-2, as known places."""

from __future__ import annotations

from retriever.place_names import COUNTRIES
from retriever.places import find_places, from_iso
from retriever.subdivisions import plain, subdivisions

PAIRS = tuple(
    (name, country) for country, others in COUNTRIES.items() for name in [country, *others.split("|")]
)


def test_provinces_of_the_covered_countries_are_named_with_their_country() -> None:
    areas = subdivisions(PAIRS)
    assert areas["Zhejiang"][0] == "China"  # "Zhejiang Sheng" without its suffix
    assert areas["Chiang Rai"][0] == "Thailand"
    assert areas["Sindh"][0] == "Pakistan"
    assert areas["Gyeonggi"][0] == "Republic of Korea"  # "Gyeonggi-do"
    assert "Rajasthan" in areas["Rājasthān"][1].split("|")  # typed without accents too


def test_ambiguous_short_and_directional_names_are_left_out() -> None:
    areas = subdivisions(PAIRS)
    assert "Punjab" not in areas  # India's and Pakistan's: which one a text means is unknown
    assert "Goa" not in areas and "North East" not in areas and "Central" not in areas
    # Counties of countries outside Asia and the Pacific are not the product's places.
    assert all(country not in ("United Kingdom", "France", "United States") for country, _ in areas.values())


def test_an_iso_province_is_found_in_questions_and_documents() -> None:
    assert [
        (p.name, p.country, p.kind) for p in find_places("What does zhejiang require?", any_case=True)
    ] == [("Zhejiang", "China", "city")]
    assert [p.name for p in find_places("Chiang Rai bans foam boxes")] == ["Chiang Rai"]
    assert from_iso("Zhejiang") and not from_iso("Selangor")  # the hand-made list keeps its own entries
    # A Vietnamese province whose name holds "Lao" is no Laos.
    assert [(p.name, p.country) for p in find_places("người lao động ở Lào Cai", any_case=True)] == [
        ("Lào Cai", "Viet Nam")
    ]


def test_a_short_iso_name_typed_in_lower_case_is_a_word() -> None:
    assert find_places("trang web của sở", any_case=True) == []  # Vietnamese "web page", not Trang
    assert find_places("how long an event lasts", any_case=True) == []  # not Viet Nam's Long An
    assert [p.name for p in find_places("Trang province", any_case=True)] == ["Trang"]


def test_plain_drops_accents() -> None:
    assert plain("Quảng Nam") == "Quang Nam" and plain("Đắk Lắk") == "Dak Lak"
