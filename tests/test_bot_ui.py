"""The bot's text helpers and the fake server's strictness: fast, no model, no network."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_telegram import ApiError, parse_html, utf16_len

import botui
from bot import ANSWERS_KEPT, BotSettings, BotState
from retriever import Answer, Citation, Settings

NASTY = 'Bags <b>must</b> cost 5 baht & "more" <script>alert(1)</script> &amp; 🌍 a<b'


def citation(n: int, quote: str = NASTY, source: str = "https://example.org/a?x=1&y=2") -> Citation:
    return Citation(
        n=n,
        doc_id=f"doc{n}.md",
        title=f"Title {n} <i>&</i>",
        section="Section & <1>",
        page=n,
        date="2024-05",
        source=source,
        quote=quote,
        passage=f"Before it. {quote} After it.",
        score=0.5,
    )


@pytest.mark.parametrize(
    "bad",
    [
        "a < b",
        "a & b",
        "<b>open",
        "<b>x</i>",
        "<script>x</script>",
        "<br>",
        "&nbsp;",
        '<a href="javascript:alert(1)">x</a>',
        '<span class="x">y</span>',
        "",
        "x" * 4097,
    ],
)
def test_fake_server_rejects_what_telegram_rejects(bad: str) -> None:
    with pytest.raises(ApiError) as error:
        if len(bad) > 4096 or not bad:
            from fake_telegram import FakeTelegram

            FakeTelegram()._validate_text({"text": bad, "parse_mode": "HTML"})
        else:
            parse_html(bad)
    assert error.value.description.startswith("Bad Request:")


def test_fake_server_accepts_telegram_html_and_reports_visible_text() -> None:
    text, entities = parse_html(
        '<b>bold</b> &lt;x&gt; &amp; &quot; &#39; &#x1F30D; <a href="https://e.org/?a=1&amp;b=2">link</a>'
        "<blockquote expandable>q</blockquote><tg-spoiler>s</tg-spoiler>"
    )
    assert text == "bold <x> & \" ' 🌍 linkqs"
    assert [e.type for e in entities] == ["bold", "text_link", "expandable_blockquote", "spoiler"]
    assert entities[1].url == "https://e.org/?a=1&b=2"


def test_every_message_of_a_long_answer_fits_and_parses() -> None:
    citations = tuple(citation(n, NASTY * 4) for n in range(1, 31))
    answer = Answer("q", "\n\n".join(f"{c.quote} [{c.n}]" for c in citations), False, citations)
    for blocks in (botui.answer_blocks(answer), botui.passage_blocks(answer)):
        messages = botui.pack(blocks)
        assert len(messages) > 1
        visible = []
        for message in messages:
            assert len(message) <= 4096 and utf16_len(message) <= 4096
            text, _ = parse_html(message)  # raises if a split broke a tag or an entity
            visible.append(text)
        joined = "\n".join(visible)
        assert joined.count(NASTY) >= 30


def test_a_single_paragraph_too_long_for_one_message_is_split_at_sentences() -> None:
    sentence = "Plastic & <bags> are banned in markets. "
    messages = botui.pack([botui.text_block(sentence * 300, ("<b>", "</b>"))])
    assert len(messages) > 1
    for message in messages:
        text, entities = parse_html(message)
        assert text.endswith("markets.")  # whole sentences only
        assert entities[0].type == "bold"


def test_unbreakable_text_is_still_split_safely() -> None:
    messages = botui.pack([botui.text_block("&" * 9000)])
    assert all(len(m) <= botui.MESSAGE_LIMIT for m in messages)
    assert "".join(parse_html(m)[0] for m in messages) == "&" * 9000


def test_links_only_for_web_urls() -> None:
    assert (
        botui.link("https://e.org/a?b=1&c=2", "T<>") == '<a href="https://e.org/a?b=1&amp;c=2">T&lt;&gt;</a>'
    )
    assert botui.link("javascript:alert(1)", "T") == "T"
    assert botui.link("documents/local.pdf", "T&") == "T&amp;"
    assert botui.link('https://e.org/"onmouseover=x', "T").count('"') == 2


def test_sources_list_and_passages_escape_document_text() -> None:
    answer = Answer("q", f"{NASTY} [1]", False, (citation(1), citation(2, source="file.pdf")))
    html_text = botui.pack(botui.answer_blocks(answer))[0]
    text, entities = parse_html(html_text)
    assert NASTY in text and "Sources" in text and "[2] Title 2 <i>&</i>" in text
    assert [e.url for e in entities if e.type == "text_link"] == ["https://example.org/a?x=1&y=2"]
    passages, passage_entities = parse_html(botui.pack(botui.passage_blocks(answer))[0])
    assert f"Before it. {NASTY} After it." in passages
    assert any(e.type == "blockquote" for e in passage_entities)


def test_answer_keys_are_short_and_bounded(tmp_path: Path) -> None:
    from bot import StoredAnswer

    state = BotState(settings=Settings(data_dir=tmp_path))
    keys = [state.remember(StoredAnswer(Answer("q", "a", True), 1, 1)) for _ in range(ANSWERS_KEPT + 5)]
    assert len(state.answers) == ANSWERS_KEPT
    assert keys[0] not in state.answers and keys[-1] in state.answers
    assert all(len(f"src:{k}".encode()) <= 64 for k in keys)


def test_flood_window_counts_questions_per_user(tmp_path: Path) -> None:
    state = BotState(bot=BotSettings(flood_limit=2))
    assert state.flood_wait(1) == 0 and state.flood_wait(1) == 0
    assert 0 < state.flood_wait(1) <= 60
    assert state.flood_wait(2) == 0  # other users are not held up
