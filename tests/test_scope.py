"""Question scope (place, time, latest, in force) on the real collection's facts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from shipped import collection as shipped

from retriever import Settings, ask, documents, index_documents, scope
from retriever.gold import GOLD_DIR, load_gold
from retriever.metrics import contains_any

TODAY = dt.date(2026, 1, 15)
KEP = "sea-map-kep-epr-kuala-lumpur-2025.txt"
MY_BAN = "factsheets/28_my-single-use-plastic-bag-ban-parks-premises-2025.md"
HAINAN = "factsheets/29_cn-hainan-plastic-ban-2020.md"
KH_168 = "factsheets/11_kh-sub-decree-168-plastic-bags.md"
FORUM_9 = "factsheets/05_3r-forum-9th-bangkok-2019.md"
FORUM_11 = "factsheets/06_3r-forum-11th-siem-reap-2023.md"
TH_DRAFT = "factsheets/24_th-draft-sustainable-packaging-management-act-2024.md"


@pytest.fixture(scope="module")
def collection() -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Manifest entries and texts of every document of the shipped collection."""
    return shipped()


@pytest.fixture(scope="module")
def entries(collection: tuple[dict[str, dict[str, Any]], dict[str, str]]) -> dict[str, dict[str, Any]]:
    return collection[0]


def _countries(entry: dict[str, Any]) -> set[str]:
    facts = entry["facts"]
    return {facts["country"], *facts["countries"]}


def test_country_filter_keeps_the_countrys_documents(entries: dict[str, dict[str, Any]]) -> None:
    found = scope.parse("What plastic bag measures exist in Malaysia?", entries)
    assert not found.empty() and found.places == ("Malaysia",)
    assert {MY_BAN, KEP} <= set(found.doc_ids or ()) and HAINAN not in (found.doc_ids or ())
    assert all("Malaysia" in _countries(entries[d]) for d in found.doc_ids or ())
    assert found.description == "documents about Malaysia"
    assert found.filters() == {"doc_ids": list(found.doc_ids or ())}
    assert scope.parse("What did the Malaysian government plan?", entries).doc_ids == found.doc_ids


@pytest.mark.parametrize(
    ("question", "country"),
    [
        ("Apa peraturan beg plastik di Malaysia?", "Malaysia"),
        ("在马来西亚有哪些塑料袋政策?", "Malaysia"),
        ("말레이시아의 플라스틱 정책은 무엇입니까?", "Malaysia"),
        ("นโยบายถุงพลาสติกในประเทศไทยคืออะไร", "Thailand"),
        ("Chính sách túi nhựa ở Việt Nam là gì?", "Viet Nam"),
        ("Kebijakan plastik di Indonesia apa saja?", "Indonesia"),
    ],
)
def test_country_named_in_other_languages(
    entries: dict[str, dict[str, Any]], question: str, country: str
) -> None:
    found = scope.parse(question, entries)
    english = scope.parse(f"What plastic policies exist in {country}?", entries)
    assert found.places == (country,) and found.doc_ids == english.doc_ids and found.doc_ids


def test_city_filter_and_subject_place(entries: dict[str, dict[str, Any]]) -> None:
    kl = scope.parse("Who opened the EPR training in Kuala Lumpur?", entries)
    assert KEP in (kl.doc_ids or ()) and HAINAN not in (kl.doc_ids or ())
    assert kl.description == "documents about Kuala Lumpur (Malaysia)"
    # A place that is merely the question's subject still filters, to that place and its country.
    hainan = scope.parse("When did Hainan ban non-degradable bags?", entries)
    assert HAINAN in (hainan.doc_ids or ())
    assert all("China" in _countries(entries[d]) for d in hainan.doc_ids or ())


def test_a_place_typed_in_lower_case_filters_too(entries: dict[str, dict[str, Any]]) -> None:
    assert scope.parse("is korea doing anything about over-wrapped goods?", entries).places == (
        "Republic of Korea",
    )


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("malang's mayor regulation on kresek: the perwali no.?", [("Malang", "Indonesia", "city")]),
        ("makati fine for styrofoam containers?", [("Makati", "Philippines", "city")]),
        ("perwali malang nomor berapa?", []),  # in Indonesian, "malang" may be a word (unlucky)
        ("nasib malang sekali", []),
    ],
)
def test_a_name_that_is_a_word_elsewhere_is_a_place_in_english_typed_lower_case(
    question: str, places: list[tuple[str, str, str]]
) -> None:
    assert scope.question_places(question) == places


def test_a_place_set_aside_is_no_filter(entries: dict[str, dict[str, Any]]) -> None:
    found = scope.parse("How many NGO observers were at the Paris session, not Ottawa?", entries)
    assert found.places == ("Paris",)


def test_a_vietnamese_abbreviation_is_no_country_code() -> None:
    # "KH" is kế hoạch (a plan) in a Vietnamese question, Cambodia's code in an English one.
    assert (
        scope.question_places("KH hành động quốc gia rác thải nhựa đại dương: đến 2030 giảm bao nhiêu %?")
        == []
    )
    assert scope.question_places("KH plastic bag sub-decree - fine?") == [("Cambodia", "Cambodia", "country")]


