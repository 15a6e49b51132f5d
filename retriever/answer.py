"""Cited answers composed from found passages: verbatim sentences, numbered sources, honest refusal."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from . import answerability, grounding, keyword, texts
from . import lang as language
from .retrieval import Searcher, SearchResult
from .settings import Settings
from .types import Answer, Citation, Passage

_SMALLTALK = re.compile(
    r"^(hi|hello|hey|hiya|good (morning|afternoon|evening|day)|greetings|thanks?( you)?( very much)?|"
    r"thank u|ok(ay)?|bye|goodbye|cheers|who are you|what (can|do) you do|what are you|help|"
    r"halo|helo|hai|selamat (pagi|siang|sore|malam|petang)|terima kasih|apa khabar|"
    r"xin chào|chào bạn|cảm ơn|kumusta|salamat|magandang (umaga|hapon|gabi)|"
    r"สวัสดี(ครับ|ค่ะ)?|ขอบคุณ(ครับ|ค่ะ)?|你好|您好|谢谢|안녕하세요|안녕|감사합니다|고맙습니다)\W*$",
    re.IGNORECASE,
)
# Words of how a question is put, not of what it asks: their absence from a passage says nothing.
_PHRASING = frozenset(
    keyword.tokenize(
        [
            "take place took taken happen happened held hold say said tell give mention according exactly"
            " know mean get got occur occurred document documents detail details please what when where"
            " who whom whose which why how much many did does do is are was were could will would should"
        ]
    )[0]
)
# Passages composed from; search goes deeper so evaluation can score recall@10 from one retrieval.
SEARCH_DEPTH = 10
MAX_QUOTE_CHARS = 700
# A refused question whose evidence scored at least this share of the threshold is a near miss:
# the refusal names the documents that came close instead of describing the whole collection.
NEAR_MISS = 0.6


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


@dataclass(frozen=True)
class Assessment:
    """Everything composition decided about one question, before the answer is written."""

    result: SearchResult
    passages: list[Passage]
    chosen: list[Candidate]
    features: dict[str, float]
    grounded: bool  # every exact name and number asked about is in a cited passage


def is_smalltalk(question: str) -> bool:
    """Greetings, thanks and 'what can you do' rather than a question about the documents."""
    return bool(_SMALLTALK.match(question.strip()))


def _content_weights(bm25: object, question: str) -> dict[str, float]:
    """IDF of the question's words, without the phrasing every question shares ("take place")."""
    weights = keyword.idf_weights(bm25, question)  # type: ignore[arg-type]
    return {t: w for t, w in weights.items() if t not in _PHRASING} or weights


def _cover(weights: dict[str, float], tokens: Iterable[str]) -> float:
    """IDF-weighted share of the question's words found among `tokens`."""
    total = sum(weights.values())
    present = set(tokens)
    return sum(w for t, w in weights.items() if t in present) / total if total else 0.0


def _is_latin(text: str) -> bool:
    letters = [c for c in text[:400] if c.isalpha()]
    return not letters or sum(c.isascii() for c in letters) / len(letters) > 0.6


def _about(result: SearchResult, focus: grounding.Focus) -> dict[str, set[str]]:
    """For each exact name asked about, the documents whose title names it (empty: none does)."""
    docs = result.version.manifest["documents"]
    return {
        t: {d for d, meta in docs.items() if grounding.has_exact(meta.get("title", ""), t)}
        for t in focus.exact
    }


def _satisfies(passage: Passage, token: str, about: set[str]) -> bool:
    """A passage speaks of a numbered name when its document is about it, or (no such document) names it."""
    if about:
        return passage.doc_id in about
    return grounding.has_exact(f"{passage.section} {passage.text}", token)


def _language(result: SearchResult, passage: Passage) -> str:
    """A passage's language: its document's front matter, else detected from its text."""
    declared = result.version.manifest["documents"][passage.doc_id].get("language", "")
    return declared.split("-")[0].lower() if declared else language.detect(passage.text)


def _passage_ok(about: dict[str, set[str]], passage: Passage) -> bool:
    """A passage may answer only if it speaks of at least one exact name or number asked about."""
    return not about or any(_satisfies(passage, t, docs) for t, docs in about.items())


