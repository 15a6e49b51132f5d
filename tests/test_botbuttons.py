"""The bot's inline buttons as plain data (botbuttons): labels in the chat's language, callback data
that Telegram accepts and that reads back as it was written."""

from __future__ import annotations

import secrets

import pytest

from botbuttons import (
    VOTES,
    answer_buttons,
    confirm_buttons,
    more_events_button,
    read,
    vote_reply,
)
from botui import VOTE_EMOJI
from retriever.texts import LANGUAGES, t


def test_every_buttons_data_fits_telegram_and_reads_back() -> None:
    key = secrets.token_urlsafe(6)  # as BotState makes them
    rows = [
        answer_buttons(key, "th", sources=True),
        more_events_button(key, 12, "vi"),
        confirm_buttons("publish_staged", key, "zh"),
    ]
    for row in rows:
        for _, data in row:
            assert len(data.encode()) <= 64
            assert read(data)[1] == key
    assert read(None) == ("", "")
    assert read("src") == ("src", "")


def test_an_answer_has_sources_only_when_it_cites_and_always_both_votes() -> None:
    cited = answer_buttons("k", "ms", sources=True)
    assert cited[0] == (t("sources_button", "ms"), "src:k")
    assert [read(data)[0] for _, data in cited] == ["src", "up", "dn"]
    assert [label for label, _ in cited[1:]] == [VOTE_EMOJI["up"], VOTE_EMOJI["down"]]
    refused = answer_buttons("k", "ms", sources=False)
    assert [read(data)[0] for _, data in refused] == ["up", "dn"]
    assert {VOTES[read(data)[0]] for _, data in refused} == {"up", "down"}


def test_more_events_only_while_events_remain() -> None:
    assert more_events_button("k", 0, "en") == []
    assert more_events_button("k", 3, "en") == [(t("events_more_button", "en", n=3), "ev:k")]


@pytest.mark.parametrize(
    ("kind", "labels"),
    [
        ("replace", ("replace_button", "keep_button")),
        ("publish_staged", ("publish_button", "keep_old_button")),
        ("publish_add", ("shrink_button", "cancel_button")),
        ("publish_remove", ("shrink_button", "cancel_button")),
        ("publish_reindex", ("shrink_button", "cancel_button")),
    ],
)
def test_each_question_to_an_administrator_has_its_own_confirm_and_cancel(
    kind: str, labels: tuple[str, str]
) -> None:
    for lang in LANGUAGES:
        row = confirm_buttons(kind, "k", lang)
        assert row == [(t(labels[0], lang), "ok:k"), (t(labels[1], lang), "no:k")]


def test_a_vote_is_thanked_counted_once_or_changed() -> None:
    assert vote_reply("up", None, "en") == t("vote_text_up", "en")
    assert vote_reply("down", None, "ko") == t("vote_text_down", "ko")
    assert vote_reply("up", "up", "en") == t("vote_same_text", "en", emoji=VOTE_EMOJI["up"])
    assert vote_reply("down", "up", "fil") == t("vote_changed_text", "fil", emoji=VOTE_EMOJI["down"])
