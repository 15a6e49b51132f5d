"""Messages that are not a question standing on its own: greetings and thanks, and follow-ups that
lean on the message before ("what about the 2nd offence?"), which a chat with no memory cannot read."""

from __future__ import annotations

import re

_SMALLTALK = re.compile(
    r"^(hi|hello|hey|hiya|good (morning|afternoon|evening|day)|greetings|thanks?( you)?( very much)?|"
    r"thank u|ok(ay)?|bye|goodbye|cheers|who are you|what (can|do) you do|what are you|help|"
    r"halo|helo|hai|selamat (pagi|siang|sore|malam|petang)|terima kasih|apa khabar|"
    r"xin chào|chào bạn|cảm ơn|kumusta|salamat|magandang (umaga|hapon|gabi)|"
    r"สวัสดี(ครับ|ค่ะ)?|ขอบคุณ(ครับ|ค่ะ)?|你好|您好|谢谢|안녕하세요|안녕|감사합니다|고맙습니다)\W*$",
    re.IGNORECASE,
)

# How a follow-up opens, or a bare pronoun standing for what was said before, per language.
_FOLLOW_UP = re.compile(
    r"^\W*(?:thx\W*|thanks\W*|ok\W*)?(?:and\s+)?(?:what|how)\s+about\b|^\W*and\s+(?:the|what|how|when|who|where|in)\b"
    r"|^\W*(?:what|how)\s+(?:about|of)\s+(?:it|that|this|them)\b|\b(?:the same|that one|this one)\b"
    r"|^\W*(?:kalau|bagaimana dengan|macam mana dengan|bagaimana pula|dan)\b|^\W*paano naman\b"
    r"|^\W*còn\b|\bthì sao\b|^\W*แล้ว|ล่ะ\W*$|^\W*那|呢\W*$|^\W*(?:그럼|그러면|그리고)",
    re.IGNORECASE,
)


def is_smalltalk(question: str) -> bool:
    """Greetings, thanks and 'what can you do' rather than a question about the documents."""
    return bool(_SMALLTALK.match(question.strip()))


def is_follow_up(question: str) -> bool:
    """Whether a message reads as a follow-up to an earlier one rather than a whole question."""
    return _FOLLOW_UP.search(question.strip()) is not None
