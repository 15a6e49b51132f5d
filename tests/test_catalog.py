"""The documents' catalog: the same scopes as reading every document's facts for every question, exact
title names as `has_exact` finds them, date ranges at each bound's precision, one catalog per version."""

from __future__ import annotations

import datetime as dt
import gc
import re
import shutil
import weakref
from pathlib import Path
from typing import Any

import pytest
from conftest import DOCUMENTS
from shipped import collection

from retriever import Settings, ask, catalog, exact, grounding, index_documents, scope, store
from retriever.catalog import DateIndex, facts_of, in_range, own_dates, superseded_by
from retriever.gold import GOLD_DIR, load_gold

TODAY = dt.date(2026, 1, 15)
HAINAN = "factsheets/29_cn-hainan-plastic-ban-2020.md"
TAIPEI = "factsheets/32_tw-taipei-city-disposable-plastic-cup-ban-2022.md"
QUESTIONS = [
    "What plastic bag measures exist in Malaysia?",
    "Who opened the EPR training in Kuala Lumpur?",
    "When did Hainan ban non-degradable bags?",
    "What are the plastic bag rules in Peru?",
    "What does Kuching require of shops?",  # a city no document is set in
    "What bans were adopted since 2023?",
    "Which bans came before 2019?",
    "What happened in Indonesia after 2020?",
    "What did Yangon ban in 2011?",
    "Which measures were taken between 2019 and 2021 in Thailand?",
    "What was planned from 2020 to 2022?",
    "What was the most recent 3R Forum about?",
    "What is the latest regulation in Malaysia?",
    "What are the latest plans?",
    "What is the latest news?",
    "Which plastic rules are currently in force in Thailand?",
    "Which bans are currently in force in Taiwan?",
    "What rules are currently in force?",
    "What is the latest on INC-3?",
    "What is extended producer responsibility?",
]


def _reference(question: str, entries: dict[str, Any], today: dt.date) -> scope.Scope:
    """`scope.parse` as it read every document's facts on every question, before the catalog."""
    text = " ".join(question.split())
    facts = {d: facts_of(e) for d, e in entries.items()}
    keep, words, places = set(entries), [], []
    for name, country, kind in scope.question_places(text):
        where: set[str] = set()
        for d, f in facts.items():
            if kind == "country" and name in (f.country, *f.countries):
                where.add(d)
            own = (f.country,) if f.country else f.countries
            if kind == "city" and (f.city == name or (not f.city and country in own)):
                where.add(d)
        if kind == "city" and not any(facts[d].city == name for d in where):
            where = set()
        if where:
            places.append(((name, country, kind), where))
    if places:
        keep = set().union(*(w for _, w in places))
        words.append("about " + ", ".join(p[0] + (f" ({p[1]})" if p[2] == "city" else "") for p, _ in places))
    date_from, date_to, when = scope._time(text)
    if when:
        due = when.endswith("or later")
        keep = {
            d
            for d in keep
            if any(in_range(v, date_from, date_to) for v in own_dates(entries[d], facts[d], due))
        }
        words.append(when)
    elif scope._SOON.search(text):
        date_from = (today + dt.timedelta(days=1)).isoformat()
        keep = {d for d in keep if any(in_range(v, date_from, None) for v in own_dates(entries[d], facts[d]))}
        words.append(f"from {date_from}")
    in_force = bool(scope._IN_FORCE.search(text))
    latest = bool(scope._LATEST.search(text)) and not in_force and not grounding.focus(text).exact
    kind = ""
    if latest or in_force:
        kind = (
            "regulation"
            if in_force
            else next((k for k, rx in scope._KIND_RES.items() if rx.search(text)), "")
        )
        narrowed = {d for d in keep if facts[d].kind == kind} if kind else keep
        keep, kind = (narrowed, kind) if narrowed or in_force else (keep, "")
    if in_force:
        now, replaced = today.isoformat(), superseded_by(entries)
        keep = {
            d
            for d in keep
            if d not in replaced
            and not re.search(r"\b(?:draft|proposed|proposal|consultation)\b", entries[d]["title"], re.I)
            and all(v <= now[: len(v)] for v in (facts[d].in_force, facts[d].announced) if v)
        }
        words.append("in force now")
    if latest:
        years = {d: max((int(v[:4]) for v in own_dates(entries[d], facts[d])), default=0) for d in keep}
        newest = max(years.values(), default=0)
        keep = {d for d in keep if years[d] and years[d] > newest - scope.RECENT_YEARS}
        if newest:
            words.append(f"({newest - scope.RECENT_YEARS + 1} onwards)")
    if not (words or latest):
        return scope.Scope()
    noun = {"regulation": "regulations", "roadmap": "plans", "campaign": "campaigns", "event": "events"}
    description = " ".join(["the latest" if latest else "", noun.get(kind, "documents"), *words]).strip()
    return scope.Scope(tuple(sorted(keep)), tuple(p[0] for p, _ in places), date_from, date_to, latest,
                       in_force, kind, description)  # fmt: skip


