"""The bot's own words (botui), what it keeps (botstate), and the fake server's strictness: no network."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_telegram import ApiError, parse_html

import botui
from botsettings import BotSettings
from botstate import ANSWERS_KEPT, BotState
from retriever import Answer, Settings, SettingsError
from retriever.texts import LANGUAGES


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
    from botsettings import load_bot_settings

    dotenv = tmp_path / ".env"
    dotenv.write_text("TELEGRAM_BOT_TOKEN=from-dotenv\nTELEGRAM_FLOOD_LIMIT=3\n")
    env = {
        "ADMIN_USER_IDS": "42, 43",
        "TELEGRAM_API_BASE": "http://127.0.0.1:1",
        "TELEGRAM_WEBHOOK_URL": "https://bot.example/hook",
        "TELEGRAM_WEBHOOK_PORT": "8444",
        "TELEGRAM_WEBHOOK_SECRET": "s",
        "TELEGRAM_FLOOD_LIMIT": "5",
        "TELEGRAM_TYPING_AFTER_MS": "0",
    }
    s = load_bot_settings(env, dotenv)
    assert s == BotSettings(
        "from-dotenv", (42, 43), "http://127.0.0.1:1", "https://bot.example/hook", 8444, "s", 5, 0
    )
    assert load_bot_settings({}, tmp_path / "none") == BotSettings()
    with pytest.raises(SettingsError, match="ADMIN_USER_IDS"):
        load_bot_settings({"ADMIN_USER_IDS": "alice"}, tmp_path / "none")
    with pytest.raises(SettingsError, match="TELEGRAM_FLOOD_LIMIT"):
        load_bot_settings({"TELEGRAM_FLOOD_LIMIT": "0"}, tmp_path / "none")
    with pytest.raises(SettingsError, match="TELEGRAM_TYPING_AFTER_MS"):
        load_bot_settings({"TELEGRAM_TYPING_AFTER_MS": "-1"}, tmp_path / "none")
    assert not {"telegram_bot_token", "admin_user_ids", "flood_limit"} & set(Settings.__dataclass_fields__)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_explains_every_command_of_the_menu(lang: str) -> None:
    text = botui.help_text(lang)
    for command in set(botui.USER_COMMANDS) - {"start", "help"}:
        assert f"/{command}" in text, (lang, command)
    admin = botui.help_text(lang, [".md"], 20)
    for command in botui.ADMIN_COMMANDS:
        assert f"/{command}" in admin, (lang, command)
