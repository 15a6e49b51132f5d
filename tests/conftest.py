"""Shared fixtures: the real corpus indexed once per session with the real model and FAISS."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from fake_telegram import FakeTelegram

from retriever import Settings, index_documents, load_settings

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "documents"


@pytest.fixture(scope="session")
def base_settings() -> Settings:
    """Settings from defaults only, so a developer's .env or environment cannot skew tests."""
    return load_settings(env={}, dotenv=Path("/nonexistent"))


@pytest.fixture(scope="session")
def corpus_settings(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose index holds the whole real documents/ folder (built once per session)."""
    index_dir = tmp_path_factory.mktemp("corpus-index")
    settings = base_settings.with_(
        documents_dir=DOCUMENTS, index_dir=index_dir, data_dir=tmp_path_factory.mktemp("data")
    )
    index_documents(settings=settings)
    return settings


@pytest.fixture()
def docs_copy(tmp_path: Path) -> Path:
    """A private, writable copy of the real documents folder."""
    target = tmp_path / "documents"
    shutil.copytree(DOCUMENTS, target)
    return target


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeTelegram]:
    """A fake Telegram Bot API server on 127.0.0.1, one per test module."""
    with FakeTelegram() as server:
        yield server
