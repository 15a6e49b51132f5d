"""The bot's own words as plain data (no Telegram): commands, help, language, index and build reports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

# bot.py reaches the whole UI through this one module (`ui.answer_blocks`, `ui.pack`, ...).
from botanswer import answer_blocks, passage_blocks
from bothtml import MESSAGE_LIMIT, Block, esc, pack, text_block
from botlists import EVENTS_PAGE, docs_blocks, event_blocks
from retriever import IndexSummary, SettingsError
from retriever.texts import DEFAULT, LANGUAGES, reason, t

__all__ = [
    "ADMIN_COMMANDS",
    "EVENTS_PAGE",
    "MESSAGE_LIMIT",
    "USER_COMMANDS",
    "VOTE_EMOJI",
    "Block",
    "answer_blocks",
    "commands",
    "comparison_lines",
    "count",
    "docs_blocks",
    "esc",
    "event_blocks",
    "examples",
    "failure_text",
    "help_text",
    "language_text",
    "language_usage",
    "pack",
    "passage_blocks",
    "start_text",
    "status_html",
    "summary_line",
    "summary_lines",
    "text_block",
]

VOTE_EMOJI = {"up": "👍", "down": "👎"}
USER_COMMANDS = ("start", "help", "docs", "events", "ask", "language")
ADMIN_COMMANDS = ("reindex", "status", "remove")


def examples(lang: str | None) -> list[str]:
    """Three example questions, in the chat's language."""
    return [t(f"example_{n}", lang) for n in (1, 2, 3)]


def commands(lang: str | None, admin: bool = False) -> list[tuple[str, str]]:
    """(command, description) for the command menu; administrators' include theirs."""
    names = USER_COMMANDS + (ADMIN_COMMANDS if admin else ())
    return [(name, t(f"command_{name}", lang)) for name in names]


def start_text(lang: str | None) -> str:
    """What the assistant covers, with examples."""
    listed = "\n".join(f"• {esc(q)}" for q in examples(lang))
    return t("start_text", lang, examples=listed)


def help_text(lang: str | None, admin_exts: Iterable[str] | None = None, mb: float = 0) -> str:
    """How to ask; with `admin_exts`, the administrators' part too."""
    text = t("help_text", lang)
    if admin_exts is not None:
        text += t("admin_help", lang, exts=esc(", ".join(admin_exts)), mb=mb)
    return text


def language_text(lang: str, fixed: str | None) -> str:
    """`/language` alone: the chat's current choice and the choices there are."""
    current = (
        t("language_current", lang, language=t("language_name", fixed))
        if fixed
        else t("language_current_auto", lang)
    )
    return f"{esc(current)}\n{esc(language_usage(lang))}"


def language_usage(lang: str) -> str:
    """How to choose, with every code and its language's own name."""
    codes = "|".join(LANGUAGES)
    names = ", ".join(f"{code} {t('language_name', code)}" for code in LANGUAGES)
    return f"{t('language_usage', lang, codes=codes)}\n{names}"


def count(n: int, what: str, lang: str | None) -> str:
    """`1 document`, `2 documents` (`what`: "documents" or "chunks"), in the chat's language."""
    return t(f"count_{what}_{'one' if n == 1 else 'other'}", lang, n=n)


def summary_lines(summary: IndexSummary, lang: str | None = DEFAULT) -> list[str]:
    """What a (re)index did, in plain lines a person can act on."""
    counts = f"{count(summary.documents, 'documents', lang)}, {count(summary.chunks, 'chunks', lang)}"
    rebuild = t("summary_full_rebuild", lang) if summary.full_rebuild else ""
    seconds = f"{summary.seconds:.1f}"
    head = t("summary_head", lang, version=summary.version, counts=counts, seconds=seconds, rebuild=rebuild)
    lines = [head]
    if summary.reason:
        lines.append(t("summary_why", lang, reason=reason(summary.reason, lang)))
    for key, ids in (("added", summary.added), ("changed", summary.changed), ("removed", summary.removed)):
        if ids:
            lines.append(t(f"summary_{key}", lang, n=len(ids), ids=", ".join(ids)))
    if not (summary.added or summary.changed or summary.removed):
        lines.append(t("summary_nothing", lang))
    for skipped in summary.skipped:
        lines.append(t("summary_skipped", lang, id=skipped.id, reason=reason(skipped.reason, lang)))
    return lines


def summary_line(summary: IndexSummary) -> str:
    """One line for a log or terminal: counts only."""
    return (
        f"index {summary.version}: {summary.documents} documents, {summary.chunks} chunks; "
        f"added {len(summary.added)}, changed {len(summary.changed)}, removed {len(summary.removed)}, "
        f"unchanged {len(summary.unchanged)}, skipped {len(summary.skipped)} ({summary.seconds:.1f} s)"
    )


def status_html(manifest: Mapping[str, Any], lang: str | None = DEFAULT) -> str:
    """The live index in a few lines."""
    words, overlap = manifest.get("chunk_words"), manifest.get("chunk_overlap")
    chunking = t("status_chunking_value", lang, words=words, overlap=overlap)
    rows = [
        ("status_version", manifest.get("version")),
        ("status_documents", manifest.get("n_documents", len(manifest.get("documents", {})))),
        ("status_chunks", manifest.get("n_chunks")),
        ("status_built_at", manifest.get("built_at")),
        ("status_model", manifest.get("model")),
        ("status_dimension", manifest.get("dimension")),
        ("status_chunking", chunking),
    ]
    heading = f"<b>{esc(t('status_heading', lang))}</b>\n"
    return heading + "\n".join(f"{esc(t(k, lang))}: {esc(str(v))}" for k, v in rows)


def comparison_lines(comparison: Any, lang: str | None = DEFAULT) -> list[str]:
    """A staged version's gold figures against the live one's (a `staging.Comparison`), for a person."""
    if not comparison.old:
        return [t("compare_first", lang, version=comparison.new_version)]
    lines = [
        t(
            "compare_head",
            lang,
            n=comparison.questions,
            old=comparison.old_version or "-",
            new=comparison.new_version,
        )
    ]
    for metric in ("recall@5", "cited_recall", "refusal_accuracy"):
        old, new = comparison.old.get(metric), comparison.new.get(metric)
        lines.append(f"{metric}: {_figure(old)} → {_figure(new)}")
    return lines


def _figure(value: float | None) -> str:
    return "n/a" if value is None or value != value else f"{value:.3f}"


def failure_text(exc: BaseException, folder: Path, lang: str | None = DEFAULT) -> str:
    """What a failed build means for an administrator and what to do, never Python's own words."""
    if isinstance(exc, SettingsError):
        return esc(str(exc))  # written for people, naming the variable to fix
    if not folder.is_dir():
        return esc(t("failure_folder_missing", lang, folder=folder))
    if isinstance(exc, TimeoutError):
        return esc(t("failure_locked", lang))
    if isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError):
        return esc(t("failure_disk", lang))
    if not any(p.is_file() and not p.name.startswith(".") for p in folder.rglob("*")):
        return esc(t("failure_no_documents", lang, folder=folder))
    return esc(t("failure_internal", lang))
