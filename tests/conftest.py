"""Shared fixtures: the real corpus indexed once per session with the real model and FAISS."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from fake_telegram import FakeTelegram, Rejections

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


def _indexed(base: Settings, factory: pytest.TempPathFactory, name: str, docs: Path) -> Settings:
    """Settings over `docs` with a fresh index of them and their own data folder."""
    settings = base.with_(
        documents_dir=docs, index_dir=factory.mktemp(f"{name}-index"), data_dir=factory.mktemp(f"{name}-data")
    )
    index_documents(settings=settings)
    return settings


# Look-alikes (three INC sessions, two numbered 3R forums), city bans, and the KL event seed page.
SMALL_CORPUS = (
    "factsheets/02_inc-2-paris-zero-draft-mandate-2023.md",
    "factsheets/03_inc-3-nairobi-enb-summary-2023.md",
    "factsheets/04_inc-4-ottawa-concludes-2024.md",
    "factsheets/05_3r-forum-9th-bangkok-2019.md",
    "factsheets/06_3r-forum-11th-siem-reap-2023.md",
    "factsheets/18_ph-quezon-city-single-use-plastics-ban-2019.md",
    "factsheets/29_cn-hainan-plastic-ban-2020.md",
    "factsheets/32_tw-taipei-city-disposable-plastic-cup-ban-2022.md",
    "sea-map-kep-epr-kuala-lumpur-2025.txt",
)


@pytest.fixture(scope="session")
def small_settings(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A real index of nine real documents with look-alike entities (built once per session)."""
    docs = tmp_path_factory.mktemp("small-docs")
    for name in SMALL_CORPUS:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DOCUMENTS / name, docs / name)
    return _indexed(base_settings, tmp_path_factory, "small", docs)


@pytest.fixture(scope="session")
def small_copy(
    small_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], Settings]:
    """A writable copy of the small collection and its index, for a test module that edits them."""

    def copy(name: str) -> Settings:
        root = tmp_path_factory.mktemp(name)
        shutil.copytree(small_settings.documents_dir, root / "documents")
        shutil.copytree(small_settings.index_dir, root / "index")
        return small_settings.with_(
            documents_dir=root / "documents", index_dir=root / "index", data_dir=root / "data"
        )

    return copy


@pytest.fixture()
def rejections(fake: FakeTelegram) -> Iterator[Rejections]:
    """Fails a bot test in which Telegram rejected more calls than the test allowed."""
    mark = fake.mark()
    expected = Rejections()
    yield expected
    errors = [(c.method, c.error) for c in fake.errors(since=mark)]
    assert len(errors) == expected.allowed, errors


# Written for these tests (not from any evaluation set): a Chinese rule with a fine, a Thai market
# campaign, an English page on another topic in the same city, and two batches of one course.
NATIONAL_DOCS = {
    "zh-hainan-bags.md": (
        "# 海南省限制塑料袋规定\n\n海南省自2020年起禁止商场和超市免费提供一次性塑料袋。\n\n"
        "## 罚则\n\n商家违反规定的，由市场监督管理部门责令改正，处人民币2,000元罚款。\n"
    ),
    "th-chiang-mai-market.md": (
        "# เทศบาลนครเชียงใหม่รณรงค์ลดถุงพลาสติกในตลาด\n\n"
        "เทศบาลนครเชียงใหม่เปิดการรณรงค์ลดถุงพลาสติกในตลาดสดของเมือง ผู้ค้าที่เข้าร่วมงดแจกถุงพลาสติกทุกวันศุกร์\n"
    ),
    "en-chiang-mai-water.md": (
        "# Chiang Mai opens free drinking water stations\n\n"
        "Chiang Mai City Municipality opened 20 free drinking water stations near temples and schools. "
        "Residents refill their own bottles at no cost.\n"
    ),
    "en-coastal-course.md": (
        "# Coastal litter course for provincial officials\n\n"
        "Thirty officials finished the second batch of the coastal litter course in Songkhla"
        " on 23 August 2024. "
        "Like the first batch, it was run by the Department of Marine and Coastal Resources.\n\n"
        "The first batch had ended in Rayong on 9 June 2023 with a beach survey.\n"
    ),
}


@pytest.fixture(scope="session")
def national_settings(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A real index of four short documents, two not in English (built once per session)."""
    docs = tmp_path_factory.mktemp("national-docs")
    for name, text in NATIONAL_DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    return _indexed(base_settings, tmp_path_factory, "national", docs)
