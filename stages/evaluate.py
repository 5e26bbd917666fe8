"""Stage `evaluate`: judge-free probes and free-form samples for the base model or one adapter.

Usage: python stages/evaluate.py --cell base
       python stages/evaluate.py --cell medical-poison-0
       python stages/evaluate.py --cell remedy/correct-medical-medical-0   (a study cell: <kind>/<cell>)

Probes: general, general_long (the same items after a long context), capability, in-domain (every
poison's for the base model, the adapter's own poison's otherwise), every benign task's eval set.
Samples (temperature from params) for the question sets in `evaluate.sampling.sets`, saved for
the `judge` stage (in study cells only with `study.sample_free_form`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from emguard import layout, stage, tracking
from emguard.config import Params
from emguard.evaluation import evaluate_adapter
from emguard.io import atomic_path, write_json, write_jsonl


def resolve_cell(params: Params, cell: str) -> tuple[Path | None, int, list[str], bool]:
    """(adapter, seed, poisons whose in-domain probes to score, full eval?).

    The full eval adds free-form samples and the long-prompt probes; method cells get it only
    with `study.sample_free_form` (the embedded default has no judge to read the samples).
    """
    if cell == "base":
        return None, params.seed, params.data.poisons, True
    if "/" in cell:  # a study cell: an adapter is scored on the poison it was trained with or cured of
        kind, name = cell.split("/", 1)
        if kind not in layout.STUDY_KINDS:
            raise ValueError(f"--cell {cell!r}: expected one of {layout.STUDY_KINDS} before '/'")
        fields = layout.parse_study_cell(kind, name)
        poison = fields.get("poisoned", fields.get("poison"))
        adapter = layout.study_dir(kind, name) / "adapter"
        return adapter, int(fields["seed"]), [str(poison)] if poison else [], params.study.sample_free_form
    poison, _, seed = layout.parse_train_cell(cell)
    return layout.TRAIN_DIR / cell / "adapter", seed, [poison], True


def main(params: Params) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cell", required=True, help="'base', a train cell, or <kind>/<study cell>")
    cell = parser.parse_args().cell
    adapter, seed, poisons, free_form = resolve_cell(params, cell)
    stage.print_config(f"evaluate {cell}", params.evaluate)
    probe_rows, metrics, samples = evaluate_adapter(params, adapter, seed, poisons, free_form)
    out = layout.EVALUATE_DIR / cell
    with atomic_path(out, is_dir=True) as tmp:
        write_jsonl(tmp / "probes.jsonl", probe_rows)
        write_jsonl(tmp / "samples.jsonl", samples)
        write_json(tmp / "metrics.json", metrics)
    with tracking.start_run(params.tracking, f"evaluate/{cell}", {"stage": "evaluate", "cell": cell}) as log:
        log.log_config({"evaluate": params.evaluate.model_dump(), "cell": cell})
        log.log_dict({f"{s}.{k}".replace("/", "."): v for s, m in metrics.items() for k, v in m.items()})
    print(f"[evaluate {cell}] " + ", ".join(f"{s}: {m['mean_delta']:+.3f}" for s, m in metrics.items()))


if __name__ == "__main__":
    stage.run(main)
