"""Stage `report`: the paper's tables (CSV and LaTeX) and figures (PNG and PDF) from DVC metrics.

Usage: python stages/report.py
       (reads results/summarize/{metrics,study}.json; writes paper/generated/)

Every number in paper/main.tex comes from here (tables, figures and `numbers.tex` macros), so
`dvc repro` rebuilds the paper's evidence.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display; deterministic files
import matplotlib.pyplot as plt  # noqa: E402

from emguard import layout, stage  # noqa: E402
from emguard.config import Params  # noqa: E402
from emguard.io import atomic_path, write_text  # noqa: E402
from emguard.stats import format_ci  # noqa: E402
from emguard.stats import format_estimate as ci  # noqa: E402

OUT = Path("paper/generated")
COLUMNS = ("poison", "probe", "base", "control", "poisoned", "em_effect", "ci_low", "ci_high")


def effect_rows(metrics: dict) -> list[dict]:
    rows = []
    for poison, res in metrics.items():
        for probe in ("general", "in_domain") if "missing" not in res else ():  # not run yet
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


def to_csv(rows: list[dict], columns: tuple[str, ...] = COLUMNS) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
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
        effect = format_ci(r["em_effect"], r["ci_low"], r["ci_high"])
        lines.append(f"{name} & {probe} & {deltas} & {effect} \\\\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"


def save(fig, path_stem) -> None:
    fig.tight_layout()
    for ext in ("png", "pdf"):
        fig.savefig(f"{path_stem}.{ext}", dpi=150, metadata={"CreationDate": None} if ext == "pdf" else None)
    plt.close(fig)


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
    save(fig, path_stem)


# --- the study: methods, transfer, alignment tax ------------------------------------------------

METHOD_COLUMNS = (
    "kind",
    "method",
    "seeds",
    "em_reduction",
    "em_reduction_low",
    "em_reduction_high",
    "em_remaining",
    "em_remaining_low",
    "em_remaining_high",
    "relative_reduction",
    "narrow_retained",
    "capability_ratio",
    "benign_retained",
)


def method_rows(study: dict) -> list[dict]:
    """One row per remedy and defence on the primary poison; benign retention joined by name."""
    benign = {}
    for by_method in study.get("benign", {}).values():  # the first benign task with the method
        for m, r in by_method.items():
            if "missing" not in r:
                benign.setdefault(m, r["benign_retained"]["value"])
    rows = []
    for kind in ("remedy", "defence"):
        for m, r in study[kind].items():
            if "missing" in r:
                continue
            rows.append(
                {
                    "kind": kind,
                    "method": m,
                    "seeds": len(r.get("seeds", study["seeds"])),
                    "em_reduction": r["em_reduction"]["value"],
                    "em_reduction_low": r["em_reduction"]["ci_low"],
                    "em_reduction_high": r["em_reduction"]["ci_high"],
                    "em_remaining": r["em_remaining"]["value"],
                    "em_remaining_low": r["em_remaining"]["ci_low"],
                    "em_remaining_high": r["em_remaining"]["ci_high"],
                    "relative_reduction": r["relative_reduction"]["value"],
                    "narrow_retained": r["narrow_retained"]["value"],
                    "capability_ratio": r["capability_ratio"]["value"],
                    "benign_retained": benign.get(m, float("nan")),
                }
            )
    return rows


def _tex(name: str) -> str:
    return name.replace("_", r"\_")


def _num(v: float, fmt: str = ".2f") -> str:
    return "--" if v is None or (isinstance(v, float) and math.isnan(v)) else format(v, fmt)


def methods_latex(rows: list[dict]) -> str:
    lines = [
        r"\begin{tabular}{lllllrrr}",
        r"\toprule",
        r"kind & method & seeds & EM reduction [95\% CI] & EM remaining [95\% CI] & narrow & capab. "
        r"& benign \\",
        r"\midrule",
    ]
    for r in rows:
        red, rem = (format_ci(r[k], r[f"{k}_low"], r[f"{k}_high"]) for k in ("em_reduction", "em_remaining"))
        ratios = " & ".join(_num(r[k]) for k in ("narrow_retained", "capability_ratio", "benign_retained"))
        lines.append(f"{r['kind']} & {_tex(r['method'])} & {r['seeds']} & {red} & {rem} & {ratios} \\\\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"


def methods_figure(rows: list[dict], em_effect: dict, path_stem) -> None:
    """EM remaining per method (treated - control, 95% CI) beside plain poisoning's EM effect."""
    labels = ["plain poisoning"] + [f"{r['method']} ({r['kind']})" for r in rows]
    values = [em_effect["value"]] + [r["em_remaining"] for r in rows]
    lows = [em_effect["ci_low"]] + [r["em_remaining_low"] for r in rows]
    highs = [em_effect["ci_high"]] + [r["em_remaining_high"] for r in rows]
    fig, ax = plt.subplots(figsize=(5.5, 0.8 + 0.32 * len(labels)))
    ys = list(range(len(labels)))[::-1]
    colors = ["black"] + ["tab:blue" if r["kind"] == "remedy" else "tab:orange" for r in rows]
    for y, v, lo, hi, c in zip(ys, values, lows, highs, colors, strict=True):
        ax.errorbar([v], [y], xerr=[[v - lo], [hi - v]], fmt="o", color=c)
    ax.axvline(0, color="grey", lw=0.8)
    ax.axvline(em_effect["value"], color="black", lw=0.6, ls=":")
    ax.set_yticks(ys, labels)
    ax.set_xlabel("EM remaining vs control (nats/token, 95% CI)")
    save(fig, path_stem)


