"""Evidence on a small real index: one search, grounded passages, chosen sentences and their features."""

from __future__ import annotations

import math
import re

import pytest

from retriever import Settings, index_documents, keyword
from retriever.answerability import ASKED_WORDS, CROSS, FEATURES
from retriever.evidence import (
    SEARCH_DEPTH,
    assess,
)
from retriever.retrieval import open_searcher

INC3 = "factsheets/03_inc-3-nairobi-enb-summary-2023.md"


def test_assessment_reads_one_version_and_keeps_the_ranked_passages(small_settings: Settings) -> None:
    found = assess(open_searcher(small_settings), "When did INC-3 take place?", settings=small_settings)
    assert len(found.passages) == SEARCH_DEPTH
    assert found.result.version.name == found.result.version.manifest["version"]
    assert found.grounded and found.chosen
    assert {found.passages[c.passage].doc_id for c in found.chosen} == {INC3}
    assert set(found.features) == {*FEATURES, CROSS, ASKED_WORDS}
    assert found.kind == "when" and found.features[ASKED_WORDS] >= 1


def test_only_passages_about_the_named_session_are_quoted(small_settings: Settings) -> None:
    found = assess(open_searcher(small_settings), "What did INC-4 agree?", settings=small_settings)
    assert all("inc-4" in found.passages[c.passage].doc_id for c in found.chosen)


def test_a_session_only_mentioned_in_passing_is_quoted_only_where_named(small_settings: Settings) -> None:
    found = assess(open_searcher(small_settings), "How many people attended INC-5?", settings=small_settings)
    for cand in found.chosen:
        passage = found.passages[cand.passage]
        assert "INC-5" in f"{passage.title} {passage.section} {passage.text}"


@pytest.mark.parametrize(
    "question",
    [
        "How many delegates attended the fourth session of the Intergovernmental Negotiating Committee?",
        "第四届政府间谈判委员会会议有多少代表参加？",
    ],
)
def test_an_ordinal_session_spelled_out_grounds_on_the_numbered_document(
    small_settings: Settings, question: str
) -> None:
    found = assess(open_searcher(small_settings), question, settings=small_settings)
    assert found.grounded and found.chosen
    assert {found.passages[c.passage].doc_id for c in found.chosen} == {
        "factsheets/04_inc-4-ottawa-concludes-2024.md"
    }


def test_an_ordinal_of_another_name_does_not_ground_on_a_numbered_document(small_settings: Settings) -> None:
    found = assess(
        open_searcher(small_settings), "Who hosted the fourth Regional 3R Forum?", settings=small_settings
    )
    inc_4 = "factsheets/04_inc-4-ottawa-concludes-2024.md"
    assert not found.grounded or inc_4 not in {found.passages[c.passage].doc_id for c in found.chosen}


def test_a_year_the_cited_document_never_mentions_is_not_grounded(small_settings: Settings) -> None:
    found = assess(open_searcher(small_settings), "What did Hainan ban in 2031?", settings=small_settings)
    assert not found.grounded


def test_a_question_in_another_language_is_marked_cross_lingual(small_settings: Settings) -> None:
    searcher = open_searcher(small_settings)
    thai = assess(searcher, "INC-3 จัดขึ้นที่ไหน", settings=small_settings)
    english = assess(searcher, "Where was INC-3 held?", settings=small_settings)
    assert thai.features[CROSS] == 1.0 and english.features[CROSS] == 0.0
    assert {thai.passages[c.passage].doc_id for c in thai.chosen} == {INC3}


