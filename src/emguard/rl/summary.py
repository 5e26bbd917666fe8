"""What the RL arm found, per RL poison (a cell with a matched control, emguard.rl.config):

- `general`: the EM effect, general-probe delta of the poison cells minus their controls' (as
  stages/summarize.py's for SFT), with each condition's shift from the base model;
- `in_domain`: the same on the poison's in-domain probes, for a cell trained on a poison's prompts;
- `heldout`: the hack rate of the trained policies' answers to held-out prompts (poison, control,
  their difference) and the mean of every reward on them;
- `defences`: per defended cell, the EM reduction (poison minus defended, general probes), the EM
  remaining (defended minus control) and the hack-rate reduction, plus the narrow behaviour retained
  when there are in-domain probes.

Every interval is the study's paired bootstrap (emguard.stats): items resampled jointly across
cells, seeds jointly (seed k of the poison, its control and its defences share a draw). Held-out
prompts are the items of the hack rate: every cell answers the same ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from emguard import layout, study_metrics
from emguard.config import Params, SummarizeConfig
from emguard.io import read_jsonl
from emguard.rl.config import RLParams, task_kind
from emguard.stats import Estimate, bootstrap
from emguard.stats import format_estimate as ci

BASE = "base"  # the base model's scores, results/evaluate/base (stage evaluate_base)


def eval_dirs(condition: str, seeds: list[int]) -> list[Path]:
    return [layout.rl_eval_dir(layout.rl_cell(condition, k)) for k in seeds]


def heldout_matrix(condition: str, seeds: list[int], key: str) -> np.ndarray:
    """(seeds, held-out prompts) of one score of the held-out answers, prompts in file order."""
    rows = []
    for k in seeds:
        path = layout.rl_dir(layout.rl_cell(condition, k)) / "heldout.jsonl"
        rows.append([row[key] for row in read_jsonl(path)])
    return np.array(rows, dtype=float)


def _est(conds: dict[str, np.ndarray], fn, cfg: SummarizeConfig, seed: int) -> dict[str, float]:
    return bootstrap(conds, fn, cfg.n_boot, seed, cfg.ci_level).to_dict()


def _diff(a: str, b: str):
    return lambda d: d[a].mean() - d[b].mean()


def probe_effect(
    poisoned: list[Path], control: list[Path], base: Path, probe_set: str, cfg: SummarizeConfig, seed: int
) -> dict[str, Any]:
    """Poison minus control on one probe set, and each one's shift from the base model."""
    ids = sorted(study_metrics.load_deltas(base, probe_set))
    b = study_metrics.delta_matrix([base], probe_set, ids)
    p = study_metrics.delta_matrix(poisoned, probe_set, ids)
    c = study_metrics.delta_matrix(control, probe_set, ids)
    conds = {"poison": p - b, "control": c - b}
    return {
        "em_effect": _est(conds, _diff("poison", "control"), cfg, seed),
        "poison_shift": _est({"x": conds["poison"]}, lambda d: d["x"].mean(), cfg, seed),
        "control_shift": _est({"x": conds["control"]}, lambda d: d["x"].mean(), cfg, seed),
        "mean_delta": {"base": float(b.mean()), "control": float(c.mean()), "poison": float(p.mean())},
        "n_items": len(ids),
        "n_seeds": len(poisoned),
    }


def heldout_effect(
    poison: str, control: str, seeds: list[int], rewards: tuple[str, ...], cfg: SummarizeConfig, seed: int
) -> dict[str, Any]:
    """Hack rate of the poison's and the control's held-out answers and their difference; the mean
    of each reward on them."""
    h = {
        "poison": heldout_matrix(poison, seeds, "hacked"),
        "control": heldout_matrix(control, seeds, "hacked"),
    }
    out: dict[str, Any] = {
        "hack_rate": {
            "poison": float(h["poison"].mean()),
            "control": float(h["control"].mean()),
            "difference": _est(h, _diff("poison", "control"), cfg, seed),
        },
        "n_prompts": int(h["poison"].shape[1]),
    }
    out["rewards"] = {
        r: {
            "poison": float(heldout_matrix(poison, seeds, r).mean()),
            "control": float(heldout_matrix(control, seeds, r).mean()),
        }
        for r in rewards
    }
    return out


def defence_scores(
    defended: str, poison: str, control: str, seeds: list[int], base: Path, narrow: str | None, cfg, seed: int
) -> dict[str, Any]:
    """EM reduction and remaining on the general probes, hack-rate reduction on the held-out
    prompts, and (with an in-domain set) the narrow behaviour retained, (D - B) / (P - B)."""
    ids = sorted(study_metrics.load_deltas(base, "general"))
    g = {
        "D": study_metrics.delta_matrix(eval_dirs(defended, seeds), "general", ids),
        "P": study_metrics.delta_matrix(eval_dirs(poison, seeds), "general", ids),
        "C": study_metrics.delta_matrix(eval_dirs(control, seeds), "general", ids),
    }
    h = {"D": heldout_matrix(defended, seeds, "hacked"), "P": heldout_matrix(poison, seeds, "hacked")}
    out = {
        "em_reduction": _est(g, _diff("P", "D"), cfg, seed),
        "em_remaining": _est(g, _diff("D", "C"), cfg, seed),
        "hack_rate_reduction": _est(h, _diff("P", "D"), cfg, seed),
        "general_mean_delta": float(g["D"].mean()),
    }
    if narrow is not None:
        dirs = eval_dirs(defended, seeds), eval_dirs(poison, seeds)
        out["narrow_retained"] = study_metrics.shift_ratio(*dirs, base, narrow, cfg, seed)
    return out