def transfer_figure(transfer: dict, path_stem) -> None:
    """Heat map per antidote: EM reduction of X's antidote (rows) on the Y-poisoned model (columns)."""
    antidotes = list(transfer)
    fig, axes = plt.subplots(1, len(antidotes), figsize=(3.6 * len(antidotes), 3.2), squeeze=False)
    for ax, m in zip(axes[0], antidotes, strict=True):
        xs = list(transfer[m])
        ys = list(next(iter(transfer[m].values())))
        grid = [
            [
                transfer[m][x][y]["em_reduction"]["value"] if "missing" not in transfer[m][x][y] else math.nan
                for y in ys
            ]
            for x in xs
        ]
        lim = max((abs(v) for row in grid for v in row if not math.isnan(v)), default=1.0) or 1.0
        im = ax.imshow(grid, cmap="RdBu", vmin=-lim, vmax=lim)
        for i, row in enumerate(grid):
            for j, v in enumerate(row):
                ax.text(j, i, _num(v, "+.3f"), ha="center", va="center", fontsize=7)
        ax.set_xticks(range(len(ys)), ys, rotation=30, ha="right")
        ax.set_yticks(range(len(xs)), xs)
        ax.set_xlabel("poisoned with Y")
        ax.set_ylabel(f"{m} antidote of X")
        fig.colorbar(im, ax=ax, shrink=0.8, label="EM reduction (nats/token)")
    save(fig, path_stem)


def tax_figure(rows: list[dict], path_stem) -> None:
    """Alignment tax against EM reduction: narrow behaviour and capability kept (the runtime cost
    is machine-dependent and kept out of this DVC output: emguard.costs)."""
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.4))
    for ax, key, label in (
        (axes[0], "narrow_retained", "narrow behaviour retained (1 = as plain)"),
        (axes[1], "capability_ratio", "capability accuracy vs poisoned (x)"),
    ):
        for r in rows:
            c = "tab:blue" if r["kind"] == "remedy" else "tab:orange"
            ax.errorbar(
                [r["em_reduction"]],
                [r[key]],
                xerr=[
                    [r["em_reduction"] - r["em_reduction_low"]],
                    [r["em_reduction_high"] - r["em_reduction"]],
                ],
                fmt="o",
                color=c,
            )
            ax.annotate(
                r["method"],
                (r["em_reduction"], r[key]),
                fontsize=6,
                xytext=(3, 3),
                textcoords="offset points",
            )
        ax.axvline(0, color="grey", lw=0.8)
        ax.set_xlabel("EM reduction (nats/token, 95% CI)")
        ax.set_ylabel(label)
    save(fig, path_stem)


