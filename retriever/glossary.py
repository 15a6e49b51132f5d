"""Dictionary query translation: the plastic-policy words of a question in another language, with
their English beside them, for search (most documents are English: Korean bigrams share nothing
with them, and e5's cross-lingual cosines alone often pick the wrong passage and sentence).

The glossaries are plain `glossary/<lang>.tsv` files a native speaker can correct: one
`term<TAB>english | english` line each. Search (both sides) and word-overlap evidence read the
glossed question; the filters, the question's kind and the reply's language read it as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from . import lang as language
from . import places

FOLDER = Path(__file__).with_name("glossary")
# Malay and Indonesian share most of their words, and a question detected as one may be the other.
_SHARED = {"ms": ("ms", "id"), "id": ("id", "ms")}


# Korean spacing varies from writer to writer ("제로 웨이스트", "제로웨이스트"): its terms match with or
# without spaces between their syllables.
_SPACING_FREE = frozenset({"ko"})


@dataclass(frozen=True)
class _Glossary:
    pattern: re.Pattern[str] | None
    english: dict[str, str]  # normalised term -> its English words

    def meaning(self, matched: str) -> str:
        """The English words of a term as the question wrote it."""
        return self.english.get(matched) or self.english["".join(matched.split())]


def plain(text: str) -> str:
    """Lower case without accents (and đ as d): Vietnamese is often typed without its marks."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


@cache
def _meanings(lang: str) -> dict[str, tuple[str, ...]]:
    """term -> its English meanings, each a phrase (none for a language without a glossary)."""
    path = FOLDER / f"{lang}.tsv"
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else ():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        term, english = line.split("\t", 1)
        meanings = tuple(m.strip() for m in english.split("|") if m.strip())
        if term.strip() and meanings:
            out[unicodedata.normalize("NFKC", term.strip().lower())] = meanings
    return out


def _entries(lang: str) -> dict[str, str]:
    """term -> its English words, all meanings together."""
    return {term: " ".join(meanings) for term, meanings in _meanings(lang).items()}


@cache
def _glossary(lang: str, accents: bool) -> _Glossary:
    """One language's terms as a single longest-first pattern (matched with or without accents)."""
    english: dict[str, str] = {}
    for code in _SHARED.get(lang, (lang,)):
        for term, words in _entries(code).items():
            english.setdefault(term if accents else plain(term), words)
    if not english:
        return _Glossary(None, {})
    if lang in _SPACING_FREE:
        english = {"".join(t.split()): words for t, words in english.items()}
        terms = sorted(english, key=len, reverse=True)
        # Only in longer terms: a space splits two short words ("지역만의 회수율" holds no 의회, council).
        spaced = [r"\s?".join(map(re.escape, t)) if len(t) >= 4 else re.escape(t) for t in terms]
        alternatives = "|".join(spaced)
    else:
        alternatives = "|".join(re.escape(t) for t in sorted(english, key=len, reverse=True))
    # Words of spaced scripts match whole; Thai, Lao, Khmer, Burmese, Chinese and Korean (whose words
    # carry particles: 재활용률은) match inside a run of letters.
    bounded = language.is_latin(" ".join(english))
    body = rf"(?<!\w)(?:{alternatives})(?!\w)" if bounded else f"(?:{alternatives})"
    return _Glossary(re.compile(body), english)


@dataclass(frozen=True)
class Translation:
    """The glossary terms found in a question and their English words (both empty when none)."""

    terms: tuple[str, ...]
    english: tuple[str, ...]


@lru_cache(maxsize=1024)
def translate(question: str) -> Translation:
    """The glossary terms of a question in another language, with their English words."""
    lang = language.detect(question)
    if lang == language.DEFAULT:
        return Translation((), ())
    text = unicodedata.normalize("NFKC", question.lower())
    # Places named in the question's own script ("北京", "ไหหลำ") search as the documents name them.
    written = {question[slice(*p.span)].lower(): p.name for p in places.find_places(question, any_case=True)}
    named = {as_written: name for as_written, name in written.items() if as_written != name.lower()}
    # Unaccented matching only for Latin letters: Thai, Lao, Khmer and Burmese vowels are marks too.
    for accents in (True, False) if language.is_latin(text) else (True,):
        glossary = _glossary(lang, accents)
        if glossary.pattern is None:
            continue
        terms = [m.group() for m in glossary.pattern.finditer(text if accents else plain(text))]
        if terms:  # unaccented matching only for questions typed without their marks
            english = dict.fromkeys([*(glossary.meaning(t) for t in terms), *named.values()])
            return Translation(tuple(dict.fromkeys([*terms, *named])), tuple(english))
    return Translation(tuple(named), tuple(dict.fromkeys(named.values())))


