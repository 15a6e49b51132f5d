"""Evidence for an answer: which sentences of the found passages to quote, and how strong they are.

`assess` searches once (one pinned index version), keeps passages that speak of the exact names
and numbers asked about, scores their sentences (model cosine, IDF-weighted word overlap, the kind
of fact asked), picks a few, and measures the language-neutral features the answerability model
reads. `answer.py` turns an Assessment into a cited answer or a refusal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from . import asked, catalog, exact, glossary, grounding, keyword, places, scope
from . import lang as language
from .retrieval import Searcher, SearchResult
from .settings import Settings
from .types import Passage

# Passages searched; the first `settings.k` are composed from, all are kept for evaluation.
SEARCH_DEPTH = 10
MAX_QUOTE_CHARS = 700
# A labelled list line ("- When: 18-19 November 2025") restates the text in brief; the prose
# sentence that states the same fact is the evidence a reader checks, so it wins a near tie.
# (dev: non-English cited recall 0.60 -> 0.80, starter_dev 0.69 -> 0.75; 0.05 and 0.2 no better.)
LISTED_PENALTY = 0.1
# A sentence scoring within this of the best is quoted beside it (up to max_answer_sentences): the
# lead sentence of a passage often wins, the next one states the fact ("It was organised by ...").
# Chosen on dev with the answerability model refitted each time: 0.16 -> 0.25 raised cited recall
# 0.81 -> 0.84 and answer accuracy 0.70 -> 0.74 (5-fold out-of-fold: cited 0.79 -> 0.84) for
# refusal 0.84 -> 0.78 (out-of-fold 0.81 -> 0.78); starter_dev accuracy 0.69 -> 0.78.
JOIN_MARGIN = 0.25
# A sentence of another document joins the best only this close to it: a Malaysian minister's name
# came with Indonesia's minister beside it, a Cambodian date with Korea's targets (dev: cited 0.883
# -> 0.874, refusal 0.759 -> 0.770, starter_dev cited 0.81 -> 0.83; 0.1 and 0.15 no better in sum).
OTHER_DOCUMENT_MARGIN = 0.05
# A sentence only about another place than the one asked yields to one about it (dev refusal
# 0.786 at 0 -> 0.804 at 0.1; 0.2 no better).
ELSEWHERE_PENALTY = 0.1
_LABEL = re.compile(r"[^\W\d][^:\n]{0,40}:\s")
_HANGUL = re.compile("[\uac00-\ud7af]{2}")
_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")


@dataclass(frozen=True)
class Candidate:
    """A sentence of a found passage, scored against the question."""

    passage: int  # index into the passages list
    start: int  # offsets into the passage text
    end: int
    score: float
    vector: np.ndarray
    cosine: float
    cover: float
    stated: bool
    elsewhere: bool  # the sentence (or its section) names only places other than those asked about
    doc_id: str


@dataclass(frozen=True)
class Assessment:
    """Everything composition decided about one question, before the answer is written."""

    result: SearchResult
    passages: list[Passage]
    chosen: list[Candidate]
    features: dict[str, float]
    grounded: bool  # every exact name and number asked about is in a cited passage


def _about(result: SearchResult, focus: grounding.Focus, question: str) -> dict[str, set[str]]:
    """For each exact name asked about, the documents whose title names it (empty: none does).

    "The fourth session of the Intergovernmental Negotiating Committee" (or 第四届政府间谈判委员会)
    is the document titled "INC-4": an ordinal no title holds is the numbered name whose letters
    the question spells out.
    """
    titles = catalog.of(result.version.manifest["documents"])  # an index of titles, built once per version
    about = {t: set(titles.titled(t)) for t in focus.exact}
    for token, docs in about.items():
        if not docs and (ordinal := _ORDINAL.fullmatch(token)):
            spelled = " ".join([question, *glossary.translate(question).english]).lower()
            for name, named in titles.numbered_titles(int(ordinal.group(1))).items():
                if grounding.mentions_name(spelled, name.split("-")[0]):
                    docs |= named
    return about


def _satisfies(passage: Passage, token: str, about: set[str]) -> bool:
    """A passage speaks of a numbered name when its document is about it, or (no such document) names it."""
    if about:
        return passage.doc_id in about
    return exact.has_exact(f"{passage.section} {passage.text}", token)


def _language(result: SearchResult, passage: Passage, quote: str = "") -> str:
    """The language of a quote: its own where it says so (a Korean job notice on an English page),
    else its document's front matter, else detected from the passage."""
    said = language.detect(quote) if quote else "en"
    if said != "en":  # "en" is also detect's answer when unsure
        return said
    declared = result.version.manifest["documents"][passage.doc_id].get("language", "")
    return declared.split("-")[0].lower() if declared else language.detect(passage.text)


