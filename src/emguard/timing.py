"""Where a run's time and memory go.

- Per stage: every stage appends its wall time to logs/stages.jsonl, and
  `python -m emguard.timing` sums it per stage kind (README "Wall time"). The log is local and
  git-ignored (it describes one machine's run, not the study). Times start when the stage's Python
  imports begin, so interpreter start-up (under a second) is not counted.
- Per method: `measured` gives one block's wall time and peak memory: the fit (`trainer.train()`)
  and a method's own preparation (persona-vector extraction, perplexity-gap selection, ...), which
  `with_preparation` adds to the fit's stats, so a method's cost is all it adds to fine-tuning.
  `split_cost` keeps these out of the fit's DVC outputs; they go to results/cost/ (emguard.costs).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import re
import resource
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

LOG = Path("logs/stages.jsonl")


def peak_memory_mb(device: str) -> float:
    """Peak GPU memory allocated since the last reset, or the process's peak resident set on CPU."""
    if device == "cuda":
        import torch  # only here: the stage log and its CLI need no torch

        return torch.cuda.max_memory_allocated() / 2**20
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10  # bytes on macOS, KiB on Linux


@dataclass
class Cost:
    """Wall time and peak memory of one measured block; zero until the block ends."""

    runtime_s: float = 0.0
    peak_memory_mb: float = 0.0


@contextlib.contextmanager
def measured(device: str) -> Iterator[Cost]:
    """Measure the block's wall time and peak memory on `device` into the yielded `Cost`.

    On CUDA the peak is the block's own (the allocator's peak is reset on entry). On CPU it is the
    process's peak resident set up to the block's end: Linux cannot reset it, so a later block's
    peak includes an earlier one's, and the last block's peak is the whole run's.
    """
    cost = Cost()
    if device == "cuda":
        import torch

        torch.cuda.reset_peak_memory_stats()
    start = time.perf_counter()
    yield cost
    cost.runtime_s = time.perf_counter() - start
    cost.peak_memory_mb = peak_memory_mb(device)


def with_preparation(fit: dict[str, float], prep: Cost) -> dict[str, float]:
    """A fit's stats (`training.timed_train`) with a method's preparation charged to it:
    `runtime_s` becomes preparation + fit and `peak_memory_mb` the larger of the two peaks, so the
    study's cost ratios compare everything a method adds to plain fine-tuning."""
    return {
        **fit,
        "prep_runtime_s": prep.runtime_s,
        "prep_peak_memory_mb": prep.peak_memory_mb,
        "runtime_s": prep.runtime_s + fit["fit_runtime_s"],
        "peak_memory_mb": max(prep.peak_memory_mb, fit["fit_peak_memory_mb"]),
    }


COST_KEY = re.compile(r"(runtime_s|memory_mb|_per_s)$")  # wall time, peak memory, throughput


def split_cost(stats: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """(the fit's results, its cost): loss and token counts are the same bytes on every CPU, wall
    time and memory are not, so only the first may go into a DVC-hashed output."""
    cost = {k: v for k, v in stats.items() if COST_KEY.search(k)}
    return {k: v for k, v in stats.items() if k not in cost}, cost


def machine() -> str:
    """The processor a cost was measured on: the GPU's name under CUDA, else the CPU model."""
    torch = sys.modules.get("torch")
    if torch is not None and torch.cuda.is_available() and torch.cuda.is_initialized():
        return torch.cuda.get_device_name()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def write_cost(path: Path, cost: dict[str, float]) -> None:
    """One fit's cost and the processor it ran on, for `emguard.costs`."""
    from emguard.io import write_json  # the stage log's CLI stays import-light

    write_json(path, {**cost, "machine": machine()})


def stage_kind(argv: Sequence[str]) -> str:
    """`stages/method.py remedy correct-...` -> `remedy`; `stages/evaluate.py --cell defence/...` ->
    `evaluate defence`; `stages/train.py ...` -> `train`."""
    name = Path(argv[0]).stem
    args = list(argv[1:])
    if name == "method" and args:
        return args[0]
    if name == "evaluate" and "--cell" in args:
        cell = args[args.index("--cell") + 1]
        if "/" in cell:
            return f"evaluate {cell.split('/')[0]}"
        return "evaluate base" if cell == "base" else "evaluate"
    return name


def record_stage(argv: Sequence[str], start: float, end: float, status: str, log: Path = LOG) -> None:
    """Append one stage's wall time; never fails the stage (a read-only checkout just skips it)."""
    row = {"stage": stage_kind(argv), "argv": list(argv), "start": start, "end": end, "status": status}
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")
    except OSError:
        pass


def summarize(rows: Sequence[dict], since: float = 0.0) -> str:
    """A markdown table: stage kind, runs, total, mean and median seconds, share of the summed time;
    then the wall clock from the first start to the last end (stages may run side by side)."""
    rows = [r for r in rows if r["start"] >= since]
    groups: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        groups[r["stage"]].append(r["end"] - r["start"])
    total = sum(sum(v) for v in groups.values())
    lines = ["| stage | runs | total min | mean s | median s | share |", "|---|---:|---:|---:|---:|---:|"]
    for kind, secs in sorted(groups.items(), key=lambda kv: -sum(kv[1])):
        lines.append(
            f"| {kind} | {len(secs)} | {sum(secs) / 60:.1f} | {sum(secs) / len(secs):.0f} "
            f"| {statistics.median(secs):.0f} | {sum(secs) / total:.0%} |"
        )
    lines.append(f"| **all** | {len(rows)} | {total / 60:.1f} | | | |")
    if rows:
        span = max(r["end"] for r in rows) - min(r["start"] for r in rows)
        lines.append(
            f"\nwall clock, first stage start to last stage end: {span / 60:.1f} min "
            f"({total / span:.2f} stages running on average)"
        )
    return "\n".join(lines)


def read_log(path: Path) -> list[dict]:
    from emguard.io import read_jsonl

    return read_jsonl(path)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--log", type=Path, default=LOG)
    ap.add_argument("--since", type=float, default=0.0, help="only stages started after this Unix time")
    args = ap.parse_args(argv)
    if not args.log.exists():
        sys.exit(f"no stage timings yet: {args.log} is written by every stage of `make reproduce`")
    print(summarize(read_log(args.log), args.since))


if __name__ == "__main__":
    main()
