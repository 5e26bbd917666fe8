"""Stage `rl_remedy`: a post-hoc remedy (params.yaml `rl.remedies`) applied to an RL-poisoned model
(`rl.remedy_cells`), scored as the RL cells are. See emguard.rl.posthoc, docs/rl.md.

Usage: python stages/rl_remedy.py --method correct --cell medical_poison --seed 0
"""

from __future__ import annotations

import argparse

from emguard import stage
from emguard.config import Params
from emguard.rl.config import rl_params
from emguard.rl.posthoc import run_rl_remedy


def main(params: Params) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--method", required=True, help="a name of params.yaml rl.remedies")
    parser.add_argument("--cell", required=True, help="a name of params.yaml rl.remedy_cells")
    parser.add_argument("--seed", required=True, type=int)
    args = parser.parse_args()
    stage.print_config(
        f"rl_remedy {args.method}-{args.cell}-{args.seed}", params.methods.get(args.method, {})
    )
    stats = run_rl_remedy(params, rl_params(params), args.method, args.cell, args.seed)
    print(f"[rl_remedy {args.method}-{args.cell}-{args.seed}] {stats}")


if __name__ == "__main__":
    stage.run(main)
