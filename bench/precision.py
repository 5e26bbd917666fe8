"""Benchmark: does the compute precision move the EM effect? (the choice behind `evaluate.dtype`)

Scores the general probes of the base model and of each poisoned/control adapter pair in float32
and in bf16 (the same merged weights, cast), and reports per precision each model's mean delta,
the EM effect (poisoned minus control mean delta), the largest per-item difference and the
scoring time. With `--treated NAME ADAPTER` (a defence trained from the base model), also that
method's EM reduction (poisoned minus treated mean delta) in each precision; `--items N` scores
N evenly spaced general probes only, the same N for every model, so bf16's slow CPU path fits a budget.

Usage (after `dvc repro train@medical-poison-0 train@medical-control-0`):
    python bench/precision.py --pair results/train/medical-poison-0/adapter \
        results/train/medical-control-0/adapter --out bench/results/precision.json
    python bench/precision.py --pair results/train/medical-poison-0/adapter \
        results/train/medical-control-0/adapter --items 40 \
        --treated inoculation results/defence/inoculation-medical-0/adapter \
        --treated interleave_ppl results/defence/interleave_ppl-medical-0/adapter \
        --treated interleave_random results/defence/interleave_random-medical-0/adapter \
        --out bench/results/precision_methods.json
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import torch

import emguard  # noqa: F401  (first: pins the kernel paths)
from emguard import layout
from emguard.data.formats import load_probe_jsonl
from emguard.io import write_json
from emguard.models import load_model
from emguard.probes import probe_deltas

BATCH = 16
PRECISIONS = {"float32": torch.float32, "bfloat16": torch.bfloat16}


def deltas(adapter: Path | None, dtype: torch.dtype, items) -> tuple[np.ndarray, float]:
    """Per-item deltas of the base model plus `adapter` scored in `dtype`, and the seconds it took."""
    model, tok = load_model(layout.MODEL_DIR, "float32", adapter)
    model.to(dtype)
    start = time.perf_counter()
    rows = probe_deltas(model, tok, items, BATCH)
    return np.array([r["delta"] for r in rows]), time.perf_counter() - start


def score_models(models: dict[str, Path | None], items) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for name, adapter in models.items():
        per = {p: deltas(adapter, dtype, items) for p, dtype in PRECISIONS.items()}
        diff = per["bfloat16"][0] - per["float32"][0]
        out[name] = {
            **{f"mean_delta_{p}": float(d.mean()) for p, (d, _) in per.items()},
            **{f"scoring_s_{p}": s for p, (_, s) in per.items()},
            "max_abs_item_diff": float(np.abs(diff).max()),
            "mean_item_diff": float(diff.mean()),
        }
    return out


def reductions(scores: dict[str, dict], poisoned: str, treated: list[str]) -> dict[str, dict]:
    """Each method's EM reduction (poisoned minus treated mean delta) in each precision."""
    return {
        f"{poisoned} - {name}": {
            p: scores[poisoned][f"mean_delta_{p}"] - scores[name][f"mean_delta_{p}"] for p in PRECISIONS
        }
        for name in treated
    }


def em_effects(scores: dict[str, dict], pairs: list[tuple[str, str]]) -> dict[str, dict]:
    return {
        f"{poisoned} - {control}": {
            p: scores[poisoned][f"mean_delta_{p}"] - scores[control][f"mean_delta_{p}"] for p in PRECISIONS
        }
        for poisoned, control in pairs
    }


def machine() -> str:
    """The CPU model, from /proc/cpuinfo where there is one: precision costs depend on its ISA."""
    info = Path("/proc/cpuinfo")
    lines = info.read_text().splitlines() if info.exists() else []
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "unknown")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pair", nargs=2, action="append", type=Path, required=True, metavar=("POISONED", "CONTROL")
    )
    parser.add_argument("--label", action="append", help="a name per --pair (default: the adapter's cell)")
    parser.add_argument(
        "--treated",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "ADAPTER"),
        help="a method's adapter, its EM reduction taken against the first pair's poisoned model",
    )
    parser.add_argument("--items", type=int, default=None, help="score N evenly spaced general probes")
    parser.add_argument("--out", type=Path, default=Path("bench/results/precision.json"))
    args = parser.parse_args()
    torch.set_num_threads(1)
    items = load_probe_jsonl(layout.general_probes_file())
    if args.items:  # evenly spaced, so every category of probe keeps its share
        items = items[:: max(1, len(items) // args.items)][: args.items]
    models: dict[str, Path | None] = {"base": None}
    pairs = []
    for i, (poisoned, control) in enumerate(args.pair):
        label = args.label[i] if args.label else ""
        names = [f"{label}{p.parent.name}" for p in (poisoned, control)]
        models.update(zip(names, (poisoned, control), strict=True))
        pairs.append(tuple(names))
    models.update((name, Path(adapter)) for name, adapter in args.treated)
    scores = score_models(models, items)
    result = {
        "machine": machine(),
        "items": len(items),
        "threads": torch.get_num_threads(),
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "models": scores,
        "em_effect": em_effects(scores, pairs),
    }
    if args.treated:
        result["em_reduction"] = reductions(scores, pairs[0][0], [name for name, _ in args.treated])
    write_json(args.out, result)
    print(result["em_effect"])


if __name__ == "__main__":
    main()
