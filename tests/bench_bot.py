"""Benchmark the bot end to end: many users asking at once through the fake Bot API server.

    .venv/bin/python tests/bench_bot.py [--users 20] [--questions 5]
    .venv/bin/python tests/bench_bot.py --restart 16   # seconds of silence after a restart

Each simulated user asks its questions one after another (waiting for each answer, as a person
would); all users start together. Turnaround is from the update being queued on the fake server
to the bot's final answer message (the one with the buttons) arriving there. Uses the index of
the current settings (RETRIEVER_INDEX_DIR, default index/), updating it first if needed.
Not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from fake_telegram import BotThread, FakeTelegram, ask_bot, bot_settings  # noqa: E402

import retriever  # noqa: E402

QUESTIONS = (
    "When did Hainan ban non-degradable disposable plastic bags and tableware?",
    "What does Cambodia's Sub-Decree 168 require for plastic bags?",
    "What recycling obligations does Viet Nam's EPR decree set for producers?",
    "Which items does Maharashtra's plastic ban cover?",
    "How much do Japanese retailers charge for plastic shopping bags?",
    "What did the INC-2 session in Paris mandate?",
    "What is Singapore's Mandatory Packaging Reporting scheme?",
    "When did Quezon City ban single-use plastics for dine-in?",
    "What is Thailand's plastic recycling target for 2027?",
    "What did Taipei City prohibit beverage stores from supplying?",
    "What does the Bangkok Declaration on Combating Marine Debris commit ASEAN to?",
    "What is the discount for bringing your own cup in Taiwan?",
    "When did Yangon ban HDPE plastic bags?",
    "What is the Meendum Manjappai campaign?",
    "What does Thailand's draft Sustainable Packaging Management Act propose?",
    "Which premises in Malaysia banned single-use plastic bags in 2025?",
    "What is Kamikatsu's zero waste declaration?",
    "When did Korea plan to phase out disposable cups and straws?",
    "What excise on plastic products did Indonesia's parliament discuss?",
    "How did Bogor extend its plastic bag ban?",
    "What did Brunei's No Plastic Bag Day initiative change in 2018?",
    "What is the Clean Vientiane plastic bag measure?",
    "Is there a deposit refund scheme for beverage containers in Singapore?",
    "What is China's plastic pollution control action plan for 2021-2025?",
)


# Distinct wordings, so that every question asked is new text: the library caches query
# embeddings, and repeats would flatter the figures.
PHRASINGS = (
    "{q}",
    "Please tell me: {q}",
    "Quick question: {q}",
    "I need to know: {q}",
    "For a briefing: {q}",
)


def question_for(i: int) -> str:
    """The i-th question of the run, unique for i < len(QUESTIONS) * len(PHRASINGS)."""
    base = QUESTIONS[i % len(QUESTIONS)]
    return PHRASINGS[(i // len(QUESTIONS)) % len(PHRASINGS)].format(q=base)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def restart(pending: int) -> int:
    """A restart with `pending` new documents: seconds until the bot polls, answers, and has reindexed."""
    import shutil

    settings = retriever.load_settings()
    retriever.index_documents(settings=settings)
    with FakeTelegram() as fake, tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(settings.documents_dir, root / "documents")
        shutil.copytree(settings.index_dir, root / "index", ignore=shutil.ignore_patterns(".lock"))
        for path in sorted((root / "documents" / "factsheets").glob("*.md"))[:pending]:
            (root / "documents" / f"copy-{path.name}").write_bytes(path.read_bytes() + b"\n\nA copy.\n")
        copy = settings.with_(
            documents_dir=root / "documents", index_dir=root / "index", data_dir=root / "data"
        )
        old = retriever.status(settings=copy)["version"]
        began = time.time()
        bot = BotThread(copy, bot_settings(fake)).start(fake)
        polled = fake.calls("getUpdates")[0].time - began
        answered = ask_bot(fake, QUESTIONS[0], 7, timeout=300)[-1].time - began
        while retriever.status(settings=copy)["version"] == old and time.time() - began < 600:
            time.sleep(0.1)
        published = time.time() - began
        bot.stop()
    print(
        f"restart with {pending} new documents: polling after {polled:.1f} s, first answer after "
        f"{answered:.1f} s, new index live after {published:.1f} s"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--questions", type=int, default=5, help="questions per user")
    parser.add_argument(
        "--no-rate-limit",
        action="store_true",
        help="drop Telegram's ~30 requests/s limit to measure the bot itself (fake server only)",
    )
    parser.add_argument(
        "--restart", type=int, metavar="N", help="instead: time a restart with N new documents pending"
    )
    args = parser.parse_args(argv)
    if args.restart:
        return restart(args.restart)

    settings = retriever.load_settings()
    summary = retriever.index_documents(settings=settings)
    print(f"index {summary.version}: {summary.documents} documents, {summary.chunks} chunks", file=sys.stderr)
    turnaround: list[float] = []
    refused = 0
    failures: list[str] = []
    lock = threading.Lock()

    with FakeTelegram() as fake, tempfile.TemporaryDirectory() as data:
        flood = args.questions + 1  # the flood limit would otherwise be what is measured
        bot = BotThread(
            settings.with_(data_dir=Path(data)),
            bot_settings(fake, flood_limit=max(flood, 10)),
            rate_limit=not args.no_rate_limit,
        ).start(fake)
        start = threading.Barrier(args.users)

        def user(n: int) -> None:
            nonlocal refused
            user_id = 10_000 + n
            start.wait()
            for k in range(args.questions):
                question = question_for(n * args.questions + k)
                queued = time.time()
                try:
                    messages = ask_bot(fake, question, user_id, timeout=300)
                except TimeoutError as exc:
                    with lock:
                        failures.append(str(exc).splitlines()[0])
                    continue
                with lock:
                    turnaround.append(messages[-1].time - queued)
                    refused += "[1]" not in messages[0].text

        began = time.perf_counter()
        threads = [threading.Thread(target=user, args=(n,)) for n in range(args.users)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
        rejected = len(fake.errors())
        bot.stop()

    n = len(turnaround)
    print(
        f"users {args.users} x questions {args.questions}"
        f"{' (no rate limiter)' if args.no_rate_limit else ''}: {n} answers ({refused} refusals), "
        f"{len(failures)} timeouts, {rejected} requests rejected by the fake server"
    )
    if n:
        print(
            f"turnaround s: p50 {percentile(turnaround, 50):.2f}  p95 {percentile(turnaround, 95):.2f}  "
            f"max {max(turnaround):.2f}  mean {statistics.fmean(turnaround):.2f}"
        )
        print(f"throughput: {n / wall:.1f} answers/s over {wall:.1f} s wall time")
    return 1 if failures or rejected else 0


if __name__ == "__main__":
    raise SystemExit(main())
