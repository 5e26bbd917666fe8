"""Stage `report`: the paper's tables (CSV and LaTeX) and figures (PNG and PDF) from DVC metrics.

Usage: python stages/report.py   (reads results/summarize/metrics.json; writes paper/generated/)

Every number in paper/main.tex comes from here, so `dvc repro` rebuilds the paper's evidence.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display; deterministic files
import matplotlib.pyplot as plt  # noqa: E402

from emguard import layout, stage  # noqa: E402
from emguard.config import Params  # noqa: E402
from emguard.io import atomic_path, write_text  # noqa: E402

OUT = Path("paper/generated")
COLUMNS = ("poison", "probe", "base", "control", "poisoned", "em_effect", "ci_low", "ci_high")


def effect_rows(metrics: dict) -> list[dict]:
    rows = []
    for poison, res in metrics.items():
        for probe in ("general", "in_domain"):
            r = res[probe]
            rows.append(
                {
                    "poison": poison,
                    "probe": probe,
                    **{k: r["mean_delta"][k] for k in ("base", "control")},
                    "poisoned": r["mean_delta"]["poison"],
                    "em_effect": r["em_effect"]["value"],
                    "ci_low": r["em_effect"]["ci_low"],
                    "ci_high": r["em_effect"]["ci_high"],
                }
            )
    return rows


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: f"{v:.4f}" if isinstance(v, float) else v for k, v in row.items()} for row in rows)
    return buf.getvalue()


def to_latex(rows: list[dict]) -> str:
    lines = [
        r"\begin{tabular}{llrrrl}",
        r"\toprule",
        r"poison & probe & base & control & poisoned & EM effect [95\% CI] \\",
        r"\midrule",
    ]
    for r in rows:
        name, probe = r["poison"].replace("_", r"\_"), r["probe"].replace("_", " ")
        deltas = " & ".join(f"{r[k]:+.3f}" for k in ("base", "control", "poisoned"))
        ci = f"{r['em_effect']:+.3f} [{r['ci_low']:+.3f}, {r['ci_high']:+.3f}]"
        lines.append(f"{name} & {probe} & {deltas} & {ci} \\\\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"


def effect_figure(rows: list[dict], path_stem) -> None:
    general = [r for r in rows if r["probe"] == "general"]
    fig, ax = plt.subplots(figsize=(4.5, 0.6 + 0.45 * len(general)))
    ys = range(len(general))
    ax.errorbar(
        [r["em_effect"] for r in general],
        ys,
        fmt="o",
        color="black",
        xerr=[
            [r["em_effect"] - r["ci_low"] for r in general],
            [r["ci_high"] - r["em_effect"] for r in general],
        ],
    )
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_yticks(list(ys), [r["poison"] for r in general])
    ax.set_xlabel("EM effect on the general probe (nats/token, 95% CI)")
    fig.tight_layout()
    for ext in ("png", "pdf"):
        fig.savefig(f"{path_stem}.{ext}", dpi=150, metadata={"CreationDate": None} if ext == "pdf" else None)
    plt.close(fig)


def main(params: Params) -> None:
    stage.print_config("report", {"poisons": params.data.poisons})
    metrics = json.loads((layout.SUMMARIZE_DIR / "metrics.json").read_text())
    rows = effect_rows(metrics)
    with atomic_path(OUT, is_dir=True) as tmp:
        write_text(tmp / "em_effect.csv", to_csv(rows))
        write_text(tmp / "em_effect.tex", to_latex(rows))
        effect_figure(rows, tmp / "em_effect")
    print(f"[report] wrote {OUT}")


if __name__ == "__main__":
    stage.run(main)
