"""The one sentence-transformers model per process: thread count, batching, normalised vectors."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from .settings import Settings

_lock = threading.Lock()
_models: dict[str, Embedder] = {}


class Embedder:
    """Wraps one loaded model; `encode` returns L2-normalised float32 rows."""

    def __init__(self, path: str, threads: int, batch_size: int) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        # Two cores: torch's default of one thread per core plus interop threads oversubscribes.
        torch.set_num_threads(max(1, threads))
        self.model = SentenceTransformer(path, device="cpu")
        self.name = Path(path).name if Path(path).name != "model" else "all-MiniLM-L6-v2"
        self.dimension = int(self.model.get_embedding_dimension())
        self.max_tokens = int(self.model.max_seq_length)
        self.batch_size = batch_size
        self._encode_query = lru_cache(maxsize=1024)(self._encode_one)

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """Embeddings of many texts, one row each."""
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

    def _encode_one(self, text: str) -> np.ndarray:
        vector = self.encode([text])[0]
        vector.setflags(write=False)
        return vector

    def encode_query(self, text: str) -> np.ndarray:
        """One query's embedding; repeated questions hit a small cache."""
        return self._encode_query(text)

    def count_tokens(self, text: str) -> int:
        """Word pieces the model would read, to warn about text it silently cuts off."""
        return len(self.model.tokenizer(text, add_special_tokens=True)["input_ids"])


def get_embedder(settings: Settings) -> Embedder:
    """The process-wide model for these settings, loaded on first use."""
    path = settings.model_path()
    with _lock:
        if path not in _models:
            _models[path] = Embedder(path, settings.threads, settings.batch_size)
        return _models[path]


def embed_text(title: str, section: str, text: str) -> str:
    """What a chunk is embedded as: its document title and section give it context."""
    head = f"{title} | {section}" if section and section != title else title
    return f"{head}\n{text}" if head else text
