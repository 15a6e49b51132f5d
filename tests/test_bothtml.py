"""Telegram HTML from plain text: escaping, links, and splitting into messages that each parse."""

from __future__ import annotations

from fake_telegram import parse_html

from bothtml import MESSAGE_LIMIT, link, pack, text_block


def test_a_single_paragraph_too_long_for_one_message_is_split_at_sentences() -> None:
    sentence = "Plastic & <bags> are banned in markets. "
    messages = pack([text_block(sentence * 300, ("<b>", "</b>"))])
    assert len(messages) > 1
    for message in messages:
        text, entities = parse_html(message)
        assert text.endswith("markets.")  # whole sentences only
        assert entities[0].type == "bold"


def test_unbreakable_text_is_still_split_safely() -> None:
    messages = pack([text_block("&" * 9000)])
    assert all(len(m) <= MESSAGE_LIMIT for m in messages)
    assert "".join(parse_html(m)[0] for m in messages) == "&" * 9000


def test_links_only_for_web_urls() -> None:
    assert link("https://e.org/a?b=1&c=2", "T<>") == '<a href="https://e.org/a?b=1&amp;c=2">T&lt;&gt;</a>'
    assert link("javascript:alert(1)", "T") == "T"
    assert link("documents/local.pdf", "T&") == "T&amp;"
    assert link('https://e.org/"onmouseover=x', "T").count('"') == 2
