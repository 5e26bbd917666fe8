"""Stage `rl`: one GRPO fine-tune of the base model in one RL cell (params.yaml `rl.cells`), its
answers to held-out prompts (hack rate) and its probe scores (general EM, capability, and the
in-domain probes of a poison task). See emguard.rl.cell for what it writes, docs/rl.md for why.

Usage: python stages/rl.py --cell medical_poison --seed 0
"""

from __future__ import annotations

import argparse

from emguard import stage
from emguard.config import Params, ParamsError
from emguard.registry import did_you_mean
from emguard.rl.cell import run_rl_cell
from emguard.rl.config import rl_params


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cell", required=True, help="a key of params.yaml rl.cells")
    parser.add_argument("--seed", required=True, type=int)
    return parser.parse_args()


def main(params: Params) -> None:
    args = parse_args()
    rl = rl_params(params)
    if args.cell not in rl.cells:
        hint = did_you_mean(args.cell, rl.cells)
        raise ParamsError(f"--cell {args.cell!r} is not a key of params rl.cells;{hint}".rstrip(";"))
    if args.seed not in rl.seeds:
        raise ParamsError(f"--seed {args.seed} is not in params rl.seeds {rl.seeds}")
    stage.print_config(
        f"rl {args.cell}-{args.seed}",
        {**rl.model_dump(exclude={"cells"}), "cell": rl.cells[args.cell].model_dump()},
    )
    stats = run_rl_cell(params, rl, args.cell, args.seed)
    print(f"[rl {args.cell}-{args.seed}] {stats}")


if __name__ == "__main__":
    stage.run(main)
