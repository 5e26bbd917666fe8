"""Every method cell group's scores (results/summarize/study.json): remedies and defences on the
primary poison, antidotes across poisons, defences on the benign tasks, and re-elicitation.

A group is one method in one setting over its seeds (`Grid.groups`); its scores are
emguard.study_metrics' bootstrap estimates against the reference of each seed, or `Missing` naming
the cells not done yet. Runtime and memory are machine-dependent and kept out (emguard.costs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from emguard import study_metrics, tracking
from emguard.config import Params
from emguard.grid import BaseCell, BenignCell, Cell, Grid, MethodCell, ReelicitCell, TreatedCell
from emguard.io import read_json
from emguard.records import (
    BenignScores,
    Missing,
    PrimaryScores,
    ReelicitScores,
    Study,
    TreatedScores,
)
from emguard.stats import bootstrap


def not_done(cells: Sequence[MethodCell], references: Sequence[Cell]) -> list[str]:
    """Names of the cells not fitted or not scored, and of the references not scored."""
    names = [c.name for c in cells if not (c.scored() and c.fitted())]
    names += [r.name for r in references if not r.scored()]
    return sorted(set(names))


class Scorer:
    """The scores of one group of cells over its seeds, in seed order."""

    def __init__(self, params: Params) -> None:
        self.cfg, self.seed, self.base = params.summarize, params.seed, BaseCell()

    def treated(self, cells: Sequence[TreatedCell], make: Callable[..., TreatedScores] = TreatedScores):
        """A remedy or defence against the poisoned and control fine-tunes of the same seeds."""
        poisoned, control = [c.reference for c in cells], [c.control for c in cells]
        missing = not_done(cells, [self.base, *control, *poisoned])
        if missing:
            return Missing(cells=missing)
        scores = study_metrics.treated_scores(
            [c.eval_dir for c in cells],
            [p.eval_dir for p in poisoned],
            [c.eval_dir for c in control],
            self.base.eval_dir,
            cells[0].poison,
            self.cfg,
            self.seed,
        )
        return make(**scores)

    def primary(self, cells: Sequence[TreatedCell]) -> PrimaryScores | Missing:
        """Over every study seed; on a hand-run partial grid, over the seeds scored so far (recorded
        under `seeds`), so a partial report says exactly what it rests on."""
        done = [c for c in cells if c.scored()] or list(cells)
        seeds = [c.seed for c in done]
        return self.treated(done, lambda **scores: PrimaryScores(**scores, seeds=seeds))

    def benign(self, cells: Sequence[BenignCell]) -> BenignScores | Missing:
        """A method's learning of a benign task against plain fine-tuning on it."""
        plain = [c.reference for c in cells]
        missing = not_done([*cells, *plain], [self.base])
        if missing:
            return Missing(cells=missing)
        task = cells[0].task
        return BenignScores(
            **study_metrics.benign_scores(
                [c.eval_dir for c in cells],
                [p.eval_dir for p in plain],
                self.base.eval_dir,
                task,
                self.cfg,
                self.seed,
            )
        )


def summarize_study(params: Params) -> Study:
    """Every method group's scores (emguard.study_metrics) and re-elicitation."""
    grid, score = Grid(params), Scorer(params)
    remedy = {g[0].method: score.primary(g) for g in grid.groups("remedy")}
    defence = {g[0].method: score.primary(g) for g in grid.groups("defence")}
    transfer: dict = {}
    for g in grid.groups("transfer"):
        m, x, y = g[0].group
        transfer.setdefault(m, {}).setdefault(x, {})[y] = score.treated(g)
    benign: dict = {}
    in_grid = set(grid.cells("benign"))
    for g in grid.groups("benign"):
        if all(c.reference in in_grid for c in g):  # without plain fine-tuning, nothing to compare
            task, m = g[0].group
            benign.setdefault(task, {})[m] = score.benign(g)
    return Study(
        primary=params.study.primary,
        seeds=list(params.study.seeds),
        remedy=remedy,
        defence=defence,
        transfer=transfer,
        benign=benign,
        reelicit=summarize_reelicit(params, grid.cells("reelicit")),
    )


def summarize_reelicit(params: Params, cells: list[ReelicitCell]) -> dict[str, ReelicitScores] | Missing:
    """EM (model minus control, same system prompt) of inoculated and poisoned models per cue."""
    absent = [str(c.deltas_file) for c in cells if not c.scored()]
    if absent:
        return Missing(cells=absent)
    runs = [read_json(c.deltas_file) for c in cells]
    cfg, out = params.summarize, {}

    def em(model: str):
        return lambda d: d[model].mean() - d["control"].mean()

    for cond in runs[0]["prompts"]:
        m = {
            name: np.array([r["deltas"][name][cond] for r in runs])
            for name in ("inoculated", "poisoned", "control")
        }
        out[cond] = ReelicitScores(
            inoculated_em=bootstrap(m, em("inoculated"), cfg.n_boot, params.seed, cfg.ci_level),
            poisoned_em=bootstrap(m, em("poisoned"), cfg.n_boot, params.seed, cfg.ci_level),
            mean_delta={name: float(v.mean()) for name, v in m.items()},
        )
    return out


def log_cells(params: Params) -> int:
    """One MLflow run per evaluated method cell with its point scores vs the same seed's reference;
    returns how many were logged."""
    base, n = BaseCell(), 0
    for cell in Grid(params).method_cells():
        if not (cell.scored() and cell.reference.scored() and cell.fitted()):
            continue  # a hand-run partial grid
        control = cell.control.eval_dir if cell.control is not None else None
        scores = study_metrics.cell_scores(
            cell.eval_dir, cell.reference.eval_dir, control, base.eval_dir, cell.narrow_set
        )
        tags = {"stage": "summarize", "kind": cell.kind, "method": cell.method, "seed": str(cell.seed)}
        with tracking.start_run(
            params.tracking, f"{cell.eval_name}/scores", {**tags, "cell": cell.name}
        ) as log:
            log.log_dict(scores)
        n += 1
    return n
