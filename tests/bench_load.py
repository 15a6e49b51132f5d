"""Benchmark the bot under open-loop load: a new question every 1/rate s, whether or not answers keep up.

    .venv/bin/python tests/bench_load.py [--rates 5 10 20 40] [--seconds 8] [--no-rate-limit]

Each question comes from its own user (so per-user flood limits never apply) at its scheduled time;
turnaround is from the update being queued on the fake Bot API server (127.0.0.1) to the bot's final
answer message arriving there. Prints, per rate: p50/p95 turnaround; answers/s from the first
question to the last answer; CPU ms per answer of this whole process (bot, fake server and the
benchmark itself), which says what the bot would answer on free cores when the box is shared; and the
mean number of questions embedded per model call. With the rate limiter on (the default), Telegram's
~30 requests/s caps answers at ~30/s (a quick answer is one message; only answers slower than
TELEGRAM_TYPING_AFTER_MS also send "typing"); `--no-rate-limit` measures the bot itself. Bounded:
at most rate x seconds questions per rate, all answered within 60 s of the last one asked. Uses the
index of the current settings (RETRIEVER_INDEX_DIR), updating it first if needed. Not a test: pytest
does not collect it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from bench_bot import PHRASINGS, QUESTIONS, percentile  # noqa: E402
from fake_telegram import BotThread, FakeTelegram, ask_bot, bot_settings  # noqa: E402

import retriever  # noqa: E402
from retriever import embedding  # noqa: E402


def question_for(i: int) -> str:
    """The i-th question of a run, new text every time (the query cache would flatter repeats)."""
    base = QUESTIONS[i % len(QUESTIONS)]
    phrasing = PHRASINGS[(i // len(QUESTIONS)) % len(PHRASINGS)]
    text = phrasing.format(q=base)
    rounds = i // (len(QUESTIONS) * len(PHRASINGS))
    return f"{text} (asked {rounds + 1} times)" if rounds else text


def run_rate(fake: FakeTelegram, rate: float, seconds: float, first: int) -> dict[str, float]:
    """Ask at `rate` questions/s for `seconds`; the figures of that run."""
    n = max(1, round(rate * seconds))
    batcher = next(iter(embedding._models.values())).query_batcher
    calls_before, items_before = batcher.batches, batcher.items
    queued: dict[int, float] = {}
    mark = fake.mark()
    cpu = time.process_time()
    began = time.perf_counter()
    for i in range(n):
        # Open loop: each question leaves at its own time, however far behind the answers are.
        delay = began + i / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        chat = 50_000 + first + i  # a user of its own: per-user flood limits never apply
        queued[chat] = time.time()
        fake.user_sends(question_for(first + i), chat)
    # One waiter for all the answers: a thread per user, each re-reading the message log whenever
    # a request came in, cost the process more CPU at 40/s than the bot's own event loop.
    answered: dict[int, float] = {}

    def collect() -> bool:
        for message in fake.sent_messages(since=mark):
            if message.buttons and message.chat_id in queued and message.chat_id not in answered:
                answered[message.chat_id] = message.time  # the last part of an answer carries buttons
        return len(answered) == n

    with contextlib.suppress(TimeoutError):
        fake.wait_for(collect, 60, "every answer")
    cpu = time.process_time() - cpu
    turnaround = [answered[chat] - queued[chat] for chat in answered]
    span = max(answered.values(), default=0.0) - min(queued.values())
    calls = batcher.batches - calls_before
    return {
        "rate": rate,
        "asked": n,
        "answered": len(answered),
        "timeouts": n - len(answered),
        "p50_s": percentile(turnaround, 50) if turnaround else float("nan"),
        "p95_s": percentile(turnaround, 95) if turnaround else float("nan"),
        "answers_per_s": len(answered) / span if span > 0 else float("nan"),
        "cpu_ms_per_answer": cpu * 1000 / len(answered) if answered else float("nan"),
        "questions_per_model_call": (batcher.items - items_before) / calls if calls else float("nan"),
        "load": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> int:
    """Run the rates one after another and print a line of figures for each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", type=float, nargs="+", default=[5, 10, 20, 40])
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each rate's run")
    parser.add_argument(
        "--no-rate-limit",
        action="store_true",
        help="drop Telegram's ~30 requests/s limit to measure the bot itself (fake server only)",
    )
    args = parser.parse_args(argv)
    settings = retriever.load_settings()
    summary = retriever.index_documents(settings=settings)
    print(f"index {summary.version}: {summary.documents} documents, {summary.chunks} chunks", file=sys.stderr)
    print(
        f"embedder={settings.embedder} threads={settings.threads} batch_wait_ms={settings.batch_wait_ms} "
        f"cores={os.cpu_count()} rate_limit={not args.no_rate_limit}"
    )
    failed = False
    with FakeTelegram() as fake, tempfile.TemporaryDirectory() as data:
        bot = BotThread(
            settings.with_(data_dir=Path(data)), bot_settings(fake), rate_limit=not args.no_rate_limit
        ).start(fake)
        ask_bot(fake, "What is the Meendum Manjappai campaign?", 49_999, timeout=120)  # warm
        first = 0
        for rate in args.rates:
            figures = run_rate(fake, rate, args.seconds, first)
            first += int(figures["asked"])
            failed |= bool(figures["timeouts"])
            print(
                f"rate {rate:g}/s: {figures['answered']:.0f}/{figures['asked']:.0f} answered, "
                f"turnaround p50 {figures['p50_s'] * 1000:.0f} ms  p95 {figures['p95_s'] * 1000:.0f} ms, "
                f"{figures['answers_per_s']:.1f} answers/s, "
                f"cpu {figures['cpu_ms_per_answer']:.0f} ms/answer, "
                f"{figures['questions_per_model_call']:.2f} questions per model call "
                f"(load {figures['load']:.2f})",
                flush=True,
            )
        rejected = fake.errors()
        bot.stop()
    if rejected:
        print(f"{len(rejected)} requests rejected by the fake server, e.g.")
        for call in rejected[:3]:
            print(f"  {call.method}: {call.error}")
    return 1 if failed or rejected else 0


if __name__ == "__main__":
    raise SystemExit(main())
