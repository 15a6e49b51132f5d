"""Evidence for an answer: which passages may answer, the sentences to quote, and how strong they are.

`assess` searches once (one pinned index version), keeps passages that speak of the exact names
and numbers asked about, has `selection` pick sentences from them, and measures the language-neutral
features the answerability model reads. `answer.py` turns an Assessment into a cited answer or a
refusal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from . import answerability, catalog, elsewhere, exact, glossary, grounding, keyword, places
from . import lang as language
from .facts import DocFacts
from .retrieval import Searcher, SearchResult
from .selection import Candidate, candidates, select
from .settings import Settings
from .types import Passage

# Passages searched; the first `settings.k` are composed from, all are kept for evaluation.
SEARCH_DEPTH = 10
_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")
# Kinds of fact looked for in the first document's lower-ranked passages when its top ones state none
# (up to SEARCH_DEPTH). Not numbers: a page tells many, and a deeper one answered three dev near misses
# ("fines in Beijing" from Quezon City's fines on a page of several cities). Dev points 916 -> 916 with
# who/when/where, 911 with numbers too; test halves +4 (two answers now cited and right).
_SOUGHT_DEEPER = ("who", "when", "where")


@dataclass(frozen=True)
class Assessment:
    """Everything composition decided about one question, before the answer is written."""

    result: SearchResult
    passages: list[Passage]
    chosen: list[Candidate]
    features: dict[str, float]
    grounded: bool  # every exact name and number asked about is in a cited passage
    kind: str = ""  # the kind of fact asked ("when", "where", "who", "number"; "" for none)


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


def _names_place(passage: Passage, asked: frozenset[str]) -> bool:
    """Whether a passage (its section or text) names one of the places asked about, or a city of one."""
    naming = places.naming(frozenset(), asked)
    return naming is not None and naming.search(f"{passage.section} {passage.text}") is not None


def _own_places(facts: DocFacts | None) -> set[str]:
    """The country and city a document is about, as its facts read them."""
    return {facts.country, facts.city} - {""} if facts else set()


def _stated_elsewhere(passages: list[Passage], chosen: list[Candidate], found: list[Candidate]) -> bool:
    """Whether the document search ranked first has sentences but none stating the asked kind of fact,
    and the quote comes from another: "When will Thailand's draft Act take effect?" answered by Viet
    Nam's decree "in force from 1 January 2024". Dev: both Thai questions on the draft Act refused,
    one Korean question lost."""
    first = passages[0].doc_id
    own = [c for c in found if c.doc_id == first]
    return chosen[0].doc_id != first and bool(own) and not any(c.stated for c in own)


def _states_in_first(passages: list[Passage], found: list[Candidate]) -> bool:
    """Whether a sentence of the document ranked first states the asked kind of fact."""
    return bool(passages) and any(c.stated and c.doc_id == passages[0].doc_id for c in found)


def _features(
    question: str,
    focus: grounding.Focus,
    weights: dict[str, float],
    result: SearchResult,
    passages: list[Passage],
    chosen: list[Candidate],
    found: list[Candidate],
) -> dict[str, float]:
    best = chosen[0]
    passage = passages[best.passage]
    quote = passage.text[best.start : best.end]
    doc_tokens = result.document_tokens(passage.doc_id)
    dense = [float(p.dense_score or 0.0) for p in passages]
    used = {c.passage for c in chosen}
    haystack = " ".join(f"{passages[i].title} {passages[i].section} {passages[i].text}" for i in used).lower()
    # A document about the place asked names it in its facts, not always in the quoted passage (a
    # table of fines under a decree's title).
    docs = catalog.of(result.version.manifest["documents"])
    facts = docs.facts
    about = {place for i in used for place in _own_places(facts.get(passages[i].doc_id))}
    names = [
        n for n in focus.names if grounding.mentions_name(haystack, n) or grounding.place_named(n) in about
    ]
    # The places asked about say where, not what: every passage the place filter keeps shares them,
    # so "Will it rain in Bangkok tomorrow?" found Bangkok's campaign covering a third of it.
    # ... unless the place is all it asks about ("Tell me about Kamikatsu").
    weights = keyword.without(weights, places.named_in(question)) or weights
    quoted = keyword.tokenize([passages[c.passage].text[c.start : c.end] for c in chosen])
    document_cover = keyword.cover(weights, doc_tokens)
    # Across languages no capitals mark the names asked about, but the glossed words still tell
    # which document a question means: one another found document holds far better than the cited
    # one is likely about that other (a Thai question naming Thailand's draft Act was answered from
    # Viet Nam's decree). Within one language names_found does this (dev: counted for every
    # question, false refusals 5 -> 10; across languages only, refusal 0.897 -> 0.920, none more).
    asked_in, quoted_in = language.detect(question), _language(result, passage, quote)
    cross = asked_in != quoted_in
    # Against documents in the cited one's language: a Khmer question's own particles are rare words
    # that the one Khmer document shares with any Khmer question, and the English one cannot.
    others = {p.doc_id: p for p in passages if p.doc_id != passage.doc_id}
    alike = [d for d, p in others.items() if not cross or _language(result, p) == quoted_in]
    # ... and about the place asked: a regional page the place filter keeps for naming the country
    # once is no likelier answer for sharing the policy words ("정책", policy, on Kamikatsu's).
    # ... and, when the cited document is titled by the numbered names asked ("INC-3"), titled by them
    # too: a sheet on INC-2 that mentions INC-3 and "organised" is no better answer for sharing them.
    titled = [docs.titled(token) for token in focus.exact]
    if titled and all(passage.doc_id in t for t in titled):
        alike = [d for d in alike if all(d in t for t in titled)]
    asked = elsewhere.asked_places(question)
    if asked:
        named = {p.doc_id for p in passages if _names_place(p, asked)}
        alike = [d for d in alike if d in named or _own_places(facts.get(d)) & asked]
    best_other = max((keyword.cover(weights, result.document_tokens(d)) for d in alike), default=0.0)
    lead = document_cover - best_other
    # Where no word can be shared, word overlap says nothing (NaN: the model reads it as the average).
    blind = not language.words_shared(asked_in, quoted_in)
    return {
        "sentence_cosine": max(c.cosine for c in chosen),
        "passage_cosine": float(passage.dense_score or 0.0),
        "dense_margin": max(dense) - float(np.median(dense)),
        "sentence_cover": math.nan if blind else max(keyword.cover(weights, tokens) for tokens in quoted),
        "document_cover": math.nan if blind else document_cover,
        "cover_lead": math.nan if blind else min(0.0, lead) if cross else 0.0,
        "names_found": len(names) / len(focus.names) if focus.names else 1.0,
        "kind_stated": 1.0 if any(c.stated for c in chosen) else 0.0,
        "stated_elsewhere": 1.0 if focus.kind and _stated_elsewhere(passages, chosen, found) else 0.0,
        # A near miss often quotes its best sentence on the topic and states the kind of fact only in a
        # lesser one ("9 Ministry officials" for a side event's attendance). Dev: one more refused.
        "first_stated": 1.0 if chosen[0].stated else 0.0,
        "place_matches": 0.0 if all(c.elsewhere for c in chosen) else 1.0,
        "cross_lingual": 1.0 if cross else 0.0,
        answerability.ASKED_WORDS: float(len(weights)),
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
    usable = [p for p in range(min(settings.k, len(passages))) if _passage_ok(about, passages[p])]
    found = candidates(question, focus, usable, weights, result, passages)
    if focus.kind in _SOUGHT_DEEPER and not _states_in_first(passages, found):
        # The document ranked first may state the asked fact in a passage ranked lower: a paragraph of
        # names and titles ("Ms. Azlina ..., as well as Mr. Grick Cordero, ... opened the Knowledge
        # Exchange Program") shares few words and a middling cosine with "Who opened the training?".
        deeper = [
            p
            for p in range(settings.k, len(passages))
            if passages[p].doc_id == passages[0].doc_id and _passage_ok(about, passages[p])
        ]
        if deeper:
            found = candidates(question, focus, usable + deeper, weights, result, passages)
    chosen = select(found, settings)
    if not chosen:
        return Assessment(result, passages, [], {}, False)
    cited = [passages[c.passage] for c in chosen]
    grounded = all(
        any(_quotes(c, passages[c.passage], t, docs, focus) for c in chosen) for t, docs in about.items()
    )
    grounded = grounded and all(
        any(exact.has_exact(result.document_text(p.doc_id), y) for p in cited) for y in focus.years
    )
    # "The second batch" is not answered by the first: a quoted sentence must speak of the one asked.
    quotes = [passages[c.passage].text[c.start : c.end] for c in chosen]
    named = exact.counted_ordinals(question, told=False)
    grounded = grounded and all(any(exact.states_ordinal(q, *asked) for q in quotes) for asked in named)
    features = _features(question, focus, weights, result, passages, chosen, found)
    return Assessment(result, passages, chosen, features, grounded, focus.kind)
