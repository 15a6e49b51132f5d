"""Keyword search with bm25s: Latin-script words stemmed, Thai words segmented, other scripts without
spaces as character bigrams."""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

from . import glossary
from .exact import ORDINAL_WORDS

# bm25s logs every index build at DEBUG, which leaks into the console chat.
logging.getLogger("bm25s").setLevel(logging.WARNING)

# Scripts written without spaces between words (and Hangul, whose words carry attached particles):
# overlapping character bigrams match whatever the word boundaries are, in any of these languages,
# with no dictionary to ship (Lucene's CJK bigram approach). Each group is tokenized on its own; Thai,
# which has a well-kept segmenter, is cut into words instead.
_NO_SPACE = {
    "thai": "\u0e00-\u0e7f",
    "lao": "\u0e80-\u0eff",
    "khmer": "\u1780-\u17ff\u19e0-\u19ff",
    "myanmar": "\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f",
    "cjk": "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f",
    "hangul": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
}
_THAI = re.compile("[\u0e00-\u0e7f]")
_RUN = re.compile("|".join(f"[{chars}]+" for chars in _NO_SPACE.values()))
# Marks and signs inside these scripts that are not letters of a word on their own.
_NOT_WORD = re.compile("[\u0e2f\u0e46\u0e5a\u0e5b\u0ec6\u17d4-\u17da\u104a\u104b\u3001-\u3003\u30fb]")


