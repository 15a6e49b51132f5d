"""Chunk records stored as columns (numpy files, memory-mapped on load): a million load in milliseconds.

`Records[row]` gives the same dict a build wrote (keys in `KEYS`), made on demand from the columns,
so readers keep writing `version.records[row]["text"]`; only the rows read cost memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

KEYS = ("vid", "id", "doc_id", "n", "text", "section", "start", "end", "page", "sentences", "sent_row",
        "truncated")  # fmt: skip
_INTS = {"vid": np.int64, "n": np.int32, "start": np.int64, "end": np.int64, "page": np.int32,
         "sent_row": np.int64, "truncated": np.bool_}  # fmt: skip
_STRINGS = ("id", "text", "section")
# Columns of variable length per row: values end to end, and each row's offset into them.
_RAGGED = {f"{k}.bytes": f"{k}.offsets" for k in _STRINGS} | {"spans": "spans.offsets"}
_FILES = ("doc", *_INTS, *_RAGGED, *_RAGGED.values())  # every column, named as its file
_NO_PAGE = -1  # "page": None


def _save(path: Path, array: np.ndarray) -> None:
    with open(path, "wb") as handle:
        np.save(handle, array)


def _strings(values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """UTF-8 bytes of all the strings end to end, and the offset of each (one more than strings)."""
    encoded = [v.encode("utf-8") for v in values]
    offsets = _offsets(np.array([len(b) for b in encoded], dtype=np.int64))
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


def _offsets(lengths: np.ndarray) -> np.ndarray:
    out = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=out[1:])
    return out


def take_segments(
    values: np.ndarray, starts: np.ndarray, lengths: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """`values[starts[r] : starts[r] + lengths[r]]` for each of `rows`, end to end, copied a run at a time:
    rows that follow each other in `values` (all of a kept document's) cost one slice, not one each."""
    rows = np.asarray(rows, dtype=np.int64)
    if not len(rows):
        return np.asarray(values[:0]).copy()
    first = np.asarray(starts, dtype=np.int64)[rows]
    last = first + np.asarray(lengths, dtype=np.int64)[rows]
    cut = np.flatnonzero(first[1:] != last[:-1]) + 1  # where a row does not go on from the one before
    begins, ends = first[np.r_[0, cut]].tolist(), last[np.r_[cut - 1, len(rows) - 1]].tolist()
    return np.concatenate([values[a:b] for a, b in zip(begins, ends, strict=True)])


def _columns(records: Sequence[dict[str, Any]]) -> tuple[list[str], dict[str, np.ndarray]]:
    """Document ids and the column arrays (named as their files) of records given as dicts."""
    doc_ids = list(dict.fromkeys(r["doc_id"] for r in records))
    doc_index = {d: i for i, d in enumerate(doc_ids)}
    arrays = {"doc": np.array([doc_index[r["doc_id"]] for r in records], dtype=np.int32)}
    for key, dtype in _INTS.items():
        if key == "page":
            column = [_NO_PAGE if r["page"] is None else r["page"] for r in records]
        else:
            column = [r[key] for r in records]
        arrays[key] = np.array(column, dtype=dtype)
    for key in _STRINGS:
        arrays[f"{key}.bytes"], arrays[f"{key}.offsets"] = _strings([r[key] for r in records])
    spans = [span for r in records for span in r["sentences"]]
    arrays["spans"] = np.array(spans, dtype=np.int64).reshape(-1, 2)
    arrays["spans.offsets"] = _offsets(np.array([len(r["sentences"]) for r in records], dtype=np.int64))
    return doc_ids, arrays


def write_records(folder: Path, records: Sequence[dict[str, Any]]) -> None:
    """Write the records' columns into `folder` (created): a `Records` as it is, dicts converted."""
    folder.mkdir(parents=True, exist_ok=True)
    doc_ids, arrays = (records.doc_ids, records.arrays) if isinstance(records, Records) else _columns(records)
    (folder / "doc_ids.json").write_text(json.dumps(doc_ids, ensure_ascii=False), encoding="utf-8")
    for name, array in arrays.items():
        _save(folder / f"{name}.npy", array)


class _Row(Mapping[str, Any]):
    """One record read field by field: a scan over all rows reading only "doc_id" stays cheap."""

    __slots__ = ("_records", "_row")

    def __init__(self, records: Records, row: int) -> None:
        self._records, self._row = records, row

    def __getitem__(self, key: str) -> Any:
        if key == "doc_id":
            return self._records.doc_ids[self._records.doc_list[self._row]]
        return self._records.field(key, self._row)

    def __iter__(self) -> Iterator[str]:
        return iter(KEYS)

    def __len__(self) -> int:
        return len(KEYS)


class Records(Sequence[dict[str, Any]]):
    """The chunk records of one version, read from memory-mapped columns; `[row]` gives a dict."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is None:  # filled by `_from`
            return

        def load(name: str) -> np.ndarray:
            return np.load(folder / f"{name}.npy", mmap_mode="r")

        doc_ids = json.loads((folder / "doc_ids.json").read_text(encoding="utf-8"))
        self._set(doc_ids, {name: load(name) for name in _FILES})

    def _set(self, doc_ids: list[str], arrays: dict[str, np.ndarray]) -> None:
        self.doc_ids: list[str] = doc_ids
        self.arrays = arrays  # every column, named as its file
        self.doc = arrays["doc"]
        self.columns = {key: arrays[key] for key in _INTS}
        self._strings = {key: (arrays[f"{key}.bytes"], arrays[f"{key}.offsets"]) for key in _STRINGS}
        self._spans, self._span_offsets = arrays["spans"], arrays["spans.offsets"]
        self.doc_list: list[int] = np.asarray(self.doc).tolist()  # per row, for fast scans by document

    @classmethod
    def _from(cls, doc_ids: list[str], arrays: dict[str, np.ndarray]) -> Records:
        records = cls()
        records._set(doc_ids, arrays)
        return records

    @classmethod
    def from_rows(cls, rows: Sequence[dict[str, Any]]) -> Records:
        """Records in memory made from dicts (as `write_records` would store them)."""
        return cls._from(*_columns(rows))

    @classmethod
    def gather(cls, parts: Sequence[tuple[Records, np.ndarray]]) -> Records:
        """The given rows of each part, in that order, parts end to end: one Records in memory. Strings
        and spans are copied a run of rows at a time, so carrying a large version forward stays in numpy."""
        doc_ids = list(dict.fromkeys(d for part, _ in parts for d in part.doc_ids))
        code = {d: i for i, d in enumerate(doc_ids)}
        pieces: dict[str, list[np.ndarray]] = {k: [] for k in _FILES}
        # Read once per part, not once per run of rows: a part may give many runs.
        derived: dict[int, tuple[np.ndarray, dict[str, tuple[np.ndarray, np.ndarray]]]] = {}
        for part, rows in parts:
            rows = np.asarray(rows, dtype=np.int64)
            if id(part) not in derived:
                recode = np.array([code[d] for d in part.doc_ids] or [0], dtype=np.int32)
                starts = {}
                for offsets in _RAGGED.values():
                    ends = np.asarray(part.arrays[offsets])
                    starts[offsets] = (ends[:-1], np.diff(ends))
                derived[id(part)] = (recode, starts)
            recode, starts = derived[id(part)]
            pieces["doc"].append(recode[np.asarray(part.doc)[rows]])
            for key in _INTS:
                pieces[key].append(np.asarray(part.columns[key])[rows])
            for values, offsets in _RAGGED.items():
                first, lengths = starts[offsets]
                pieces[values].append(take_segments(part.arrays[values], first, lengths, rows))
                pieces[offsets].append(lengths[rows])  # lengths, made offsets below
        empty = cls.from_rows([]).arrays
        arrays = {name: np.concatenate([empty[name], *chunks]) for name, chunks in pieces.items()}
        for offsets in _RAGGED.values():
            arrays[offsets] = _offsets(arrays[offsets][1:])  # the empty part's offsets hold one 0
        # Only the documents of the rows taken, in order of first appearance (as `write_records` keeps them).
        _, first = np.unique(arrays["doc"], return_index=True)
        used = arrays["doc"][np.sort(first)]
        recode = np.zeros(len(doc_ids), dtype=np.int32)
        recode[used] = np.arange(len(used), dtype=np.int32)
        arrays["doc"] = recode[arrays["doc"]]
        return cls._from([doc_ids[c] for c in used.tolist()], arrays)

    def __len__(self) -> int:
        return len(self.doc)

    def string(self, key: str, row: int) -> str:
        """One string column's value at `row` ("id", "text" or "section")."""
        blob, offsets = self._strings[key]
        return bytes(blob[offsets[row] : offsets[row + 1]]).decode("utf-8")

    def strings(self, key: str) -> list[str]:
        """One string column's value at every row, decoded in one pass."""
        blob, offsets = self._strings[key]
        data, ends = np.asarray(blob).tobytes(), np.asarray(offsets).tolist()
        return [data[a:b].decode("utf-8") for a, b in pairwise(ends)]

    def sentences(self, row: int) -> list[list[int]]:
        """The [start, end) character spans of the row's sentences."""
        a, b = self._span_offsets[row], self._span_offsets[row + 1]
        return self._spans[a:b].tolist()

    def field(self, key: str, row: int) -> Any:
        """One field of one row, as the row's dict would hold it."""
        if key in _STRINGS:
            return self.string(key, row)
        if key == "doc_id":
            return self.doc_ids[self.doc_list[row]]
        if key == "sentences":
            return self.sentences(row)
        if key not in self.columns:
            raise KeyError(key)
        value = self.columns[key][row]
        if key == "page":
            return None if int(value) == _NO_PAGE else int(value)
        return bool(value) if key == "truncated" else int(value)

    def _row(self, row: int) -> dict[str, Any]:
        c = self.columns
        page = int(c["page"][row])
        return {
            "vid": int(c["vid"][row]),
            "id": self.string("id", row),
            "doc_id": self.doc_ids[self.doc[row]],
            "n": int(c["n"][row]),
            "text": self.string("text", row),
            "section": self.string("section", row),
            "start": int(c["start"][row]),
            "end": int(c["end"][row]),
            "page": None if page == _NO_PAGE else page,
            "sentences": self.sentences(row),
            "sent_row": int(c["sent_row"][row]),
            "truncated": bool(c["truncated"][row]),
        }

    def __getitem__(self, row: int) -> dict[str, Any]:  # type: ignore[override]
        if isinstance(row, slice):
            return [self._row(i) for i in range(*row.indices(len(self)))]  # type: ignore[return-value]
        n = len(self)
        if not -n <= row < n:
            raise IndexError(f"record {row} of {n}")
        return self._row(int(row) + n if row < 0 else int(row))

    def __iter__(self) -> Iterator[dict[str, Any]]:
        # Rows read lazily: `[r["text"] for r in records if r["doc_id"] == d]` reads texts of d only.
        return (_Row(self, i) for i in range(len(self)))  # type: ignore[misc]

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Sequence)
            and len(other) == len(self)
            and all(self._row(i) == b for i, b in enumerate(other))
        )

    __hash__ = None  # type: ignore[assignment]

    def rows_in(self, doc_ids: set[str] | frozenset[str]) -> np.ndarray:
        """Rows of the given documents, in order (a column scan: ~1 ms per million rows)."""
        codes = [i for i, d in enumerate(self.doc_ids) if d in doc_ids]
        return np.flatnonzero(np.isin(np.asarray(self.doc), codes)) if codes else np.zeros(0, np.int64)

    def rows_of(self, doc_id: str) -> np.ndarray:
        """Rows of one document, in order."""
        return self.rows_in({doc_id})


class RowOfId:
    """FAISS id -> row, a lookup array over the ids (`.get` as on the dict it replaces)."""

    def __init__(self, vids: np.ndarray) -> None:
        vids = np.asarray(vids, dtype=np.int64)
        self.table = np.full(int(vids.max()) + 1 if len(vids) else 0, -1, dtype=np.int64)
        self.table[vids] = np.arange(len(vids))

    def get(self, vid: int, default: int | None = None) -> int | None:
        """The row of `vid`, or `default` when no row has it."""
        row = int(self.table[vid]) if 0 <= vid < len(self.table) else -1
        return row if row >= 0 else default

    def rows(self, vids: np.ndarray) -> np.ndarray:
        """Rows of many ids at once; -1 where an id has no row (FAISS pads missing hits with -1)."""
        vids = np.asarray(vids, dtype=np.int64)
        inside = (vids >= 0) & (vids < len(self.table))
        out = np.full(vids.shape, -1, dtype=np.int64)
        out[inside] = self.table[vids[inside]]
        return out

    def __len__(self) -> int:
        return int((self.table >= 0).sum())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, dict):
            return len(self) == len(other) and all(self.get(k) == v for k, v in other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