def _with_dated(entries: dict[str, Any]) -> dict[str, Any]:
    """The collection and documents dated at every precision, by date, deadline, event start, and
    announcement and entry into force around `TODAY`."""
    added = {}
    for i, (date, deadline, start, announced, in_force) in enumerate(
        [("2023", "", "", "", "2026"), ("2023-05", "", "", "2026-01-15", ""),
         ("2023-05-01", "2030", "", "", ""), ("", "2019-12-31", "2018-06", "2026-01", "2026-01-16"),
         ("2031-02", "", "2024", "", "2026-02"), ("", "", "", "2027", "")]
    ):  # fmt: skip
        added[f"dated/{i}.md"] = {
            "title": f"Thailand dated {i}" + (" (draft)" if i == 2 else ""),
            "date": date,
            "source": "",
            "facts": {"country": "Thailand", "kind": "regulation", "deadline": deadline,
                      "announced": announced, "in_force": in_force},
            "events": [{"start": start}] if start else [],
        }  # fmt: skip
    return entries | added


def test_scopes_equal_reading_every_document(tmp_path: Path) -> None:
    """Every gold question and a set of filters, on the shipped facts and with documents dated at
    every precision: the catalog keeps exactly the documents a scan of all of them kept."""
    entries = _with_dated(collection()[0])
    gold = [q.question for name in ("gold_qa", "multilingual") for q in load_gold(GOLD_DIR / f"{name}.jsonl")]
    filtered = 0
    for question in [*QUESTIONS, *gold]:
        found = scope.parse(question, entries, today=TODAY)
        assert found == _reference(question, entries, TODAY), question
        filtered += not found.empty()
    assert filtered >= 40
    as_listed = [{"id": d} | e for d, e in entries.items()]  # `retriever.documents()` gives a list
    assert scope.parse(QUESTIONS[0], as_listed) == scope.parse(QUESTIONS[0], entries)
    thai = scope.parse("Which plastic rules are currently in force in Thailand?", entries, today=TODAY)
    assert {"dated/0.md", "dated/1.md"} <= set(thai.doc_ids or ()) and not {"dated/3.md", "dated/4.md"} & set(
        thai.doc_ids or ()
    )  # in force this year or today, not from tomorrow or next month


@pytest.mark.parametrize("bound", ["2023", "2023-05", "2023-05-01", "2023-06", "2024", "2019-12-31"])
def test_date_ranges_read_each_bound_at_its_own_precision(bound: str) -> None:
    values = ["2018", "2019-12", "2019-12-31", "2023", "2023-04-30", "2023-05", "2023-05-01", "2023-05-31",
              "2023-06", "2023-12-31", "2024", "2024-01-01"]  # fmt: skip
    dates = DateIndex((v, v) for v in values)
    for low, high in [(bound, None), (None, bound), (bound, bound), ("2019", bound), (bound, "2023-05")]:
        assert dates.between(low, high) == {v for v in values if in_range(v, low, high)}, (low, high)


def test_titles_are_looked_up_as_has_exact_reads_them() -> None:
    entries = collection()[0] | {"inc-30.md": {"title": "INC 30 and the Ninth Forum, Decree No. 5"}}
    titles = catalog.of(entries)
    tokens = {t for e in entries.values() for t in exact.exact_tokens(e["title"])}
    assert {"inc-3", "inc-30", "9th", "decree-5"} <= tokens
    for token in [*tokens, "inc-7", "10th"]:
        assert titles.titled(token) == {d for d, e in entries.items() if exact.has_exact(e["title"], token)}
    assert titles.numbered_titles(30) == {"inc-30": frozenset({"inc-30.md"})}
    assert set(titles.numbered_titles(5)) == {"decree-5"} and titles.numbered_titles(7) == {}


