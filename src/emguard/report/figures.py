"""The paper's figures (PNG and PDF, with no creation date, so equal inputs give equal bytes)."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")  # no display; deterministic files
import matplotlib.pyplot as plt  # noqa: E402

from emguard.records import Missing, TreatedScores  # noqa: E402
from emguard.report.tables import num  # noqa: E402
from emguard.stats import Estimate  # noqa: E402


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


def methods_figure(rows: list[dict], em_effect: Estimate, path_stem) -> None:
    """EM remaining per method (treated - control, 95% CI) beside plain poisoning's EM effect."""
    labels = ["plain poisoning"] + [f"{r['method']} ({r['kind']})" for r in rows]
    values = [em_effect.value] + [r["em_remaining"] for r in rows]
    lows = [em_effect.low] + [r["em_remaining_low"] for r in rows]
    highs = [em_effect.high] + [r["em_remaining_high"] for r in rows]
    fig, ax = plt.subplots(figsize=(5.5, 0.8 + 0.32 * len(labels)))
    ys = list(range(len(labels)))[::-1]
    colors = ["black"] + ["tab:blue" if r["kind"] == "remedy" else "tab:orange" for r in rows]
    for y, v, lo, hi, c in zip(ys, values, lows, highs, colors, strict=True):
        ax.errorbar([v], [y], xerr=[[v - lo], [hi - v]], fmt="o", color=c)
    ax.axvline(0, color="grey", lw=0.8)
    ax.axvline(em_effect.value, color="black", lw=0.6, ls=":")
    ax.set_yticks(ys, labels)
    ax.set_xlabel("EM remaining vs control (nats/token, 95% CI)")
    save(fig, path_stem)


def reduction_grid(by_x: dict[str, dict[str, TreatedScores | Missing]]) -> list[list[float]]:
    """EM reduction of X's antidote (rows) on the Y-poisoned model (columns); NaN where missing."""
    return [
        [r.em_reduction.value if not isinstance(r, Missing) else math.nan for r in by_y.values()]
        for by_y in by_x.values()
    ]


def transfer_figure(transfer: dict[str, dict[str, dict[str, TreatedScores | Missing]]], path_stem) -> None:
    """Heat map per antidote: EM reduction of X's antidote (rows) on the Y-poisoned model (columns)."""
    antidotes = list(transfer)
    fig, axes = plt.subplots(1, len(antidotes), figsize=(3.6 * len(antidotes), 3.2), squeeze=False)
    for ax, m in zip(axes[0], antidotes, strict=True):
        xs = list(transfer[m])
        ys = list(next(iter(transfer[m].values())))
        grid = reduction_grid(transfer[m])
        lim = max((abs(v) for row in grid for v in row if not math.isnan(v)), default=1.0) or 1.0
        im = ax.imshow(grid, cmap="RdBu", vmin=-lim, vmax=lim)
        for i, row in enumerate(grid):
            for j, v in enumerate(row):
                ax.text(j, i, num(v, "+.3f"), ha="center", va="center", fontsize=7)
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


def rl_points(rl: dict) -> list[tuple[str, str, dict]]:
    """(RL poison, probe, estimate) of every RL poison run: the general EM effect, and the in-domain
    one where the poison has its own probes; poisons not run yet are left out."""
    points = []
    for name, r in rl["poisons"].items():
        if "missing" in r:
            continue
        points.append((name, "general", r["general"]["em_effect"]))
        if "in_domain" in r:
            points.append((name, "in-domain", r["in_domain"]["em_effect"]))
        for key, probe in (("general", "general"), ("in_domain", "in-domain")):
            if "sft_matched" in r:  # the SFT twins that saw as many examples, beside the RL poison
                points.append((name, f"{probe}, SFT twin", r["sft_matched"][key]["sft_effect"]))
    return points


def rl_figure(rl: dict, path_stem) -> None:
    """The RL arm's EM effects (poison minus matched control, 95% CI), general and in-domain, and
    those of the SFT twins that saw as many examples (squares)."""
    points = rl_points(rl)
    fig, ax = plt.subplots(figsize=(5, 0.8 + 0.4 * len(points)))
    ys = list(range(len(points)))[::-1]
    for y, (_, probe, e) in zip(ys, points, strict=True):
        v = e["value"]
        color = "tab:blue" if probe.startswith("in-domain") else "black"
        fmt = "s" if probe.endswith("SFT twin") else "o"
        ax.errorbar([v], [y], xerr=[[v - e["ci_low"]], [e["ci_high"] - v]], fmt=fmt, color=color)
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_yticks(ys, [f"{name} ({probe})" for name, probe, _ in points])
    ax.set_xlabel("RL poison minus control (nats/token, 95% CI)")
    save(fig, path_stem)
