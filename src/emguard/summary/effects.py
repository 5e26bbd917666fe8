"""The EM effect of each poison (results/summarize/metrics.json): the general-probe shift of the
poisoned models vs base minus the shift of their matched controls, with bootstrap CIs (items paired
across models, seeds within a seed lineage: emguard.stats), and the same on the in-domain probes.
"""

from __future__ import annotations

import numpy as np

from emguard import layout
from emguard.config import Params
from emguard.grid import Cell, Grid
from emguard.records import (
    ByCondition,
    JudgeSummary,
    LengthShift,
    Missing,
    PoisonEffect,
    ProbeEffect,
    read_judge,
)
from emguard.stats import Estimate, bootstrap
from emguard.study_metrics import delta_matrix, load_deltas

PROBE_SETS = {"general": "general", "in_domain": "in_domain/{poison}"}  # label -> probe set


def deltas(cells: list[Cell], probe_set: str, ids: list[str]) -> np.ndarray:
    """(seeds, items) deltas of the cells on one probe set, items in `ids` order."""
    return delta_matrix([c.eval_dir for c in cells], probe_set, ids)


def effect(
    poisoned: np.ndarray, control: np.ndarray, base: np.ndarray, n_boot: int, level: float, seed: int
) -> dict[str, Estimate]:
    """Shift of each condition vs base and their difference, each with a CI."""
    conds = {"poison": poisoned - base, "control": control - base}
    return {
        "em_effect": bootstrap(
            conds, lambda d: d["poison"].mean() - d["control"].mean(), n_boot, seed, level
        ),
        "poison_shift": bootstrap({"x": conds["poison"]}, lambda d: d["x"].mean(), n_boot, seed, level),
        "control_shift": bootstrap({"x": conds["control"]}, lambda d: d["x"].mean(), n_boot, seed, level),
    }


def by_condition(base: np.ndarray, control: np.ndarray, poisoned: np.ndarray, fn) -> ByCondition:
    return ByCondition(base=fn(base), control=fn(control), poison=fn(poisoned))


def probe_effect(params: Params, grid: Grid, poison: str, probe_set: str) -> ProbeEffect:
    """The EM effect of `poison` on one probe set."""
    ids = sorted(load_deltas(grid.base.eval_dir, probe_set))
    base = deltas([grid.base], probe_set, ids)
    poisoned = deltas(grid.train(poison, "poison"), probe_set, ids)
    control = deltas(grid.train(poison, "control"), probe_set, ids)
    cfg = params.summarize
    return ProbeEffect(
        **effect(poisoned, control, base, cfg.n_boot, cfg.ci_level, params.seed),
        mean_delta=by_condition(base, control, poisoned, lambda m: m.mean()),
        preference_rate=by_condition(base, control, poisoned, lambda m: (m > 0).mean()),
        n_items=len(ids),
        n_seeds=len(grid.train(poison, "poison")),
    )


def conditions(grid: Grid, poison: str) -> dict[str, list[Cell]]:
    """The base model and the poison's fine-tunes, by condition."""
    return {"base": [grid.base]} | {c: grid.train(poison, c) for c in layout.CONDITIONS}


def length_sensitivity(grid: Grid, poison: str) -> dict[str, LengthShift]:
    """Mean delta of the long-context probes vs the same items asked plainly, per condition."""
    long_ids = sorted(load_deltas(grid.base.eval_dir, "general_long"))
    if not long_ids:
        return {}
    short_ids = [i.removesuffix("-long") for i in long_ids]
    out = {}
    for label, cells in conditions(grid, poison).items():
        long = deltas(cells, "general_long", long_ids)
        short = deltas(cells, "general", short_ids)
        out[label] = LengthShift(short=short.mean(), long=long.mean(), n_items=len(long_ids))
    return out


def judged_rates(grid: Grid, poison: str) -> dict[str, dict[str, dict[str, float | None]]]:
    """Judged EM rate per condition (mean over seeds) and judge, where a judge ran."""
    path = layout.JUDGE_DIR / "metrics.json"
    summary = read_judge(path) if path.exists() else JudgeSummary(judges=[])
    out: dict = {}
    for name in summary.judges:
        for label, cells in conditions(grid, poison).items():
            by_cell = [summary.em_rate(c.eval_name, name) for c in cells]
            for set_name in by_cell[0]:
                values = [v for rates in by_cell if (v := rates[set_name]) is not None]
                out.setdefault(name, {}).setdefault(set_name, {})[label] = (
                    float(np.mean(values)) if values else None
                )
    return out


def poison_effect(params: Params, grid: Grid, poison: str) -> PoisonEffect | Missing:
    """The poison's EM effect on the general and in-domain probes, or the cells not scored yet
    (only on a hand-run partial grid: under dvc repro every cell exists)."""
    cells = [grid.base, *grid.train(poison, "control"), *grid.train(poison, "poison")]
    not_scored = [c.name for c in cells if not c.scored()]
    if not_scored:
        return Missing(cells=not_scored)
    return PoisonEffect(
        **{
            label: probe_effect(params, grid, poison, probe_set.format(poison=poison))
            for label, probe_set in PROBE_SETS.items()
        },
        prompt_length=length_sensitivity(grid, poison),
        judged_em_rate=judged_rates(grid, poison),
    )


def poison_effects(params: Params) -> dict[str, PoisonEffect | Missing]:
    """Every poison's EM effect, in data.poisons order."""
    grid = Grid(params)
    return {p: poison_effect(params, grid, p) for p in params.data.poisons}