def test_documents_set_in_a_place_are_not_those_only_naming_it() -> None:
    entries = collection()[0]
    docs = catalog.of(entries)
    iclei = "iclei-east-asia-city-campaigns.txt"
    assert iclei in docs.place_docs("Japan", "Japan", "country")  # it names Japan once
    japan = docs.own_docs("Japan", "Japan", "country")
    assert iclei not in japan and "factsheets/33_jp-plastic-shopping-bag-charge-2020.md" in japan
    # A city's own documents and its country's national ones, not another city's.
    kamikatsu = docs.own_docs("Kamikatsu", "Japan", "city")
    assert "factsheets/34_jp-kamikatsu-zero-waste-town-hall-initiatives.md" in kamikatsu
    assert "factsheets/33_jp-plastic-shopping-bag-charge-2020.md" in kamikatsu and iclei not in kamikatsu


def test_a_catalog_is_kept_for_its_documents_and_let_go_later() -> None:
    entries = dict(collection()[0])
    held = catalog.of(entries)
    assert catalog.of(entries) is held and held.superseded == {}
    gone = weakref.ref(held)
    del held
    for _ in range(catalog.KEEP):
        catalog.of(dict(entries))  # newer versions' documents
    gc.collect()
    assert gone() is None


def test_a_new_version_is_scoped_by_its_own_documents(base_settings: Settings, tmp_path: Path) -> None:
    """A city the live index has no document about is no filter; once a build adds one, it is."""
    docs = tmp_path / "docs"
    (docs / "factsheets").mkdir(parents=True)
    shutil.copy(DOCUMENTS / HAINAN, docs / HAINAN)
    settings = base_settings.with_(
        documents_dir=docs, index_dir=tmp_path / "index", data_dir=tmp_path / "data"
    )
    index_documents(settings=settings)
    question = "What is Taipei's rule on disposable plastic cups?"
    before = ask(question, settings=settings)
    first = store.load_version(settings.index_dir).manifest["documents"]
    assert before.scope == "" and catalog.of(first).place_docs("Taipei", "Taiwan", "city") == set()
    shutil.copy(DOCUMENTS / TAIPEI, docs / TAIPEI)
    index_documents(settings=settings)
    after = ask(question, settings=settings)
    assert "Taipei" in after.scope
    assert {c.doc_id for c in after.citations} == {TAIPEI}
    assert ask("When did Hainan ban non-degradable plastic bags?", settings=settings).scope.endswith("Hainan")


def test_a_city_is_spoken_for_by_its_own_countrys_national_documents_only() -> None:
    entries = {
        "kl-workshop.md": {"title": "Workshop in Kuala Lumpur", "facts": {"country": "Malaysia",
                           "countries": ["Malaysia", "Viet Nam"], "kind": "event"}},
        "vn-law.md": {"title": "Viet Nam law", "facts": {"country": "Viet Nam", "kind": "regulation"}},
        "hanoi.md": {"title": "Hanoi", "facts": {"country": "Viet Nam", "city": "Hanoi", "kind": "event"}},
        "asean.md": {"title": "ASEAN", "facts": {"countries": ["Viet Nam", "Thailand"], "kind": "event"}},
    }  # fmt: skip
    hanoi = catalog.of(entries).place_docs("Hanoi", "Viet Nam", "city")
    # Viet Nam's law and a document of no one country listing it speak for Hanoi; a workshop in
    # Kuala Lumpur that Vietnamese officials attended does not.
    assert hanoi == {"hanoi.md", "vn-law.md", "asean.md"}
    assert "kl-workshop.md" in catalog.of(entries).place_docs("Viet Nam", "Viet Nam", "country")


def test_the_documents_titled_by_a_name_hold_it_as_whole_words() -> None:
    docs = catalog.of(collection()[0])
    assert docs.title_named("quezon city") == {
        "factsheets/18_ph-quezon-city-single-use-plastics-ban-2019.md"
    }  # fmt: skip
    assert docs.title_named("kamikatsu") == {"factsheets/34_jp-kamikatsu-zero-waste-town-hall-initiatives.md"}
    assert docs.title_named("quezon cit") == frozenset()  # a word's start is no mention
    assert docs.title_named("port dickson") == frozenset()
