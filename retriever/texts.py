"""Every sentence the assistant says, per language, from retriever/locales/<lang>.json; English fills gaps."""

from __future__ import annotations

import json
import logging
import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
# The languages every key is written in (the order the /language menu lists them).
LANGUAGES = ("en", "ms", "id", "th", "vi", "fil", "zh", "ko", "km", "lo", "my")
DEFAULT = "en"
# Codes other tools give for the same languages (Telegram's language_code, BCP 47 and ISO 639-2/3 tags).
_ALIASES = {
    "tl": "fil",
    "in": "id",
    "zsm": "ms",
    "cmn": "zh",
    "zh-hans": "zh",
    "zh-cn": "zh",
    "zh-sg": "zh",
    "khm": "km",
    "lao": "lo",
    "mya": "my",
    "bur": "my",
}

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


@dataclass(frozen=True)
class Note:
    """A sentence kept as its catalogue key and values, so each reader gets it in their own language.

    A value that is a Note is said in the same language; a value named `reason` that is a string
    is a library reason (a reader's, a build's) and goes through `reason()`.
    """

    key: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, **values: object) -> Note:
        """A note for `key` with its placeholders' values."""
        return cls(key, tuple(values.items()))

    def say(self, lang: str | None = DEFAULT) -> str:
        """The sentence in `lang` (English by default: the CLI's and the scripts' language)."""
        values = {
            name: value.say(lang)
            if isinstance(value, Note)
            else reason(value, lang)
            if name == "reason" and isinstance(value, str)
            else value
            for name, value in self.values
        }
        return t(self.key, lang, **values)


# The library writes its reasons (why a file was skipped, why a build started afresh) in English for
# the shell, some with a parser's own words appended ("EOF marker not found"); these patterns say them
# from the catalogue in the administrator's language, English too. A reason no pattern knows is kept
# as written rather than lost. Named groups are technical details kept as they are.
_REASONS = (
    (r"empty file", "reason_empty"),
    (r"no text( \(.*\)| to index)", "reason_no_text"),
    (r"binary data, not text \(NUL bytes.*", "reason_binary_nul"),
    (r"binary data, not text.*", "reason_binary"),
    (r"not valid UTF-8 text.*", "reason_not_utf8"),
    (r"encrypted PDF.*", "reason_encrypted_pdf"),
    (r"corrupt or unreadable PDF.*", "reason_corrupt_pdf"),
    (r"PDF has no extractable text.*", "reason_pdf_no_text"),
    (r"corrupt \.docx.*", "reason_corrupt_docx"),
    (r"unsupported file type (?P<ext>.+?) \(supported: (?P<exts>.*)\)", "reason_unsupported"),
    (r"cannot (read the file|be read).*", "reason_cannot_read"),
    (r"symbolic link to outside the documents folder.*", "reason_symlink"),
    (r"the index changed since .* was staged.*", "reason_stale"),
    (r"the staged version .* is gone.*", "reason_stage_gone"),
    (r"first build", "rebuild_first"),
    (r"--full was asked for", "rebuild_full"),
    (r"settings changed: (?P<detail>.*)", "rebuild_settings"),
    (r"the live index could not be read \((?P<detail>.*)\)", "rebuild_unreadable"),
)
_AFTERMATH = {  # what planning appends to a skipped file's reason
    "; the previous version stays indexed": "reason_previous_kept",
    "; it is no longer indexed": "reason_dropped",
}


def reason(text: str, lang: str | None = DEFAULT) -> str:
    """A library reason in `lang`, from the catalogue when a pattern knows it, else as written."""
    for suffix, key in _AFTERMATH.items():
        if text.endswith(suffix):
            return t(key, lang, reason=reason(text.removesuffix(suffix), lang))
    for pattern, key in _REASONS:
        if match := re.fullmatch(pattern, text, flags=re.DOTALL):
            return t(key, lang, **match.groupdict())
    return text