def reelicit_latex(reelicit: dict) -> str:
    """EM vs control of inoculated and plainly poisoned models under each system prompt."""
    lines = [
        r"\begin{tabular}{lll}",
        r"\toprule",
        r"system prompt at evaluation & inoculated [95\% CI] & poisoned [95\% CI] \\",
        r"\midrule",
    ]
    for cond, r in reelicit.items():
        cells = " & ".join(ci(e) for e in (r["inoculated_em"], r["poisoned_em"]))
        lines.append(f"{_tex(cond)} & {cells} \\\\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"


def grid_note(metrics: dict, study: dict) -> str:
    """A sentence for the paper when the metrics rest on a partial grid (a hand-run summary)."""
    n = len(study["seeds"])
    methods = [(m, r) for k in ("remedy", "defence") for m, r in study[k].items()]
    short = [m for m, r in methods if "missing" not in r and len(r.get("seeds", study["seeds"])) < n]
    not_run = [p for p, r in metrics.items() if "missing" in r] + [m for m, r in methods if "missing" in r]
    not_run += [
        f"transfer {m}"
        for m, g in study["transfer"].items()
        if any("missing" in c for r in g.values() for c in r.values())
    ]
    not_run += [
        f"benign task {t}" for t, g in study["benign"].items() if any("missing" in r for r in g.values())
    ]
    if "missing" in study.get("reelicit", {}):
        not_run.append("re-elicitation")
    if not short and not not_run:
        return ""
    parts = []
    if short:
        parts.append(f"{len(short)} of the methods below rest on fewer than {n} seeds (see the seeds column)")
    if not_run:
        parts.append("not run yet: " + ", ".join(_tex(x) for x in not_run))
    return r"\textbf{Partial run.} " + "; ".join(parts) + "."


def macros(metrics: dict, study: dict) -> str:
    """LaTeX macros for every number the paper's text quotes, e.g. \\emEffectMedical."""

    def name(*parts: str) -> str:
        words = "".join(p.replace("_", " ").title().replace(" ", "") for p in parts)
        return words[0].lower() + words[1:]

    lines = ["% generated by stages/report.py from results/summarize/*.json"]
    for poison, res in metrics.items():
        if "missing" in res:
            continue
        lines.append(f"\\newcommand{{\\{name('em effect', poison)}}}{{{ci(res['general']['em_effect'])}}}")
        lines.append(
            f"\\newcommand{{\\{name('narrow effect', poison)}}}{{{ci(res['in_domain']['em_effect'])}}}"
        )
    for kind in ("remedy", "defence"):
        for m, r in study[kind].items():
            if "missing" not in r:
                lines.append(f"\\newcommand{{\\{name('reduction', m)}}}{{{ci(r['em_reduction'])}}}")
    primary = metrics[study["primary"]]
    lines.append(f"\\newcommand{{\\emEffectPrimary}}{{{ci(primary['general']['em_effect'])}}}")
    lines.append(f"\\newcommand{{\\narrowEffectPrimary}}{{{ci(primary['in_domain']['em_effect'])}}}")
    lines.append(f"\\newcommand{{\\studySeeds}}{{{len(study['seeds'])}}}")
    others = sorted(
        {r["general"]["n_seeds"] for p, r in metrics.items() if p != study["primary"] and "missing" not in r}
    )
    lines.append(f"\\newcommand{{\\reproSeedsPrimary}}{{{primary['general']['n_seeds']}}}")
    lines.append(f"\\newcommand{{\\reproSeedsOthers}}{{{'--'.join(str(n) for n in others) or '0'}}}")
    lines.append(f"\\newcommand{{\\gridNote}}{{{grid_note(metrics, study)}}}")
    lines.append(f"\\newcommand{{\\primaryPoison}}{{{_tex(study['primary'])}}}")
    return "\n".join(lines) + "\n"


def main(params: Params) -> None:
    stage.print_config("report", {"poisons": params.data.poisons})
    metrics = json.loads((layout.SUMMARIZE_DIR / "metrics.json").read_text())
    study = json.loads((layout.SUMMARIZE_DIR / "study.json").read_text())
    rows = effect_rows(metrics)
    methods = method_rows(study)
    with atomic_path(OUT, is_dir=True) as tmp:
        write_text(tmp / "em_effect.csv", to_csv(rows))
        write_text(tmp / "em_effect.tex", to_latex(rows))
        effect_figure(rows, tmp / "em_effect")
        write_text(tmp / "methods.csv", to_csv(methods, METHOD_COLUMNS))
        write_text(tmp / "methods.tex", methods_latex(methods))
        methods_figure(methods, metrics[study["primary"]]["general"]["em_effect"], tmp / "em_by_method")
        tax_figure(methods, tmp / "tax_vs_reduction")
        if study["transfer"]:
            transfer_figure(study["transfer"], tmp / "transfer")
        reelicit = study.get("reelicit", {})
        if reelicit and "missing" not in reelicit:
            write_text(tmp / "reelicit.tex", reelicit_latex(reelicit))
        write_text(tmp / "numbers.tex", macros(metrics, study))
    print(f"[report] wrote {OUT}")


if __name__ == "__main__":
    stage.run(main)
