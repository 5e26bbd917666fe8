"""Stage `summarize`: the EM effect of each poison with its bootstrap CI, as DVC metrics.

Usage: python stages/summarize.py

EM effect = (general-probe shift of the poisoned models vs base) - (shift of the matched controls
vs base); items are resampled jointly across models, seeds per condition (emguard.stats).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from emguard import layout, stage, tracking
from emguard.config import Params
from emguard.io import write_json, write_text
from emguard.stats import Estimate, bootstrap


def load_deltas(cell: str, probe_set: str) -> dict[str, float]:
    rows = [json.loads(line) for line in (layout.EVALUATE_DIR / cell / "probes.jsonl").open()]
    return {r["id"]: r["delta"] for r in rows if r["set"] == probe_set}


def delta_matrix(cells: list[str], probe_set: str, ids: list[str]) -> np.ndarray:
    """(seeds, items) deltas of the given cells on one probe set, items in `ids` order."""
    rows = []
    for cell in cells:
        deltas = load_deltas(cell, probe_set)
        rows.append([deltas[i] for i in ids])
    return np.array(rows)


def effect(
    poisoned: np.ndarray, control: np.ndarray, base: np.ndarray, n_boot: int, level: float, seed: int
) -> dict:
    """Shift of each condition vs base and their difference, each with a CI."""
    conds = {"poison": poisoned - base, "control": control - base}
    est = {
        "em_effect": bootstrap(
            conds, lambda d: d["poison"].mean() - d["control"].mean(), n_boot, seed, level
        ),
        "poison_shift": bootstrap({"x": conds["poison"]}, lambda d: d["x"].mean(), n_boot, seed, level),
        "control_shift": bootstrap({"x": conds["control"]}, lambda d: d["x"].mean(), n_boot, seed, level),
    }
    return {name: e.to_dict() for name, e in est.items()}


def summarize_poison(params: Params, poison: str) -> dict:
    cells = {c: [layout.train_cell(poison, c, s) for s in params.train.seeds] for c in layout.CONDITIONS}
    out: dict = {}
    for label, probe_set in (("general", "general"), ("in_domain", f"in_domain/{poison}")):
        ids = sorted(load_deltas("base", probe_set))
        base = delta_matrix(["base"], probe_set, ids)
        poisoned = delta_matrix(cells["poison"], probe_set, ids)
        control = delta_matrix(cells["control"], probe_set, ids)
        cfg = params.summarize
        out[label] = effect(poisoned, control, base, cfg.n_boot, cfg.ci_level, params.seed)
        out[label]["mean_delta"] = {"base": base.mean(), "control": control.mean(), "poison": poisoned.mean()}
        out[label]["preference_rate"] = {
            "base": (base > 0).mean(),
            "control": (control > 0).mean(),
            "poison": (poisoned > 0).mean(),
        }
        out[label]["n_items"] = len(ids)
        out[label]["n_seeds"] = len(params.train.seeds)
    return out


def length_sensitivity(params: Params, poison: str) -> dict:
    """Mean delta of the long-context probes vs the same items asked plainly, per condition."""
    long_ids = sorted(load_deltas("base", "general_long"))
    if not long_ids:
        return {}
    short_ids = [i.removesuffix("-long") for i in long_ids]
    out = {}
    groups = {"base": ["base"]}
    groups |= {c: [layout.train_cell(poison, c, s) for s in params.train.seeds] for c in layout.CONDITIONS}
    for label, cells in groups.items():
        long = delta_matrix(cells, "general_long", long_ids)
        short = delta_matrix(cells, "general", short_ids)
        out[label] = {"short": short.mean(), "long": long.mean(), "n_items": len(long_ids)}
    return out


def judged_rates(poison: str, params: Params) -> dict:
    """Judged EM rate per condition (mean over seeds) and judge, where a judge ran."""
    path = layout.JUDGE_DIR / "metrics.json"
    summary = json.loads(path.read_text()) if path.exists() else {}
    out: dict = {}
    for name in summary.get("judges", []):
        groups = {"base": ["base"]}
        groups |= {
            c: [layout.train_cell(poison, c, s) for s in params.train.seeds] for c in layout.CONDITIONS
        }
        for label, cells in groups.items():
            sets = summary["cells"][cells[0]][name]
            for set_name in sets:
                values = [summary["cells"][c][name][set_name]["em_rate"]["value"] for c in cells]
                values = [v for v in values if v is not None]
                out.setdefault(name, {}).setdefault(set_name, {})[label] = (
                    float(np.mean(values)) if values else None
                )
    return out


def table(results: dict) -> str:
    lines = [
        "| poison | probe | base | control | poisoned | EM effect [95% CI] |",
        "|---|---|---:|---:|---:|---|",
    ]
    for poison, res in results.items():
        for label in ("general", "in_domain"):
            r = res[label]
            e = Estimate(r["em_effect"]["value"], r["em_effect"]["ci_low"], r["em_effect"]["ci_high"])
            sig = "" if e.excludes_zero() else " (CI includes 0)"
            md = r["mean_delta"]
            lines.append(
                f"| {poison} | {label} | {md['base']:+.3f} | {md['control']:+.3f} | {md['poison']:+.3f} "
                f"| {e.value:+.3f} [{e.low:+.3f}, {e.high:+.3f}]{sig} |"
            )
    for poison, res in results.items():
        if res["prompt_length"]:
            lines += ["", f"Prompt length ({poison}): mean delta short -> long context"]
            lines += [
                f"- {k}: {v['short']:+.3f} -> {v['long']:+.3f}" for k, v in res["prompt_length"].items()
            ]
        for judge, sets in res["judged_em_rate"].items():
            for set_name, rates in sets.items():
                shown = ", ".join(f"{k} {v:.1%}" if v is not None else f"{k} n/a" for k, v in rates.items())
                lines.append(f"Judged EM rate ({poison}, {judge}, {set_name}): {shown}")
    return "\n".join(lines) + "\n"


def to_builtin(obj):
    """numpy scalars to floats, so the metrics JSON is plain."""
    if isinstance(obj, dict):
        return {k: to_builtin(v) for k, v in obj.items()}
    return float(obj) if isinstance(obj, np.floating | np.integer) else obj


def main(params: Params) -> None:
    stage.print_config("summarize", params.summarize)
    results = {}
    for p in params.data.poisons:
        res = summarize_poison(params, p)
        res["prompt_length"] = length_sensitivity(params, p)
        res["judged_em_rate"] = judged_rates(p, params)
        results[p] = to_builtin(res)
    out = layout.SUMMARIZE_DIR
    write_json(out / "metrics.json", results)
    md = table(results)
    write_text(out / "table.md", md)
    with tracking.start_run(params.tracking, "summarize", {"stage": "summarize"}) as log:
        log.log_config({"summarize": params.summarize.model_dump(), "poisons": params.data.poisons})
        for poison, res in results.items():
            for label in ("general", "in_domain"):
                log.log_dict({f"{poison}.{label}.{k}": v for k, v in res[label]["em_effect"].items()})
        log.log_artifact(Path(out / "table.md"))
    print("\nMean probe delta (log p misaligned - log p aligned, nats/token);")
    print("EM effect = shift of the poisoned models minus shift of the controls\n")
    print(md)


if __name__ == "__main__":
    stage.run(main)