def _quotes(cand: Candidate, passage: Passage, token: str, about: set[str], focus: grounding.Focus) -> bool:
    """Whether a chosen sentence speaks of a numbered name: from a document about it, or, when no
    document is, by naming it in the very sentence that states the asked fact.

    "How many attended INC-5?" must not be answered by INC-4's attendance sentence merely because
    the same passage says INC-5 is due in November.
    """
    if about:
        return passage.doc_id in about
    sentence = passage.text[cand.start : cand.end]
    return exact.has_exact(sentence, token) and cand.stated


def _passage_ok(about: dict[str, set[str]], passage: Passage) -> bool:
    """A passage may answer only if it speaks of at least one exact name or number asked about."""
    return not about or any(_satisfies(passage, t, docs) for t, docs in about.items())


def _quotable(sentence: str) -> bool:
    """Whether a sentence can state a fact on its own: three words or more (any length in scripts
    without spaces), and not a heading that opens a list ("3 Key achievements:")."""
    sentence = sentence.strip()
    if sentence.endswith(":"):
        return False
    # Korean spaces its words as English does: "회사 규모" (company size) is a page's label, not a fact.
    spaced = language.is_latin(sentence[:400], 0.6) or _HANGUL.search(sentence[:400]) is not None
    return len(sentence.split()) >= 3 or not spaced


