"""What each method costs: fit wall time and peak memory relative to plain fine-tuning on the same
data and seeds, the cost half of the alignment tax. `make costs` (run by `make reproduce`).

Every fit stage writes its wall time, peak memory and throughput to results/cost/<kind>/<cell>.json
(emguard.timing.split_cost): git-tracked, and outside every DVC output, because timings differ by
machine and load while DVC's hashes must not. `dvc.lock` is then the same bytes on every x86-64 CPU,
and this table is rebuilt from whatever machine last ran each fit (named in each file).
`make verify CELLS=...` compares re-measured costs within `verify.timing_factor`.
"""

from __future__ import annotations

import argparse
import math
import statistics
from collections import defaultdict
from pathlib import Path

from emguard import grid, layout
from emguard.io import read_json, write_json, write_text

PAPER_TABLE = Path("paper/costs.tex")


def read_costs(root: Path = layout.COST_DIR) -> dict[tuple[str, str], dict]:
    """{(kind, cell): cost} of every fit recorded under `root`."""
    return {(f.parent.name, f.stem): read_json(f) for f in sorted(root.glob("*/*.json"))}


def method_rows(costs: dict[tuple[str, str], dict]) -> list[dict]:
    """One row per (kind, method): mean runtime and the ratios of mean runtime and mean peak memory
    to those of the paired plain fine-tunes (emguard.grid: each cell's `reference`, the same data
    and seed). Cells whose reference was not measured, or was measured on another machine (a grid
    re-run in parts), are left out."""
    pairs: dict[tuple[str, str], list[tuple[dict, dict]]] = defaultdict(list)
    kinds = grid.method_kinds()
    for (kind, name), cost in costs.items():
        if kind not in kinds:
            continue  # a reference itself (train), or the single-cell experiment
        cell = grid.parse(kind, name)
        ref = cell.reference
        ref_cost = costs.get((ref.kind, ref.name))
        if ref_cost is not None and ref_cost.get("machine") == cost.get("machine"):
            pairs[kind, cell.method].append((cost, ref_cost))
    rows = []
    for (kind, method), got in sorted(pairs.items(), key=lambda kv: (kinds.index(kv[0][0]), kv[0][1])):

        def mean(which: int, key: str, got=got) -> float:
            return statistics.fmean(pair[which].get(key, math.nan) for pair in got)

        rows.append(
            {
                "kind": kind,
                "method": method,
                "cells": len(got),
                "runtime_s": mean(0, "runtime_s"),
                "prep_runtime_s": mean(0, "prep_runtime_s"),
                "runtime_ratio": mean(0, "runtime_s") / mean(1, "runtime_s"),
                "memory_ratio": mean(0, "peak_memory_mb") / mean(1, "peak_memory_mb"),
            }
        )
    return rows


def machines(costs: dict[tuple[str, str], dict]) -> list[str]:
    return sorted({str(c.get("machine", "unrecorded")) for c in costs.values()})


def _seconds(value: float) -> str:
    return "not timed" if math.isnan(value) else f"{value:.0f}"


def markdown(rows: list[dict], machines: list[str]) -> str:
    lines = [
        "# Cost of each method vs plain fine-tuning",
        "",
        "Mean fit wall time (preparation included) and peak memory over the paired plain fine-tunes",
        "(same data, same seed); built by `make costs` from results/cost/, measured on: "
        + "; ".join(machines)
        + ".",
        "",
        "| kind | method | cells | runtime s | of which preparation s | runtime x | memory x |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['kind']} | {r['method']} | {r['cells']} | {r['runtime_s']:.0f} "
        f"| {_seconds(r['prep_runtime_s'])} | {r['runtime_ratio']:.2f} | {r['memory_ratio']:.2f} |"
        for r in rows
    ]
    return "\n".join(lines) + "\n"


def latex(rows: list[dict]) -> str:
    lines = [r"\begin{tabular}{llrrr}", r"\toprule", r"kind & method & cells & time & mem. \\", r"\midrule"]
    lines += [
        f"{r['kind']} & {r['method'].replace('_', chr(92) + '_')} & {r['cells']} "
        f"& {r['runtime_ratio']:.2f} & {r['memory_ratio']:.2f} \\\\"
        for r in rows
    ]
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=layout.COST_DIR)
    args = parser.parse_args(argv)
    costs = read_costs(args.root)
    rows = method_rows(costs)
    write_json(args.root / "summary.json", {"machines": machines(costs), "methods": rows})
    md = markdown(rows, machines(costs))
    write_text(args.root / "table.md", md)
    write_text(PAPER_TABLE, latex(rows))
    print(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
