"""The bot's own words as plain data (no Telegram): commands, help, language, index and build reports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

# bot.py reaches the whole UI through this one module (`ui.answer_blocks`, `ui.pack`, ...).
from botanswer import answer_blocks, passage_blocks
from bothtml import MESSAGE_LIMIT, Block, esc, pack, text_block
from botlists import EVENTS_PAGE, docs_blocks, event_blocks
from retriever import AddResult, CollectionShrank, IndexSummary, RemoveResult, SettingsError
from retriever.collection import shrink_note
from retriever.texts import DEFAULT, LANGUAGES, Note, reason, t

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
    "held_back_text",
    "help_text",
    "language_set_text",
    "language_text",
    "language_unknown_text",
    "language_usage",
    "lines_blocks",
    "menu_language",
    "pack",
    "passage_blocks",
    "refused_text",
    "reindex_blocks",
    "result_blocks",
    "shrink_question",
    "start_text",
    "status_html",
    "summary_html",
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


def menu_language(lang: str) -> str | None:
    """The language code `lang`'s command menu is registered under (None: the default menu)."""
    # Telegram takes ISO 639-1 codes only: Filipino is "tl" there; English is the default menu.
    return None if lang == DEFAULT else {"fil": "tl"}.get(lang, lang)


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


def language_unknown_text(name: str, lang: str) -> str:
    """`/language NAME` for a language not served: say so, and how to choose."""
    return f"{esc(t('language_unknown', lang, name=name))}\n{esc(language_usage(lang))}"


def language_set_text(chosen: str) -> str:
    """The chat's language is now `chosen`, said in it."""
    return esc(t("language_set", chosen, language=t("language_name", chosen)))


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


def lines_blocks(html_text: str) -> list[Block]:
    """One block per line of already escaped HTML (each line's tags balanced: safe split points)."""
    return [Block(line, line, sep="\n") for line in html_text.split("\n") if line.strip()]


def summary_html(summary: IndexSummary, head: str = "", lang: str | None = DEFAULT) -> list[Block]:
    """What a build did, as message blocks under an optional first line (HTML)."""
    return lines_blocks("\n".join([head, *(esc(line) for line in summary_lines(summary, lang))]))


def result_blocks(result: AddResult | RemoveResult, lang: str) -> list[Block]:
    """An upload's or removal's outcome in a sentence, in bold over the build's summary if it built."""
    said = esc(result.text(lang))
    if result.summary is None:
        return lines_blocks(said)
    return summary_html(result.summary, f"<b>{said}</b>", lang)


def refused_text(exc: CollectionShrank, lang: str | None) -> str:
    """Why a build that would shrink the collection was held back, in plain text."""
    return Note.of("collection_not_indexed", reason=shrink_note(exc)).say(lang)


def shrink_question(reason_text: str, lang: str, lead: str = "") -> str:
    """Publish a refused shrinking build anyway? `lead` is a first sentence of HTML (what the bot did
    meanwhile), `reason_text` plain text."""
    return t("shrink_question", lang, reason=" ".join(filter(None, (lead, esc(reason_text)))))


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


def reindex_blocks(summary: IndexSummary, version: str, comparison: Any, lang: str) -> list[Block]:
    """A gated build that went live: its summary, with the gold figures when it was measured."""
    if comparison is None:  # nothing changed, so nothing was measured
        return summary_html(summary, "", lang)
    head = t("compare_published", lang, version=esc(version))
    figures = [esc(line) for line in comparison_lines(comparison, lang)]
    return summary_html(summary, head, lang) + lines_blocks("\n".join(figures))


def held_back_text(summary: IndexSummary, version: str, comparison: Any, lang: str) -> str:
    """A gated build held back for a drop in its gold figures, put to an administrator (HTML)."""
    drops = esc("; ".join(comparison.drops))
    return "\n".join(
        [
            t("compare_dropped", lang, version=esc(version), drops=drops),
            "",
            *(esc(line) for line in comparison_lines(comparison, lang)),
            "",
            *(esc(line) for line in summary_lines(summary, lang)),
        ]
    )


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