SAR = {
    "macao.md": '---\ntitle: "Macao: Law 16/2019 restricts plastic bags"\njurisdiction: "Macao"\n'
    'date: "2019-11-18"\n---\nRetailers in Macao must charge MOP1 per plastic bag. A retailer that does '
    "not charge can be fined MOP1,000.\n",
    "china.md": '---\ntitle: "China: National plastic pollution plan"\njurisdiction: "China"\n'
    'date: "2021-09-16"\n---\nChina\'s national plan sets 2025 targets for plastic in retail and delivery.\n',
}


def test_a_special_administrative_region_is_its_own_jurisdiction(
    base_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Macao and Hong Kong make their own laws: a question about Macao is not answered from China's plan,
    # nor a question about China from Macao's law.
    docs = tmp_path_factory.mktemp("sar-docs")
    for name, text in SAR.items():
        (docs / name).write_text(text, encoding="utf-8")
    settings = base_settings.with_(documents_dir=docs, index_dir=tmp_path_factory.mktemp("sar-index"))
    index_documents(settings=settings)
    entries = documents(settings)
    assert scope.question_places("Macau plastic bag law: fine?") == [("Macao", "Macao", "city")]
    assert scope.parse("Macau plastic bag law: what is the fine?", entries).doc_ids == ("macao.md",)
    assert scope.parse("澳門塑膠袋罰款是多少？", entries).doc_ids == ("macao.md",)
    assert scope.parse("What are China's 2025 plastic targets?", entries).doc_ids == ("china.md",)
    assert scope.question_places("香港即棄塑膠餐具") == [("Hong Kong", "Hong Kong", "city")]


def test_places_without_documents_or_inside_names_are_no_filter(entries: dict[str, dict[str, Any]]) -> None:
    assert scope.parse("What are the plastic bag rules in Peru?", entries).empty()
    assert scope.parse("What does the Bangkok Declaration commit members to?", entries).empty()
    plain = scope.parse("What is extended producer responsibility?", entries)
    assert plain.empty() and plain.filters() == {} and plain.description == ""


def _dates(entry: dict[str, Any]) -> list[str]:
    facts = entry["facts"]
    events = [e["start"] for e in entry["events"]]
    return [v for v in (entry["date"], facts["announced"], facts["in_force"], *events) if v]


def test_time_filters(entries: dict[str, dict[str, Any]]) -> None:
    since = scope.parse("What bans were adopted since 2023?", entries)
    assert since.date_from == "2023" and since.date_to is None and since.description == "documents since 2023"
    assert MY_BAN in (since.doc_ids or ()) and KH_168 not in (since.doc_ids or ())
    assert all(any(v[:4] >= "2023" for v in _dates(entries[d])) for d in since.doc_ids or ())
    before = scope.parse("Which bans came before 2019?", entries)
    assert (
        before.date_to == "2018" and KH_168 in (before.doc_ids or ()) and MY_BAN not in (before.doc_ids or ())
    )
    after = scope.parse("What happened in Indonesia after 2020?", entries)
    assert after.date_from == "2021" and after.places == ("Indonesia",)
    assert all(any(v[:4] >= "2021" for v in _dates(entries[d])) for d in after.doc_ids or ())
    # A year asked about: documents of that year, and later ones that can recall it.
    year = scope.parse("What did Yangon ban in 2011?", entries)
    assert year.date_from == "2011" and "factsheets/15_mm-yangon-hdpe-plastic-bag-ban-2011.md" in (
        year.doc_ids or ()
    )
    assert scope.parse("Kebijakan apa sejak 2023?", entries).date_from == "2023"
    # A year none of the place's documents is dated in (or due) keeps the place, not the year.
    target = scope.parse("Berapa target pengurangan sampah laut Indonesia pada 2031?", entries)
    assert target.places == ("Indonesia",) and target.date_from is None and target.doc_ids
    assert target.description == "documents about Indonesia"
    assert scope.parse("2023年以来有哪些新规定?", entries).date_from == "2023"


def test_an_event_of_a_year_keeps_the_documents_of_that_year(entries: dict[str, dict[str, Any]]) -> None:
    # "The 2023 forum" is the 11th (Siem Reap, 2023), not the 9th (Bangkok, 2019).
    found = scope.parse("Who hosted the 2023 forum on 3R?", entries)
    kept = found.doc_ids or ()
    assert found.date_from == "2023" and FORUM_11 in kept and FORUM_9 not in kept
    assert scope.parse("Who hosted the forum with 2023 targets?", entries).date_from is None


def test_a_year_none_of_the_asked_citys_documents_is_dated_in_keeps_the_city(
    entries: dict[str, dict[str, Any]],
) -> None:
    # Hainan's 2020 ban is the only document set there; China's 2021 plan is dated 2021. "Bags saved in
    # 2021" is told in Hainan's later reports, not in the national plan: the year is no filter.
    found = scope.parse("How many bags did Hainan save in 2021?", entries)
    assert HAINAN in (found.doc_ids or ()) and found.date_from is None
    assert found.description == "documents about Hainan (China)"
    # A year the city's own document is dated in still filters.
    assert scope.parse("What did Hainan ban in 2020?", entries).date_from == "2020"


def test_a_time_to_come_keeps_only_documents_dated_then_or_later(entries: dict[str, dict[str, Any]]) -> None:
    # The KL training was in November 2025: nothing the collection holds speaks of next week.
    weather = scope.parse("weather in kuala lumpur next week? attending the training", entries, today=TODAY)
    assert weather.doc_ids == () and weather.date_from == "2026-01-16"
    assert weather.description == "documents about Kuala Lumpur (Malaysia) from 2026-01-16"
    assert scope.parse("Cuaca di Bangkok besok?", entries, today=TODAY).doc_ids == ()  # tomorrow
    assert scope.parse("明天首尔论坛几点开始?", entries, today=TODAY).doc_ids == ()  # the forum, tomorrow
    # A document dated later (an event to come, a rule taking effect) still speaks of it.
    early = scope.parse("What happens in Malaysia next month?", entries, today=dt.date(2024, 1, 15))
    assert early.doc_ids and all(any(v >= "2024-01-16" for v in _dates(entries[d])) for d in early.doc_ids)
    # Without a time to come, no time filter.
    assert scope.parse("When was the training in Kuala Lumpur?", entries, today=TODAY).date_from is None


def test_a_place_set_aside_in_any_case_is_no_filter() -> None:
    assert scope.question_places("microbead ban - which agency enforces it in NZ (not taiwan)?") == []
    malaysia, thailand = [("Malaysia", "Malaysia", "country")], [("Thailand", "Thailand", "country")]
    assert scope.question_places("bans in malaysia rather than thailand") == malaysia
    assert scope.question_places("Larangan beg di Malaysia, bukan Thailand?") == malaysia
    # "not" before a verb sets nothing aside.
    assert scope.question_places("Does the ban not apply in Thailand?") == thailand


def test_latest_and_in_force(entries: dict[str, dict[str, Any]]) -> None:
    forum = scope.parse("What was the most recent 3R Forum about?", entries)
    assert forum.latest and forum.kind == "event" and FORUM_11 in (forum.doc_ids or ())
    assert FORUM_9 not in (forum.doc_ids or ())
    named = scope.parse("What is the latest on Sub-Decree 168 in Cambodia?", entries)
    assert not named.latest and KH_168 in (named.doc_ids or ())  # a named document is not hidden as old
    latest = scope.parse("What is the latest regulation in Malaysia?", entries)
    assert latest.doc_ids == (MY_BAN,)
    assert latest.description.startswith("the latest regulations about Malaysia")
    in_force = scope.parse("Which plastic rules are currently in force in Thailand?", entries, today=TODAY)
    assert in_force.in_force and TH_DRAFT not in (in_force.doc_ids or ())  # a draft act is not in force
    taiwan = scope.parse("Which bans are currently in force in Taiwan?", entries, today=TODAY)
    assert taiwan.doc_ids and all(entries[d]["facts"]["kind"] == "regulation" for d in taiwan.doc_ids)
    assert all(entries[d]["facts"]["in_force"] <= "2026" for d in taiwan.doc_ids)


def test_gold_questions_keep_their_evidence_document(
    collection: tuple[dict[str, dict[str, Any]], dict[str, str]],
) -> None:
    """Every answerable gold question that states a filter keeps the document holding its evidence."""
    entries, texts = collection
    scoped = 0
    for name in ("gold_qa", "multilingual"):
        for q in load_gold(GOLD_DIR / f"{name}.jsonl"):
            holders = {d for d, t in texts.items() if q.answerable and contains_any(t, q.evidence)}
            found = scope.parse(q.question, entries, today=TODAY)
            if holders and not found.empty():
                scoped += 1
                assert holders & set(found.doc_ids or ()), (q.id, found.description)
    assert scoped >= 30


def test_scope_from_a_live_index_filters_ask(small_settings: Settings) -> None:
    """`retriever.documents()` feeds parse; ask() with its filters cites only documents in scope."""
    found = scope.parse(
        "When did Hainan ban non-degradable plastic bags?", documents(settings=small_settings)
    )
    assert found.doc_ids == (HAINAN,)
    answer = ask(
        "When did Hainan ban non-degradable plastic bags?", settings=small_settings, **found.filters()
    )
    assert not answer.refused and {c.doc_id for c in answer.citations} == {HAINAN}


def test_a_province_the_hand_made_list_lacks_filters_by_its_iso_name() -> None:
    entries = {
        "zj.md": {
            "title": "Zhejiang limits takeaway plastics",
            "facts": {"country": "China", "city": "Zhejiang"},
        },
        "gd.md": {"title": "Guangdong bans foam boxes", "facts": {"country": "China", "city": "Guangdong"}},
    }
    found = scope.parse("what does zhejiang require of takeaway platforms?", entries)
    assert found.places == ("Zhejiang",) and set(found.doc_ids or ()) == {"zj.md"}
