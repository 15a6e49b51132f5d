"""Every sentence the assistant says, per language, from retriever/locales/<lang>.json; English fills gaps."""

from __future__ import annotations

import json
import logging
import string
from functools import cache
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
LANGUAGES = ("en", "ms", "id", "th", "vi", "fil", "zh", "ko")  # the languages every key is written in
DEFAULT = "en"
# Codes other tools give for the same languages (Telegram's language_code, BCP 47 tags).
_ALIASES = {"tl": "fil", "in": "id", "zsm": "ms", "cmn": "zh", "zh-hans": "zh", "zh-cn": "zh", "zh-sg": "zh"}

log = logging.getLogger(__name__)


def language(code: str | None) -> str:
    """One of LANGUAGES for a language code or tag ("zh-Hans", "tl", "en-GB"); English when not served."""
    code = (code or "").strip().lower().replace("_", "-")
    code = _ALIASES.get(code, code)
    base = _ALIASES.get(code.split("-")[0], code.split("-")[0])
    return base if base in LANGUAGES else DEFAULT


@cache
def catalog(lang: str) -> dict[str, str]:
    """All texts of one language (empty for a language with no file)."""
    path = LOCALES_DIR / f"{lang}.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def placeholders(text: str) -> set[str]:
    """The {name} and {name:spec} fields of a text."""
    return {
        f"{field}:{spec}" if spec else field
        for _, field, spec, _ in string.Formatter().parse(text)
        if field is not None
    }


def t(key: str, lang: str | None = DEFAULT, **fmt: object) -> str:
    """The text `key` in `lang` with `fmt` filled in; the English text when that language lacks it."""
    english = catalog(DEFAULT).get(key)
    if english is None:
        raise KeyError(f"no text {key!r}: add it to {LOCALES_DIR / 'en.json'}")
    text = catalog(language(lang)).get(key) or english
    if not fmt:
        return text
    try:
        return text.format(**fmt)
    except (KeyError, IndexError, ValueError) as exc:
        # A translator's typo in a placeholder must not cost the user the message.
        log.warning("text %r in %s does not format (%s); using English", key, lang, exc)
        return english.format(**fmt)
