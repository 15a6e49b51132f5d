"""The text catalogue: every language has every key with the same placeholders and markup; t() fills in."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from retriever import lang, texts
from retriever.texts import LANGUAGES, LOCALES_DIR, catalog, language, placeholders, t

ENGLISH = catalog("en")
_TAG = re.compile(r"</?[a-z]+>")


def test_every_language_has_a_file() -> None:
    assert {p.stem for p in LOCALES_DIR.glob("*.json")} == set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_locale_has_every_key_and_no_other(lang: str) -> None:
    assert set(catalog(lang)) == set(ENGLISH)
    assert all(isinstance(v, str) and v.strip() for v in catalog(lang).values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_and_markup_match_english(lang: str) -> None:
    for key, english in ENGLISH.items():
        text = catalog(lang)[key]
        assert placeholders(text) == placeholders(english), (lang, key)
        # Telegram HTML: a missing or extra tag breaks the whole message.
        assert sorted(_TAG.findall(text)) == sorted(_TAG.findall(english)), (lang, key)


@pytest.mark.parametrize("lang", [x for x in LANGUAGES if x != "en"])
def test_other_languages_are_translated(lang: str) -> None:
    same = [k for k, v in catalog(lang).items() if v == ENGLISH[k] and re.search(r"[a-z]{4}", v)]
    # Only texts that are names or commands may stay as in English.
    assert len(same) <= 3, same


def test_library_and_bot_texts_are_seeded() -> None:
    for key in ("refusal", "closest_documents", "greeting", "sources_heading", "empty_question"):
        assert key in ENGLISH
    for key in ("start_text", "help_text", "error_text", "too_old_text", "sources_button", "vote_text_up"):
        assert key in ENGLISH


def test_t_formats_and_falls_back_to_english() -> None:
    assert t("too_big_text", "en", name="a.pdf", mb=20.0) == "a.pdf is too large: the limit is 20 MB."
    assert t("too_big_text", "zh", name="a.pdf", mb=20.0) == "a.pdf 太大：上限为 20 MB。"
    assert t("sources_heading", "th") == "แหล่งอ้างอิง"
    assert t("sources_heading", "fr") == "Sources"  # a language we do not serve
    assert t("sources_heading", None) == "Sources"
    assert t("refusal", "zh-Hans") == catalog("zh")["refusal"]
    with pytest.raises(KeyError, match=r"en\.json"):
        t("no_such_key", "en")


def test_a_broken_translation_falls_back_to_english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "en.json").write_text(json.dumps(ENGLISH), encoding="utf-8")
    (tmp_path / "ms.json").write_text(json.dumps({"too_big_text": "{nama} terlalu besar"}), encoding="utf-8")
    monkeypatch.setattr(texts, "LOCALES_DIR", tmp_path)  # a translator's copy with a typo in it
    catalog.cache_clear()
    try:
        assert t("too_big_text", "ms", name="a.pdf", mb=5) == "a.pdf is too large: the limit is 5 MB."
        assert t("sources_heading", "ms") == "Sources"  # a key the translator has not done yet
    finally:
        catalog.cache_clear()


@pytest.mark.parametrize(
    ("code", "lang"),
    [
        ("en-GB", "en"),
        ("tl", "fil"),
        ("in", "id"),
        ("zh_CN", "zh"),
        ("km", "km"),
        ("khm", "km"),
        ("lo-LA", "lo"),
        ("lao", "lo"),
        ("my_MM", "my"),
        ("mya", "my"),
        ("ja", "en"),
        ("", "en"),
    ],
)
def test_language_codes(code: str, lang: str) -> None:
    assert language(code) == lang


def test_every_language_a_question_is_read_in_is_answered_in_but_japanese() -> None:
    # A Khmer, Lao or Burmese question gets its refusal, buttons and filter line in its own language.
    assert set(lang.LANGUAGES) - {"ja"} == set(LANGUAGES)
    names = {code: t("language_name", code) for code in ("km", "lo", "my")}
    assert names == {"km": "ភាសាខ្មែរ", "lo": "ພາສາລາວ", "my": "မြန်မာဘာသာ"}
    for code in ("km", "lo", "my"):
        # Each in its own script, not English left in place.
        assert lang.detect(t("refusal", code)) == code
        assert lang.detect(t("help_text", code)) == code


def test_files_are_plain_utf8_json_a_translator_can_edit() -> None:
    for path in LOCALES_DIR.glob("*.json"):
        raw = path.read_text(encoding="utf-8")
        assert json.loads(raw) and "\\u" not in raw  # real characters, not escapes


def test_a_note_is_said_in_any_language_with_notes_inside_it_said_alike() -> None:
    inner = texts.Note.of("collection_empty_file")
    note = texts.Note.of("collection_cannot_add", name="a.md", reason=inner)
    assert note.say() == "I can't add a.md: the file is empty."
    assert note.say("ms") == t(
        "collection_cannot_add", "ms", name="a.md", reason=t("collection_empty_file", "ms")
    )


def test_library_reasons_are_said_in_the_administrators_language() -> None:
    corrupt = "corrupt or unreadable PDF: EOF marker not found; it is no longer indexed"
    # A parser's own words ("EOF marker not found") are no use to an administrator, in any language.
    assert texts.reason(corrupt, "en") == "corrupt or unreadable PDF; it is no longer indexed"
    nul = "binary data, not text (NUL bytes; if it is UTF-16 text, save it as UTF-8)"
    assert "UTF-16" in texts.reason(nul, "vi") and texts.reason(nul, "vi") != texts.reason(
        "binary data, not text", "vi"
    )
    assert texts.reason(corrupt, "th") == t("reason_dropped", "th", reason=t("reason_corrupt_pdf", "th"))
    unsupported = "unsupported file type .exe (supported: .md .pdf)"
    assert texts.reason(unsupported, "zh") == t("reason_unsupported", "zh", ext=".exe", exts=".md .pdf")
    changed = "settings changed: chunk_words 120 -> 100"
    assert texts.reason(changed, "ko") == t("rebuild_settings", "ko", detail="chunk_words 120 -> 100")
    assert texts.reason("a reason nobody foresaw", "th") == "a reason nobody foresaw"  # kept, not lost


def test_every_reason_pattern_names_a_text() -> None:
    for _, key in texts._REASONS:
        assert key in ENGLISH
    for key in texts._AFTERMATH.values():
        assert placeholders(ENGLISH[key]) == {"reason"}
