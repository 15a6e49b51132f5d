"""Micro-batching: calls from many threads that arrive within a few milliseconds share one batch call."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class _Slot(Generic[T, R]):
    """One caller's item; woken when its result (or error) is in, or when it is made the next leader."""

    __slots__ = ("error", "finished", "item", "promoted", "result", "wake")

    def __init__(self, item: T) -> None:
        self.item = item
        self.wake = threading.Event()
        self.finished = False
        self.promoted = False
        self.result: R | None = None
        self.error: BaseException | None = None


class MicroBatcher(Generic[T, R]):
    """`batcher(item)` runs `run_batch` over the items of every caller that came within `wait_s`.

    The first caller to find a free worker slot leads a batch: it waits `wait_s` for company, then
    runs the batch on its own thread and hands each caller its result. Items arriving while a batch
    runs wait; when it ends, the oldest of them leads the next batch at once (up to `max_batch`
    items), so under load batches fill without any waiting and no caller runs batches for others
    after its own answer is in. At most `workers` batches run at once.
    """

    def __init__(
        self,
        run_batch: Callable[[list[T]], Sequence[R]],
        *,
        wait_s: float = 0.003,
        max_batch: int = 16,
        workers: int = 1,
    ) -> None:
        self.run_batch = run_batch
        self.wait_s = max(0.0, wait_s)
        self.max_batch = max(1, max_batch)
        self.workers = max(1, workers)
        self._lock = threading.Lock()
        self._pending: list[_Slot[T, R]] = []
        self._leaders = 0
        self.batches = 0  # batches run so far (read by benchmarks and tests)
        self.items = 0

    def __call__(self, item: T) -> R:
        """The result of `run_batch` for `item`, computed in a batch with whatever else arrived."""
        slot: _Slot[T, R] = _Slot(item)
        with self._lock:
            self._pending.append(slot)
            lead = self._leaders < self.workers
            if lead:
                self._leaders += 1
        if lead:
            self._lead(None)
        while not slot.finished:
            slot.wake.wait()
            slot.wake.clear()
            if slot.promoted and not slot.finished:
                slot.promoted = False
                self._lead(slot)
        if slot.error is not None:
            raise slot.error
        return slot.result  # type: ignore[return-value]

    def _lead(self, first: _Slot[T, R] | None) -> None:
        """Run one batch, then pass the lead to the oldest waiting caller (or give the slot back)."""
        if first is None and self.wait_s:
            time.sleep(self.wait_s)  # the only added latency: a lone caller waits this long for company
        with self._lock:
            head = [first] if first is not None else []
            take = self.max_batch - len(head)
            batch, self._pending = head + self._pending[:take], self._pending[take:]
        if batch:
            self._run(batch)
        with self._lock:
            if self._pending:
                nxt = self._pending.pop(0)
                nxt.promoted = True
                nxt.wake.set()
            else:
                self._leaders -= 1

    def _run(self, batch: list[_Slot[T, R]]) -> None:
        try:
            results = self.run_batch([s.item for s in batch])
            if len(results) != len(batch):
                raise RuntimeError(f"a batch of {len(batch)} items gave {len(results)} results")
            for slot, result in zip(batch, results, strict=True):
                slot.result = result
        except BaseException as exc:  # every caller of the batch sees the failure; none hangs
            for slot in batch:
                slot.error = exc
        finally:
            self.batches += 1
            self.items += len(batch)
            for slot in batch:
                slot.finished = True
                slot.wake.set()
