"""`python bot.py` as its own process: long polling, webhook, SIGTERM, and the terminal chat."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_telegram import FakeTelegram, ask_bot

import retriever
from retriever import Settings

pytestmark = pytest.mark.timeout(300)

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "When did Hainan ban non-degradable disposable plastic bags and tableware?"
ADMIN = 42


@pytest.fixture(scope="module")
def index_copy(corpus_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the session index: the process's own incremental update then finds nothing to do."""
    target = tmp_path_factory.mktemp("process") / "index"
    shutil.copytree(corpus_settings.index_dir, target)
    return target


def environment(
    index_dir: Path, data_dir: Path, documents_dir: Path = ROOT / "documents", **extra: str
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "RETRIEVER_", "ADMIN_"))}
    env |= {
        "RETRIEVER_INDEX_DIR": str(index_dir),
        "RETRIEVER_DOCUMENTS_DIR": str(documents_dir),
        "RETRIEVER_DATA_DIR": str(data_dir),
        "ADMIN_USER_IDS": str(ADMIN),
        "TELEGRAM_BOT_TOKEN": "",
        "HF_HUB_OFFLINE": "1",
        "PYTHONUNBUFFERED": "1",
    }
    return env | extra


@pytest.fixture()
def fake() -> Iterator[FakeTelegram]:
    with FakeTelegram() as server:
        yield server


def start_bot(env: dict[str, str], tmp_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "bot.py")],
        cwd=tmp_path,  # not the repo: the process must not depend on a .env or the cwd
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=(tmp_path / "stderr.log").open("w"),
        text=True,
    )


def stop_cleanly(process: subprocess.Popen[str], tmp_path: Path) -> str:
    process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    log = (tmp_path / "stderr.log").read_text()
    assert code == 0, log[-3000:]
    return log


def converse(fake: FakeTelegram, data_dir: Path) -> None:
    """/start, a question, a vote: the minimum a working deployment must do."""
    mark = fake.mark()
    fake.user_sends("/start", 7)
    assert "Plastic Policy Assistant" in fake.wait_for_messages(7, 1, since=mark)[0].text
    answer = ask_bot(fake, QUESTION, 7)
    assert "[1]" in answer[0].text and "Sources" in answer[-1].text
    query = fake.user_clicks(answer[-1], answer[-1].button("👍")["callback_data"], 7)
    fake.callback_answer(query)
    vote = json.loads((data_dir / "feedback.jsonl").read_text().splitlines()[-1])
    assert vote["vote"] == "up" and vote["question"] == QUESTION
    assert not fake.errors(since=mark)


def test_bot_process_polls_answers_and_stops_cleanly_on_sigterm(
    fake: FakeTelegram, index_copy: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    documents = tmp_path / "documents"
    shutil.copytree(ROOT / "documents", documents)
    env = environment(
        index_copy, data_dir, documents, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE=fake.url
    )
    process = start_bot(env, tmp_path)
    try:
        fake.wait_for(lambda: fake.calls("getUpdates") or process.poll() is not None, 180, "polling")
        assert process.poll() is None, (tmp_path / "stderr.log").read_text()[-3000:]
        assert fake.calls("setMyCommands") and fake.calls("deleteWebhook")
        converse(fake, data_dir)
        # The start-up refresh runs in the background after a warm-up question: files added before it
        # is done would be its news, not the reindex's.
        log_file = tmp_path / "stderr.log"
        fake.wait_for(lambda: "bot: index v" in log_file.read_text(), 180, "the start-up refresh")
        # SIGTERM in the middle of a reindex: the build finishes and reports before the exit.
        for path in sorted((documents / "factsheets").glob("*.md"))[:8]:
            (documents / f"copy-{path.name}").write_bytes(path.read_bytes() + b"\n\nA copy.\n")
        mark = fake.mark()
        fake.user_sends("/reindex", ADMIN)
        fake.wait_for(lambda: any("Reindexing" in m.text for m in fake.sent_messages(ADMIN, since=mark)), 30)
    finally:
        log = stop_cleanly(process, tmp_path)
    assert "index v" in log, "the index is checked before serving"
    summary = [m.text for m in fake.sent_messages(ADMIN, since=mark) if "Index v" in m.text]
    assert summary and "Added (8)" in summary[0], log[-4000:]
    live = retriever.status(index_dir=index_copy)
    assert sum(doc_id.startswith("copy-") for doc_id in live["documents"]) == 8


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_bot_process_in_webhook_mode(fake: FakeTelegram, index_copy: Path, tmp_path: Path) -> None:
    port = free_port()
    data_dir = tmp_path / "data"
    env = environment(
        index_copy,
        data_dir,
        TELEGRAM_BOT_TOKEN=fake.token,
        TELEGRAM_API_BASE=fake.url,
        TELEGRAM_WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram/hook",
        TELEGRAM_WEBHOOK_PORT=str(port),
        TELEGRAM_WEBHOOK_SECRET="s3cret-Token_1",
        TELEGRAM_WEBHOOK_LISTEN="127.0.0.1",
    )
    process = start_bot(env, tmp_path)
    try:
        hook = fake.wait_for(
            lambda: fake.calls("setWebhook") or process.poll() is not None, 180, "setWebhook"
        )
        assert process.poll() is None, (tmp_path / "stderr.log").read_text()[-3000:]
        assert hook[0].params["url"] == f"http://127.0.0.1:{port}/telegram/hook"
        assert hook[0].params["secret_token"] == "s3cret-Token_1"
        converse(fake, data_dir)
        assert not fake.calls("getUpdates")
        # Updates reached the bot only through its webhook (the first delivery may race the
        # bot's listener coming up: PTB sets the webhook first; Telegram, like the fake, retries).
        assert [c for c in fake.calls("webhook:POST") if c.ok]
    finally:
        stop_cleanly(process, tmp_path)


def run_console(
    args: list[str], stdin: str, index_dir: Path, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), *args],
        cwd=tmp_path,
        env=environment(index_dir, tmp_path / "data"),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_console_mode_answers_questions_from_stdin(index_copy: Path, tmp_path: Path) -> None:
    done = run_console(["--console"], QUESTION + "\n", index_copy, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "[1]" in done.stdout and "Hainan" in done.stdout
    assert "http" in done.stdout, "sources are listed with their links"
    assert "index v" in done.stderr


def test_without_a_token_bot_py_is_the_terminal_chat(index_copy: Path, tmp_path: Path) -> None:
    done = run_console([], "\n" + QUESTION + "\nquit\nthis line is never read\n", index_copy, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "TELEGRAM_BOT_TOKEN is not set" in done.stderr
    assert done.stdout.count("[1]") >= 1 and "never read" not in done.stdout
