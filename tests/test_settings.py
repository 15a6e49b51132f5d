"""Settings: read from the environment, checked where they are made, errors that name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

import retriever
from retriever import Settings, SettingsError, load_settings

NO_DOTENV = Path("/nonexistent/.env")


def test_defaults_and_environment_values(tmp_path: Path) -> None:
    assert load_settings(env={}, dotenv=NO_DOTENV) == Settings()
    env = {"RETRIEVER_K": "7", "RETRIEVER_MODE": "bm25", "RETRIEVER_DENSE_WEIGHT": "0.5",
           "RETRIEVER_INDEX_DIR": str(tmp_path / "ix"), "RETRIEVER_THREADS": " "}  # fmt: skip
    settings = load_settings(env=env, dotenv=NO_DOTENV)
    assert (settings.k, settings.mode, settings.dense_weight) == (7, "bm25", 0.5)
    assert settings.index_dir == tmp_path / "ix" and settings.threads == Settings().threads


def test_dotenv_is_read_under_the_environment(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("RETRIEVER_K=9\nRETRIEVER_MODE=dense\n", encoding="utf-8")
    settings = load_settings(env={"RETRIEVER_MODE": "hybrid"}, dotenv=dotenv)
    assert (settings.k, settings.mode) == (9, "hybrid")


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"mode": "x"}, "mode='x' (RETRIEVER_MODE): use dense, bm25 or hybrid"),
        ({"fusion": "max"}, "fusion='max' (RETRIEVER_FUSION): use weighted or rrf"),
        ({"chunk_overlap": 120}, "chunk_overlap=120 (RETRIEVER_CHUNK_OVERLAP)"),
        ({"chunk_words": 20, "chunk_overlap": 25}, "fewer than chunk_words=20"),
        ({"chunk_overlap": -1}, "chunk_overlap=-1"),
        ({"k": 0}, "k=0 (RETRIEVER_K): use a number greater than 0"),
        ({"threads": -2}, "threads=-2 (RETRIEVER_THREADS)"),
        ({"batch_size": 0}, "batch_size=0 (RETRIEVER_BATCH_SIZE)"),
        ({"chunk_words": 0}, "chunk_words=0 (RETRIEVER_CHUNK_WORDS)"),
        ({"dense_weight": 1.5}, "dense_weight=1.5 (RETRIEVER_DENSE_WEIGHT): use a number from 0 to 1"),
        ({"dense_weight": -0.1}, "dense_weight=-0.1"),
    ],
)
def test_unusable_values_are_refused_where_settings_are_made(changes: dict[str, object], named: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings().with_(**changes)
    assert named in str(caught.value)
    with pytest.raises(SettingsError, match="RETRIEVER_"):
        Settings(**changes)  # type: ignore[arg-type]


def test_edge_values_are_accepted() -> None:
    settings = Settings().with_(dense_weight=0.0, chunk_overlap=0, k=1, chunk_words=1)
    assert (settings.dense_weight, settings.chunk_overlap, settings.k) == (0.0, 0, 1)
    assert Settings().with_(dense_weight=1.0, mode=None).mode == "hybrid"  # None leaves a field as it is


def test_environment_errors_name_the_variable() -> None:
    with pytest.raises(SettingsError, match=r"mode='fast' \(RETRIEVER_MODE\)"):
        load_settings(env={"RETRIEVER_MODE": "fast"}, dotenv=NO_DOTENV)
    with pytest.raises(SettingsError, match="RETRIEVER_K='five' is not a valid int"):
        load_settings(env={"RETRIEVER_K": "five"}, dotenv=NO_DOTENV)
    with pytest.raises(SettingsError, match=r"RETRIEVER_CHUNK_OVERLAP"):
        load_settings(env={"RETRIEVER_CHUNK_WORDS": "20"}, dotenv=NO_DOTENV)  # the default overlap is 25


def test_ask_and_search_with_a_bad_mode_raise_instead_of_refusing(tmp_path: Path) -> None:
    settings = load_settings(env={}, dotenv=NO_DOTENV).with_(index_dir=tmp_path / "no-index")
    with pytest.raises(SettingsError, match=r"mode='x' \(RETRIEVER_MODE\)"):
        retriever.ask("What is the fee for plastic bags?", mode="x", settings=settings)
    with pytest.raises(SettingsError, match=r"mode='x'"):
        retriever.search("plastic bags", mode="x", settings=settings)
    with pytest.raises(SettingsError, match=r"k=0 \(RETRIEVER_K\)"):
        retriever.ask("What is the fee for plastic bags?", k=0, settings=settings)
