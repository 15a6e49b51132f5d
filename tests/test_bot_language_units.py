"""The language parts the bot is built from, without a running bot: /language arguments and the saved
choices, every text in every language, long text in other scripts split at sentence ends, answers in
their language. The bot speaking them to users is in test_bot_language.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_telegram import parse_html

import botui
from botstate import LanguageChoices, parse_language
from retriever import Answer, Settings
from retriever.texts import LANGUAGES, catalog, t


@pytest.fixture()
def settings(base_settings: Settings, tmp_path: Path) -> Settings:
    """A data folder of its own: the saved choices need no index, so none is built."""
    return base_settings.with_(data_dir=tmp_path)


def test_the_chats_choice_survives_a_restart(settings: Settings) -> None:
    choices = LanguageChoices(settings.data_dir)
    choices.set(-5, "ko")
    assert LanguageChoices(settings.data_dir).get(-5) == "ko"
    choices.set(-5, None)
    assert LanguageChoices(settings.data_dir).get(-5) is None
    (settings.data_dir / "languages.json").write_text("{not json")
    assert LanguageChoices(settings.data_dir).get(-5) is None  # a damaged file never stops the bot


@pytest.mark.parametrize(
    ("argument", "code"),
    [
        ("ms", "ms"),
        ("TH", "th"),
        ("zh-Hans", "zh"),
        ("tl", "fil"),
        ("Bahasa Melayu", "ms"),
        ("en", "en"),
        ("km", "km"),
        ("ភាសាខ្មែរ", "km"),
        ("lo", "lo"),
        ("my", "my"),
        ("မြန်မာဘာသာ", "my"),
    ],
)
def test_language_arguments(argument: str, code: str) -> None:
    assert parse_language(argument) == code


def test_every_bot_text_is_in_every_language() -> None:
    for lang in LANGUAGES:
        assert set(catalog(lang)) == set(catalog("en"))
        for name, _ in botui.commands(lang, admin=True):
            assert t(f"command_{name}", lang)


@pytest.mark.parametrize(
    "sentence",
    [
        "塑料袋自2020年起禁止使用。",
        "塑料袋禁止使用！",
        "ห้ามใช้ถุงพลาสติกในห้างสรรพสินค้า ร้านค้าต้องแจ้งลูกค้าล่วงหน้า ",
        "ហាមឃាត់ថង់ប្លាស្ទិក។ ",
        "ပလတ်စတစ်အိတ်များကို တားမြစ်သည်။ ",
    ],
)
def test_long_text_in_other_scripts_splits_at_sentence_ends(sentence: str) -> None:
    text = (sentence * 600).strip()
    messages = botui.pack([botui.text_block(text)])
    assert len(messages) > 1
    position = 0
    for message in messages:
        assert len(message) <= botui.MESSAGE_LIMIT
        visible = parse_html(message)[0]
        position = text.index(visible, position) + len(visible)
        # Each message ends where a sentence does: a CJK full stop, or a space after a sentence.
        assert position == len(text) or visible[-1] in "。！？" or text[position].isspace(), visible[-10:]
        assert visible[-1] not in " " and not visible[-1].isdigit()
    assert "".join(parse_html(m)[0] for m in messages).replace(" ", "") == text.replace(" ", "")


def test_an_answer_renders_its_words_in_its_language() -> None:
    answer = Answer("q", "x", True, lang="ko")
    assert botui.answer_blocks(answer)[0].plain == "x"
    empty = Answer("q", "", True, lang="zh")
    assert botui.answer_blocks(empty)[0].plain == t("no_answer_text", "zh")
