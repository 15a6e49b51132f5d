"""Sentences and words in any script: decoration stripped, sentence spans, word counts, a post's title."""

from __future__ import annotations

import bisect
import math
import re

# Pictographs, dingbats and geometric bullets; posts use them as bullets and as title decoration.
_EMOJI = "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u25a0-\u25ff\u2022]"
_EMOJI_MOD = "[\ufe0e\ufe0f\u200d\u20e3\U000e0020-\U000e007f]"
_EMOJI_RUN = f"{_EMOJI}(?:{_EMOJI_MOD}|[ \\t]*{_EMOJI})*{_EMOJI_MOD}*"
# An emoji standing alone between words is a bullet; one glued to a word ("2024🌏,") is not.
_BULLET = re.compile(f"(?:^|(?<=\\s)){_EMOJI_RUN}(?![,;:.!?)\\]])", re.M)
_EMOJI_ONLY = re.compile(f"(?:{_EMOJI_RUN})+")
_DECOR = f"(?:\\s|{_EMOJI}|{_EMOJI_MOD}|[-–—*•·#>|_~=])+"
_DECOR_START = re.compile(f"^{_DECOR}")
_DECOR_END = re.compile(f"{_DECOR}$")

_SENT_END = re.compile(
    r"(?:[.!?…]+[\"”’')\]»]*(?=\s|“|$))"
    # Chinese/Japanese full stops (full and half width), Khmer khan and bariyoosan, Burmese section mark:
    # they end a sentence with or without a space after, closing quotes and brackets included.
    r"|[。！？｡]+[”’」』）)\]»]*|[\u17d4\u17d5\u104b]+"
)
# Thai and Lao put no full stop at a sentence's end: a space between two letters of the script is the
# break. Not beside the repetition marks ๆ/ໆ, which are written between spaces inside a sentence.
_SPACE_BREAK = re.compile(
    r"(?<=[\u0e01-\u0e45\u0e47-\u0e5b])[ \t\u00a0\u3000]+(?=[\u0e01-\u0e45\u0e47-\u0e5b])"
    r"|(?<=[\u0e81-\u0ec5\u0ec7-\u0eff])[ \t\u00a0\u3000]+(?=[\u0e81-\u0ec5\u0ec7-\u0eff])"
)
_THAI_LAO = re.compile("[\u0e01-\u0eff]")
_MIN_SPACE_SENTENCE = 25  # characters: a short phrase before a space is not a sentence yet
# A personal title starts the word before the space: the surname follows ("นายวราวุธ ศิลปอาชา").
_THAI_NAME = re.compile(r"(?:^|\s)(?:นางสาว|นาย|นาง|ดร\.|คุณ|ศ\.|รศ\.|ผศ\.|พล\.[ตรอ]\.)\S*$")
# Scripts written without spaces between words: a word is about 1.5 Han/kana characters, 4 Thai, Lao,
# Khmer or Burmese ones (so a chunk holds about as many model tokens in them as in English).
_HAN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_ABUGIDA = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_LINE_MARKER = re.compile(r"(?:#{1,6}\s+|[-*•+]\s+|>\s*)+")
_TOKEN = re.compile(r"\S+")
_NEXT_CHAR = re.compile(r"\s*(\S)")
# A "." after these never ends a sentence (the next word is capitalised in "Ms. Azlina", "No. 83").
_ABBREV = frozenset(
    re.findall(
        r"\w+",
        "mr mrs ms dr prof sr jr st no nos vol pp para art sec fig ch approx ca vs cf al co gov gen col lt "
        "sgt capt rev hon jan feb mar apr jun jul aug sep sept oct nov dec mt ft"
        # Titles before names in the region's documents: "Drs. Muhammad Iqbal", "Ir. Andi", "Hj. Siti",
        # "Atty. Marilou Dizon-Reyes", "Engr. Maricel Santiago", "Usec.", "TS. Nguyễn" (a doctor).
        " drs dra ir hj bpk atty engr usec asec dir asst cllr coun sen rep ts ths pgs gs",
    )
)
# Capitalised words that start a post's body right after its title ("... Sustainability On November 7").
_HEADLINE_CUES = frozenset(
    re.findall(
        r"\w+", "On At In As With To During Since After Following Through Today Yesterday Earlier Last"
    )
)
HEADLINE_WORDS = 12  # hard cut for a post title with no natural break
_HEADLINE_NATURAL = 20  # a natural break this early is preferred to a hard cut


def strip_decoration(text: str) -> str:
    """`text` without emoji, bullets, markdown markers or dashes at either end."""
    return _DECOR_END.sub("", _DECOR_START.sub("", text))


def _token_words(token: str) -> int:
    if not any(c.isalnum() for c in token):
        return 0
    han, abugida = len(_HAN.findall(token)), len(_ABUGIDA.findall(token))
    if not (han or abugida):
        return 1
    return max(1, math.ceil(han / 1.5 + abugida / 4))


def count_words(text: str) -> int:
    """Words in `text`; tokens with no letter or digit (emoji, dashes) do not count, and a run of a
    script written without spaces counts as the words it holds."""
    return sum(_token_words(t) for t in _TOKEN.findall(text))


def _is_abbreviation(text: str, dot: int) -> bool:
    word = text[max(0, dot - 20) : dot].split()[-1:] or [""]
    token = word[0].lstrip("(“\"'‘[")
    if len(token) == 1 and token.isalpha():
        return True  # an initial ("J. Smith") or "p. 5"
    return token.lower() in _ABBREV or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token) is not None


