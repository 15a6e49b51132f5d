"""The bot's text helpers and the fake server's strictness: fast, no model, no network."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_telegram import ApiError, parse_html, utf16_len

import botui
from botstate import ANSWERS_KEPT, BotSettings, BotState
from retriever import Answer, Citation, Settings, SettingsError

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
    # The link opens the source where the quote is: this citation has a page, so at that page.
    [url] = [e.url for e in entities if e.type == "text_link"]
    assert url == "https://example.org/a?x=1&y=2#page=1"
    passages, passage_entities = parse_html(botui.pack(botui.passage_blocks(answer))[0])
    assert f"Before it. {NASTY} After it." in passages
    assert any(e.type == "blockquote" for e in passage_entities)


def test_answer_keys_are_short_and_bounded(tmp_path: Path) -> None:
    from botstate import StoredAnswer

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


@pytest.mark.parametrize(
    ("error", "has_files", "says"),
    [
        (ValueError("max() arg is an empty sequence"), False, "no documents to index"),
        (ValueError("max() arg is an empty sequence"), True, "internal error"),
        (OSError(28, "No space left on device"), True, "disk is full"),
        (TimeoutError("lock"), True, "Another build"),
        (FileNotFoundError(2, "gone"), True, "internal error"),
    ],
)
def test_build_failures_are_explained_without_python_text(
    tmp_path: Path, error: Exception, has_files: bool, says: str
) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    if has_files:
        (folder / "a.md").write_text("text")
    text = botui.failure_text(error, folder)
    assert says in text and "max()" not in text and "Errno" not in text and "Error" not in text
    assert "/reindex" in text or "tell the maintainers" in text
    missing = botui.failure_text(FileNotFoundError(2, "x"), tmp_path / "unmounted")
    assert "is missing" in missing and "RETRIEVER_DOCUMENTS_DIR" in missing


def test_bot_settings_come_from_the_telegram_variables_and_dotenv(tmp_path: Path) -> None:
    from botstate import load_bot_settings

    dotenv = tmp_path / ".env"
    dotenv.write_text("TELEGRAM_BOT_TOKEN=from-dotenv\nTELEGRAM_FLOOD_LIMIT=3\n")
    env = {
        "ADMIN_USER_IDS": "42, 43",
        "TELEGRAM_API_BASE": "http://127.0.0.1:1",
        "TELEGRAM_WEBHOOK_URL": "https://bot.example/hook",
        "TELEGRAM_WEBHOOK_PORT": "8444",
        "TELEGRAM_WEBHOOK_SECRET": "s",
        "TELEGRAM_FLOOD_LIMIT": "5",
    }
    s = load_bot_settings(env, dotenv)
    assert s == BotSettings(
        "from-dotenv", (42, 43), "http://127.0.0.1:1", "https://bot.example/hook", 8444, "s", 5
    )
    assert load_bot_settings({}, tmp_path / "none") == BotSettings()
    with pytest.raises(SettingsError, match="ADMIN_USER_IDS"):
        load_bot_settings({"ADMIN_USER_IDS": "alice"}, tmp_path / "none")
    with pytest.raises(SettingsError, match="TELEGRAM_FLOOD_LIMIT"):
        load_bot_settings({"TELEGRAM_FLOOD_LIMIT": "0"}, tmp_path / "none")
    assert not {"telegram_bot_token", "admin_user_ids", "flood_limit"} & set(Settings.__dataclass_fields__)


def test_quotes_are_marked_and_their_bracketed_numbers_neutralised() -> None:
    quote = "A levy of 30 cents [1] applies, see [2, 3] and [sic]."
    answer = Answer(
        "q", f"{quote} [1] Second part. [2]", False, (citation(1, quote), citation(2, "Second part."))
    )
    text, _ = parse_html(botui.pack(botui.answer_blocks(answer))[0])
    assert "“A levy of 30 cents (1) applies, see (2, 3) and [sic].” [1] “Second part.” [2]" in text
    assert text.count("[1]") == 2 and text.count("[2]") == 2  # in the answer and in the Sources list
    refusal = Answer("q", "The documents I have don't answer this [1].", True)
    assert "answer this [1]." in parse_html(botui.pack(botui.answer_blocks(refusal))[0])[0], "not a quote"