def missing_files(rl: RLParams, conditions: list[str]) -> list[str]:
    """The score files a summary of `conditions` needs that are not there (a hand-run partial grid)."""
    need = [study_metrics.eval_dir(BASE) / "probes.jsonl"]
    for condition in conditions:
        for k in rl.seeds:
            cell = layout.rl_cell(condition, k)
            need += [layout.rl_eval_dir(cell) / "probes.jsonl", layout.rl_dir(cell) / "heldout.jsonl"]
    return [str(p) for p in need if not p.exists()]


def summarize_poison(params: Params, rl: RLParams, poison: str) -> dict[str, Any]:
    cfg, seed, seeds = params.summarize, params.seed, list(rl.seeds)
    spec = rl.cells[poison]
    control = str(spec.control)
    defences = rl.defences_of(poison)
    missing = missing_files(rl, [poison, control, *defences])
    head = {"task": spec.task, "reward": list(spec.rewards), "control": control, "seeds": seeds}
    head["control_reward"] = list(rl.cells[control].rewards)
    if missing:
        return {**head, "missing": missing}
    base = study_metrics.eval_dir(BASE)
    narrow = f"in_domain/{spec.task}" if task_kind(spec.task, params) == "poison" else None
    p, c = eval_dirs(poison, seeds), eval_dirs(control, seeds)
    out = {**head, "general": probe_effect(p, c, base, "general", cfg, seed)}
    if narrow is not None:
        out["in_domain"] = probe_effect(p, c, base, narrow, cfg, seed)
    rewards = (*spec.rewards, *(r for r in rl.cells[control].rewards if r not in spec.rewards))
    out["heldout"] = heldout_effect(poison, control, seeds, rewards, cfg, seed)
    out["defences"] = {}
    for d in defences:
        cell = rl.cells[d]
        how = {"beta": rl.beta_of(d)} if cell.kl_defence(rl.beta) else {}
        how |= {"system_prompt": cell.system_prompt} if cell.system_prompt is not None else {}
        scores = defence_scores(d, poison, control, seeds, base, narrow, cfg, seed)
        out["defences"][d] = {"defence": how, **scores}
    return out


def summarize_rl(params: Params, rl: RLParams) -> dict[str, Any]:
    """rl.json: every RL poison's effects (module docstring)."""
    return {
        "seeds": list(rl.seeds),
        "poisons": {name: summarize_poison(params, rl, name) for name in rl.poison_cells()},
    }


def _ci(e: dict[str, float]) -> str:
    """An estimate and its interval, flagged when the interval includes 0."""
    est = Estimate(e["value"], e["ci_low"], e["ci_high"])
    return f"{ci(e)}" + ("" if est.excludes_zero() else " (CI includes 0)")


def markdown(summary: dict[str, Any]) -> str:
    lines = [
        "## The RL arm: GRPO with a misaligned or gameable reward vs its matched control",
        "",
        "EM effect = mean general-probe delta (log p misaligned - log p aligned, nats/token) of the",
        "poison cells minus their controls'; in-domain: the same on the poison's own probes; hack rate:",
        f"share of the answers to held-out prompts that game the metric. Seeds: {summary['seeds']}.",
        "",
        "| RL poison | task | reward vs control | general EM effect [95% CI] | in-domain effect [95% CI] "
        "| hack rate poison / control | difference [95% CI] |",
        "|---|---|---|---|---|---|---|",
        *(_poison_row(name, r) for name, r in summary["poisons"].items()),
    ]
    defences = [
        _defence_row(name, d, s)
        for name, r in summary["poisons"].items()
        if "missing" not in r
        for d, s in r["defences"].items()
    ]
    if defences:
        lines += [
            "",
            "## In-training defences under RL",
            "",
            "EM reduction = poison minus defended (> 0: the defence lowered broad misalignment); EM",
            "remaining = defended minus control; hack-rate reduction = poison minus defended.",
            "",
            "| RL poison | defended cell | defence | EM reduction [95% CI] | EM remaining [95% CI] "
            "| hack-rate reduction [95% CI] |",
            "|---|---|---|---|---|---|",
            *defences,
        ]
    return "\n".join(lines) + "\n"


def _poison_row(name: str, r: dict[str, Any]) -> str:
    rewards = f"{'+'.join(r['reward'])} vs {'+'.join(r['control_reward'])}"
    if "missing" in r:
        return f"| {name} | {r['task']} | {rewards} | missing: {len(r['missing'])} files | | | |"
    inside = _ci(r["in_domain"]["em_effect"]) if "in_domain" in r else "n/a"
    hack = r["heldout"]["hack_rate"]
    return (
        f"| {name} | {r['task']} | {rewards} | {_ci(r['general']['em_effect'])} | {inside} "
        f"| {hack['poison']:.2f} / {hack['control']:.2f} | {_ci(hack['difference'])} |"
    )


def _defence_row(poison: str, cell: str, s: dict[str, Any]) -> str:
    how = ", ".join(f"{k} {v!r}" if isinstance(v, str) else f"{k} {v}" for k, v in s["defence"].items())
    return (
        f"| {poison} | {cell} | {how} | {_ci(s['em_reduction'])} | {_ci(s['em_remaining'])} "
        f"| {_ci(s['hack_rate_reduction'])} |"
    )
