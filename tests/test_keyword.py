"""Keyword search over real bm25s indexes: English stems, Thai words, bigrams of other scripts, IDF."""

from __future__ import annotations

import bm25s
import numpy as np
import pytest

from retriever.keyword import american, build_bm25, idf_weights, scores, tokenize, without

CHUNKS = [
    "Hainan banned non-degradable plastic bags from December 2020.",
    "海南省自2020年12月起禁止生产、销售和使用不可降解塑料袋。",
    "ประเทศไทยตั้งเป้านำขยะพลาสติกกลับมาใช้ประโยชน์ 100% ภายในปี 2570",
    "Nghị định 05/2025 quy định trách nhiệm tái chế của nhà sản xuất.",
    "서울시는 일회용 플라스틱 컵 사용을 줄이기 위한 캠페인을 시작했다.",
    "អនុក្រឹត្យលេខ ១៦៨ ស្តីពីការគ្រប់គ្រងថង់ប្លាស្ទិក",
    "Singapore requires producers to report the packaging they place on the market.",
]


def best(query: str) -> int:
    return int(scores(build_bm25(CHUNKS), query, len(CHUNKS)).argmax())


def test_english_is_stemmed_without_stop_words() -> None:
    assert tokenize(["The bans were banning bags"])[0] == ["ban", "were", "ban", "bag"]
    assert best("Which producers must report packaging?") == 6


@pytest.mark.parametrize(
    ("british", "us"),
    [
        ("organised", "organized"),
        ("organisation", "organization"),
        ("programme", "program"),
        ("centre", "center"),
        ("litres", "liters"),
        ("offence", "offense"),
        ("licences", "licenses"),
        ("labour", "labor"),
        ("dialogue", "dialog"),
        ("analysed", "analyzed"),
        ("tyres", "tires"),
    ],
)
def test_british_and_american_spellings_are_one_keyword(british: str, us: str) -> None:
    assert american(british) == us
    assert tokenize([british]) == tokenize([us])


@pytest.mark.parametrize("word", ["rise", "hour", "your", "crisis", "basis", "genre", "malaysia", "size"])
def test_words_that_only_look_british_keep_their_spelling(word: str) -> None:
    assert american(word) == word


def test_an_ordinal_in_words_is_the_same_keyword_as_in_figures() -> None:
    assert tokenize(["the Ninth Regional 3R Forum"]) == tokenize(["the 9th Regional 3R Forum"])
    assert tokenize(["a second offence", "the twelfth session", "the first batch"]) == tokenize(
        ["a 2nd offence", "the 12th session", "the 1st batch"]
    )
    chunks = [*CHUNKS, "The 11th forum met in Siem Reap.", "The Ninth forum met in Bangkok."]
    found = scores(build_bm25(chunks), "Where did the 9th forum meet?", len(chunks))
    assert int(found.argmax()) == len(chunks) - 1


def test_a_question_in_british_spelling_finds_a_passage_in_american() -> None:
    chunks = [*CHUNKS, "The program was organized at the regional center by the ministry."]
    found = scores(build_bm25(chunks), "Who organised the programme at the centre?", len(chunks))
    assert int(found.argmax()) == len(chunks) - 1


def test_scripts_without_spaces_become_words_or_bigrams() -> None:
    assert tokenize(["塑料袋"])[0] == ["塑料", "料袋"]
    assert tokenize(["袋"])[0] == ["袋"]
    assert tokenize(["EPR 制度。"])[0] == ["epr", "制度"]  # punctuation splits a run
    assert tokenize(["ประเทศไทยห้ามถุงพลาสติก"])[0] == ["ประเทศ", "ไทย", "ห้าม", "ถุงพลาสติก"]  # Thai words
    assert tokenize(["ກອງປະຊຸມ"])[0] == ["ກອ", "ອງ", "ງປ", "ປະ", "ະຊ", "ຊຸ", "ຸມ"]  # Lao: bigrams


def test_national_language_questions_find_their_passage() -> None:
    assert best("塑料袋禁令") == 1  # a Chinese question, no spaces, a word never split out in the text
    assert best("ขยะพลาสติก") == 2
    assert best("tái chế nhà sản xuất") == 3
    assert best("플라스틱 컵") == 4  # Korean words carry particles: 플라스틱을 still matches
    assert best("ថង់ប្លាស្ទិក") == 5


def test_a_question_with_no_indexed_word_scores_zero() -> None:
    index = build_bm25(CHUNKS)
    assert not scores(index, "weather tomorrow", len(CHUNKS)).any()
    assert not scores(index, "", len(CHUNKS)).any()


def test_idf_weights_rank_rare_tokens_higher() -> None:
    index = build_bm25(CHUNKS + ["Plastic bags are banned in many cities."] * 3)
    weights = idf_weights(index, "Is the Hainan ban on plastic bags? 塑料")
    assert set(weights) == {"hainan", "ban", "plastic", "bag", "塑料"}
    assert weights["hainan"] > weights["bag"] > 0 and weights["塑料"] == weights["hainan"]
    assert idf_weights(index, "unseenword")["unseenword"] > weights["hainan"]
    assert idf_weights(index, "") == {}


def test_an_index_built_again_with_one_text_changed_equals_one_built_from_scratch() -> None:
    build_bm25(CHUNKS)  # a build's tokens are kept for the next build
    changed = [*CHUNKS[:-1], "Singapore requires brand owners to report packaging data each year."]
    fresh = bm25s.BM25()
    fresh.index(tokenize(changed), show_progress=False)
    index = build_bm25(changed)
    assert index.vocab_dict == fresh.vocab_dict
    for query in ("brand owners report packaging", "塑料袋禁令", "ขยะพลาสติก", "plastic bags"):
        assert np.array_equal(scores(index, query, len(changed)), scores(fresh, query, len(changed)))


def test_words_set_aside_leave_the_question_weights() -> None:
    weights = {"diesel": 5.0, "price": 3.0, "bangkok": 4.0}
    assert without(weights, ["Bangkok", "prices"]) == {"diesel": 5.0}
    assert without(weights, []) is weights