def _candidates(
    question: str,
    focus: grounding.Focus,
    about: dict[str, set[str]],
    result: SearchResult,
    passages: list[Passage],
    n: int,
) -> list[Candidate]:
    weights = _content_weights(result.version.bm25, question)
    spans = [
        (p, i, s, e)
        for p in range(min(n, len(passages)))
        if _passage_ok(about, passages[p])
        for i, (s, e) in enumerate(passages[p].sentences)
        if len(passages[p].text[s:e].split()) >= 3 or not _is_latin(passages[p].text[s:e])
    ]
    if not spans:
        return []
    # One tokenizer call for all sentences: per-call overhead dominated composition time.
    tokens = keyword.tokenize([passages[p].text[s:e] for p, _, s, e in spans])
    vectors = {p: result.sentence_vectors(p) for p in {p for p, _, _, _ in spans}}
    cosines = np.array([float(np.dot(vectors[p][i], result.query_vector)) for p, i, _, _ in spans])
    out: list[Candidate] = []
    for (p, i, start, end), toks, cosine in zip(spans, tokens, cosines, strict=True):
        sentence = passages[p].text[start:end]
        cover = _cover(weights, toks)
        stated = not focus.kind or grounding.states_kind(sentence, focus.kind, question)
        # The passage's relevance carries a sentence that states the fact without repeating the
        # question's words; one that lacks the asked kind of fact (a date for "when") rarely answers it.
        relevance = float(passages[p].dense_score or 0.0)
        score = 0.45 * cosine + 0.15 * relevance + 0.25 * cover + 0.05 / (1 + p)
        score += (0.1 if stated else -0.1) if focus.kind else 0.0
        # The sentence naming the exact session or edition asked about beats its neighbours'.
        if focus.exact and any(grounding.has_exact(sentence, t) for t in focus.exact):
            score += 0.08
        out.append(Candidate(p, start, end, score, vectors[p][i], float(cosine), cover, stated))
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
        if len(chosen) >= settings.max_answer_sentences or cand.score < best.score - 0.16:
            break
        if chars + cand.end - cand.start > MAX_QUOTE_CHARS:
            continue
        if any(float(np.dot(cand.vector, c.vector)) > 0.85 for c in chosen):
            continue
        chosen.append(cand)
        chars += cand.end - cand.start
    return chosen


