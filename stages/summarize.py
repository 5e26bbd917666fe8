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
    return "\n".join(lines) + "\n"


def to_builtin(obj):
    """numpy scalars to floats, so the metrics JSON is plain."""
    if isinstance(obj, dict):
        return {k: to_builtin(v) for k, v in obj.items()}
    return float(obj) if isinstance(obj, np.floating | np.integer) else obj


def main(params: Params) -> None:
    stage.print_config("summarize", params.summarize)
    results = {p: to_builtin(summarize_poison(params, p)) for p in params.data.poisons}
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