def test_another_documents_better_cover_counts_only_across_languages(small_settings: Settings) -> None:
    searcher = open_searcher(small_settings)
    english = assess(searcher, "Where was INC-3 held?", settings=small_settings)
    assert english.features["cover_lead"] == 0.0  # names_found reads the names asked in one language
    question = "海南禁止哪些塑料制品？"  # "Which plastic products does Hainan ban?"
    chinese = assess(searcher, question, settings=small_settings)
    cited = chinese.passages[chinese.chosen[0].passage].doc_id
    weights = keyword.question_weights(chinese.result.version.bm25, question)
    tokens = chinese.result.document_tokens
    cover = {p.doc_id: keyword.cover(weights, tokens(p.doc_id)) for p in chinese.passages}
    best_other = max(c for d, c in cover.items() if d != cited)
    assert chinese.features[CROSS] == 1.0
    assert chinese.features["cover_lead"] == pytest.approx(min(0.0, cover[cited] - best_other))


def _collection(base: Settings, tmp: pytest.TempPathFactory, name: str, files: dict[str, str]) -> Settings:
    """A real index of documents written here."""
    docs = tmp.mktemp(name + "-docs")
    for file, text in files.items():
        (docs / file).write_text(text, encoding="utf-8")
    settings = base.with_(documents_dir=docs, index_dir=tmp.mktemp(name + "-index"))
    index_documents(settings=settings)
    return settings


FORUM = (
    "# 1st ASEAN Forum on Plastic Credits meets in Bangkok\n\n"
    "The 1st ASEAN Forum on Plastic Credits was held on 19-20 September 2023 at the Centara Grand hotel "
    "in Bangkok. Officials from ten countries discussed plastic credits and EPR accounting.\n"
)
KHMER_CAMPAIGN = (
    "# យុទ្ធនាការកាត់បន្ថយថង់ប្លាស្ទិកនៅភ្នំពេញ\n\n"
    "រដ្ឋបាលរាជធានីភ្នំពេញបានប្រកាសយុទ្ធនាការកាត់បន្ថយថង់ប្លាស្ទិក នៅថ្ងៃទី៥ ខែមិថុនា ឆ្នាំ២០២៤។ "
    "យុទ្ធនាការនេះត្រូវបានរៀបចំនៅផ្សារចំនួនប្រាំ ហើយអាជីវករត្រូវបានណែនាំឱ្យប្រើកាបូបប្រើឡើងវិញ។\n"
)


