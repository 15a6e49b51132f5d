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


def metrics_table(
    metrics: dict[str, dict[str, Any]], markdown: bool = False, corner: str = "metric"
) -> list[str]:
    """Metrics as rows, modes (or groups) as columns."""
    modes = list(metrics)
    keys = list(dict.fromkeys(key for m in modes for key in metrics[m]))
    rows = [[key] + [_cell(key, metrics[m].get(key)) for m in modes] for key in keys]
    header = [corner, *modes]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return lines + ["| " + " | ".join(r) + " |" for r in rows]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{widths[0]}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return [fmt.format(*header)] + [fmt.format(*r) for r in rows]


KEY_METRICS = ("recall@5", "mrr@10", "cited_recall", "answer_accuracy", "refusal_accuracy",
               "false_refusal_rate", "quote_verbatim", "n")  # fmt: skip


def _flat(metrics: dict[str, Any]) -> dict[str, Any]:
    """The metric values of a block, without its nested splits and breakdowns."""
    return {key: v for key, v in metrics.items() if not isinstance(v, dict)}


def gate_lines(result: dict[str, Any]) -> list[str]:
    """The release gate on the test half, and whether fusion beats each single mode on test MRR."""
    missed = result.get("gate_failures")
    if missed is None:
        return [f"gate (hybrid, test half): {result['gate']} - not checked (needs --mode hybrid or all)"]
    lines = [f"gate (hybrid, test half) {result['gate']}: " + ("; ".join(missed) if missed else "ok")]
    mrr = f"mrr@{result['k']}"
    test = result.get("fusion_mrr") or {}
    if "hybrid" in test and len(test) > 1:
        others = {m: v for m, v in test.items() if m != "hybrid"}
        best = max(others.values())
        verdict = "ok" if test["hybrid"] >= best - result.get("fusion_tolerance", 0.0) else "FAIL"
        lines.append(
            f"fusion (gated test half): hybrid {mrr} {test['hybrid']:.3f} >= max({', '.join(others)})"
            f" {best:.3f} - {result.get('fusion_tolerance', 0.0)} {verdict}"
        )
    return lines


def failure_lines(result: dict[str, Any], width: int = 160) -> list[str]:
    """Every dev or --qa question failing in some mode, with why, what was retrieved and what was answered.

    Test-half questions are only counted: reading them is how a test set turns into a dev set.
    """
    by_id: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = {}
    hidden: set[tuple[str, str]] = set()
    for mode, rows in result["questions"].items():
        for row in rows:
            if row["failures"]:
                key = (row.get("set_name", ""), row["id"])
                if row.get("split") == "test":
                    hidden.add(key)
                else:
                    by_id.setdefault(key, []).append((mode, row))
    lines = [f"failures ({len(by_id)} questions):" if by_id else "failures: none"]
    if hidden:
        lines[0] += f" (and {len(hidden)} test-half questions, not shown)"
    for (set_name, qid), entries in by_id.items():
        lines.append(f"- {set_name + '/' if set_name else ''}{qid}: {entries[0][1]['question']}")
        for mode, row in entries:
            lines.append(f"    {mode}: {'; '.join(row['failures'])}")
            lines.append(f"      top 3: {', '.join(row['top'])}")
            if row.get("asked"):
                label = "refused" if row["refused"] else "answered"
                answer = " ".join(row["answer"].split())
                lines.append(f"      {label}: {answer[:width]}{'…' if len(answer) > width else ''}")
    return lines


def _breakdown_tables(block: dict[str, Any], markdown: bool) -> list[str]:
    lines: list[str] = []
    for key in ("by_set", "by_lang", "by_type"):
        groups = block.get(key)
        if not groups or (len(groups) == 1 and key != "by_type"):
            continue
        rows = {g: {m: v.get(m) for m in KEY_METRICS} for g, v in groups.items()}
        lines += ["", f"{key.removeprefix('by_')}:", "", *metrics_table(rows, markdown=markdown, corner=key)]
    return lines


def gold_sections(result: dict[str, Any], markdown: bool = False) -> list[str]:
    """The whole run and each split as tables (modes as columns), with breakdowns for the first mode."""
    metrics = result["metrics"]
    first = next(iter(metrics))
    lines = [
        *(f"- {s['name']}: {s['n']} questions from {s['path']}"
          + (f" over documents + {s['extra_documents']}" if s.get("extra_documents") else "")
          + ("" if s["gold"] else " (--qa)") for s in result["sets"]),
        "",
        "whole run:",
        "",
        *metrics_table({m: _flat(v) for m, v in metrics.items()}, markdown=markdown),
        *_breakdown_tables(metrics[first], markdown),
    ]  # fmt: skip
    for name in metrics[first].get("splits", {}):
        blocks = {m: v["splits"][name] for m, v in metrics.items() if name in v.get("splits", {})}
        title = f"split {name}" if name in ("dev", "test") else f"set {name} (--qa)"
        lines += [
            "",
            f"{title}:",
            "",
            *metrics_table({m: _flat(b) for m, b in blocks.items()}, markdown=markdown),
        ]
        lines += _breakdown_tables(blocks[first], markdown)
    return lines


def gold_lines(result: dict[str, Any]) -> list[str]:
    """The words report of a gold-set evaluation."""
    return [
        f"gold evaluation, k={result['k']}; index {result['index']}",
        *gold_sections(result),
        "",
        *(f"{key}: {text}" for key, text in result["definitions"].items()),
        "",
        *gate_lines(result),
        "",
        *failure_lines(result),
    ]


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
    """The fitted answerability model: weights, threshold, and how it does on the dev questions it saw."""
    model = result["model"]
    lines = [
        f"answerability model fitted on {result['fitted_on']} of {result['n']} dev questions"
        f" ({result['mode']}, {result['seconds']} s), threshold {model['threshold']}:"
    ]
    lines += [
        f"  {name:16s} {weight:+.3f}"
        for name, weight in zip(model["features"], model["weights"], strict=True)
    ]
    lines.append(
        f"in-sample: answered when right {_cell('a', result['answered_when_right'])},"
        f" unanswerable refused {_cell('r', result['refused_unanswerable'])}"
    )
    if result.get("saved"):
        lines.append(f"written to {result['saved']}")
    return lines


def plot(result: dict[str, Any], path: Path) -> None:
    """recall@k by mode, and a latency panel."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = result["metrics"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for mode, values in metrics.items():
        for label, block, style in (
            (mode, values, "-"),
            (f"{mode} (test)", values.get("splits", {}).get("test"), "--"),
        ):
            if not block:
                continue
            points = sorted(
                (int(key.split("@")[1]), v) for key, v in block.items() if key.startswith("recall@")
            )
            left.plot([p[0] for p in points], [p[1] for p in points], style, marker="o", label=label)
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
        head, body = gold_lines(result)[0], gold_sections(result, markdown=True)
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
        head, body, tail = beir_lines(result)[0], metrics_table(result["metrics"], markdown=True), []
    lines = [
        "# Retrieval evaluation",
        "",
        head,
        "",
        *body,
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
