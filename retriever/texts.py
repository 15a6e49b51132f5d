"""Every sentence the assistant says, per language, from retriever/locales/<lang>.json; English fills gaps."""

from __future__ import annotations

import json
import logging
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

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
    is a library reason (a `Reason`, or a plain string shown as written) and goes through `reason()`.
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


class Reason(str):
    """A library reason (why a file was skipped, why a build started afresh): the English text the shell,
    the logs and `--json` show, carrying the catalogue key and values that say it in any language.

    A str, so whatever prints, stores or compares reasons reads the English text as before; `say`
    never parses that text, so rewording it loses no translation. Values named `reason` are reasons
    too; a parser's own words ("EOF marker not found") stay in the text and out of the values.
    """

    key: str
    values: tuple[tuple[str, object], ...]

    def __new__(cls, text: str, key: str, **values: object) -> Reason:
        self = super().__new__(cls, text)
        self.__dict__.update(key=key, values=tuple(values.items()))
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Reason is read-only (cannot set {name!r})")

    def __reduce__(self) -> tuple[object, ...]:  # copies (dataclasses.asdict) and pickles keep the key
        return _reason, (str(self), self.key, self.values)

    @property
    def params(self) -> dict[str, object]:
        """The values of the catalogue text's placeholders."""
        return dict(self.values)

    def say(self, lang: str | None = DEFAULT) -> str:
        """The reason in `lang`, from its key."""
        return Note(self.key, self.values).say(lang)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, reasons among the values included (`from_dict` reads it back)."""
        values = {k: v.to_dict() if isinstance(v, Reason) else v for k, v in self.values}
        return {"text": str(self), "key": self.key, "values": values}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reason:
        """The reason `to_dict` wrote."""
        values = {k: cls.from_dict(v) if isinstance(v, dict) else v for k, v in data["values"].items()}
        return cls(data["text"], data["key"], **values)


def _reason(text: str, key: str, values: tuple[tuple[str, object], ...]) -> Reason:
    return Reason(text, key, **dict(values))


def reason_of(exc: BaseException) -> str:
    """The reason an exception was raised with: its `Reason` when it carries one, else its message."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, Reason) else str(exc)


def reason(value: str | BaseException, lang: str | None = DEFAULT) -> str:
    """A library reason (or an exception's) in `lang`: a `Reason` from its key, any other text as written."""
    text = reason_of(value) if isinstance(value, BaseException) else value
    return text.say(lang) if isinstance(text, Reason) else str(text)
