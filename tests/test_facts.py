"""Document facts on the real collection (values looked up in the documents) and on small made-up files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import retriever
from retriever import Settings, cli
from retriever.facts import DocFacts, document_facts
from retriever.places import country_of, find_places
from retriever.readers import read_path

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"
KEP = "sea-map-kep-epr-kuala-lumpur-2025.txt"
ICLEI = "iclei-east-asia-city-campaigns.txt"


def facts_of(doc_id: str) -> DocFacts:
    return document_facts(read_path(DOCUMENTS / doc_id, DOCUMENTS))


def write(root: Path, name: str, text: str) -> DocFacts:
    (root / name).write_text(text, encoding="utf-8")
    return document_facts(read_path(root / name, root))


# (document, country, city, kind, announced, in force, deadline) as each fact sheet states them
KNOWN = [
    (
        "factsheets/29_cn-hainan-plastic-ban-2020.md",
        "China",
        "Hainan",
        "regulation",
        "2019-12-31",
        "2020-12-01",
        "",
    ),
    (
        "factsheets/18_ph-quezon-city-single-use-plastics-ban-2019.md",
        "Philippines",
        "Quezon City",
        "regulation",
        "2019-12-01",
        "",
        "",
    ),
    (
        "factsheets/33_jp-plastic-shopping-bag-charge-2020.md",
        "Japan",
        "",
        "regulation",
        "2019-11-01",
        "2020-07-01",
        "2030",
    ),
    (
        "factsheets/36_in-maharashtra-plastic-ban-2018.md",
        "India",
        "Maharashtra",
        "regulation",
        "2018-03-23",
        "2018-06-23",
        "",
    ),
    (
        "factsheets/32_tw-taipei-city-disposable-plastic-cup-ban-2022.md",
        "Taiwan",
        "Taipei",
        "regulation",
        "2022-11-30",
        "2022-12-01",
        "",
    ),
    (
        "factsheets/26_vn-epr-decree-05-2025-recycling-obligations.md",
        "Viet Nam",
        "",
        "regulation",
        "",
        "2024-01-01",
        "",
    ),
    (
        "factsheets/11_kh-sub-decree-168-plastic-bags.md",
        "Cambodia",
        "",
        "regulation",
        "2017-10",
        "2018-04-10",
        "",
    ),
    (
        "factsheets/25_vn-national-campaign-single-use-plastic-free-2025.md",
        "Viet Nam",
        "",
        "campaign",
        "2019-06-09",
        "",
        "2025",
    ),
    (
        "factsheets/34_jp-kamikatsu-zero-waste-town-hall-initiatives.md",
        "Japan",
        "Kamikatsu",
        "roadmap",
        "2003-09-19",
        "",
        "2020",
    ),
    (
        "factsheets/21_id-bogor-plastic-bag-ban-traditional-markets-2021.md",
        "Indonesia",
        "Bogor",
        "regulation",
        "2021-12-13",
        "",
        "2024",
    ),
    (KEP, "Malaysia", "Kuala Lumpur", "event", "", "", ""),
]


@pytest.mark.parametrize(("doc_id", "country", "city", "kind", "announced", "in_force", "deadline"), KNOWN)
def test_facts_of_real_documents(
    doc_id: str, country: str, city: str, kind: str, announced: str, in_force: str, deadline: str
) -> None:
    facts = facts_of(doc_id)
    assert (facts.country, facts.city, facts.kind) == (country, city, kind)
    assert (facts.announced, facts.in_force, facts.deadline) == (announced, in_force, deadline)
    assert facts.countries[0] == country


def test_kep_seed_is_an_asean_event_in_kuala_lumpur() -> None:
    facts = facts_of(KEP)
    assert facts.region == "ASEAN"  # front matter says ASEAN; the text says where
    assert "region" in facts.from_front_matter and "country" not in facts.from_front_matter
    assert facts.label().startswith("Malaysia, Kuala Lumpur · event")


def test_a_page_about_several_countries_names_no_single_one() -> None:
    facts = facts_of(ICLEI)
    assert facts.country == "" and facts.region == "East Asia" and facts.kind == "campaign"
    assert {"Malaysia", "China", "Thailand", "Republic of Korea"} <= set(facts.countries)


# Dated sentences that, in a digest of several places, are one place's measure and not the page's.
DATED = (
    "\n\nThe plastic bag ban was announced on 5 March 2019 and takes effect from 1 January 2020. "
    "Shops must phase out plastic straws by 2025.\n"
)
DATES = ("2019-03-05", "2020-01-01", "2025")


@pytest.mark.parametrize(
    "title",
    [
        "City plastic campaigns (Hanoi, Bangkok, Kuala Lumpur)",
        "Thailand and Viet Nam: plastic bag bans",
        "Hanoi and Ho Chi Minh City plastic bag bans",
        "Bangkok joins Viet Nam's plastic bag ban",
    ],
)
def test_a_digest_of_several_places_takes_no_dates_from_its_text(tmp_path: Path, title: str) -> None:
    facts = write(tmp_path, "digest.txt", title + DATED)
    assert (facts.announced, facts.in_force, facts.deadline) == ("", "", "")


@pytest.mark.parametrize(
    "title",
    [
        "Hanoi plastic bag ban",
        "Viet Nam plastic bag ban",
        "Viet Nam: Hanoi bans plastic bags",
        "ASEAN: Viet Nam plastic bag ban",
    ],
)
def test_a_document_about_one_place_takes_its_dates_from_its_text(tmp_path: Path, title: str) -> None:
    # A country and its own city, or a region and a country in it, are still one place.
    facts = write(tmp_path, "single.txt", title + DATED)
    assert (facts.announced, facts.in_force, facts.deadline) == DATES


def test_a_digests_front_matter_dates_still_count(tmp_path: Path) -> None:
    facts = write(
        tmp_path,
        "digest.md",
        "---\ntitle: City plastic campaigns (Hanoi, Bangkok)\nin_force: 2021-06\n---\n" + DATED,
    )
    assert (facts.announced, facts.in_force, facts.deadline) == ("", "2021-06", "")
    assert "in_force" in facts.from_front_matter


def test_the_iclei_city_campaigns_page_has_no_dates_of_its_own() -> None:
    # Its 2016 launch, 2017 rules and 2030 target are Kuala Lumpur's, one of the four cities it names.
    facts = facts_of(ICLEI)
    assert (facts.announced, facts.in_force, facts.deadline) == ("", "", "")
    assert facts.label() == "East Asia · campaign"


def test_history_before_the_announcement_is_not_the_date_in_force() -> None:
    # "Since 2009 producers have been obliged to print ..." is background to a 2015 campaign.
    assert facts_of("factsheets/16_mm-mandalay-plastic-bag-free-city-2015.md").in_force == ""


def test_front_matter_wins_over_the_text(tmp_path: Path) -> None:
    facts = write(
        tmp_path,
        "decree.md",
        "---\ntitle: Decree on packaging\njurisdiction: Hanoi, Viet Nam\nkind: roadmap\nin_force: 2026-07\n"
        "supersedes: Decision 582/QD-TTg\n---\n"
        "This Decree replaces Decree 38/2015/ND-CP on waste management. It takes effect on 1 January 2027 "
        "in Thailand and bans plastic bags.\n",
    )
    assert (facts.country, facts.city, facts.kind) == ("Viet Nam", "Hanoi", "roadmap")
    assert (facts.in_force, facts.supersedes) == ("2026-07", "Decision 582/QD-TTg")
    assert {"country", "city", "kind", "in_force", "supersedes"} <= set(facts.from_front_matter)


def test_facts_from_text_alone(tmp_path: Path) -> None:
    facts = write(
        tmp_path,
        "circular.txt",
        "Vietnamese ministry issues new plastics decree\n\n"
        "The Decree was signed on 12 March 2025 by the Vietnamese Government. It replaces Decree "
        "38/2015/ND-CP on waste management. The ban takes effect from 1 January 2026 and all retailers "
        "must comply by 31 December 2026. Hanoi and Ho Chi Minh City will enforce it first.\n",
    )
    assert (facts.country, facts.kind) == ("Viet Nam", "regulation")
    assert (facts.announced, facts.in_force, facts.deadline) == ("2025-03-12", "2026-01-01", "2026-12-31")
    assert facts.supersedes == "Decree 38/2015/ND-CP on waste management"
    assert facts.from_front_matter == ()


def test_dates_in_other_languages(tmp_path: Path) -> None:
    facts = write(
        tmp_path,
        "perwali.txt",
        "Peraturan Wali Kota Bogor tentang kantong plastik\n\n"
        "Peraturan ini diumumkan pada 5 Desember 2018 dan berlaku mulai 1 Januari 2019 di Kota Bogor.\n",
    )
    assert facts.country == "Indonesia" and facts.city == "Bogor" and facts.kind == "regulation"
    assert (facts.announced, facts.in_force) == ("2018-12-05", "2019-01-01")


def test_place_names_demonyms_and_spellings() -> None:
    for name in ("Viet Nam", "Vietnam", "Việt Nam", "Vietnamese", "Hanoi", "Ho Chi Minh City"):
        assert country_of(name) == "Viet Nam", name
    assert country_of("Lao People's Democratic Republic") == country_of("Laos") == "Lao PDR"
    assert country_of("KL") == "Malaysia" and country_of("Quezon City") == "Philippines"
    assert [p.name for p in find_places("Indian Ocean states and North Korea")] == ["North Korea"]


def test_facts_round_trip_through_json() -> None:
    facts = facts_of(ICLEI)
    assert DocFacts.from_dict(json.loads(json.dumps(facts.to_dict()))) == facts


def test_docs_command_lists_every_document_with_facts(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["docs", "--json", "--documents", str(DOCUMENTS)]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert len(rows) == len([p for p in DOCUMENTS.rglob("*") if p.is_file()])
    kep = rows[KEP]
    assert kep["date"] == "2025-11" and kep["title"].startswith("SEA-MaP kicks off")
    assert (kep["facts"]["country"], kep["facts"]["city"], kep["facts"]["kind"]) == (
        "Malaysia",
        "Kuala Lumpur",
        "event",
    )
    assert rows["factsheets/29_cn-hainan-plastic-ban-2020.md"]["facts"]["in_force"] == "2020-12-01"

    assert cli.main(["docs", "--documents", str(DOCUMENTS)]) == 0
    text = capsys.readouterr().out
    assert f"{KEP}: SEA-MaP kicks off" in text and "China, Hainan · regulation" in text


HAINAN = "factsheets/29_cn-hainan-plastic-ban-2020.md"


@pytest.fixture(scope="module")
def indexed(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A small real index: an event page, a provincial ban and a regional campaign page."""
    root = tmp_path_factory.mktemp("facts-index")
    for name in (KEP, ICLEI, HAINAN):
        (root / "documents" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DOCUMENTS / name, root / "documents" / name)
    settings = base_settings.with_(documents_dir=root / "documents", index_dir=root / "index", threads=1)
    retriever.index_documents(settings=settings)
    return settings


