"""Micro-batching: calls from many threads run in parallel up to a number of workers; beyond it they
queue, and the queue runs as one batch call."""

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

    A caller that finds a free worker slot leads a batch of its own item at once, on its own thread:
    calls arriving together use every worker in parallel. The caller that takes the last free slot
    first waits `wait_s` for company, since later callers have no worker to lead with. Callers that
    find no free slot queue; when a batch ends, the oldest of them leads the next batch at once with
    the queue behind it (up to `max_batch` items), so under load batches fill without any waiting
    and no caller runs batches for others after its own answer is in.
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
        self._pending: list[_Slot[T, R]] = []  # callers with no worker slot, oldest first
        self._leaders = 0
        self.batches = 0  # batches run so far (read by benchmarks and tests)
        self.items = 0

    @property
    def queued(self) -> int:
        """Callers waiting for a worker slot right now."""
        with self._lock:
            return len(self._pending)

    def __call__(self, item: T) -> R:
        """The result of `run_batch` for `item`, computed in a batch with whatever else arrived."""
        slot: _Slot[T, R] = _Slot(item)
        with self._lock:
            lead, last = self._leaders < self.workers, False
            if lead:
                self._leaders += 1
                last = self._leaders == self.workers
            else:
                self._pending.append(slot)
        if lead:
            # Only the last free worker waits: while another is free, company would lead its own batch.
            self._lead(slot, wait=last)
        while not slot.finished:
            slot.wake.wait()
            slot.wake.clear()
            if slot.promoted and not slot.finished:
                slot.promoted = False
                self._lead(slot, wait=False)
        if slot.error is not None:
            raise slot.error
        return slot.result  # type: ignore[return-value]

    def _lead(self, first: _Slot[T, R], wait: bool) -> None:
        """Run one batch, then pass the lead to the oldest waiting caller (or give the slot back)."""
        if wait and self.wait_s:
            time.sleep(self.wait_s)  # the only added latency, and only with every worker taken
        with self._lock:
            take = self.max_batch - 1
            batch, self._pending = [first, *self._pending[:take]], self._pending[take:]
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
