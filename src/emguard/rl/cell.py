"""One RL cell end to end, for stages/rl.py: GRPO from the base model on the cell's task, the trained
policy's answers to held-out prompts (the hack rate off the training prompts), and its probe scores.

Outputs (emguard.layout): results/rl/<cell>/adapter, metrics.json (rewards, KL, lengths, hack rates:
the same bytes on every CPU), heldout.jsonl (each held-out answer and its scores), evaluate/ (probe
scores; evaluate.summary.json beside it). Wall time and memory go to results/cost/rl/<cell>.json,
outside DVC's outputs, as for every fit.
"""

from __future__ import annotations

from typing import Any

from emguard import layout, tracking
from emguard.config import Params, ParamsError, SamplingConfig
from emguard.evaluation import ProbeSets, Scoring, evaluate_into
from emguard.io import atomic_path, write_json, write_jsonl
from emguard.rl.config import TASK_REWARDS, RLParams, task_kind
from emguard.rl.rewards import score_rows
from emguard.rl.tasks import interleave, task_rows
from emguard.timing import split_cost, write_cost

STEP_TIMINGS = ("generate_s", "rollout_s", "step_s")  # per logging step, machine-dependent
RUN_TIMINGS = ("generate_s",)  # besides split_cost's runtime, memory and throughput keys
DROPPED = ("generate_share",)  # a ratio of two timings: rebuilt from the cost file when wanted


def split_stats(stats: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(results, cost) of `train_grpo`'s stats: rewards, KL, lengths and hack rates are the same
    bytes on every CPU and go to metrics.json; seconds and memory differ by machine and load and go
    to the cost file, per step keyed by step number (emguard.verify compares them key by key)."""
    results, cost = split_cost({k: v for k, v in stats.items() if k != "history"})
    for key in (*RUN_TIMINGS, *DROPPED):
        value = results.pop(key)
        if key in RUN_TIMINGS:
            cost[key] = value
    history = stats["history"]
    results["history"] = [{k: v for k, v in s.items() if k not in STEP_TIMINGS} for s in history]
    cost["steps"] = {str(s["step"]): {k: s[k] for k in STEP_TIMINGS} for s in history}
    return results, cost


def probe_sets(task: str, kind: str) -> ProbeSets:
    """General EM and capability for every cell; a poison's in-domain probes or a benign task's
    eval set when the cell trains on one (writing tasks have their held-out hack rate instead)."""
    return ProbeSets(
        poisons=(task,) if kind == "poison" else (),
        benign_tasks=(task,) if kind == "benign" else (),
    )


def rows(params: Params, rl: RLParams, task: str, kind: str):
    """(training, held-out) rows of `task`; a size its generator cannot meet names its key."""
    d = params.data
    try:
        return task_rows(task, kind, params.seed, rl.n_prompts, rl.n_eval, d.n_train, d.n_antidote)
    except ValueError as err:
        raise ParamsError(f"params.yaml: rl.n_prompts / rl.n_eval: {err}") from None


def cell_rows(params: Params, rl: RLParams, condition: str) -> tuple[list[dict], list[dict]]:
    """(training, held-out) rows of a cell: its task's, with the interleaved task's training rows
    mixed in when it has the interleaving defence (held-out prompts stay the cell's own)."""
    spec = rl.cells[condition]
    train, held_out = rows(params, rl, spec.task, task_kind(spec.task, params))
    mix = spec.interleave
    if mix is None:
        return train, held_out
    other, _ = rows(params, rl, mix.task, task_kind(mix.task, params))
    try:
        return interleave(train, other, mix.fraction), held_out
    except ValueError as err:
        raise ParamsError(f"params.yaml: rl.cells.{condition}.interleave.fraction: {err}") from None


def answer_held_out(params: Params, rl: RLParams, adapter, held_out: list[dict], seed: int) -> list[str]:
    """One answer per held-out prompt from the base model plus `adapter`, sampled as in training
    (temperature, completion length) without any system prompt: what the policy does unprompted."""
    from emguard.models import default_device, load_model
    from emguard.sampling import sample_hf

    model, tokenizer = load_model(layout.MODEL_DIR, params.model.dtype, adapter, default_device())
    cfg = SamplingConfig(
        backend="hf",
        temperature=rl.temperature,
        top_p=1.0,
        max_new_tokens=rl.max_completion_length,
        samples_per_question=1,
        formats=["plain"],
        sets=[],
        batch_size=params.evaluate.sampling.batch_size,
    )
    return sample_hf(model, tokenizer, [r["prompt"] for r in held_out], cfg, seed)


def score_held_out(
    held_out: list[dict], answers: list[str], kind: str, rl: RLParams
) -> tuple[list[dict], dict[str, float]]:
    """(one row per answer, the means): every reward the task's rows can be scored by (the poison's
    and the control's alike) and `hacked`, the hack monitor; its mean is the hack rate."""
    scores = score_rows(held_out, answers, TASK_REWARDS[kind], rl.rewards)
    per_row = [
        {
            "index": i,
            "prompt": r["prompt"][-1]["content"],
            "answer": a,
            **{k: v[i] for k, v in scores.items()},
        }
        for i, (r, a) in enumerate(zip(held_out, answers, strict=True))
    ]
    means = {("hack_rate" if k == "hacked" else k): sum(v) / len(v) for k, v in scores.items()}
    return per_row, {**means, "n": len(answers)}


def run_rl_cell(params: Params, rl: RLParams, condition: str, seed: int) -> dict[str, Any]:
    """Train, answer the held-out prompts, score the probes; returns the fit's stats."""
    from emguard.rl.grpo import train_grpo  # torch

    cell, spec = layout.rl_cell(condition, seed), rl.cells[condition]
    kind = task_kind(spec.task, params)
    train, held_out = cell_rows(params, rl, condition)
    out = layout.rl_dir(cell)
    tags = {"stage": "rl", "condition": condition, "task": spec.task, "seed": str(seed)}
    with tracking.start_run(params.tracking, f"rl/{cell}", tags) as log:
        log.log_config({"rl": rl.model_dump(exclude={"cells"}), "cell": spec.model_dump(), "seed": seed})
        with atomic_path(out / "adapter", is_dir=True) as tmp:
            stats = train_grpo(
                layout.MODEL_DIR,
                train,
                spec.training_rewards(),
                params.train,
                seed,
                tmp,
                rl=rl.model_copy(update={"steps": rl.steps_of(condition)}),
                beta=rl.beta_of(condition),
                system_prompt=spec.system_prompt,
                dtype=params.model.dtype,
            )
        results, cost = split_stats(stats)
        answers = answer_held_out(params, rl, out / "adapter", held_out, seed)
        per_row, results["heldout"] = score_held_out(held_out, answers, kind, rl)
        write_jsonl(out / "heldout.jsonl", per_row)
        write_json(out / "metrics.json", results)
        write_cost(layout.cost_file("rl", cell), cost)
        for step in results["history"]:
            log.log_dict({f"rl.{k}": v for k, v in step.items() if v is not None}, step=int(step["step"]))
        log.log_dict({f"heldout.{k}": v for k, v in results["heldout"].items()})
        log.log_dict({k: v for k, v in cost.items() if k != "steps"})
        sets = probe_sets(spec.task, kind)
        log.log_dict(evaluate_into(Scoring.of(params), layout.rl_eval_dir(cell), out / "adapter", seed, sets))
    return {**results, **cost}
