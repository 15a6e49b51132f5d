"""Evaluation results for people: the metrics table, failures, report.md, results.json, recall.png."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any


def json_safe(obj: Any) -> Any:
    """`obj` with NaN floats as None, since NaN is not JSON."""
    if isinstance(obj, float) and math.isnan(obj):
        return None
    if isinstance(obj, dict):
        return {k: json_safe(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [json_safe(v) for v in obj]
    return obj


def _cell(key: str, value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if key.startswith("n") and not key.startswith("ndcg"):
        return str(int(value))
    if key.startswith("latency"):
        return f"{value:.1f}"
    return f"{value:.3f}"


def metrics_table(metrics: dict[str, dict[str, Any]], markdown: bool = False) -> list[str]:
    """Metrics as rows, modes as columns."""
    modes = list(metrics)
    keys = list(dict.fromkeys(key for m in modes for key in metrics[m]))
    rows = [[key] + [_cell(key, metrics[m].get(key)) for m in modes] for key in keys]
    header = ["metric", *modes]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return lines + ["| " + " | ".join(r) + " |" for r in rows]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{widths[0]}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return [fmt.format(*header)] + [fmt.format(*r) for r in rows]


def gate_lines(result: dict[str, Any]) -> list[str]:
    """The release gate on hybrid, and whether fusion beats each single mode on MRR."""
    from .evaluate import GATE

    metrics = result["metrics"]
    if "hybrid" not in metrics:
        return [f"gate (hybrid only): {GATE}"]
    hybrid = metrics["hybrid"]
    parts = []
    for key, floor in GATE.items():
        value = hybrid.get(key)
        ok = value is not None and value >= floor
        parts.append(f"{key} {_cell(key, value)} >= {floor} {'ok' if ok else 'FAIL'}")
    lines = ["gate (hybrid): " + "; ".join(parts)]
    mrr = f"mrr@{result['k']}"
    others = {m: v[mrr] for m, v in metrics.items() if m != "hybrid" and mrr in v}
    if others:
        best = max(others.values())
        verdict = "ok" if hybrid[mrr] >= best else "FAIL"
        names = ", ".join(others)
        lines.append(f"fusion: hybrid {mrr} {hybrid[mrr]:.3f} >= max({names}) {best:.3f} {verdict}")
    return lines


def failure_lines(result: dict[str, Any], width: int = 160) -> list[str]:
    """Every question that fails in some mode, with why, what was retrieved and what was answered."""
    by_id: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for mode, rows in result["questions"].items():
        for row in rows:
            if row["failures"]:
                by_id.setdefault(row["id"], []).append((mode, row))
    lines = [f"failures ({len(by_id)} questions):" if by_id else "failures: none"]
    for qid, entries in by_id.items():
        lines.append(f"- {qid}: {entries[0][1]['question']}")
        for mode, row in entries:
            lines.append(f"    {mode}: {'; '.join(row['failures'])}")
            top = ", ".join(f"{t['id']} ({t['section'] or 'no section'})" for t in row["top"])
            lines.append(f"      top 3: {top}")
            if "answer" in row:
                label = "refused" if row["refused"] else "answered"
                answer = " ".join(row["answer"].split())
                lines.append(f"      {label}: {answer[:width]}{'…' if len(answer) > width else ''}")
    return lines


def gold_lines(result: dict[str, Any]) -> list[str]:
    """The words report of a gold-set evaluation."""
    any_mode = next(iter(result["metrics"].values()))
    lines = [
        f"gold set {result['qa']}: {any_mode['n']} questions ({any_mode['n_answerable']} answerable,"
        f" {any_mode['n_unanswerable']} not answered by the documents); index {result['index']}",
        "",
        *metrics_table(result["metrics"]),
        "",
        *(f"{key}: {text}" for key, text in result["definitions"].items()),
        "",
        *gate_lines(result),
        "",
        *failure_lines(result),
    ]
    return lines


def beir_lines(result: dict[str, Any]) -> list[str]:
    """The words report of a BEIR evaluation."""
    return [
        f"BEIR {result['dataset']}: {result['documents']} documents, {result['chunks']} chunks;"
        f" indexing {result['index_seconds']} s, total {result['seconds']} s; index {result['index']}",
        "",
        *metrics_table(result["metrics"]),
        "",
        *(f"{key}: {text}" for key, text in result["definitions"].items()),
    ]


def calibration_lines(result: dict[str, Any]) -> list[str]:
    """The threshold sweep as a table, with the best and the current value."""
    best, current = result["best"]["min_score"], result["current"]["min_score"]
    lines = [f"refusal threshold sweep ({result['mode']}): min_score  refusal_accuracy  answer_accuracy"]
    for row in result["grid"]:
        mark = " <- best" if row["min_score"] == best else ""
        mark += " <- current" if row["min_score"] == current else ""
        lines.append(
            f"  {row['min_score']:.3f}  {row['refusal_accuracy']:.3f}  {row['answer_accuracy']:.3f}{mark}"
        )
    b, c = result["best"], result["current"]
    mismatches = ", ".join(result["check_mismatches"]) or "none"
    lines += [
        f"best min_score {best:.3f}: refusal_accuracy {b['refusal_accuracy']:.3f},"
        f" answer_accuracy {b['answer_accuracy']:.3f}",
        f"current min_score {current:.3f}: refusal_accuracy {c['refusal_accuracy']:.3f},"
        f" answer_accuracy {c['answer_accuracy']:.3f}",
        f"sweep {result['sweep_seconds']} s (one ask per question);"
        f" check at best {result['check_seconds']} s, mismatches: {mismatches}",
    ]
    return lines


def plot(result: dict[str, Any], path: Path) -> None:
    """recall@k by mode, and a latency panel."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = result["metrics"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for mode, values in metrics.items():
        points = sorted((int(key.split("@")[1]), v) for key, v in values.items() if key.startswith("recall@"))
        left.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=mode)
    left.set(xlabel="k", ylabel="recall@k", title="recall@k by mode", ylim=(0, 1.02))
    left.set_xscale("log")
    left.grid(alpha=0.3)
    left.legend()
    keys = [key for key in ("latency_ms_p50", "latency_ms_p95") if any(key in v for v in metrics.values())]
    width = 0.8 / max(1, len(keys))
    for i, key in enumerate(keys):
        right.bar(
            [j + i * width for j in range(len(metrics))],
            [v.get(key, 0) for v in metrics.values()],
            width,
            label=key,
        )
    right.set_xticks([j + width * (len(keys) - 1) / 2 for j in range(len(metrics))], list(metrics))
    right.set(ylabel="ms", title="latency" + (" (ask)" if result["kind"] == "gold" else " (search)"))
    tallest = max((v.get(key, 0) or 0 for v in metrics.values() for key in keys), default=0)
    right.set_ylim(0, max(tallest, 1) * 1.3)  # room for the legend above the bars
    right.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_outputs(out_dir: Path, result: dict[str, Any]) -> None:
    """report.md, results.json (metrics and per-question details) and recall.png in `out_dir`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(
        json.dumps(json_safe(result), indent=1, ensure_ascii=False, default=str), encoding="utf-8"
    )
    plot(result, out_dir / "recall.png")
    if result["kind"] == "gold":
        head = gold_lines(result)[0]
        tail = [
            "## Gate",
            "",
            *gate_lines(result),
            "",
            "## Failures",
            "",
            "```",
            *failure_lines(result),
            "```",
        ]
    else:
        head, tail = beir_lines(result)[0], []
    lines = [
        "# Retrieval evaluation",
        "",
        head,
        "",
        *metrics_table(result["metrics"], markdown=True),
        "",
        "## Definitions",
        "",
        *(f"- **{key}**: {text}" for key, text in result["definitions"].items()),
        "",
        *tail,
        "",
        "![recall@k and latency](recall.png)",
        "",
    ]
    (out_dir / "report.md").write_text("\n".join(lines), encoding="utf-8")


def emit(result: dict[str, Any], *, out: Path | None, as_json: bool, lines: list[str]) -> None:
    """Write the report files if asked, then print the metrics as JSON or the words report."""
    if out:
        write_outputs(out, result)
    if as_json:
        print(json.dumps(json_safe(result["metrics"]), indent=2))
    else:
        print("\n".join(lines))
