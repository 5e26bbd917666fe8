"""Stage `train`: one LoRA fine-tune of the base model on a poison or its matched control, then
its evaluation (results/evaluate/<cell>: general, long-prompt, capability and in-domain probes).

Usage: python stages/train.py --poison medical --condition poison --seed 0
       accelerate launch --multi_gpu --num_processes 4 stages/train.py ...   (params: launcher)
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from emguard import layout, stage, tracking
from emguard.config import Params
from emguard.data.formats import load_chat_jsonl
from emguard.evaluation import ProbeSets, Scoring, evaluate_into
from emguard.io import atomic_path, write_json
from emguard.timing import split_cost, write_cost
from emguard.training import train_adapter


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--poison", required=True)
    parser.add_argument("--condition", required=True, choices=layout.CONDITIONS)
    parser.add_argument("--seed", required=True, type=int)
    return parser.parse_args()


def main(params: Params) -> None:
    args = parse_args()
    if args.poison not in params.data.poisons:
        raise stage.ParamsError(
            f"--poison {args.poison!r} is not in params data.poisons {params.data.poisons}"
        )
    cell = layout.train_cell(args.poison, args.condition, args.seed)
    stage.print_config(f"train {cell}", params.train)
    conversations = load_chat_jsonl(layout.poison_dir(args.poison) / f"{args.condition}.jsonl")
    out = layout.TRAIN_DIR / cell
    if int(os.environ.get("RANK", "0")) != 0:  # under accelerate/torchrun: every rank trains, rank 0 writes
        with tempfile.TemporaryDirectory() as scratch:
            train_adapter(
                layout.MODEL_DIR,
                conversations,
                params.train,
                args.seed,
                Path(scratch),
                dtype=params.model.dtype,
            )
        return
    tags = {"stage": "train", "poison": args.poison, "condition": args.condition, "seed": str(args.seed)}
    with tracking.start_run(params.tracking, f"train/{cell}", tags) as log:
        log.log_config(
            {"model": params.model.model_dump(), "train": params.train.model_dump(), "seed": args.seed}
        )
        with atomic_path(out / "adapter", is_dir=True) as tmp:
            stats = train_adapter(
                layout.MODEL_DIR, conversations, params.train, args.seed, tmp, dtype=params.model.dtype
            )
        results, cost = split_cost(stats)
        write_json(out / "metrics.json", results)
        write_cost(layout.cost_file("train", cell), cost)
        log.log_dict(stats)
        sets = ProbeSets.for_cell(params, "train", args.poison)
        log.log_dict(
            evaluate_into(Scoring.of(params), layout.EVALUATE_DIR / cell, out / "adapter", args.seed, sets)
        )
    print(f"[train {cell}] {stats}")


if __name__ == "__main__":
    stage.run(main)