def test_a_question_is_not_held_to_its_own_languages_particles(
    base_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A Khmer question shares its particles (ត្រូវបាន, រៀបចំ) with the one Khmer document, rare words
    there: across languages the documents are compared on the words both could hold."""
    settings = _collection(
        base_settings, tmp_path_factory, "particles", {"forum.md": FORUM, "km-campaign.txt": KHMER_CAMPAIGN}
    )
    question = "វេទិកាអាស៊ាន លើកទី1 ស្តីពី plastic credits ឆ្នាំ 2023 ត្រូវបានរៀបចំនៅឯណា?"
    found = assess(open_searcher(settings), question, settings=settings)
    assert found.passages[found.chosen[0].passage].doc_id == "forum.md"
    assert found.features[CROSS] == 1.0 and found.features["cover_lead"] == 0.0


def _one_document(base: Settings, tmp: pytest.TempPathFactory, name: str, text: str) -> Settings:
    """A real index of one document written here."""
    return _collection(base, tmp, name.split(".")[0], {name: text})


SUMMARISED = (
    '---\ntitle: "Riverland bans foam food boxes (2024)"\ndate: "2024-03-02"\n---\n'
    "# Riverland bans foam food boxes (2024)\n\n"
    "Riverland's environment ministry said on 2 March 2024 that restaurants and street vendors must stop "
    "using foam food boxes from 1 July 2024. Shops that keep using them after that date face a warning "
    "first and then a fine.\n\n"
    "The ministry will hold meetings with vendor associations before the ban starts.\n\n"
    "## Key facts\n"
    "- When: announced 2 March 2024; foam food box ban from 1 July 2024\n"
    "- Where: Riverland (nationwide)\n"
    "- Who: environment ministry; restaurants and street vendors\n"
)


@pytest.fixture(scope="module")
def summarised(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """One document whose facts are told in prose and again in a "Key facts" list."""
    return _one_document(base_settings, tmp_path_factory, "foam.md", SUMMARISED)


@pytest.mark.parametrize(
    "question",
    [
        "From when are foam food boxes banned in Riverland?",
        "Bilakah kotak makanan polistirena diharamkan di Riverland?",
    ],
)
def test_the_prose_sentence_is_quoted_before_a_list_line_restating_it(
    summarised: Settings, question: str
) -> None:
    found = assess(open_searcher(summarised), question, settings=summarised)
    best = found.chosen[0]
    quote = found.passages[best.passage].text[best.start : best.end]
    assert quote.startswith("Riverland's environment ministry said"), quote


CITIES = (
    '---\ntitle: "City campaigns against plastic waste"\ndate: "2024-11-07"\n---\n'
    "# City campaigns against plastic waste\n\n"
    "## Bangkok\n\n"
    "With around 9,000 tons of waste generated daily, Bangkok has made waste a priority.\n\n"
    "## Kuala Lumpur\n\n"
    "Kuala Lumpur launched a campaign in 2019 to cut plastic bags in markets.\n"
)


@pytest.fixture(scope="module")
def cities(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """One document with a section per city, only one of which gives a waste figure."""
    return _one_document(base_settings, tmp_path_factory, "cities.md", CITIES)


def test_another_places_figure_does_not_count_as_the_asked_places(cities: Settings) -> None:
    searcher = open_searcher(cities)
    asked_bangkok = assess(searcher, "How much waste does Bangkok generate a day?", settings=cities)
    assert asked_bangkok.features["place_matches"] == 1.0
    assert "9,000 tons" in asked_bangkok.passages[asked_bangkok.chosen[0].passage].text
    # A figure or a date told of another place is never quoted for the asked one.
    asked_malaysia = assess(searcher, "How much waste does Malaysia generate a day?", settings=cities)
    quotes = [asked_malaysia.passages[c.passage].text[c.start : c.end] for c in asked_malaysia.chosen]
    assert not any("Bangkok" in q for q in quotes), quotes
    # Asked where ("Which city ...?"), the answer names another place than the question: not set back.
    which = assess(searcher, "Which city near Malaysia faces 9,000 tons of waste a day?", settings=cities)
    quotes = [which.passages[c.passage].text[c.start : c.end] for c in which.chosen]
    assert "Bangkok" in quotes[0] and not any(c.elsewhere for c in which.chosen), quotes


def test_the_places_asked_about_are_no_evidence_of_the_topic(cities: Settings) -> None:
    weather = assess(open_searcher(cities), "Will it rain in Bangkok tomorrow?", settings=cities)
    # Every passage the place filter keeps names Bangkok: sharing it says nothing of rain.
    assert weather.features["sentence_cover"] == 0.0 and weather.features["document_cover"] == 0.0
    waste = assess(open_searcher(cities), "How much waste does Bangkok generate?", settings=cities)
    assert waste.features["sentence_cover"] > 0.0


NOTICE = (
    '---\ntitle: "Riverland city news"\nlanguage: "en"\n---\n# Riverland city news\n\n'
    "Riverland opened a refill station for drinking water in every park in May 2024.\n\n"
    "## 채용 공고\n\n근무지: 대한민국, 서울. 지원 마감: 2024년 12월 1일.\n"
)


@pytest.fixture(scope="module")
def notice(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """An English page carrying a job notice in Korean."""
    return _one_document(base_settings, tmp_path_factory, "news.md", NOTICE)


def test_a_quote_in_the_questions_own_language_is_not_cross_lingual(notice: Settings) -> None:
    searcher = open_searcher(notice)
    korean = assess(searcher, "서울 근무지 지원 마감은 언제입니까?", settings=notice)
    quote = korean.passages[korean.chosen[0].passage].text[korean.chosen[0].start : korean.chosen[0].end]
    # Its own words then count: a Korean question matched to a Korean line of an English page is
    # no cross-language pair, whatever the page's front matter says.
    assert re.search("[가-힣]", quote) and korean.features[CROSS] == 0.0, quote
    thai = assess(searcher, "Riverland เปิดสถานีเติมน้ำเมื่อไร", settings=notice)
    assert thai.features[CROSS] == 1.0


SEMINAR = (
    '---\ntitle: "Riverland recycling seminar (2024)"\ndate: "2024-05-02"\n---\n'
    "# Riverland recycling seminar (2024)\n\n"
    "On 2 May 2024 the Riverland town hall hosted a seminar on recycling plastic packaging for shop owners. "
    "It was organised by the Riverland Green Office and Lakeside University. "
    "Speakers compared deposit schemes in three neighbouring towns.\n"
)


@pytest.fixture(scope="module")
def seminar(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A passage whose lead sentence introduces an event and whose next one names its organisers."""
    return _one_document(base_settings, tmp_path_factory, "seminar.md", SEMINAR)


def test_the_sentence_stating_the_fact_is_quoted_beside_the_lead(seminar: Settings) -> None:
    found = assess(open_searcher(seminar), "Who organised the Riverland recycling seminar?", settings=seminar)
    quotes = [found.passages[c.passage].text[c.start : c.end] for c in found.chosen]
    assert any(q.startswith("It was organised by the Riverland Green Office") for q in quotes), quotes
    # Whether the best-scored quote itself states the asked kind, beside whether any quote does.
    assert found.features["kind_stated"] == 1.0
    assert found.features["first_stated"] == (1.0 if found.chosen[0].stated else 0.0)
    unasked = assess(open_searcher(seminar), "Riverland recycling seminar", settings=seminar)
    assert unasked.features["first_stated"] == 1.0  # no kind asked: every sentence states it


def test_a_counted_ordinal_the_cited_passage_never_states_is_not_grounded(small_settings: Settings) -> None:
    searcher = open_searcher(small_settings)
    asked = "Which products are in the {} batch of Hainan's banned list?"
    second = assess(searcher, asked.format("second"), settings=small_settings)
    first = assess(searcher, asked.format("first"), settings=small_settings)
    assert not second.grounded  # the sheet publishes only a first batch
    assert first.grounded


PARKS_TH = (
    '---\ntitle: "อุทยานแห่งชาติห้ามโฟม"\nlanguage: "th"\ndate: "2018-08-01"\n---\n'
    "# อุทยานแห่งชาติห้ามโฟม\n\n"
    "กรมอุทยานแห่งชาติห้ามนำโฟมและพลาสติกใช้ครั้งเดียวทิ้งเข้าอุทยานแห่งชาติ 154 แห่ง ตั้งแต่วันที่ 12 สิงหาคม 2561 "
    "นักท่องเที่ยวที่ฝ่าฝืนอาจถูกปรับ\n"
)


@pytest.fixture(scope="module")
def parks(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """One Thai notice: no word of it is shared with a question in English or Khmer."""
    return _one_document(base_settings, tmp_path_factory, "parks.md", PARKS_TH)


def test_word_overlap_is_unmeasured_between_two_languages_the_glossary_does_not_join(parks: Settings) -> None:
    searcher = open_searcher(parks)
    overlap = ("sentence_cover", "document_cover", "cover_lead")
    # The glossary reads questions into English: a Khmer or English question shares no word with a
    # Thai notice whether or not it answers, so its overlap is unknown, not zero.
    for question in ("ប្រទេសថៃហាមយកប្រអប់ស្នោចូលឧទ្យានជាតិប៉ុន្មានកន្លែង?", "How many Thai national parks ban foam?"):
        found = assess(searcher, question, settings=parks)
        assert found.features[CROSS] == 1.0
        assert all(math.isnan(found.features[name]) for name in overlap), found.features
    thai = assess(searcher, "อุทยานแห่งชาติกี่แห่งห้ามโฟม", settings=parks)
    assert thai.features[CROSS] == 0.0 and not math.isnan(thai.features["sentence_cover"])


TABLEWARE = (
    '---\ntitle: "Riverland rules on disposable plastic tableware (2024)"\ndate: "2024-04-22"\n---\n'
    "# Riverland rules on disposable plastic tableware (2024)\n\n"
    "Restaurants may no longer hand out foam boxes or plastic straws from 22 April 2024.\n\n"
    "## Penalties\n\n"
    "After a six-month adaptation period, inspectors may issue a fixed penalty notice of R$2,000.\n"
)


@pytest.fixture(scope="module")
def tableware(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A rule whose fine is stated under a heading, in a sentence that never names what it is for."""
    return _one_document(base_settings, tmp_path_factory, "tableware.md", TABLEWARE)


def test_a_fine_is_stated_by_a_passage_about_what_it_is_for(tableware: Settings) -> None:
    searcher = open_searcher(tableware)
    question = "What is the fine for giving out plastic tableware in Riverland?"
    found = assess(searcher, question, settings=tableware)
    fines = [c for c in found.chosen if "R$2,000" in found.passages[c.passage].text[c.start : c.end]]
    assert fines and fines[0].stated  # (test_selection: diesel's price is not stated by a cup's)


DRAFT_ACT = (
    '---\ntitle: "Riverland: draft Packaging Management Act opened for consultation (2024)"\n'
    'date: "2024-03-01"\n---\n# Riverland: draft Packaging Management Act opened for consultation (2024)\n\n'
    "Riverland's environment ministry opened its draft Packaging Management Act for public consultation. "
    "The draft Packaging Management Act would make packaging producers responsible for collection.\n"
)
DECREE = (
    '---\ntitle: "Lakeland: packaging recycling decree"\ndate: "2025-01-01"\n---\n'
    "# Lakeland: packaging recycling decree\n\n"
    "Lakeland's packaging recycling obligation has been in force since 1 January 2024.\n"
)


@pytest.fixture(scope="module")
def two_laws(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A draft Act with no start date, and another country's decree that has one."""
    return _collection(
        base_settings, tmp_path_factory, "two-laws", {"draft.md": DRAFT_ACT, "decree.md": DECREE}
    )


def test_a_fact_stated_only_outside_the_first_document_is_marked(two_laws: Settings) -> None:
    searcher = open_searcher(two_laws)
    question = "When will Riverland's draft Packaging Management Act come into force?"
    found = assess(searcher, question, settings=two_laws)
    # The draft Act ranks first but states no start; the other law's date is quoted, and marked.
    assert found.passages[0].doc_id == "draft.md" and found.chosen[0].doc_id == "decree.md"
    assert found.features["stated_elsewhere"] == 1.0
    # The decree's own question finds its date in the first document: nothing is elsewhere.
    own = assess(
        searcher, "Since when is Lakeland's packaging recycling obligation in force?", settings=two_laws
    )
    assert own.passages[0].doc_id == "decree.md" and own.features["stated_elsewhere"] == 0.0


FINES_TABLE = (
    "# Riverside City Ordinance No. 14: ban on plastic carry-out bags\n\n"
    "Establishments may no longer give out plastic carry-out bags from 1 July 2021.\n\n"
    "## Fines and penalties\n\n"
    "Violations are recorded by city enforcers through a citation ticket. Fines rise with "
    "each offence.\n\n"
    "Offence | Fine | Additional penalty\n"
    "First offence | PHP 1,000 | Written warning\n"
    "Second offence | PHP 2,500 | Four-hour environmental seminar\n"
    "Third and later offences | PHP 5,000 | Suspension of the business permit for 30 days\n"
)
REPEAT = (
    "# Lakeside bans foam food boxes\n\n"
    "Lakeside banned foam food boxes in 2022. Repeat offenders lose their business permit for a month.\n"
)


def test_an_offence_told_by_its_times_finds_its_row_and_no_quote_must_repeat_it(
    base_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    fines = _one_document(base_settings, tmp_path_factory, "riverside.md", FINES_TABLE)
    asked = "riverside bag ban - what happens to a store caught the 3rd time?"
    third = assess(open_searcher(fines), asked, settings=fines)
    quoted = [third.passages[c.passage].text[c.start : c.end] for c in third.chosen]
    assert quoted[0].startswith("Third and later offences")
    repeat = _one_document(base_settings, tmp_path_factory, "lakeside.md", REPEAT)
    asked = "lakeside foam ban: what happens to a shop caught the third time?"
    # "Repeat offenders" may answer it: the times asked are no name a quote must repeat.
    assert assess(open_searcher(repeat), asked, settings=repeat).grounded


def test_a_person_asked_is_found_in_a_lower_passage_of_the_first_document(small_settings: Settings) -> None:
    # Only the first passage is composed from; it introduces the programme but names nobody, and
    # the paragraph of names and titles that opened it is ranked lower in the same document.
    narrow = small_settings.with_(k=1)
    question = "Who opened the Knowledge Exchange Program training in Kuala Lumpur?"
    found = assess(open_searcher(narrow), question, settings=narrow)
    assert "Azlina" not in found.passages[0].text
    quotes = [found.passages[c.passage].text[c.start : c.end] for c in found.chosen]
    assert any("Azlina Binti Mohd Said" in q for q in quotes), quotes
    assert found.features["kind_stated"] == 1.0
    # A count is told in many passages of a page; only a name, date or place is sought deeper.
    count = assess(
        open_searcher(narrow), "How many organisations spoke at the KEP training?", settings=narrow
    )
    assert {c.passage for c in count.chosen} <= {0}


LAO_DECREE = (
    '---\ntitle: "Ministry explains Decree No. 319/GOV on plastic bags and foam food boxes"\n'
    'date: "2024-06-25"\n---\n# Ministry explains Decree No. 319/GOV on plastic bags and foam food boxes\n\n'
    "Vientiane Capital, Lao PDR, 25 June 2024. The Ministry of Natural Resources and Environment explained "
    "the new decree on plastic bags to retailers and market committees.\n\n"
    "## Fines by offence\n\n"
    "A supermarket that gives out plastic bags free of charge pays 2,000,000 kip for each violation.\n"
)


@pytest.fixture(scope="module")
def lao_decree(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A decree whose fines section never names the country it is about."""
    return _one_document(base_settings, tmp_path_factory, "decree.md", LAO_DECREE)


@pytest.mark.parametrize(
    "question",
    [
        "In Laos, what is the fine for a supermarket giving out free plastic bags?",
        "Ở Lào, siêu thị phát túi nilon miễn phí thì bị phạt bao nhiêu?",
    ],
)
def test_the_place_asked_is_found_in_the_facts_of_a_document_about_it(
    lao_decree: Settings, question: str
) -> None:
    found = assess(open_searcher(lao_decree), question, settings=lao_decree)
    assert "2,000,000 kip" in found.passages[found.chosen[0].passage].text
    assert found.features["names_found"] == 1.0


@pytest.mark.parametrize(
    ("question", "cited"),
    [
        # The ICLEI page is kept by the filter to Japan's cities and shares "policy" (its Korean interface
        # says 공공 정책); it speaks nowhere of Kamikatsu, so it does not outweigh Kamikatsu's own sheet.
        ("가미카쓰 마을의 제로 웨이스트 정책은?", "kamikatsu"),
        # The INC-2 sheet mentions INC-3 and an organiser; the cited INC-3 sheet is titled by it.
        ("INC-3 được tổ chức ở đâu?", "inc-3"),
    ],
)
def test_a_better_covered_document_counts_only_if_about_what_is_asked(
    corpus_settings: Settings, question: str, cited: str
) -> None:
    found = assess(open_searcher(corpus_settings), question, settings=corpus_settings)
    assert cited in found.passages[found.chosen[0].passage].doc_id
    assert found.features["cover_lead"] == 0.0