def _is_listed(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole "Label: value" line of a list."""
    lead = text[text.rfind("\n", 0, start) + 1 : start].strip()
    return (
        lead in ("", "-", "*", "•")
        and _LABEL.match(text, start) is not None
        and (not text[end:].strip() or "\n" in text[end : end + 3])
    )


def _candidates(
    question: str,
    focus: grounding.Focus,
    about: dict[str, set[str]],
    weights: dict[str, float],
    result: SearchResult,
    passages: list[Passage],
    n: int,
) -> list[Candidate]:
    spans = [
        (p, i, s, e)
        for p in range(min(n, len(passages)))
        if _passage_ok(about, passages[p])
        for i, (s, e) in enumerate(passages[p].sentences)
        if _quotable(passages[p].text[s:e])
    ]
    if not spans:
        return []
    # One tokenizer call for all sentences: per-call overhead dominated composition time.
    tokens = keyword.tokenize([passages[p].text[s:e] for p, _, s, e in spans])
    vectors = {p: result.sentence_vectors(p) for p in {p for p, _, _, _ in spans}}
    places_asked = _asked_places(question)
    cosines = np.array([float(np.dot(vectors[p][i], result.query_vector)) for p, i, _, _ in spans])
    out: list[Candidate] = []
    for (p, i, start, end), toks, cosine in zip(spans, tokens, cosines, strict=True):
        sentence, doc = passages[p].text[start:end], passages[p].doc_id
        cover = keyword.cover(weights, toks)
        stated = not focus.kind or asked.states_kind(sentence, focus.kind, question)
        # The passage's relevance carries a sentence that states the fact without repeating the
        # question's words; one that lacks the asked kind of fact (a date for "when") rarely answers it.
        relevance = float(passages[p].dense_score or 0.0)
        score = 0.45 * cosine + 0.15 * relevance + 0.25 * cover + 0.05 / (1 + p)
        score += (0.1 if stated else -0.1) if focus.kind else 0.0
        # The sentence naming the exact session or edition asked about beats its neighbours'.
        if focus.exact and any(exact.has_exact(sentence, t) for t in focus.exact):
            score += 0.08
        if _is_listed(passages[p].text, start, end):
            score -= LISTED_PENALTY
        elsewhere = _elsewhere(places_asked, passages[p], start, end)
        if elsewhere and focus.kind in ("number", "when"):
            continue  # a figure or date told of another place is never the asked place's
        if elsewhere:
            score -= ELSEWHERE_PENALTY
        cand = Candidate(p, start, end, score, vectors[p][i], float(cosine), cover, stated, elsewhere, doc)
        out.append(cand)
    return sorted(out, key=lambda c: -c.score)


def _select(candidates: list[Candidate], settings: Settings) -> list[Candidate]:
    """The best sentence, then near-as-good ones that add something new, at most a few."""
    if not candidates:
        return []
    best = candidates[0]
    chosen = [best]
    chars = best.end - best.start
    for cand in candidates[1:]:
        # A wide margin lets the sentence that states the fact join the one that introduces it.
        if len(chosen) >= settings.max_answer_sentences or cand.score < best.score - JOIN_MARGIN:
            break
        # What joins the answer speaks of what it answers: not of another place than the best
        # sentence does, and from another document only when about as good.
        if cand.elsewhere and not best.elsewhere:
            continue
        if cand.doc_id != best.doc_id and cand.score < best.score - OTHER_DOCUMENT_MARGIN:
            continue
        if chars + cand.end - cand.start > MAX_QUOTE_CHARS:
            continue
        if any(float(np.dot(cand.vector, c.vector)) > 0.85 for c in chosen):
            continue
        chosen.append(cand)
        chars += cand.end - cand.start
    return chosen


def _asked_places(question: str) -> frozenset[str]:
    """Countries and cities a question asks about (as its filter reads them), with their countries."""
    found = scope.question_places(grounding.without_contrast(question))
    return frozenset(name for name, _, _ in found) | frozenset(country for _, country, _ in found)


def _elsewhere(asked: frozenset[str], passage: Passage, start: int, end: int) -> bool:
    """Whether a sentence (else the one before it, else its section) speaks only of places other
    than those asked about: "How much waste does Malaysia generate?" is not answered by Bangkok's
    9,000 tonnes a day, nor "What rate is Beijing targeting?" by "The goal is ... 79%" after a
    sentence on Seoul."""
    if not asked:
        return False
    before = [s for s, e in passage.sentences if e <= start]
    previous = passage.text[max(before) : start] if before else ""
    for text in (passage.text[start:end], previous, passage.section):
        named = [p for p in places.find_places(text) if p.kind != "region"]
        if named:
            return not any(p.name in asked or p.country in asked for p in named)
    return False


def _features(
    question: str,
    focus: grounding.Focus,
    weights: dict[str, float],
    result: SearchResult,
    passages: list[Passage],
    chosen: list[Candidate],
) -> dict[str, float]:
    best = chosen[0]
    passage = passages[best.passage]
    quote = passage.text[best.start : best.end]
    doc_tokens = result.document_tokens(passage.doc_id)
    dense = [float(p.dense_score or 0.0) for p in passages]
    used = {c.passage for c in chosen}
    haystack = " ".join(f"{passages[i].title} {passages[i].section} {passages[i].text}" for i in used).lower()
    names = [n for n in focus.names if grounding.mentions_name(haystack, n)]
    return {
        "sentence_cosine": max(c.cosine for c in chosen),
        "passage_cosine": float(passage.dense_score or 0.0),
        "dense_margin": max(dense) - float(np.median(dense)),
        "sentence_cover": max(c.cover for c in chosen),
        "document_cover": keyword.cover(weights, doc_tokens),
        "names_found": len(names) / len(focus.names) if focus.names else 1.0,
        "kind_stated": 1.0 if any(c.stated for c in chosen) else 0.0,
        "place_matches": 0.0 if all(c.elsewhere for c in chosen) else 1.0,
        "cross_lingual": 0.0 if language.detect(question) == _language(result, passage, quote) else 1.0,
    }


def assess(
    searcher: Searcher,
    question: str,
    *,
    settings: Settings,
    doc_ids: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> Assessment:
    """Search once, pick the sentences to quote, and measure the evidence for answering."""
    focus = grounding.focus(question)
    result = searcher.search_result(
        question,
        k=max(settings.k, SEARCH_DEPTH),
        mode=settings.mode,
        doc_ids=doc_ids,
        date_from=date_from,
        date_to=date_to,
    )
    passages = result.passages()
    about = _about(result, focus, question)
    # IDF of the question's words, read once: sentence scores and the features both weigh by it.
    weights = keyword.question_weights(result.version.bm25, question)
    chosen = _select(_candidates(question, focus, about, weights, result, passages, settings.k), settings)
    if not chosen:
        return Assessment(result, passages, [], {}, False)
    cited = [passages[c.passage] for c in chosen]
    grounded = all(
        any(_quotes(c, passages[c.passage], t, docs, focus) for c in chosen) for t, docs in about.items()
    )
    grounded = grounded and all(
        any(exact.has_exact(result.document_text(p.doc_id), y) for p in cited) for y in focus.years
    )
    return Assessment(
        result, passages, chosen, _features(question, focus, weights, result, passages, chosen), grounded
    )
