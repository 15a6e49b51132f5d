"""Benchmark the bot under open-loop load: a new question every 1/rate s, whether or not answers keep up.

    .venv/bin/python tests/bench_load.py [--rates 5 10 20 40] [--seconds 8] [--no-rate-limit]

Each question comes from its own user (so per-user flood limits never apply) at its scheduled time;
turnaround is from the update being queued on the fake Bot API server (127.0.0.1) to the bot's final
answer message arriving there. Prints p50/p95 turnaround, answers/s over the run and the mean number
of questions the micro-batcher embedded per model call, per rate. Bounded: at most rate x seconds
questions per rate, each given 60 s. Uses the index of the current settings (RETRIEVER_INDEX_DIR),
updating it first if needed. Not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
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
    turnaround: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    batcher = next(iter(embedding._models.values())).query_batcher
    calls_before, items_before = batcher.batches, batcher.items

    def user(i: int) -> None:
        queued = time.time()
        try:
            messages = ask_bot(fake, question_for(first + i), 50_000 + first + i, timeout=60)
        except TimeoutError as exc:
            with lock:
                failures.append(str(exc).splitlines()[0])
            return
        with lock:
            turnaround.append(messages[-1].time - queued)

    threads = []
    began = time.perf_counter()
    for i in range(n):
        # Open loop: each question leaves at its own time, however far behind the answers are.
        delay = began + i / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        thread = threading.Thread(target=user, args=(i,), daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join(70)
    wall = time.perf_counter() - began
    calls = batcher.batches - calls_before
    return {
        "rate": rate,
        "asked": n,
        "answered": len(turnaround),
        "timeouts": len(failures),
        "p50_s": percentile(turnaround, 50) if turnaround else float("nan"),
        "p95_s": percentile(turnaround, 95) if turnaround else float("nan"),
        "answers_per_s": len(turnaround) / wall,
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
                f"{figures['questions_per_model_call']:.2f} questions per model call "
                f"(load {figures['load']:.2f})",
                flush=True,
            )
        rejected = len(fake.errors())
        bot.stop()
    if rejected:
        print(f"{rejected} requests rejected by the fake server")
    return 1 if failed or rejected else 0


if __name__ == "__main__":
    raise SystemExit(main())