def keyword_query(question: str) -> str:
    """What the keyword side searches for: the question, then English for its glossary terms."""
    english = translate(question).english
    return f"{question} {' '.join(english)}" if english else question


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.rstrip("s") for w in re.findall(r"[a-z]+", text.lower()))


# The languages of the countries whose documents an English question may need in their own words:
# an English question about a place in one of them gets that language's words for its policy phrases.
# (Matched to every language whatever the place, the phrases of a question on an Indonesian city
# ranked a Thai notice first: dev +0. By the place's country: dev +4, test +3.)
NATIONAL_LANGUAGE = {
    "Thailand": "th",
    "China": "zh",
    "Taiwan": "zh",
    "Hong Kong": "zh",
    "Macao": "zh",
    "Republic of Korea": "ko",
    "Cambodia": "km",
    "Lao PDR": "lo",
    "Myanmar": "my",
    "Indonesia": "id",
    "Malaysia": "ms",
    "Brunei Darussalam": "ms",
    "Viet Nam": "vi",
    "Philippines": "fil",
}


@cache
def _reverse(lang: str) -> dict[str, dict[tuple[str, ...], tuple[str, ...]]]:
    """First English word -> English phrase (its words, plural "s" dropped) -> the terms meaning it."""
    out: dict[str, dict[tuple[str, ...], list[str]]] = {}
    for term, meanings in _meanings(lang).items():
        for phrase in filter(None, map(_words, meanings)):
            out.setdefault(phrase[0], {}).setdefault(phrase, []).append(term)
    return {w: {ph: tuple(dict.fromkeys(t)) for ph, t in by.items()} for w, by in out.items()}


def native_terms(question: str) -> list[str]:
    """For an English question about a place in a country whose language has a glossary (Thailand,
    China, Indonesia, Viet Nam, ...), its plastic-policy phrases in that language, so that a document
    written in it shares words with the question on the keyword side too."""
    if language.detect(question) != language.DEFAULT:
        return []
    countries = {p.country for p in places.in_question(question)}
    langs = dict.fromkeys(NATIONAL_LANGUAGE[c] for c in sorted(countries) if c in NATIONAL_LANGUAGE)
    words = _words(question)
    found: list[str] = []
    for lang in langs:
        reverse = _reverse(lang)
        for i, word in enumerate(words):
            for phrase, terms in reverse.get(word, {}).items():
                if words[i : i + len(phrase)] == phrase:
                    found.extend(terms)
    return list(dict.fromkeys(found))


# A law's number after its name, with the word for "number" between: អនុក្រឹត្យលេខ168, Nghị định số 08,
# Peraturan Daerah Nomor 3, ประกาศฉบับที่ 2, 第168号. Not a date or a decimal ("08/2022" is the year's).
_NUMBER_AFTER = re.compile(
    r"\s*(?:លេខ|เลขที่|ฉบับที่|ເລກທີ|အမှတ်|số|nomor|no\.?|bilangan|blg\.?|bil\.?|blg|第|제)?\s*(\d{1,3})(?![/.,]?\d)"
)
_LAW_WORDS = frozenset({"decree", "sub-decree", "law", "act", "ordinance", "regulation", "resolution"})


@lru_cache(maxsize=1024)
def numbered_names(question: str) -> tuple[str, ...]:
    """The numbered laws a question names in its own language, as English canonical text spells them
    ("អនុក្រឹត្យលេខ168" is Sub-Decree No. 168: "decree-168"), so it finds the document titled by it."""
    lang = language.detect(question)
    if lang == language.DEFAULT:
        return ()
    glossary = _glossary(lang, True)
    if glossary.pattern is None:
        return ()
    text = unicodedata.normalize("NFKC", question.lower())
    found = []
    for m in glossary.pattern.finditer(text):
        words = glossary.meaning(m.group()).split()
        law = next((w for w in words if w in _LAW_WORDS), "")
        number = _NUMBER_AFTER.match(text, m.end())
        if law and number:
            found.append(f"{law.split('-')[-1]}-{int(number.group(1))}")
    return tuple(dict.fromkeys(found))
