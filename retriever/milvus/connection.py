"""Milvus backend, shared by writing and searching: the process's client, the collection's name and fields."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..settings import Settings

EMPTY_DIM = 2**32 - 2  # stands in for a chunk without a keyword (Milvus refuses empty sparse vectors)
_clients: dict[str, Any] = {}
_clients_lock = threading.Lock()


class MilvusFileBusy(RuntimeError):
    """A milvus-lite file could not be opened (most often: another process holds it)."""


def client(settings: Settings) -> Any:
    """The process-wide MilvusClient of `settings.milvus_uri` (a *.db file starts embedded milvus-lite)."""
    uri = settings.milvus_uri
    with _clients_lock:
        if uri not in _clients:
            from pymilvus import MilvusClient, MilvusException

            if not uri.endswith(".db"):
                _clients[uri] = MilvusClient(uri=uri)
                return _clients[uri]
            Path(uri).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
            try:
                _clients[uri] = MilvusClient(uri=uri)
            except MilvusException as exc:  # pymilvus says only "Open local milvus failed"
                raise MilvusFileBusy(
                    f"the milvus-lite file {uri} could not be opened; another process (the bot?) may hold it:"
                    " stop that process, or serve the file with `milvus-lite server --data-dir FILE --port"
                    " 19530` and set RETRIEVER_MILVUS_URI=http://127.0.0.1:19530"
                ) from exc
        return _clients[uri]


def collection_name(index_dir: Path) -> str:
    """The alias of an index folder's collection (one Milvus can serve several index folders)."""
    digest = hashlib.sha256(str(Path(index_dir).resolve()).encode()).hexdigest()[:12]
    return f"retriever_{digest}"


def connect(settings: Settings) -> tuple[Any, str]:
    """The client and the alias of the settings' index folder's collection."""
    return client(settings), collection_name(settings.index_dir)


def token_dim(token: str) -> int:
    """The sparse dimension of a keyword token (stable across versions, unlike bm25s's vocabulary ids)."""
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=4).digest(), "little") % EMPTY_DIM


def docs_filter(doc_ids: Iterable[str]) -> str:
    """The Milvus filter expression for rows of these documents."""
    return "doc_id in [" + ", ".join(json.dumps(d, ensure_ascii=False) for d in doc_ids) + "]"
