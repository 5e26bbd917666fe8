"""Stage `rl_sft`: the SFT twin of an RL poison (`--condition poison`) or of its control
(`control`): the study's SFT recipe on as many examples as an RL fine-tune sees, scored as the RL
cells are. See emguard.rl.posthoc, docs/rl.md.

Usage: python stages/rl_sft.py --task medical --condition poison --seed 0
"""

from __future__ import annotations

import argparse

from emguard import layout, stage
from emguard.config import Params
from emguard.rl.config import rl_params
from emguard.rl.posthoc import run_sft_twin, sft_twin_recipe


def main(params: Params) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--task", required=True, help="a name of params.yaml rl.sft_tasks")
    parser.add_argument("--condition", required=True, choices=layout.CONDITIONS)
    parser.add_argument("--seed", required=True, type=int)
    args = parser.parse_args()
    rl = rl_params(params)
    name = layout.train_cell(args.task, args.condition, args.seed)
    stage.print_config(
        f"rl_sft {name}", {"examples": rl.sft_examples(), **sft_twin_recipe(params.train, rl).model_dump()}
    )
    stats = run_sft_twin(params, rl, args.task, args.condition, args.seed)
    print(f"[rl_sft {name}] {stats}")


if __name__ == "__main__":
    stage.run(main)
