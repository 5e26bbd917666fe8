"""Stage `evaluate_base`: judge-free probes and free-form samples of the base model.

Usage: python stages/evaluate.py --cell base
       python stages/evaluate.py --cell medical-poison-0                 (re-score one cell by hand)
       python stages/evaluate.py --cell remedy/correct-medical-medical-0 (a study cell: <kind>/<cell>)

Adapters are scored by the stage that fits them (`train`, `remedy`, ...), on the sets their kind
needs (emguard.evaluation.ProbeSets); the base model gets every set, every poison's in-domain
probes and every benign task's eval set.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from emguard import layout, stage, tracking
from emguard.config import Params
from emguard.evaluation import ProbeSets, Scoring, evaluate_into


def resolve_cell(params: Params, cell: str) -> tuple[Path | None, int, ProbeSets]:
    """(adapter, seed, probe sets) of `base`, a train cell or `<kind>/<study cell>`."""
    if cell == "base":
        return None, params.seed, ProbeSets.for_cell(params, "base")
    if "/" in cell:  # a study cell: an adapter is scored on the poison it was trained with or cured of
        kind, name = cell.split("/", 1)
        if kind not in layout.STUDY_KINDS:
            raise ValueError(f"--cell {cell!r}: expected one of {layout.STUDY_KINDS} before '/'")
        fields = layout.parse_study_cell(kind, name)
        target = fields.get("poisoned", fields.get("poison", fields.get("task")))
        adapter = layout.study_dir(kind, name) / "adapter"
        return adapter, int(fields["seed"]), ProbeSets.for_cell(params, kind, str(target))
    poison, _, seed = layout.parse_train_cell(cell)
    return layout.TRAIN_DIR / cell / "adapter", seed, ProbeSets.for_cell(params, "train", poison)


def main(params: Params) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cell", required=True, help="'base', a train cell, or <kind>/<study cell>")
    cell = parser.parse_args().cell
    adapter, seed, sets = resolve_cell(params, cell)
    stage.print_config(f"evaluate {cell}", params.evaluate)
    with tracking.start_run(params.tracking, f"evaluate/{cell}", {"stage": "evaluate", "cell": cell}) as log:
        log.log_config({"evaluate": params.evaluate.model_dump(), "cell": cell})
        log.log_dict(evaluate_into(Scoring.of(params), layout.EVALUATE_DIR / cell, adapter, seed, sets))


if __name__ == "__main__":
    stage.run(main)
