"""The micro-batcher on its own: callers use every worker in parallel, the rest queue into batches."""

from __future__ import annotations

import threading
import time

from retriever.batching import MicroBatcher


def ask_all(batcher: MicroBatcher[int, int], items: list[int]) -> dict[int, int]:
    """Each item asked from its own thread at once; item -> result."""
    results: dict[int, int] = {}
    threads = [threading.Thread(target=lambda i=i: results.update({i: batcher(i)})) for i in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_callers_arriving_together_run_on_every_worker_at_once() -> None:
    # Each batch waits for the other to start: were both callers' items put in one batch on one
    # thread (as two questions on two cores once were), the barrier would break.
    both_running = threading.Barrier(2, timeout=20)
    sizes: list[int] = []

    def run(items: list[int]) -> list[int]:
        sizes.append(len(items))
        both_running.wait()
        return [10 * x for x in items]

    batcher: MicroBatcher[int, int] = MicroBatcher(run, wait_s=0.2, workers=2)
    for _ in range(3):  # callers in lockstep, as the bot's question threads are under load
        assert ask_all(batcher, [1, 2]) == {1: 10, 2: 20}
    assert sizes == [1] * 6


def test_a_caller_with_another_worker_free_does_not_wait_for_company() -> None:
    batcher: MicroBatcher[int, int] = MicroBatcher(
        lambda items: [x + 1 for x in items], wait_s=600, workers=2
    )
    done = threading.Thread(target=batcher, args=(1,), daemon=True)
    done.start()
    done.join(30)
    assert not done.is_alive()  # a wait of 600 s would still be running


def test_callers_beyond_the_workers_queue_and_run_as_one_batch() -> None:
    release = threading.Event()
    sizes: list[int] = []

    def run(items: list[int]) -> list[int]:
        sizes.append(len(items))
        if len(sizes) == 1:
            release.wait(20)  # the first batch holds the only worker while others arrive
        return [-x for x in items]

    batcher: MicroBatcher[int, int] = MicroBatcher(run, wait_s=0.0, workers=1)
    results: dict[int, int] = {}
    first = threading.Thread(target=lambda: results.update({0: batcher(0)}))
    first.start()
    while not sizes:
        time.sleep(0.001)
    later = [threading.Thread(target=lambda i=i: results.update({i: batcher(i)})) for i in (1, 2, 3)]
    for thread in later:
        thread.start()
    while batcher.queued < 3:
        time.sleep(0.001)
    release.set()
    for thread in [first, *later]:
        thread.join(30)
    assert results == {0: 0, 1: -1, 2: -2, 3: -3}
    assert sizes == [1, 3] and batcher.batches == 2 and batcher.items == 4


def test_under_load_batches_form_without_waiting_and_no_caller_is_lost() -> None:
    seen: list[int] = []

    def slow_double(items: list[int]) -> list[int]:
        seen.append(len(items))
        time.sleep(0.02)  # a model call: new arrivals queue up meanwhile
        return [2 * x for x in items]

    batcher: MicroBatcher[int, int] = MicroBatcher(slow_double, wait_s=0.0, max_batch=8, workers=2)
    results: dict[int, int] = {}
    threads = [threading.Thread(target=lambda i=i: results.update({i: batcher(i)})) for i in range(40)]
    for thread in threads:
        thread.start()
        time.sleep(0.001)
    for thread in threads:
        thread.join(10)
    assert results == {i: 2 * i for i in range(40)}
    assert sum(seen) == 40 and max(seen) > 1 and max(seen) <= 8 and len(seen) < 40