def _features(
    question: str,
    focus: grounding.Focus,
    result: SearchResult,
    passages: list[Passage],
    chosen: list[Candidate],
) -> dict[str, float]:
    best = chosen[0]
    passage = passages[best.passage]
    bm25 = result.version.bm25
    weights = _content_weights(bm25, question)
    doc_tokens = set(keyword.tokenize([result.document_text(passage.doc_id)])[0])
    dense = [float(p.dense_score or 0.0) for p in passages]
    used = {c.passage for c in chosen}
    haystack = " ".join(f"{passages[i].title} {passages[i].section} {passages[i].text}" for i in used).lower()
    names = [n for n in focus.names if grounding.mentions_name(haystack, n)]
    return {
        "sentence_cosine": max(c.cosine for c in chosen),
        "passage_cosine": float(passage.dense_score or 0.0),
        "dense_margin": max(dense) - float(np.median(dense)),
        "sentence_cover": max(c.cover for c in chosen),
        "document_cover": _cover(weights, doc_tokens),
        "names_found": len(names) / len(focus.names) if focus.names else 1.0,
        "kind_stated": 1.0 if any(c.stated for c in chosen) else 0.0,
        "cross_lingual": 0.0 if language.detect(question) == _language(result, passage) else 1.0,
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
    about = _about(result, focus)
    chosen = _select(_candidates(question, focus, about, result, passages, settings.k), settings)
    if not chosen:
        return Assessment(result, passages, [], {}, False)
    cited = [passages[c.passage] for c in chosen]
    grounded = all(any(_satisfies(p, t, docs) for p in cited) for t, docs in about.items()) and all(
        any(grounding.has_exact(result.document_text(p.doc_id), y) for p in cited) for y in focus.years
    )
    return Assessment(
        result, passages, chosen, _features(question, focus, result, passages, chosen), grounded
    )


def _spans(chosen: list[Candidate], passages: list[Passage]) -> list[tuple[int, int, int]]:
    """(passage, start, end) spans in reading order; adjacent sentences of one passage merge."""
    by_passage: dict[int, list[Candidate]] = {}
    for cand in chosen:
        by_passage.setdefault(cand.passage, []).append(cand)
    spans: list[tuple[int, int, int]] = []
    for p_index in sorted(by_passage, key=lambda p: min(chosen.index(c) for c in by_passage[p])):
        text = passages[p_index].text
        group = sorted(by_passage[p_index], key=lambda c: c.start)
        start, end = group[0].start, group[0].end
        for cand in group[1:]:
            if text[end : cand.start].strip() == "":
                end = cand.end
            else:
                spans.append((p_index, start, end))
                start, end = cand.start, cand.end
        spans.append((p_index, start, end))
    return spans


def _refusal(passages: list[Passage], n_docs: int, lang: str, near: bool) -> str:
    """A refusal that still helps: for a near miss the closest documents and their sections,
    otherwise what the collection covers."""
    related: dict[str, str] = {}
    for passage in passages[:5] if near else []:
        if passage.title not in related:
            related[passage.title] = passage.section if passage.section != passage.title else ""
    text = texts.t("refusal", lang)
    if related:
        lines = [f"• {title}" + (f" — {section}" if section else "") for title, section in related.items()]
        return f"{text} {texts.t('closest_documents', lang)}\n" + "\n".join(lines[:3])
    return f"{text} {texts.t('refusal_scope', lang, n_docs=n_docs)}"


def greeting(n_docs: int, lang: str = texts.DEFAULT) -> str:
    """What the assistant says to a greeting or 'what can you do'."""
    return texts.t("greeting", lang, n_docs=n_docs)


def _citations(chosen: list[Candidate], passages: list[Passage]) -> tuple[str, tuple[Citation, ...]]:
    parts, citations = [], []
    for n, (p_index, start, end) in enumerate(_spans(chosen, passages), start=1):
        passage = passages[p_index]
        quote = passage.text[start:end]
        parts.append(f"{quote} [{n}]")
        citations.append(
            Citation(
                n=n,
                doc_id=passage.doc_id,
                title=passage.title,
                section=passage.section,
                page=passage.page,
                date=passage.date,
                source=passage.source,
                quote=quote,
                passage=passage.text,
                score=round(max(c.score for c in chosen if c.passage == p_index), 4),
            )
        )
    return " ".join(parts), tuple(citations)


def answer_question(
    searcher: Searcher,
    question: str,
    *,
    settings: Settings,
    doc_ids: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    lang: str | None = None,
) -> Answer:
    """Search, then quote the best sentences with citations, or refuse when evidence is weak.

    The assistant's own words (refusal, greeting) are in `lang`, else the question's language;
    quotes stay in the document's.
    """
    started = time.perf_counter()
    question = " ".join(question.split())
    lang = texts.language(lang or language.detect(question))
    if not question:
        return Answer(question, texts.t("empty_question", lang), True, lang=lang)
    if is_smalltalk(question):
        n_docs = int(searcher.version.manifest["n_documents"])
        elapsed = {"total": (time.perf_counter() - started) * 1000}
        return Answer(question, greeting(n_docs, lang), True, (), elapsed, lang=lang)

    found = assess(
        searcher, question, settings=settings, doc_ids=doc_ids, date_from=date_from, date_to=date_to
    )
    t_compose = time.perf_counter()
    # A question naming INC-3 or 2030 is answered only from passages that name them exactly.
    p = answerability.probability(found.features, settings.answer_model) if found.chosen else 0.0
    cut = answerability.threshold(settings.answer_model)
    answer_it = bool(found.chosen) and found.grounded and p >= cut
    if answer_it:
        text, citations = _citations(found.chosen, found.passages)
    else:
        near = p >= NEAR_MISS * cut
        text, citations = _refusal(found.passages, found.result.n_documents, lang, near), ()
    done = time.perf_counter()
    timings = {k: round(v, 2) for k, v in found.result.timings_ms.items()}
    timings["composition"] = round((done - t_compose) * 1000, 2)
    timings["total"] = round((done - started) * 1000, 2)
    return Answer(question, text, not answer_it, citations, timings, tuple(found.passages), lang=lang)
