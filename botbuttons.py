"""The bot's inline buttons as plain (label, callback data) pairs, and their callback data read back.

Callback data is `kind:key`, the key one of BotState's short tokens (Telegram allows 64 bytes).
"""

from __future__ import annotations

from botui import VOTE_EMOJI
from retriever.texts import t

Button = tuple[str, str]  # (label, callback data)

VOTES = {"up": "up", "dn": "down"}  # callback kind -> the vote kept in feedback.jsonl
# A confirmation's (confirm, cancel) labels by Pending.kind; the refused shrinks share theirs.
CONFIRM_LABELS = {
    "replace": ("replace_button", "keep_button"),
    "publish_staged": ("publish_button", "keep_old_button"),
}
SHRINK_LABELS = ("shrink_button", "cancel_button")


def read(data: str | None) -> tuple[str, str]:
    """(kind, key) of a pressed button's callback data; ("", "") for none."""
    kind, _, key = (data or "").partition(":")
    return kind, key


def answer_buttons(key: str, lang: str, sources: bool) -> list[Button]:
    """Under an answer: "Sources" (when it cites any), then the two votes."""
    row = [(t("sources_button", lang), f"src:{key}")] if sources else []
    return [*row, (VOTE_EMOJI["up"], f"up:{key}"), (VOTE_EMOJI["down"], f"dn:{key}")]


def more_events_button(key: str, left: int, lang: str) -> list[Button]:
    """Under an /events page: "More (n)" while events remain, else nothing."""
    return [(t("events_more_button", lang, n=left), f"ev:{key}")] if left else []


def confirm_buttons(kind: str, key: str, lang: str) -> list[Button]:
    """Confirm and cancel under a question put to an administrator about a `Pending` of `kind`."""
    confirm, cancel = CONFIRM_LABELS.get(kind, SHRINK_LABELS)
    return [(t(confirm, lang), f"ok:{key}"), (t(cancel, lang), f"no:{key}")]


def vote_reply(vote: str, previous: str | None, lang: str) -> str:
    """What a vote press says: already counted, changed, or thanks."""
    if previous == vote:
        return t("vote_same_text", lang, emoji=VOTE_EMOJI[vote])
    if previous:
        return t("vote_changed_text", lang, emoji=VOTE_EMOJI[vote])
    return t(f"vote_text_{vote}", lang)
