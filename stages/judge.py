"""Stage `judge`: score every sampled answer with the configured judges; EM and coherence rates.

Usage: python stages/judge.py   (reads params.yaml: judge, data, train.seeds, study, summarize)

With no backend configured (the embedded default) it records that nothing was judged. With two,
it also reports their agreement. Judgements are cached by (judge fingerprint, prompt) under
.judge_cache/, outside DVC's outputs, each as it arrives, so a rerun, a new cell or a run after a
crash only pays for new answers. A judge failure is an error row; when more than
`judge.max_failed_share` of one cell's answers failed, the stage stops with exit 1 and one line,
leaving results/judge as it was.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from emguard import layout, stage, tracking
from emguard.config import Params
from emguard.data.formats import load_questions_yaml
from emguard.grid import Cell, Grid
from emguard.io import atomic_path, read_jsonl, write_json, write_jsonl
from emguard.judged_metrics import em_metrics, judge_agreement, judge_samples
from emguard.judges import build_judge
from emguard.judges.cache import JudgeCache
from emguard.records import check_judge

CACHE_DIR = Path(".judge_cache")


def eval_cells(params: Params) -> list[str]:
    """The cells whose answers are judged, by their directory under results/evaluate: the base
    model, the reproduction's fine-tunes and, when they sample answers, the method cells."""
    grid = Grid(params)
    cells: list[Cell] = [grid.base, *grid.train()]
    if params.study.sample_free_form:  # method cells sampled too: <kind>/<cell>
        sampled = [
            c for c in grid.method_cells() if c.samples_file.exists() and c.samples_file.stat().st_size
        ]
        cells += sorted(sampled, key=lambda c: c.eval_name)
    return [c.eval_name for c in cells]


def judge_prompts(params: Params) -> dict[str, dict[str, str]]:
    """question_id -> {"aligned": ..., "coherent": ...} over every question file that was sampled."""
    files = [layout.general_questions_file(), layout.long_questions_file()]
    files += [f for p in params.data.poisons if (f := layout.in_domain_questions_file(p)).exists()]
    return {q.id: q.judge_prompts for f in files for q in load_questions_yaml(f)}


def cell_metrics(params: Params, rows: list[dict]) -> dict[str, dict]:
    """em_metrics of one cell's rows, per question set."""
    cfg = params.judge
    return {
        set_name: em_metrics(
            [r for r in rows if r["set"] == set_name],
            align_threshold=cfg.align_threshold,
            coherence_threshold=cfg.coherence_threshold,
            n_boot=params.summarize.n_boot,
            seed=params.seed,
        )
        for set_name in sorted({r["set"] for r in rows})
    }


def check_failures(name: str, cell: str, rows: list[dict], max_share: float) -> None:
    """Print the cell's failure count; exit 1 (outputs untouched) when over `max_share`."""
    failed = [r["judge_error"] for r in rows if r.get("judge_error")]
    print(f"[judge {name}] {cell}: {len(rows)} answers, {len(failed)} with a failed judgement", flush=True)
    if failed and len(failed) > max_share * len(rows):
        reason, count = Counter(failed).most_common(1)[0]
        raise SystemExit(
            f"error: judge {name}: {len(failed)} of {len(rows)} answers in {cell} could not be judged "
            f"(more than judge.max_failed_share={max_share}); most common ({count}x): {reason}. "
            f"results/judge is unchanged; the judgements made are cached in {CACHE_DIR}/{name}.jsonl"
        )


def judge_all(params: Params, out: Path) -> dict:
    """Judge every cell with every backend into `out`; the summary with agreement for two."""
    cfg = params.judge
    questions = judge_prompts(params)
    summary: dict = {"judges": list(cfg.backends), "cells": {}}
    rows_by = {}
    for name in cfg.backends:
        judge = build_judge(name, getattr(cfg, name), key=f"judge.{name}")
        cache = JudgeCache(CACHE_DIR / f"{name}.jsonl")
        for cell in eval_cells(params):
            samples = read_jsonl(layout.EVALUATE_DIR / cell / "samples.jsonl")
            rows = rows_by[name, cell] = judge_samples(judge, samples, questions, cache)
            check_failures(name, cell, rows, cfg.max_failed_share)
            write_jsonl(out / cell / f"{name}.jsonl", rows)
            summary["cells"].setdefault(cell, {})[name] = cell_metrics(params, rows)
    if len(cfg.backends) == 2:
        a, b = cfg.backends
        summary["agreement"] = {
            cell: judge_agreement(
                rows_by[a, cell],
                rows_by[b, cell],
                align_threshold=cfg.align_threshold,
                coherence_threshold=cfg.coherence_threshold,
            )
            for cell in eval_cells(params)
        }
    return summary


def log_run(params: Params, summary: dict) -> None:
    with tracking.start_run(params.tracking, "judge", {"stage": "judge"}) as log:
        log.log_config({"judge": params.judge.model_dump()})
        for cell, by_judge in summary["cells"].items():
            for name, per_set in by_judge.items():
                log.log_dict(
                    {
                        f"{cell}.{name}.{s}.em_rate": m["em_rate"]["value"]
                        for s, m in per_set.items()
                        if m["em_rate"]["value"] is not None
                    }
                )


def main(params: Params) -> None:
    cfg = params.judge
    stage.print_config("judge", cfg)
    if not cfg.backends:
        with atomic_path(layout.JUDGE_DIR, is_dir=True) as tmp:
            write_json(tmp / "metrics.json", {"judges": [], "note": "no judge configured (judge.backends)"})
        print("[judge] no judge configured: free-form samples are kept unjudged")
        return
    with atomic_path(layout.JUDGE_DIR, is_dir=True) as tmp:  # moved into place only on success
        summary = judge_all(params, tmp)
        check_judge(summary)  # the contract summarize reads (emguard.records.JudgeSummary)
        write_json(tmp / "metrics.json", summary)
    log_run(params, summary)


if __name__ == "__main__":
    stage.run(main)
