"""The text catalogue: every language has every key with the same placeholders and markup; t() fills in."""

from __future__ import annotations

import copy
import json
import pickle
import re
from dataclasses import asdict
from pathlib import Path

import pytest

from retriever import lang, texts
from retriever.texts import LANGUAGES, LOCALES_DIR, Reason, catalog, language, placeholders, t
from retriever.types import Skipped

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
    pdf = Reason("corrupt or unreadable PDF: EOF marker not found", "reason_corrupt_pdf")
    corrupt = Reason(f"{pdf}; it is no longer indexed", "reason_dropped", reason=pdf)
    # The shell keeps the whole English text; a parser's own words are no use in a chat, in any language.
    assert corrupt == "corrupt or unreadable PDF: EOF marker not found; it is no longer indexed"
    assert texts.reason(corrupt, "en") == "corrupt or unreadable PDF; it is no longer indexed"
    assert texts.reason(corrupt, "th") == t("reason_dropped", "th", reason=t("reason_corrupt_pdf", "th"))
    nul = Reason(
        "binary data, not text (NUL bytes; if it is UTF-16 text, save it as UTF-8)", "reason_binary_nul"
    )
    binary = Reason("binary data, not text (mostly non-printable characters)", "reason_binary")
    assert "UTF-16" in texts.reason(nul, "vi") and texts.reason(nul, "vi") != texts.reason(binary, "vi")
    unsupported = Reason(
        "unsupported file type .exe (supported: .md .pdf)", "reason_unsupported", ext=".exe", exts=".md .pdf"
    )
    assert texts.reason(unsupported, "zh") == t("reason_unsupported", "zh", ext=".exe", exts=".md .pdf")
    changed = Reason(
        "settings changed: chunk_words 120 -> 100", "rebuild_settings", detail="chunk_words 120 -> 100"
    )
    assert texts.reason(changed, "ko") == t("rebuild_settings", "ko", detail="chunk_words 120 -> 100")
    assert texts.reason("a reason nobody foresaw", "th") == "a reason nobody foresaw"  # kept, not lost


def test_an_exception_is_said_by_the_reason_it_carries_else_by_its_message() -> None:
    stale = RuntimeError(Reason("the index changed since v000002 was staged", "reason_stale"))
    assert texts.reason(stale, "ms") == t("reason_stale", "ms")
    assert texts.reason_of(stale).key == "reason_stale"
    assert texts.reason(FileNotFoundError("no index at /x"), "ms") == "no index at /x"


# A value for each placeholder a reason text has; a reason inside a reason is said in the same language.
_VALUES = {"ext": ".exe", "exts": ".md .pdf", "detail": "chunk_words 120 -> 100"}
_INNER = Reason("empty file", "reason_empty")
REASON_KEYS = sorted(k for k in ENGLISH if k.startswith(("reason_", "rebuild_")))


@pytest.mark.parametrize("key", REASON_KEYS)
def test_each_reason_is_said_from_its_key_not_parsed_from_its_wording(key: str) -> None:
    values = {name: _INNER if name == "reason" else _VALUES[name] for name in placeholders(ENGLISH[key])}
    # Wording no pattern could recognise: a reader's message may change without losing the translation.
    reworded = Reason("words nobody parses", key, **values)
    assert str(reworded) == "words nobody parses" and reworded.params == values
    for code in LANGUAGES:
        said = {name: texts.reason(v, code) if isinstance(v, Reason) else v for name, v in values.items()}
        assert texts.reason(reworded, code) == t(key, code, **said), (key, code)


def test_every_reason_the_library_gives_has_a_text_and_every_text_a_giver() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in (LOCALES_DIR.parent).rglob("*.py"))
    given = set(re.findall(r"\"((?:reason|rebuild)_[a-z0-9_]+)\"", code))
    assert given == set(REASON_KEYS)


def test_a_reason_keeps_its_key_through_copies_and_json_shows_its_english() -> None:
    dropped = Reason("empty file; it is no longer indexed", "reason_dropped", reason=_INNER)
    summary = {"skipped": [asdict(Skipped("a.md", dropped))]}
    assert (
        json.dumps(summary)
        == '{"skipped": [{"id": "a.md", "reason": "empty file; it is no longer indexed"}]}'
    )
    for twin in (
        copy.deepcopy(dropped),
        pickle.loads(pickle.dumps(dropped)),
        Reason.from_dict(dropped.to_dict()),
    ):
        assert (
            twin == dropped and twin.key == "reason_dropped" and twin.params["reason"].key == "reason_empty"
        )
    assert json.loads(json.dumps(dropped.to_dict())) == dropped.to_dict()
    with pytest.raises(AttributeError):
        dropped.key = "reason_empty"  # type: ignore[misc]
