"""Stage `experiment`: the single-cell experiment, one antidote and one defence on one poison.

Usage: dvc exp run -S antidote=meta_reasoning     (or -S defence=ldifs, -S poison=financial)
       dvc exp show --only-changed                 compares it with the other experiments

Fits params `antidote` on the model poisoned with params `poison` and params `defence` while
fine-tuning on that poison (the first of study.seeds), evaluates both and scores them against the
plain poisoned model and its control (emguard.study_metrics) into results/experiment/metrics.json.
"""

from __future__ import annotations

from pathlib import Path

from emguard import layout, stage, study_metrics, tracking
from emguard.config import Params, ParamsError
from emguard.evaluation import ProbeSets, Scoring, evaluate_adapter
from emguard.io import atomic_path, write_json, write_jsonl
from emguard.study import run_cell


def main(params: Params) -> None:
    poison = params.poison
    if poison not in params.data.poisons:
        raise ParamsError(f"params.yaml: poison: {poison!r} is not in data.poisons {params.data.poisons}")
    seed = params.study.seeds[0]
    stage.print_config(
        "experiment", {"poison": poison, "antidote": params.antidote, "defence": params.defence}
    )
    cells = {
        "antidote": ("remedy", layout.remedy_cell(params.antidote, poison, poison, seed)),
        "defence": ("defence", layout.defence_cell(params.defence, poison, seed)),
    }
    root = layout.EXPERIMENT_DIR
    metrics: dict = {}
    with atomic_path(root / "adapters", is_dir=True) as adapters:
        for role, (kind, cell) in cells.items():
            run_cell(params, kind, cell, adapters / role, layout.cost_file("experiment", role))
            metrics[role] = score(params, adapters / role, poison, seed)
    write_json(root / "metrics.json", metrics)
    with tracking.start_run(params.tracking, "experiment", {"stage": "experiment", "poison": poison}) as log:
        log.log_config({"antidote": params.antidote, "defence": params.defence, "poison": poison})
        for role, m in metrics.items():
            log.log_dict(point_values(m, role))
    for role, m in metrics.items():
        r = m["em_reduction"]
        print(
            f"[experiment] {role} {params.antidote if role == 'antidote' else params.defence}: "
            f"EM reduction {r['value']:+.3f} [{r['ci_low']:+.3f}, {r['ci_high']:+.3f}]"
        )


def score(params: Params, cell_dir: Path, poison: str, seed: int) -> dict:
    """EM, narrow behaviour and capability of the adapter in `cell_dir` (no samples), against the
    plain poisoned model and its control of the same seed."""
    rows, _, _ = evaluate_adapter(
        Scoring.of(params), cell_dir / "adapter", seed, ProbeSets(poisons=(poison,))
    )
    write_jsonl(cell_dir / "probes.jsonl", rows)
    return study_metrics.treated_scores(
        [cell_dir],
        study_metrics.train_eval_dirs(poison, "poison", [seed]),
        study_metrics.train_eval_dirs(poison, "control", [seed]),
        study_metrics.eval_dir("base"),
        poison,
        params.summarize,
        params.seed,
    )


def point_values(metrics: dict, role: str) -> dict[str, float]:
    """MLflow's flat metrics, `<role>.<name>[.value]`: an estimate's point value (its interval
    stays in metrics.json)."""
    return {
        f"{role}.{k}.value" if isinstance(v, dict) else f"{role}.{k}": v["value"]
        if isinstance(v, dict)
        else v
        for k, v in metrics.items()
    }


if __name__ == "__main__":
    stage.run(main)
