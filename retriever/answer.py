"""Cited answers composed from found passages: verbatim sentences, numbered sources, honest refusal."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterable
from typing import Any

from . import answerability, catalog, disagreement, scope, shorthand, texts
from . import lang as language
from .chatter import asks_for_fun, asks_for_tips, is_follow_up, is_smalltalk
from .evidence import Candidate, assess
from .followup import with_context
from .retrieval import Searcher
from .settings import Settings
from .types import Answer, Citation, Passage

# A refused question whose evidence on its topic scored at least this share of the threshold is a
# near miss: the refusal names the documents that came close instead of describing the collection.
NEAR_MISS = 0.6
# Passages checked for a source that contradicts a cited one: those composition chose from.
DISAGREEMENT_DEPTH = 5


def _spans(chosen: list[Candidate], passages: list[Passage]) -> list[tuple[int, int, int]]:
    """(passage, start, end) spans in reading order; adjacent sentences of one paragraph merge (across
    a paragraph break, the first would stand apart from its citation number)."""
    by_passage: dict[int, list[Candidate]] = {}
    for cand in chosen:
        by_passage.setdefault(cand.passage, []).append(cand)
    spans: list[tuple[int, int, int]] = []
    for p_index in sorted(by_passage, key=lambda p: min(chosen.index(c) for c in by_passage[p])):
        text = passages[p_index].text
        group = sorted(by_passage[p_index], key=lambda c: c.start)
        start, end = group[0].start, group[0].end
        for cand in group[1:]:
            if text[end : cand.start].strip() == "" and "\n" not in text[end : cand.start]:
                end = cand.end
            else:
                spans.append((p_index, start, end))
                start, end = cand.start, cand.end
        spans.append((p_index, start, end))
    return spans


def _refusal(passages: list[Passage], n_docs: int, lang: str, near: bool, follow_up: bool = False) -> str:
    """A refusal that still helps: for a near miss the closest documents and their sections,
    otherwise what the collection covers; to a follow-up, that each message is read on its own."""
    related: dict[str, str] = {}
    for passage in passages[:5] if near else []:
        if passage.title not in related:
            related[passage.title] = passage.section if passage.section != passage.title else ""
    text = texts.t("refusal", lang)
    if follow_up:
        text += " " + texts.t("refusal_standalone", lang)
    if related:
        lines = [f"• {title}" + (f" — {section}" if section else "") for title, section in related.items()]
        return f"{text} {texts.t('closest_documents', lang)}\n" + "\n".join(lines[:3])
    return f"{text} {texts.t('refusal_scope', lang, n_docs=n_docs)}"


def greeting(n_docs: int, lang: str = texts.DEFAULT) -> str:
    """What the assistant says to a greeting or 'what can you do'."""
    return texts.t("greeting", lang, n_docs=n_docs)


def _citation(n: int, passage: Passage, quote: str, score: float) -> Citation:
    return Citation(
        n=n,
        doc_id=passage.doc_id,
        title=passage.title,
        section=passage.section,
        page=passage.page,
        date=passage.date,
        source=passage.source,
        quote=quote,
        passage=passage.text,
        score=round(score, 4),
    )


def _citations(chosen: list[Candidate], passages: list[Passage]) -> tuple[str, tuple[Citation, ...]]:
    parts, citations = [], []
    for n, (p_index, start, end) in enumerate(_spans(chosen, passages), start=1):
        passage = passages[p_index]
        quote = passage.text[start:end]
        parts.append(f"{quote} [{n}]")
        score = max(c.score for c in chosen if c.passage == p_index)
        citations.append(_citation(n, passage, quote, score))
    return " ".join(parts), tuple(citations)


def _notes(
    citations: tuple[Citation, ...], passages: list[Passage], documents: dict[str, Any], lang: str
) -> tuple[list[str], tuple[Citation, ...]]:
    """What a reader must know beside the quotes: a replaced source, and sources that disagree.

    A found passage that contradicts a cited one (another date or figure for the same thing) is
    quoted and cited too, side by side, rather than left out because it looked like a repeat.
    """
    notes = []
    newer = catalog.of(documents).superseded  # worked out once per index version
    for doc_id in dict.fromkeys(c.doc_id for c in citations if c.doc_id in newer):
        title = documents[doc_id].get("title", doc_id)
        notes.append(
            texts.t("superseded_note", lang, old=title, new=documents[newer[doc_id]].get("title", ""))
        )
    cited_docs = {c.doc_id for c in citations}
    extra: list[Citation] = []
    for found in disagreement.disagreements([*citations, *passages[:DISAGREEMENT_DEPTH]]):
        if not cited_docs & {side.doc_id for side in found.sides}:
            continue
        lines = []
        for side in found.sides:
            n = next((c.n for c in (*citations, *extra) if side.sentence in c.quote), None)
            if n is None:
                source = next(
                    (p for p in passages if p.doc_id == side.doc_id and side.sentence in p.text), None
                )
                if source is None:
                    continue
                n = len(citations) + len(extra) + 1
                extra.append(_citation(n, source, side.sentence, source.score))
            lines.append(f"• {side.title} ({side.date or '?'}): {side.sentence} [{n}]")
        if len(lines) == 2:
            notes.append(texts.t("sources_differ", lang, subject=found.subject) + "\n" + "\n".join(lines))
    return notes, (*citations, *extra)


_KIND_NOUNS = {
    "regulation": "scope_regulations",
    "roadmap": "scope_plans",
    "campaign": "scope_campaigns",
    "event": "scope_events",
}


def describe(stated: scope.Scope, lang: str) -> str:
    """The filter a question stated, in the reader's language (places named as the documents name them)."""
    what = texts.t(_KIND_NOUNS.get(stated.kind, "scope_documents"), lang)
    what = texts.t("scope_latest", lang, what=what) if stated.latest else what
    details = [texts.t("scope_about", lang, places=", ".join(stated.places))] if stated.places else []
    start, end = stated.date_from, stated.date_to
    if start or end:
        key = "scope_between" if start and end else "scope_from" if start else "scope_to"
        details.append(texts.t(key, lang, start=start, end=end))
    if stated.in_force:
        details.append(texts.t("scope_in_force", lang))
    return texts.t("scope_what", lang, what=what, details=", ".join(details)) if details else what


