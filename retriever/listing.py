"""Asking for the collection itself: "list the documents about Indonesia", "what events are coming up?",
"有哪些文件？" are answered with the documents or events list (the bot's /docs and /events), narrowed
by the question's own filter, rather than searched for a sentence no document holds."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from . import scope, texts
from .answer import describe

_LIST = r"(?:list|show|give|send|display)(?:\s+(?:me|us|all|the|of|your|every|available))*"
# What may follow "list the documents" in a request for the list ("... about Indonesia", "... you have",
# "?"); "list the documents the EPR Act requires" asks about documents, not for the list.
_THEN = (
    r"(?=\s*(?:$|[?.!,;:)]|(?:about|on|for|from|in|of|you|we|related|covering|mentioning|with|dated"
    r"|published|since|available|here|tentang|mengenai|về|tungkol)\b))"
)
_DOCUMENTS = re.compile(
    rf"\b{_LIST}\s+(?:documents?|docs|sources|files|fact ?sheets)\b{_THEN}"
    r"|\b(?:what|which) (?:documents|docs|sources|files|fact ?sheets)\s+(?:do you|are (?:there|available|in)"
    r"|have you|you have|can|does the)\b|^\W*(?:all\s+)?(?:documents|docs)\s+(?:about|on|for|from|in)\b"
    r"|\b(?:senarai|daftar|senaraikan|tunjukkan|tampilkan)\s+(?:\w+\s+){0,2}dokumen\b"
    r"|\bdokumen apa (?:saja|sahaja|yang ada)\b|\bada dokumen apa\b"
    r"|\bdanh sách (?:các )?tài liệu\b|\bnhững tài liệu nào\b|\bcó tài liệu (?:gì|nào)\b"
    r"|\blistahan ng (?:mga )?dokumento\b|\banong mga dokumento\b"
    r"|รายการเอกสาร|มีเอกสาร(?:อะไร|ไหน)บ้าง|เอกสารอะไรบ้าง|文件列表|文档列表|有哪些(?:文件|文档|资料)"
    r"|列出.{0,8}(?:文件|文档|资料)|문서 목록|어떤 문서(?:가|들이)? 있|បញ្ជីឯកសារ|ລາຍການເອກະສານ"
    r"|ມີເອກະສານຫຍັງແດ່|စာတမ်းစာရင်း",
    re.IGNORECASE,
)
_EVENTS = re.compile(
    rf"\b{_LIST}\s+(?:events|meetings|workshops|conferences|forums)\b{_THEN}"
    r"|\b(?:what|which) (?:events|meetings|workshops|conferences)\s+(?:are|do you|have you|you have|is there"
    r"|will|were held)\b|\b(?:any\s+)?(?:upcoming|forthcoming|recent|past) (?:events|meetings|workshops)\b"
    r"|^\W*(?:all\s+)?events\b"
    r"|\b(?:senarai|daftar)\s+(?:acara|program|mesyuarat|bengkel|kegiatan)\b"
    r"|\b(?:ada )?acara apa (?:saja|sahaja)\b"
    r"|\bdanh sách (?:các )?sự kiện\b|\bnhững sự kiện nào\b|\blistahan ng (?:mga )?(?:kaganapan|event)\b"
    r"|\banong mga (?:kaganapan|event)\b|รายการกิจกรรม|มี(?:งาน|กิจกรรม|การประชุม)อะไรบ้าง|活动列表"
    r"|有哪些(?:活动|会议)|即将举行的(?:活动|会议)|행사 목록|어떤 행사(?:가|들이)? 있|예정된 행사",
    re.IGNORECASE,
)
# A longer message that speaks of documents or events is a question about them, not a request for a list.
_MAX_CHARS = 100


def listing_asked(question: str) -> str:
    """The list a message asks for, "documents" or "events"; "" for any other message."""
    text = " ".join(question.split())
    if len(text) > _MAX_CHARS:
        return ""
    if _EVENTS.search(text):
        return "events"
    return "documents" if _DOCUMENTS.search(text) else ""


Documents = Mapping[str, Mapping[str, Any]]


def narrowed(question: str, documents: Documents) -> tuple[Documents, scope.Scope]:
    """The documents a listing request keeps by its own filter ("about Indonesia", "since 2023"), and
    that filter; every document when it states none."""
    stated = scope.parse(question, documents)
    if stated.doc_ids is None:
        return documents, stated
    kept = set(stated.doc_ids)
    return {doc_id: meta for doc_id, meta in documents.items() if doc_id in kept}, stated


def filter_note(stated: scope.Scope, lang: str) -> str:
    """The line naming the filter a listing request stated, as an answer names it; "" for none."""
    return "" if stated.empty() else texts.t("scope_note", lang, scope=describe(stated, lang))