# British spellings as American ones before stemming: Snowball keeps them apart ("organised" ->
# "organis", "organized" -> "organiz"; "programme", "centre", "offence"), and the region's officials and
# documents write both. Applied to documents and questions alike, so a merge of two words is harmless.
_AMERICAN = (
    (re.compile(r"^(\w{2,}?)is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),  # organise, organisation
    (re.compile(r"^(\w{2,}?)ys(e|es|ed|ing)$"), r"\1yz\2"),  # analyse
    (re.compile(r"^(\w{3,}?)our(s|ed|ing|able|ite|ites)?$"), r"\1or\2"),  # labour, harbour, favourite
    (re.compile(r"^(\w{2,}?)([tb])re(s)?$"), r"\1\2er\3"),  # centre, litre, fibre
    (re.compile(r"^(\w{2,}?)logue(s)?$"), r"\1log\2"),  # dialogue, catalogue
    (re.compile(r"^programme(s)?$"), r"program\1"),
    (re.compile(r"^(offen|licen|defen)ce(s)?$"), r"\1se\2"),
    (re.compile(r"^tyre(s)?$"), r"tire\1"),
)


def american(word: str) -> str:
    """`word` (lower case) in American spelling: "organised" -> "organized", "centre" -> "center"."""
    for pattern, repl in _AMERICAN:
        word, n = pattern.subn(repl, word)
        if n:
            break
    return word


class _Stemmer:
    """Snowball's English stemmer over American spellings and ordinals in figures."""

    def __init__(self) -> None:
        self._snowball = Stemmer.Stemmer("english")

    def stemWords(self, words: list[str]) -> list[str]:  # camelCase: the name bm25s calls
        # An ordinal in words is the same keyword as in figures: "the Ninth Regional 3R Forum" is the 9th.
        return self._snowball.stemWords([ORDINAL_WORDS.get(w) or american(w) for w in words])


@lru_cache(maxsize=1)
def _stemmer() -> _Stemmer:
    return _Stemmer()


def _bigrams(run: str) -> list[str]:
    """Overlapping character pairs of one run; a lone character stands for itself."""
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


def _thai_words(run: str) -> list[str]:
    """Thai words by PyThaiNLP's dictionary segmenter (bigrams of Thai letters matched Thai documents
    on chance pairs: Thai recall@1 0.38 with words, 0.31 with bigrams, on the gold questions)."""
    from pythainlp.tokenize import word_tokenize  # imported on the first Thai text only

    return [w for w in word_tokenize(run, engine="newmm", keep_whitespace=False) if w.strip()]


def _split(text: str) -> tuple[str, list[str]]:
    """The text with no-space runs blanked out (for the word tokenizer), and those runs' tokens."""
    grams: list[str] = []
    for match in _RUN.finditer(text):
        for piece in _NOT_WORD.split(match.group()):
            if piece:
                grams.extend(_thai_words(piece) if _THAI.match(piece) else _bigrams(piece))
    return (_RUN.sub(" ", text) if grams else text), grams


def indexed_text(title: str, section: str, text: str) -> str:
    """What a chunk is keyword-indexed by: its document's title and section beside its words
    (BM25 over "title | section + text" beat the text alone in our trials)."""
    return f"{title} | {section}\n{text}"


def tokenize(texts: list[str]) -> list[list[str]]:
    """Per text: lower-cased, stemmed words without English stop words, then character bigrams."""
    parts = [_split(text) for text in texts]
    words = bm25s.tokenize(
        [rest for rest, _ in parts], stopwords="en", stemmer=_stemmer(), return_ids=False, show_progress=False
    )
    return [w + grams for w, (_, grams) in zip(words, parts, strict=True)]


# Tokens of the chunks the last builds indexed, by a digest of the text: an update re-tokenizes only the
# chunks it changed (tokenizing all 197 shipped chunks took 20-100 ms, a third of a one-document update).
# Bounded: ~1 KB per chunk, so at most ~20 MB; past that many chunks a build tokenizes the rest anew.
TOKENS_KEPT = 20_000
_kept: OrderedDict[bytes, list[str]] = OrderedDict()
_kept_lock = threading.Lock()


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _build_tokens(texts: list[str]) -> list[list[str]]:
    """`tokenize(texts)`, reusing the tokens of texts a recent build tokenized (a text's tokens depend on
    it alone)."""
    keys = [_digest(t) for t in texts]
    with _kept_lock:
        found = {k: _kept[k] for k in keys if k in _kept}
    todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in found}
    found |= dict(zip(todo, tokenize(list(todo.values())), strict=True)) if todo else {}
    with _kept_lock:
        for k in dict.fromkeys(keys[-TOKENS_KEPT:]):  # the last ones indexed stay when there are too many
            _kept[k] = found[k]
            _kept.move_to_end(k)
        while len(_kept) > TOKENS_KEPT:
            _kept.popitem(last=False)
    return [found[k] for k in keys]


def build_bm25(texts: list[str]) -> bm25s.BM25:
    """A BM25 index over `texts` (one entry per chunk, in chunk order)."""
    index = bm25s.BM25()
    # bm25s cannot index an empty corpus; an index of no documents holds one blank entry.
    index.index(_build_tokens(texts or [""]), show_progress=False)
    return index


def load_bm25(folder: Path) -> bm25s.BM25:
    """Load a saved BM25 index."""
    return bm25s.BM25.load(str(folder))


def scores(index: bm25s.BM25, query: str, size: int) -> np.ndarray:
    """BM25 score of every chunk for `query` (zeros when no query word is indexed)."""
    tokens = tokenize([query])[0]
    ids = index.get_tokens_ids(tokens) if tokens else []
    if not ids:
        return np.zeros(size, dtype=np.float32)
    return np.asarray(index.get_scores_from_ids(ids), dtype=np.float32)[:size]


def idf_weights(index: bm25s.BM25, text: str) -> dict[str, float]:
    """IDF of each distinct token of `text` in the index: log(1 + N / (1 + document frequency))."""
    # bm25s keeps one column of a sparse matrix per token; its length is the token's document frequency.
    indptr = index.scores["indptr"]
    n_docs = max(1, int(index.scores["num_docs"]))
    weights: dict[str, float] = {}
    for token in dict.fromkeys(tokenize([text])[0]):
        tid = index.vocab_dict.get(token)
        df = int(indptr[tid + 1] - indptr[tid]) if tid is not None else 0
        weights[token] = float(np.log(1 + n_docs / (1 + df)))
    return weights


def known_share(index: bm25s.BM25, text: str) -> float:
    """IDF-weighted share of the tokens of `text` that the index holds (1.0 for no tokens)."""
    weights = idf_weights(index, text)
    total = sum(weights.values())
    known = sum(w for token, w in weights.items() if token in index.vocab_dict)
    return known / total if total else 1.0


# Words of how a question is put, not of what it asks: their absence from a passage says nothing.
_PHRASING_WORDS = (
    "take place took taken happen happened held hold say said tell give mention according exactly"
    " know mean get got occur occurred document documents detail details please what when where"
    " who whom whose which why how much many did does do is are was were could will would should"
    " stand stands meaning definition define"
    # When the asker is, not what is asked ("How much is diesel today?" shared "day" with any report),
    # and "like" in "what will the weather be like", which finds "initiatives like CEPA".
    " today tomorrow yesterday tonight like"
    # Who asks and how politely: "tell me about Kamikatsu" asks about Kamikatsu alone.
    " me us i my you your we our pls plz about"
)


# The same for the other languages answered, in a file a native speaker can correct.
PHRASING_FILE = Path(__file__).with_name("glossary") / "phrasing.txt"


@lru_cache(maxsize=1)
def _phrasing() -> frozenset[str]:
    lines = PHRASING_FILE.read_text(encoding="utf-8").splitlines()
    words = [line.partition("\t")[2] for line in lines if line.strip() and not line.startswith("#")]
    return frozenset(tokenize([" ".join([_PHRASING_WORDS, *words])])[0])


def question_weights(index: bm25s.BM25, question: str) -> dict[str, float]:
    """IDF of the question's words and of the English of its glossary terms, without the phrasing
    every question shares ("take place") nor translated words no passage holds (a Thai word over
    English documents: its English stands in for it)."""
    weights = idf_weights(index, glossary.keyword_query(question))
    translated = set(tokenize([" ".join(glossary.translate(question).terms)])[0])
    phrasing = _phrasing()
    kept = {
        t: w
        for t, w in weights.items()
        if t not in phrasing and not (t in translated and t not in index.vocab_dict)
    }
    return kept or weights


def without(weights: dict[str, float], words: Iterable[str]) -> dict[str, float]:
    """Question word weights less the tokens of `words` (the places or the measure a question names)."""
    words = [w for w in words if w]
    if not words:
        return weights
    dropped = {t for tokens in tokenize(words) for t in tokens}
    return {t: w for t, w in weights.items() if t not in dropped}


def cover(weights: dict[str, float], tokens: Iterable[str]) -> float:
    """IDF-weighted share of the question's words found among `tokens`."""
    total = sum(weights.values())
    present = set(tokens)
    return sum(w for t, w in weights.items() if t in present) / total if total else 0.0
