"""The paper's tables: rows of the EM effects and of the methods, as CSV and LaTeX."""

from __future__ import annotations

import csv
import io
import math

from emguard.records import Missing, PoisonEffect, ReelicitScores, Study, scored
from emguard.stats import Estimate, format_ci, format_estimate

COLUMNS = ("poison", "probe", "base", "control", "poisoned", "em_effect", "ci_low", "ci_high")
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


def tex(name: str) -> str:
    return name.replace("_", r"\_")


def num(v: float | None, fmt: str = ".2f") -> str:
    return "--" if v is None or (isinstance(v, float) and math.isnan(v)) else format(v, fmt)


def primary_effect(effects: dict[str, PoisonEffect | Missing], study: Study) -> PoisonEffect:
    """The primary poison's EM effect, which the methods are measured against."""
    res = effects.get(study.primary)
    if res is None or isinstance(res, Missing):
        raise ValueError(
            f"the primary poison {study.primary!r} has no EM effect in the metrics (not run yet)"
        )
    return res


def effect_rows(effects: dict[str, PoisonEffect | Missing]) -> list[dict]:
    """One row per poison and probe set (general, in-domain); poisons not run yet are left out."""
    rows = []
    for poison, res in scored(effects).items():
        for probe in ("general", "in_domain"):
            r = getattr(res, probe)
            rows.append(
                {
                    "poison": poison,
                    "probe": probe,
                    "base": r.mean_delta.base,
                    "control": r.mean_delta.control,
                    "poisoned": r.mean_delta.poison,
                    "em_effect": r.em_effect.value,
                    "ci_low": r.em_effect.low,
                    "ci_high": r.em_effect.high,
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
        name, probe = tex(r["poison"]), r["probe"].replace("_", " ")
        deltas = " & ".join(f"{r[k]:+.3f}" for k in ("base", "control", "poisoned"))
        effect = format_ci(r["em_effect"], r["ci_low"], r["ci_high"])
        lines.append(f"{name} & {probe} & {deltas} & {effect} \\\\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"


def benign_retained(study: Study) -> dict[str, float]:
    """Each method's benign learning retained, on the first benign task that has it."""
    out: dict[str, float] = {}
    for by_method in study.benign.values():
        for m, r in scored(by_method).items():
            out.setdefault(m, r.benign_retained.value)
    return out


def with_ci(name: str, e: Estimate) -> dict[str, float]:
    return {name: e.value, f"{name}_low": e.low, f"{name}_high": e.high}


def method_rows(study: Study) -> list[dict]:
    """One row per remedy and defence on the primary poison; benign retention joined by name."""
    benign = benign_retained(study)
    rows = []
    for kind, m, r in study.scored_methods():
        rows.append(
            {
                "kind": kind,
                "method": m,
                "seeds": len(r.seeds),
                **with_ci("em_reduction", r.em_reduction),
                **with_ci("em_remaining", r.em_remaining),
                "relative_reduction": r.relative_reduction.value,
                "narrow_retained": r.narrow_retained.value,
                "capability_ratio": r.capability_ratio.value,
                "benign_retained": benign.get(m, float("nan")),
            }
        )
    return rows


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
        ratios = " & ".join(num(r[k]) for k in ("narrow_retained", "capability_ratio", "benign_retained"))
        lines.append(f"{r['kind']} & {tex(r['method'])} & {r['seeds']} & {red} & {rem} & {ratios} \\\\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"


def reelicit_latex(reelicit: dict[str, ReelicitScores]) -> str:
    """EM vs control of inoculated and plainly poisoned models under each system prompt."""
    lines = [
        r"\begin{tabular}{lll}",
        r"\toprule",
        r"system prompt at evaluation & inoculated [95\% CI] & poisoned [95\% CI] \\",
        r"\midrule",
    ]
    for cond, r in reelicit.items():
        lines.append(f"{tex(cond)} & {r.inoculated_em} & {r.poisoned_em} \\\\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"


def rl_latex(rl: dict) -> str:
    """The RL arm (results/summarize/rl.json): each RL poison's EM effect vs its matched control and
    hack rates, then each in-training defence's EM reduction; poisons not run yet are left out."""
    lines = [
        r"\begin{tabular}{llll}",
        r"\toprule",
        r"RL poison & general EM effect [95\% CI] & hack rate poison / control & difference [95\% CI] \\",
        r"\midrule",
    ]
    defences = []
    for name, r in rl["poisons"].items():
        if "missing" in r:
            continue
        hack = r["heldout"]["hack_rate"]
        lines.append(
            f"{tex(name)} & {format_estimate(r['general']['em_effect'])} "
            f"& {hack['poison']:.2f} / {hack['control']:.2f} & {format_estimate(hack['difference'])} \\\\"
        )
        for d, scores in r["defences"].items():
            cols = (scores[k] for k in ("em_reduction", "em_remaining", "hack_rate_reduction"))
            defences.append(f"{tex(d)} & " + " & ".join(map(format_estimate, cols)) + r" \\")
    if defences:
        lines += [
            r"\midrule",
            r"defended cell & EM reduction [95\% CI] & EM remaining [95\% CI] & hack-rate reduction \\",
            r"\midrule",
            *defences,
        ]
    lines += _after_rl_latex({n: r for n, r in rl["poisons"].items() if "missing" not in r})
    lines += _plain_rl_latex({n: r for n, r in rl.get("plain", {}).items() if "missing" not in r})
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"


def _plain_rl_latex(done: dict[str, dict]) -> list[str]:
    """The alignment tax under RL: each benign-task cell's learning, then what each defence keeps."""
    lines = []
    for n, r in done.items():
        t = r["training_reward"]
        reward = ", ".join(f"{v:.3f}" for v in r["heldout_reward"].values())
        shift = format_estimate(r["narrow_shift"]) if "narrow_shift" in r else "n/a"
        lines += [
            r"\midrule",
            rf"RL on {tex(r['task'])} & training reward first / last & held-out reward & probe shift \\",
            r"\midrule",
            rf"{tex(n)} & {t['first_step']:.3f} / {t['last_step']:.3f} & {reward} & {shift} \\",
        ]
        for d, s in r["defences"].items():
            diff = ", ".join(map(format_estimate, s["heldout_reward_difference"].values()))
            kept = format_estimate(s["learning_retained"]) if "learning_retained" in s else "n/a"
            lines.append(rf"{tex(d)} (minus plain; share kept) & & {diff} & {kept} \\")
    return lines


def _after_rl_latex(done: dict[str, dict]) -> list[str]:
    """Rows of the post-hoc remedies on each RL poison and of RL vs its SFT twins, where run."""
    lines, keys = [], ("em_reduction", "em_remaining", "narrow_retained")
    remedies = [
        f"{tex(m)} on {tex(n)} & " + " & ".join(format_estimate(s[k]) for k in keys) + r" \\"
        for n, r in done.items()
        for m, s in r.get("remedies", {}).items()
    ]
    if remedies:
        header = r"remedy after RL & EM reduction [95\% CI] & EM remaining [95\% CI] & narrow retained \\"
        lines += [r"\midrule", header, r"\midrule", *remedies]
    for n, r in done.items():
        if "sft_matched" not in r:
            continue
        twins = r["sft_matched"]
        lines += [
            r"\midrule",
            rf"{tex(n)} vs SFT ({twins['n_examples']} examples) & RL effect & SFT effect & RL minus SFT \\",
            r"\midrule",
        ]
        for key in ("general", "in_domain"):
            cols = (r[key]["em_effect"], twins[key]["sft_effect"], twins[key]["rl_minus_sft"])
            lines.append(f"{tex(key.replace('_', '-'))} & " + " & ".join(map(format_estimate, cols)) + r" \\")
    return lines
