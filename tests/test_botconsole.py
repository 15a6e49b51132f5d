"""The terminal chat's loop on given input lines, over the real small index: commands and echoes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from botconsole import run_console, update_index
from retriever import Settings
from retriever.texts import t

QUESTION = "When did Hainan ban non-degradable disposable plastic bags and tableware?"
OTHER_QUESTION = "Which disposable cups did Taipei City ban?"
SOURCES = t("sources_label")


class Terminal(io.StringIO):
    """Keyboard input: lines typed at a terminal, which the chat prompts for and does not echo."""

    def isatty(self) -> bool:
        return True


def chat(settings: Settings, *lines: str, stdin: io.StringIO | None = None) -> str:
    """What the terminal chat prints for `lines` (piped, unless `stdin` says otherwise)."""
    stdin = stdin or io.StringIO("".join(line + "\n" for line in lines))
    stdout = io.StringIO()
    assert run_console(settings, stdin=stdin, stdout=stdout) == 0
    return stdout.getvalue()


def test_help_lists_the_terminal_commands_and_searches_nothing(small_settings: Settings) -> None:
    out = chat(small_settings, "/help")
    for command in ("/start", "/help", "/docs", "/language"):
        assert command in out
    assert t("command_language") in out and "quit" in out
    assert SOURCES not in out and "[1]" not in out
    assert t("command_help") not in out, "the terminal has no buttons to explain"


def test_start_greets_with_the_bots_examples(small_settings: Settings) -> None:
    out = chat(small_settings, "/start")
    assert "Plastic Policy Assistant" in out and "<b>" not in out
    assert t("example_1") in out and "/language" in out
    assert SOURCES not in out


def test_an_unknown_command_says_so_in_one_line(small_settings: Settings) -> None:
    out = chat(small_settings, "/frobnicate plastic bags", "/events")
    assert out == f"> /frobnicate plastic bags\n{t('unknown_text')}\n\n> /events\n{t('unknown_text')}\n\n"
    assert "/help" in t("unknown_text")


def test_piped_questions_are_echoed_before_their_answers(small_settings: Settings) -> None:
    out = chat(small_settings, QUESTION, "", OTHER_QUESTION, "quit", "never read")
    first, second = out.index(f"> {QUESTION}\n"), out.index(f"> {OTHER_QUESTION}\n")
    answer = out[first + len(QUESTION) + 3 : second]
    assert first == 0 and "Hainan" in answer and "[1]" in answer, "the first answer sits under its question"
    assert out.count("\n> ") == 1, "one echo per question, none for the blank line"
    assert "never read" not in out


def test_typed_questions_are_not_echoed(small_settings: Settings) -> None:
    out = chat(small_settings, stdin=Terminal(f"{QUESTION}\n/help\n"))
    assert f"> {QUESTION}" not in out and "> /help" not in out
    assert out.startswith("> ") and "[1]" in out and "/language" in out


def test_language_fixes_the_words_of_the_chat(small_settings: Settings) -> None:
    out = chat(small_settings, "/language ms", "/help", "/language klingon", "/language auto", "/language")
    assert t("language_set", "ms", language=t("language_name", "ms")) in out
    assert t("command_language", "ms") in out, "the help is in the chosen language"
    assert t("language_unknown", "en", name="klingon") not in out, "still Malay until auto"
    assert t("language_unknown", "ms", name="klingon") in out
    assert t("language_current_auto") in out


def test_docs_lists_the_indexed_documents(small_settings: Settings) -> None:
    out = chat(small_settings, "/docs")
    assert "documents in the collection" in out and "Hainan" in out and "<a " not in out


def test_ask_and_empty_lines_take_the_bots_words(small_settings: Settings) -> None:
    out = chat(small_settings, "/ask", "???")
    assert out.count("/ask " + t("example_1")) == 2 and SOURCES not in out


def test_the_first_build_says_what_it_is_doing_and_later_ones_do_not(
    small_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "documents"
    docs.mkdir()
    shutil.copy(next(p for p in small_settings.documents_dir.rglob("*.md")), docs)
    settings = small_settings.with_(documents_dir=docs, index_dir=tmp_path / "index")
    update_index(settings)
    first = capsys.readouterr().err
    assert "for the first time" in first and "1 documents" in first
    update_index(settings)
    assert "for the first time" not in capsys.readouterr().err


def test_a_follow_up_is_read_with_the_question_before_it(small_settings: Settings) -> None:
    kep = "Who opened the Knowledge Exchange Program on EPR in Kuala Lumpur?"
    out = chat(small_settings, kep, "and when was it held?", "and where?")
    follow_ups = out.split("> and when was it held?")[1]
    assert "November 2025" in follow_ups.split("> and where?")[0]
    # A follow-up's follow-up leans on the same whole question.
    assert follow_ups.count(f"your previous question: “{kep}”") == 2


def test_a_request_for_the_documents_gets_the_list_narrowed_by_its_filter(small_settings: Settings) -> None:
    out = chat(small_settings, "list the documents about Hainan", "list events")
    listing, events = out.split("> list events")
    assert "China: Hainan Province bans" in listing and "INC-3" not in listing
    assert "Filter applied: documents about Hainan." in listing
    assert "INC-3" in events and "events in the documents" in events