def answer_question(
    searcher: Searcher,
    question: str,
    *,
    settings: Settings,
    doc_ids: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    lang: str | None = None,
    previous: str = "",
) -> Answer:
    """Search, then quote the best sentences with citations, or refuse when evidence is weak.

    The assistant's own words (refusal, greeting) are in `lang`, else the question's language;
    quotes stay in the document's. A follow-up ("and where was it held?") is read with `previous`,
    the question asked before it in the same chat.
    """
    started = time.perf_counter()
    # NFKC: a question typed in full-width letters ("Ｗｈａｔ ｉｓ ＥＰＲ？") reads as the plain one, and
    # a year or number in Khmer, Burmese, Lao or Thai digits as the documents' "2022" or "168".
    question = language.ascii_digits(" ".join(unicodedata.normalize("NFKC", question).split()))
    question = shorthand.expand(question)  # "govt mtg" is searched and read as "government meeting"
    lang = texts.language(lang or language.detect(question))
    if not question:
        return Answer(question, texts.t("empty_question", lang), True, lang=lang)
    if is_smalltalk(question):
        n_docs = int(searcher.version.manifest["n_documents"])
        elapsed = {"total": (time.perf_counter() - started) * 1000}
        return Answer(question, greeting(n_docs, lang), True, (), elapsed, lang=lang)
    read = with_context(question, previous)
    # Says how a follow-up was read, so a wrong reading is seen; "" when the question stands on its own.
    follows = texts.t("follow_up_note", lang, previous=" ".join(previous.split())) if read != question else ""
    question = read

    documents = searcher.version.manifest["documents"]
    # "in Malaysia", "since 2023", "the latest", "currently in force": the question's own filter,
    # unless the caller chose the documents.
    stated = scope.parse(question, documents) if doc_ids is None else scope.Scope()
    found = assess(
        searcher,
        question,
        settings=settings,
        doc_ids=stated.doc_ids if doc_ids is None else doc_ids,
        date_from=date_from,
        date_to=date_to,
    )
    t_compose = time.perf_counter()
    # A question naming INC-3 or 2030 is answered only from passages that name them exactly.
    p = answerability.probability(found.features, settings.answer_model) if found.chosen else 0.0
    cut = answerability.threshold(settings.answer_model)
    # A question asking no date, place, name or number is answered only by a quote sharing a word with
    # it: "What's the air quality in Seoul tomorrow?" had been answered with the Seoul forum's title.
    unrelated = not found.kind and answerability.shares_no_word(found.features)
    # Where to eat or stay near a documented venue, or a joke about recycling: the venue's page or the
    # policy word matches, but no document answers.
    unrelated = unrelated or asks_for_tips(question) or asks_for_fun(question)
    # A date, place, name or number asked is answered only by a quote that states one (issue #11, 4).
    unstated = bool(found.kind) and found.features.get("kind_stated", 1.0) == 0.0
    answer_it = bool(found.chosen) and found.grounded and p >= cut and not unrelated and not unstated
    if answer_it:
        text, citations = _citations(found.chosen, found.passages)
        notes, citations = _notes(citations, found.passages, documents, lang)
        if follows:
            notes.append(follows)
        elif is_follow_up(question) and stated.empty():  # "what about the 2nd offence?": of what?
            notes.append(texts.t("refusal_standalone", lang))
        text = "\n\n".join([text, *notes])
    else:
        # Judged on the topic alone: a question whose asked detail (a fine, the mayor) the documents
        # lack is still shown the documents on its topic.
        told = {"kind_stated": 1.0, "first_stated": 1.0, "stated_elsewhere": 0.0, "place_matches": 1.0}
        topic = {**found.features, **told}
        near = (
            bool(found.chosen) and answerability.probability(topic, settings.answer_model) >= NEAR_MISS * cut
        )
        unread = is_follow_up(question) and not follows
        text = _refusal(found.passages, found.result.n_documents, lang, near, unread)
        if follows:
            text += "\n\n" + follows
        citations = ()
    done = time.perf_counter()
    timings = {k: round(v, 2) for k, v in found.result.timings_ms.items()}
    timings["composition"] = round((done - t_compose) * 1000, 2)
    timings["total"] = round((done - started) * 1000, 2)
    if not stated.empty():
        text += "\n\n" + texts.t("scope_note", lang, scope=describe(stated, lang))
    return Answer(
        question,
        text,
        not answer_it,
        citations,
        timings,
        tuple(found.passages),
        lang=lang,
        scope="" if stated.empty() else describe(stated, texts.DEFAULT),  # for scripts: English
    )
