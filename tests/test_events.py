"""Events of the shipped collection (checked against the documents), dates as written, listing and filters."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

import retriever
from retriever import Settings, cli
from retriever.dates import as_date, find_dates
from retriever.events import Event, extract_events, list_events, select_events
from retriever.readers import read_document, read_path
from retriever.sources import find_sources
from retriever.types import Document

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"
KEP = "sea-map-kep-epr-kuala-lumpur-2025.txt"
ICLEI = "iclei-east-asia-city-campaigns.txt"
FS = "factsheets/"


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    sources, _ = find_sources(DOCUMENTS)
    return [read_document(s) for s in sources]


@pytest.fixture(scope="module")
def events(corpus: list[Document]) -> list[Event]:
    return [e for doc in corpus for e in extract_events(doc)]


# (document, words of the title, start, end, words of the place) as the documents state them
KNOWN = [
    (KEP, "Knowledge Exchange Program", "2025-11-18", "2025-11-19", "Kuala Lumpur, Malaysia"),
    (ICLEI, "Seoul International Forum on Climate and Environment", "2024-11-07", "2024-11-07", "Seoul"),
    (ICLEI, "Zero Plastic Campaign Programme", "2016", "", "Kuala Lumpur"),
    (
        FS + "01_asean-bangkok-declaration-marine-debris-2019.md",
        "34th ASEAN Summit",
        "2019-06-22",
        "2019-06-22",
        "Bangkok, Thailand",
    ),
    (FS + "02_inc-2-paris-zero-draft-mandate-2023.md", "INC-2", "2023-06-03", "2023-06-03", "Paris"),
    (FS + "02_inc-2-paris-zero-draft-mandate-2023.md", "INC-1", "2022-11", "", "Punta del Este, Uruguay"),
    (FS + "03_inc-3-nairobi-enb-summary-2023.md", "INC-3", "2023-11-11", "2023-11-19", "Nairobi"),
    (FS + "04_inc-4-ottawa-concludes-2024.md", "INC-4", "2024-04-29", "2024-04-29", "Ottawa"),
    (
        FS + "05_3r-forum-9th-bangkok-2019.md",
        "Ninth Regional 3R Forum",
        "2019-03-04",
        "2019-03-06",
        "Bangkok",
    ),
    (
        FS + "06_3r-forum-11th-siem-reap-2023.md",
        "11th Regional 3R and Circular Economy Forum",
        "2023-02-08",
        "2023-02-10",
        "Siem Reap",
    ),
    (
        FS + "08_nowpap-marine-debris-training-busan-2019.md",
        "workshop on marine debris",
        "2019-10",
        "",
        "Busan",
    ),
    (FS + "12_la-npap-planning-workshop-2021.md", "Planning Workshop", "2021-07-07", "2021-07-07", "online"),
    (
        FS + "13_la-vientiane-seminar-plastic-waste-2023.md",
        "Upstream and Downstream",
        "2023-08-23",
        "2023-08-23",
        "National Convention Center (NCC), Vientiane",
    ),
    (
        FS + "19_ph-npap-launch-2025.md",
        "National Plastic Action Partnership",
        "2025-01-23",
        "2025-01-23",
        "Metro Manila",
    ),
    (
        FS + "22_id-npap-source-to-sea-forum-bali-2022.md",
        "Beating Plastic Pollution from Source to Sea",
        "2022-11-03",
        "2022-11-04",
        "Bali",
    ),
    (
        FS + "23_id-npap-7th-steering-board-2024.md",
        "7th Steering Board meeting",
        "2024-10-03",
        "2024-10-03",
        "Jakarta",
    ),
    (
        FS + "25_vn-national-campaign-single-use-plastic-free-2025.md",
        "campaign",
        "2019-06-09",
        "2019-06-09",
        "Hanoi",
    ),
    (
        FS + "27_my-deposit-refund-scheme-3r-forum-2010.md",
        "3R Regional Forum",
        "2010-10-04",
        "2010-10-04",
        "Petaling Jaya",
    ),
    (
        FS + "37_in-tamil-nadu-meendum-manjappai-2021.md",
        "Meendum Manjappai campaign",
        "2021-12-23",
        "2021-12-23",
        "Chennai",
    ),
]


@pytest.mark.parametrize(("doc_id", "title", "start", "end", "place"), KNOWN)
def test_known_events_have_their_dates_and_places(
    events: list[Event], doc_id: str, title: str, start: str, end: str, place: str
) -> None:
    matches = [e for e in events if e.doc_id == doc_id and title.lower() in e.title.lower()]
    assert len(matches) == 1, [e.title for e in events if e.doc_id == doc_id]
    event = matches[0]
    assert (event.start, event.end) == (start, end)
    assert place in event.place


def test_every_quote_is_verbatim_and_holds_a_date(corpus: list[Document], events: list[Event]) -> None:
    texts = {d.id: d.text for d in corpus}
    assert len(events) >= len(KNOWN)
    for event in events:
        assert event.quote in texts[event.doc_id], event
        assert find_dates(event.quote, year=int(event.start[:4])), event
        assert event.title and event.start


def test_organisers_as_the_documents_name_them(events: list[Event]) -> None:
    def organisers(doc_id: str) -> set[str]:
        return {o for e in events if e.doc_id == doc_id for o in e.organisers}

    assert {"SEA-MaP Regional Project", "Asian Institute of Technology (AIT)"} <= organisers(KEP)
    assert "Seoul Metropolitan Government" in organisers(ICLEI)
    forum = organisers(FS + "06_3r-forum-11th-siem-reap-2023.md")
    assert "United Nations Centre for Regional Development (UNCRD)" in forum and len(forum) == 3
    assert "state pollution control board" in organisers(FS + "37_in-tamil-nadu-meendum-manjappai-2021.md")


def test_no_event_without_a_date_of_its_own(events: list[Event]) -> None:
    with_events = {e.doc_id for e in events}
    # A ban, a reporting scheme, a workshop whose dates the update does not give, a campaign day.
    for doc_id in (
        "29_cn-hainan-plastic-ban-2020.md",
        "10_sg-mandatory-packaging-reporting.md",
        "07_cobsea-marine-litter-monitoring-workshop-bangkok-2023.md",
        "18_ph-quezon-city-single-use-plastics-ban-2019.md",
        "17_bn-no-plastic-bag-everyday-2018.md",
    ):
        assert FS + doc_id not in with_events
    # Dates of reports and press releases are not event dates.
    starts = {e.start for e in events}
    assert not {"2019-10-01", "2024-04-30", "2023-02-17", "2023-10-10"} & starts


def test_upcoming_first_then_most_recent(corpus: list[Document]) -> None:
    listed = list_events(corpus, today=dt.date(2025, 11, 19))
    assert [e.title for e in listed[:2]] == [
        "Knowledge Exchange Program (KEP)",
        "Study Tour",
    ]  # running, next
    past = listed[2:]
    assert past[0].start == "2025-01-23" and past[-1].start == "2010-10-04"
    assert [as_date(e.start) for e in past] == sorted((as_date(e.start) for e in past), reverse=True)


def test_date_filters_keep_events_overlapping_the_range(events: list[Event]) -> None:
    chosen = select_events(events, date_from="2024", date_to="2024-10", today=dt.date(2026, 1, 1))
    assert {e.start for e in chosen} == {"2024-04-29", "2024-10-03", "2024-10-27"}
    assert select_events(events, date_from="2023-11-15", date_to="2023-11-15")[0].title.startswith(
        "3rd session"
    )
    assert select_events(events, date_from="2030") == []


def test_an_upcoming_event_in_a_new_document(tmp_path: Path) -> None:
    (tmp_path / "notice.md").write_text(
        "# Notice\n\nThe Regional Workshop on Plastic Credits will be held in Da Nang, Viet Nam, "
        "on 3-5 March 2027. It is organised by UNEP and the Ministry of Natural Resources and "
        "Environment.\n\n"
        "The report was published on 1 February 2026.\n",
        encoding="utf-8",
    )
    doc = read_path(tmp_path / "notice.md", tmp_path)
    [event] = extract_events(doc)
    assert event == Event(
        title="Regional Workshop on Plastic Credits",
        start="2027-03-03",
        end="2027-03-05",
        place="Da Nang, Viet Nam",
        organisers=("UNEP", "Ministry of Natural Resources and Environment"),
        doc_id="notice.md",
        quote="The Regional Workshop on Plastic Credits will be held in Da Nang, Viet Nam, on 3-5 March 2027.",  # noqa: E501
    )
    assert Event.from_dict(json.loads(json.dumps(event.to_dict()))) == event


def test_dates_as_precise_as_written() -> None:
    cases = {
        "18-19 November 2025": ("2025-11-18", "2025-11-19"),
        "20 – 21 November 2025": ("2025-11-20", "2025-11-21"),
        "from 11 to 19 November 2023": ("2023-11-11", "2023-11-19"),
        "20 September to 14 October 2022": ("2022-09-20", "2022-10-14"),
        "On November 7, 2024": ("2024-11-07", "2024-11-07"),
        "in October 2019": ("2019-10", "2019-10"),
        "Roadmap 2021-2030": ("2021", "2030"),
        "on 31/12/2018": ("2018-12-31", "2018-12-31"),
        "2024년 11월 28일": ("2024-11-28", "2024-11-28"),
        "ngày 9 tháng 6 năm 2019": ("2019-06-09", "2019-06-09"),
        "le 3 mars 2023": ("2023-03-03", "2023-03-03"),
        "1 Januari 2024": ("2024-01-01", "2024-01-01"),
    }
    for text, expected in cases.items():
        assert [(d.start, d.end) for d in find_dates(text)] == [expected], text
    assert [d.start for d in find_dates("On November 7th and 5 March", year=2024)] == [
        "2024-11-07",
        "2024-03-05",
    ]
    assert find_dates("On November 7th") == []  # no year known: no date
    assert find_dates("ECO 098:2023, Decree 08/2022/ND-CP, 2,500 people, we may 5, the Post-2025 plan") == []


def test_events_command(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["events", "--documents", str(DOCUMENTS), "--from", "2024-11", "--to", "2025", "--json"]
    assert cli.main([*argv, "--today", "2026-12-02"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["start"] for e in listed] == ["2025-11-20", "2025-11-18", "2025-01-23", "2024-11-07", "2024-11"]
    assert all(list(e) == ["title", "start", "end", "place", "organisers", "doc_id", "quote"] for e in listed)

    assert (
        cli.main(["events", "--documents", str(DOCUMENTS), "--from", "2025-11", "--today", "2025-01-01"]) == 0
    )
    text = capsys.readouterr().out.splitlines()
    assert text[0].startswith(
        "2025-11-18 – 2025-11-19  Knowledge Exchange Program (KEP) — Kuala Lumpur, Malaysia"
    )

    with pytest.raises(SystemExit) as exited:
        cli.main(["events", "--from", "2025-13"])
    assert exited.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


# A small real index: the KEP seed page (two events ahead in 2025), ICLEI's page (several events),
# two INC fact sheets and a regulation without events.
INDEXED = (
    KEP,
    ICLEI,
    FS + "02_inc-2-paris-zero-draft-mandate-2023.md",
    FS + "03_inc-3-nairobi-enb-summary-2023.md",
    FS + "29_cn-hainan-plastic-ban-2020.md",
)


@pytest.fixture(scope="module")
def indexed(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("events-index")
    for name in INDEXED:
        (root / "documents" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DOCUMENTS / name, root / "documents" / name)
    settings = base_settings.with_(documents_dir=root / "documents", index_dir=root / "index", threads=1)
    retriever.index_documents(settings=settings)
    return settings


def test_events_command_reads_the_index(indexed: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    index = ["--index", str(indexed.index_dir)]
    assert (
        cli.main(["events", *index, "--from", "2024-11", "--to", "2025", "--json", "--today", "2026-12-02"])
        == 0
    )
    listed = json.loads(capsys.readouterr().out)
    assert [(e["start"], e["doc_id"]) for e in listed] == [
        ("2025-11-20", KEP),
        ("2025-11-18", KEP),
        ("2024-11-07", ICLEI),
    ]
    assert all(list(e) == ["title", "start", "end", "place", "organisers", "doc_id", "quote"] for e in listed)

    # Everything the index holds is what the documents themselves give, quotes verbatim.
    assert cli.main(["events", *index, "--json", "--today", "2025-06-01"]) == 0
    from_index = json.loads(capsys.readouterr().out)
    assert (
        cli.main(["events", "--documents", str(indexed.documents_dir), "--json", "--today", "2025-06-01"])
        == 0
    )
    assert from_index == json.loads(capsys.readouterr().out)
    texts = {name: read_path(indexed.documents_dir / name, indexed.documents_dir).text for name in INDEXED}
    assert {e["doc_id"] for e in from_index} == set(INDEXED) - {FS + "29_cn-hainan-plastic-ban-2020.md"}
    assert all(e["quote"] in texts[e["doc_id"]] for e in from_index)

    assert cli.main(["events", *index, "--today", "2025-06-01"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0].startswith(
        "2025-11-18 – 2025-11-19  Knowledge Exchange Program (KEP) — Kuala Lumpur, Malaysia"
    )
    assert text[-1].startswith("2016  Zero Plastic Campaign Programme — Kuala Lumpur")


def test_events_api_reads_the_live_index(indexed: Settings) -> None:
    upcoming = retriever.events("2025", settings=indexed, today=dt.date(2025, 11, 19))
    assert [(e.title, e.start) for e in upcoming] == [
        ("Knowledge Exchange Program (KEP)", "2025-11-18"),  # running
        ("Study Tour", "2025-11-20"),
    ]
    inc = retriever.events("2023-11-15", "2023-11-15", settings=indexed)
    assert [(e.start, e.end, e.place) for e in inc] == [("2023-11-11", "2023-11-19", "Nairobi")]


def test_events_without_an_index_name_the_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["events", "--index", str(tmp_path / "none")]) == 2
    assert "run `python -m retriever index`" in capsys.readouterr().err
