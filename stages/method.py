"""Stage `remedy` / `transfer` / `defence` / `benign`: fit one method instance in one study cell.

Usage: python stages/method.py remedy correct-medical-medical-0
       python stages/method.py transfer correct-medical-financial-0  # medical's antidote, financial model
       python stages/method.py defence kl-medical-0
       python stages/method.py benign plain-swapped_operator-0

Writes results/<kind>/<cell>/adapter and metrics.json (loss, tokens), results/cost/<kind>/<cell>.json
(runtime, tokens/s, peak memory), then
scores the adapter into results/evaluate/<kind>/<cell> (the probe sets its kind needs).
"""

from __future__ import annotations

import argparse

from emguard import layout, stage
from emguard.config import Params
from emguard.study import run_cell


def main(params: Params) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kind", choices=layout.STUDY_KINDS)
    parser.add_argument("cell", help="<method>-<...>-<seed>, see emguard.layout")
    args = parser.parse_args()
    stage.print_config(f"{args.kind} {args.cell}", params.methods.get(args.cell.split("-")[0], {}))
    out = layout.study_dir(args.kind, args.cell)
    cost = layout.cost_file(args.kind, args.cell)
    stats = run_cell(params, args.kind, args.cell, out, cost, layout.EVALUATE_DIR / args.kind / args.cell)
    print(f"[{args.kind} {args.cell}] {stats}")


if __name__ == "__main__":
    stage.run(main)
