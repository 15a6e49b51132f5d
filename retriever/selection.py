"""Which sentences of the found passages to quote: each scored against the question (model cosine,
IDF-weighted word overlap, the kind of fact asked, the places asked), then the best and a few
near-as-good ones that add something new.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from . import asked, elsewhere, exact, grounding, keyword, places, specifics, tables
from . import lang as language
from .retrieval import SearchResult
from .settings import Settings
from .types import Passage

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
# Cosine above which a sentence adds nothing to one already quoted: SIMILAR for any sentence,
# REPEAT (the same words, as in two overlapping chunks) for the first one stating the asked fact.
# Under multilingual-e5 two sentences on one topic score 0.85-0.9 though they state different facts
# ("introduced a levy of 10 cents" beside "the levy was raised to 20 cents"). Dev points at 0.85 / 0.88
# / 0.90 / 0.93: 894 / 894 / 904 / 902; at 0.90 answer accuracy on the test halves 0.688 -> 0.756, for
# quotes 383 -> 434 characters on average and refusal unchanged.
SIMILAR = 0.9
REPEAT = 0.95
# A question word most found sentences hold weighs this share less (see `discounted`).
COMMON_DISCOUNT = 0.8
_LABEL = re.compile(r"[^\W\d][^:\n]{0,40}:\s")
# A news report's lead opens with where and when it was filed ("RAYONG, 9 June 2023 – ...") and sums
# up the whole story, so it shares the most words with any question on it; the sentence that states
# the asked day, venue or figure wins a near tie. Dev: sum +2 (a study tour's days, a workshop's hotel;
# a course's dates lost); 0.05 +1, 0.15 -1; no test-half answer changed.
DATELINE_PENALTY = 0.1
_DATELINE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}){0,2},\s*"
    r"(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?,?)\s+\d{4}\s*[–—:-]\s"
)
# A document's opening sentence sums up the whole story (who did what, where, when), so it is close to
# any question on the document; a sentence stating the asked detail wins a near tie. The lead is the
# first sentence of ten words or more (a heading or a dateline month is not). Dev points at 0.03 /
# 0.05 / 0.08: +2 / +6 / +4 (test halves +0 / +2 / +0); only with a kind of fact asked, +2.
LEAD_PENALTY = 0.05
_HANGUL = re.compile("[\uac00-\ud7af]{2}")
# A sentence opening on a contrast or addition ("Some people, however, ...", "It also ...") leans on
# the one before it: quoted beside the best sentence, it is only with an earlier sentence of its passage.
_CONNECTIVE = re.compile(
    r"^\W*(?:\S+\s+){0,3}?(?:however|but|also|nevertheless|nonetheless|meanwhile|moreover|furthermore|"
    r"instead|still|yet|too)\b",
    re.IGNORECASE,
)


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
    named: float = 1.0  # share of the names asked about that the sentence's passage mentions
    header: tuple[int, int] | None = None  # a table row's header line (offsets), quoted with it
    leans: bool = False  # opens on "however", "also" ...: it follows on from the sentence before
    ordinal: bool = False  # states the counted ordinal asked ("first prize", "a second offence")


def _quotable(sentence: str) -> bool:
    """Whether a sentence can state a fact on its own: three words or more (any length in scripts
    without spaces), and not a heading that opens a list ("3 Key achievements:")."""
    sentence = sentence.strip()
    # A list's lead-in states nothing ("3 Key achievements:"), unless it gives a figure of its own ("The
    # law sets a phase-out period of 36 months from its entry into force, for:").
    if sentence.endswith((":", "：")) and not (len(sentence.split()) >= 8 and re.search(r"\d", sentence)):
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


def _leads(found: Iterable[int], passages: list[Passage]) -> set[tuple[int, int]]:
    """(passage, start) of the lead sentence of each document whose first chunk was found."""
    leads = set()
    for p in found:
        if passages[p].id.endswith("#0"):
            starts = (s for s, e in passages[p].sentences if len(passages[p].text[s:e].split()) >= 10)
            if (start := next(starts, None)) is not None:
                leads.add((p, start))
    return leads


def discounted(weights: dict[str, float], sentences: list[list[str]]) -> dict[str, float]:
    """Question word weights less COMMON_DISCOUNT times the share of the candidate sentences holding each.

    A word most found sentences hold says what they are all about ("INC-3", "workshop"), not which one
    answers. Dev: sum 777 -> 778 (0.5 alike, 1.0 no better; with it in place of `within_document`, 773).
    """
    held = [set(tokens) for tokens in sentences]
    return {t: w * (1 - COMMON_DISCOUNT * sum(t in h for h in held) / len(held)) for t, w in weights.items()}


def within_document(weights: dict[str, float], title: Iterable[str]) -> dict[str, float]:
    """Question word weights for choosing among one document's sentences: its title's words count half.

    A document's title words are what all its sentences are about ("Manila EPR workshop"); the
    question's other words ("venue", "dates") tell which sentence answers. Dev: answer accuracy
    0.790 -> 0.818, the dateline lead no longer quoted for every detail asked.
    """
    topic = set(title)
    return {t: w * (0.5 if t in topic else 1.0) for t, w in weights.items()}


def candidates(
    question: str,
    focus: grounding.Focus,
    usable: list[int],
    weights: dict[str, float],
    result: SearchResult,
    passages: list[Passage],
) -> list[Candidate]:
    """Every quotable sentence of the usable passages (indices into `passages`), best first."""
    spans = [
        (p, i, s, e)
        for p in usable
        for i, (s, e) in enumerate(passages[p].sentences)
        if _quotable(passages[p].text[s:e])
    ]
    if not spans:
        return []
    vectors = {p: result.sentence_vectors(p) for p in {p for p, _, _, _ in spans}}
    places_asked = elsewhere.asked_places(question)
    ordinals = exact.counted_ordinals(question)
    # What a price, fine or weight asked for is of ("the price of diesel"): an amount of money in a
    # passage about cups does not state it. The passage, not the sentence, must name it: "a fixed
    # penalty notice of HK$2,000" sits under the tableware rules' heading, not beside the word.
    measured = asked.measure_words(question)
    of_what = keyword.without(weights, [*measured, *places.named_in(question)]) if measured else {}
    # A question on a ban is not answered from a document that speaks of none (one search per document).
    topics = specifics.topics_asked(question) if focus.kind else ()
    docs = {passages[p].doc_id for p in usable} if topics else set()
    silent = {d for d in docs if not specifics.document_speaks_of(result.document_text(d), topics)}
    actual = bool(focus.kind) and specifics.asks_actual(question)
    # A year qualifying an asked amount ("the 2030 target", "attendance in 2023"), not its source's.
    cited = elsewhere.cited_years(question)
    years = frozenset(focus.years) - cited if focus.kind == "number" else frozenset()
    cosines = np.array([float(np.dot(vectors[p][i], result.query_vector)) for p, i, _, _ in spans])
    found = sorted({p for p, _, _, _ in spans})
    whole = {p: f"{passages[p].title} {passages[p].section} {passages[p].text}" for p in found}
    # A section's own heading ("3. Targets"), not the title a passage without sections repeats.
    headings = {p: passages[p].section if passages[p].section != passages[p].title else "" for p in found}
    planned_under = {p: actual and specifics.planned(headings[p], focus.kind) for p in found}
    texts = [whole[p] for p in found] if of_what else []
    # A Chinese passage cannot repeat an English question's words: there its fine stands as stated.
    asked_in = language.detect(question) if of_what else ""
    comparable = {
        p: not of_what or language.words_shared(asked_in, language.detect(passages[p].text)) for p in found
    }
    # One tokenizer call for all sentences, titles and passages: per-call overhead dominated composition.
    # A table row is read with its header's words beside its values (see `tables`).
    headers = [tables.header_of(passages[p].text, s, e) for p, _, s, e in spans]
    read = [
        tables.paired(passages[p].text[h[0] : h[1]], passages[p].text[s:e]) if h else passages[p].text[s:e]
        for (p, _, s, e), h in zip(spans, headers, strict=True)
    ]
    every = iter(keyword.tokenize(read + [passages[p].title for p in found] + texts))
    tokens = [next(every) for _ in spans]
    common = discounted(weights, tokens)
    within = {p: within_document(common, next(every)) for p in found}
    about = {p: next(every) for p in found} if of_what else {}
    # Which of the names asked about each passage mentions (title, section and text).
    named = dict.fromkeys(found, 1.0)
    for p in found if focus.names else ():
        held = whole[p].lower()
        named[p] = sum(grounding.mentions_name(held, n) for n in focus.names) / len(focus.names)
    leads = _leads(found, passages)
    out: list[Candidate] = []
    for (p, i, start, end), toks, cosine, sentence, header in zip(
        spans, tokens, cosines, read, headers, strict=True
    ):
        doc = passages[p].doc_id
        cover = keyword.cover(weights, toks)
        stated = not focus.kind or asked.states_kind(sentence, focus.kind, question)
        if stated and of_what and keyword.cover(of_what, about[p]) == 0.0 and comparable[p]:
            stated = False
        if doc in silent:
            stated = False
        # "How many were actually installed?" is not answered by a target, nor by a sentence under "Targets".
        if stated and actual and (planned_under[p] or specifics.planned(sentence, focus.kind)):
            stated = False
        if stated and years and elsewhere.other_years(sentence, headings[p], years):
            stated = False
        # The passage's relevance carries a sentence that states the fact without repeating the
        # question's words; one that lacks the asked kind of fact (a date for "when") rarely answers it.
        relevance = float(passages[p].dense_score or 0.0)
        score = 0.45 * cosine + 0.15 * relevance + 0.25 * keyword.cover(within[p], toks) + 0.05 / (1 + p)
        score += (0.1 if stated else -0.1) if focus.kind else 0.0
        # The sentence naming the exact session or edition asked about beats its neighbours'.
        if focus.exact and any(exact.has_exact(sentence, t) for t in focus.exact):
            score += 0.08
        # ... and so does the one stating the counted ordinal asked ("PHP3,000 for a second offence").
        ordinal = any(exact.states_ordinal(sentence, *o) for o in ordinals)
        if ordinal:
            score += 0.08
        if _is_listed(passages[p].text, start, end):
            score -= LISTED_PENALTY
        if focus.kind and _DATELINE.match(sentence):
            score -= DATELINE_PENALTY
        if (p, start) in leads:
            score -= LEAD_PENALTY
        # Asked where, the answer is another place than the one the question names the event by:
        # "Where is the next Seoul roundtable?" is answered by Phnom Penh.
        told_elsewhere = focus.kind != "where" and elsewhere.only_elsewhere(
            places_asked, passages[p], start, end
        )
        # Nor is one told of another batch or phase than the one asked ("the second batch" for batch 1).
        if focus.kind in ("number", "when") and (
            told_elsewhere or any(exact.states_other_ordinal(sentence, *o) for o in ordinals)
        ):
            continue  # a figure or date told of another place is never the asked place's
        if told_elsewhere:
            score -= ELSEWHERE_PENALTY
        vector, cos = vectors[p][i], float(cosine)
        out.append(
            Candidate(
                p, start, end, score, vector, cos, cover, stated, told_elsewhere, doc, named[p], header,
                leans=_CONNECTIVE.match(sentence) is not None,
                ordinal=ordinal,
            )
        )
    return sorted(out, key=lambda c: -c.score)


def select(candidates: list[Candidate], settings: Settings) -> list[Candidate]:
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
        # ... and about the same names: the Seoul forum's opening remarks do not join the KEP's organisers.
        if cand.doc_id != best.doc_id and cand.named < best.named:
            continue
        if chars + cand.end - cand.start > MAX_QUOTE_CHARS:
            continue
        if cand.leans and not any(c.passage == cand.passage and c.start < cand.start for c in chosen):
            continue
        # The first sentence that states the asked fact joins unless it repeats one quoted: any two
        # sentences of a document score 0.75-0.9 under multilingual-e5, so the usual bar for "says
        # the same" dropped "NEA received 825 responses" beside the consultation's lead sentence.
        states_first = cand.stated and not any(c.stated for c in chosen)
        if any(float(np.dot(cand.vector, c.vector)) > (REPEAT if states_first else SIMILAR) for c in chosen):
            continue
        chosen.append(cand)
        chars += cand.end - cand.start
    # The sentence naming the asked one of a series ("First prize: team ...") is quoted if near enough,
    # in place of the weakest sentence chosen.
    if not any(c.ordinal for c in chosen):
        told = next(
            (c for c in candidates
             if c.ordinal and c.score >= best.score - JOIN_MARGIN and (best.elsewhere or not c.elsewhere)),
            None,
        )  # fmt: skip
        if told is not None:
            chosen = [*chosen[: settings.max_answer_sentences - 1], told]
    return _with_headers(chosen)


def _with_headers(chosen: list[Candidate]) -> list[Candidate]:
    """The chosen sentences, with the header line of each quoted table row not already quoted."""
    quoted = {(c.passage, c.start) for c in chosen}
    headers = []
    for cand in chosen:
        if cand.header and (cand.passage, cand.header[0]) not in quoted:
            quoted.add((cand.passage, cand.header[0]))
            headers.append(replace(cand, start=cand.header[0], end=cand.header[1], stated=False, header=None))
    return chosen + headers