def test_docs_command_reads_the_index(indexed: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["docs", "--json", "--index", str(indexed.index_dir)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in listed] == sorted((KEP, ICLEI, HAINAN))
    assert all(list(row) == ["id", "title", "date", "source", "facts"] for row in listed)
    rows = {row["id"]: row for row in listed}
    assert (rows[KEP]["date"], rows[KEP]["source"]) == ("2025-11", "https://seamap-asean.org/?p=8627")
    assert (rows[KEP]["facts"]["country"], rows[KEP]["facts"]["kind"]) == ("Malaysia", "event")
    assert rows[HAINAN]["facts"]["in_force"] == "2020-12-01"
    # The index holds what the documents say, and the Python API gives the same rows.
    for doc_id, row in rows.items():
        assert row["facts"] == facts_of(doc_id).to_dict()
    assert retriever.documents(settings=indexed) == listed

    assert cli.main(["docs", "--index", str(indexed.index_dir)]) == 0
    text = capsys.readouterr().out
    assert f"{HAINAN}: China: Hainan Province bans" in text and "China, Hainan · regulation" in text


def test_docs_without_an_index_name_the_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["docs", "--index", str(tmp_path / "none")]) == 2
    assert "run `python -m retriever index`" in capsys.readouterr().err


def test_a_documents_facts_line_is_in_the_readers_language() -> None:
    facts = DocFacts(country="Malaysia", kind="regulation", in_force="2025-04", supersedes="old.md")
    assert facts.label() == "Malaysia · regulation · in force 2025-04 · replaces old.md"
    assert facts.label("ms") == "Malaysia · peraturan · berkuat kuasa 2025-04 · menggantikan old.md"
    assert facts.label("zh") == "Malaysia · 法规 · 2025-04 起施行 · 取代 old.md"


@pytest.mark.parametrize(
    ("title", "where"),
    [
        ("Sindh (Pakistan): ban on polythene bags", ("Pakistan", "Sindh")),  # a province ISO 3166-2 names
        # Ha Long is in Quang Ninh province: one place, not two (a digest of several places).
        ("Ha Long Bay, Quảng Ninh, goes plastic-free", ("Viet Nam", "Ha Long")),
    ],
)
def test_the_most_specific_place_of_the_title_is_where_a_document_is_set(
    tmp_path: Path, title: str, where: tuple[str, str]
) -> None:
    facts = write(tmp_path, "place.md", f"# {title}\n\nThe rule took effect in June 2023.\n")
    assert (facts.country, facts.city) == where