def _breaks(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries as (end of one sentence, start of the next) ranges to drop."""
    cuts: list[tuple[int, int]] = []
    lines = text.split("\n")
    dotted = _dotted_lines(text)
    pos = 0
    for k, line in enumerate(lines[:-1]):
        end = pos + len(line)
        cur, nxt = line.strip(), lines[k + 1].lstrip()
        # A wrapped line goes on in lower case; a heading, list item or short label does not.
        if not (cur and nxt and nxt[0].islower() and not _LINE_MARKER.match(cur)):
            cuts.append((end, end + 1))
        pos = end + 1
    for m in _SENT_END.finditer(text):
        nxt = _NEXT_CHAR.match(text, m.end())
        if nxt and nxt.group(1).islower():
            continue
        if m.group() == "." and _is_abbreviation(text, m.start()):
            continue
        # Thai and Lao usually end no sentence with a dot, only abbreviations (พ.ศ. 2566, ค.ศ.), but a
        # paragraph written with full stops ends its sentences there.
        thai_lao = m.group()[0] == "." and _THAI_LAO.match(text, max(0, m.start() - 1)) is not None
        word_ends = _DOTTED_WORD.search(text, max(0, m.start() - 4), m.start()) is not None
        if thai_lao and not (word_ends and _within(dotted, m.start())):
            continue
        cuts.append((m.end(), m.end()))
    cuts.extend(m.span() for m in _BULLET.finditer(text))
    cuts.sort()
    return _with_space_breaks(text, cuts, dotted)


# A Thai or Lao paragraph that ends with a full stop after a word ("... ວັນທີ 1 ເມສາ 2024. ໂຄງການ ...")
# ends its sentences with full stops: the spaces inside it part phrases, not sentences.
_DOTTED_END = re.compile(r"[\u0e01-\u0eff\d]{2}\.[\"”’')\]]*\s*$")
_DOTTED_WORD = re.compile(r"[\u0e01-\u0eff\d]{2,}$")  # a word, not one letter of an abbreviation (พ.ศ.)


def _dotted_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (line) that ends with a full stop after a Thai or Lao word."""
    spans: list[tuple[int, int]] = []
    if not _THAI_LAO.search(text):
        return spans
    pos = 0
    for line in text.split("\n"):
        if _DOTTED_END.search(line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset `at` lies in one of the sorted (start, end) spans."""
    i = bisect.bisect_right(spans, (at, math.inf)) - 1
    return i >= 0 and spans[i][0] <= at <= spans[i][1]


def _with_space_breaks(
    text: str, cuts: list[tuple[int, int]], dotted: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """`cuts` plus the Thai/Lao spaces that end a sentence: not those after a short run of text, which
    part a title from a name, a name from a surname, or a short phrase from the next, nor those in a
    paragraph that ends its sentences with full stops."""
    spaces = [m.span() for m in _SPACE_BREAK.finditer(text) if not _within(dotted, m.start())]
    if not spaces:
        return cuts
    is_space = set(spaces)
    out: list[tuple[int, int]] = []
    last = 0
    for a, b in sorted(cuts + spaces):
        if (a, b) in is_space and (a - last < _MIN_SPACE_SENTENCE or _THAI_NAME.search(text, last, a)):
            continue
        out.append((a, b))
        last = max(last, b)
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span without surrounding whitespace and leading list/heading markers; None if no words."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    marker = _LINE_MARKER.match(piece, lead)
    if marker:
        lead = marker.end()
    stripped = piece[lead:].rstrip()
    if not any(c.isalnum() for c in stripped):
        return None
    return start + lead, start + lead + len(stripped)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in `text`: trimmed, never empty, in order, non-overlapping."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for a, b in [*_breaks(text), (len(text), len(text))]:
        if a >= pos:
            span = _trim(text, pos, a)
            if span:
                spans.append(span)
        pos = max(pos, b)
    return spans


def _ends_sentence(token: str) -> bool:
    bare = token.rstrip("\"”’')」』）")
    return bare[-1:] in ("!", "?", "。", "！", "？", "\u17d4", "\u104b") or (
        bare[-1:] == "." and not _is_abbreviation(bare, len(bare) - 1)
    )


def headline(line: str) -> str:
    """A post's title from its first line, which often runs on into the post's body."""
    text = strip_decoration(line)
    tokens = list(_TOKEN.finditer(text))
    cut = None
    for i in range(1, min(len(tokens), _HEADLINE_NATURAL + 1)):
        tok, prev = tokens[i].group(), tokens[i - 1].group()
        if i >= 2 and _EMOJI_ONLY.fullmatch(tok):
            cut = tokens[i].start()
        elif i >= 2 and _ends_sentence(prev):
            cut = tokens[i - 1].end()
        elif i >= 4 and tok[0].isupper() and (prev[-1] in '”"' or tok in _HEADLINE_CUES):
            cut = tokens[i].start()
        if cut is not None:
            break
    if cut is not None:
        title = strip_decoration(text[:cut]).rstrip(",;:–-— ")
    elif count_words(text) > HEADLINE_WORDS:
        title = text[: tokens[HEADLINE_WORDS - 1].end()].rstrip(",;:–-— ") + "…"
    else:
        title = text
    if len(title) > 2 and title[0] in '"“' and title[-1] in '"”' and title.count(title[0]) <= 2:
        title = title[1:-1]
    return title
