"""After the RL arm, two questions the RL cells alone cannot answer (docs/rl.md):

- **Does a post-hoc remedy cure an RL-poisoned model?** `run_rl_remedy` applies a remedy block of
  `methods` (an antidote, safety fine-tuning) to an RL poison's adapter exactly as the study applies
  it to an SFT-poisoned one: the same method class, recipe and antidote data of the RL cell's task.
- **Is RL worse than SFT at as many examples seen?** `run_sft_twin` fine-tunes the base model with
  the study's SFT recipe on as many of the task's poison (or control) examples as an RL fine-tune
  sees (rl.steps x rl.prompts_per_step), once each, in batches of rl.prompts_per_step: as many
  optimiser steps as GRPO takes, on the same pool of prompts.

Both write `<dir>/adapter`, `metrics.json` and `evaluate/` (the RL cells' probe sets: general EM,
capability, the task's in-domain probes) and a cost file, through the study's `fit_and_score`.
"""

from __future__ import annotations

from pathlib import Path

from emguard import layout
from emguard.config import Params, ParamsError, TrainConfig
from emguard.data.formats import load_chat_jsonl
from emguard.methods import Context, Method
from emguard.rl.cell import probe_sets
from emguard.rl.config import RLParams
from emguard.study import fit_and_score, resolve


def _inputs(params: Params, task: str, seed: int, train: TrainConfig, **paths: Path) -> Context:
    return Context(
        model_dir=layout.MODEL_DIR,
        data_dir=layout.poison_dir(task),
        shared_data_dir=layout.DATA_DIR,
        poison=task,
        seed=seed,
        train=train,
        dtype=params.model.dtype,
        **paths,
    )


def run_rl_remedy(params: Params, rl: RLParams, method: str, cell: str, seed: int) -> dict[str, float]:
    """Remedy `method` on the adapter of RL cell `cell` (seed `seed`), scored as the RL cells are."""
    if cell not in rl.remedy_cells or method not in rl.remedies or seed not in rl.seeds:
        raise ParamsError(
            f"{method}-{cell}-{seed} is not a cell of params rl.remedies x rl.remedy_cells x rl.seeds "
            f"({rl.remedies} x {rl.remedy_cells} x {rl.seeds})"
        )
    remedy = resolve(params, "remedy", method)
    rl_cell = layout.rl_cell(cell, seed)
    adapter = layout.rl_dir(rl_cell) / "adapter"
    if not adapter.exists():
        raise FileNotFoundError(f"the RL-poisoned adapter {adapter} is missing: run rl@{rl_cell} first")
    task = rl.cells[cell].task
    name = layout.rl_remedy_cell(method, rl_cell)
    out = layout.RL_REMEDY_DIR / name
    tags = {
        "stage": "rl_remedy",
        "method": method,
        "rl_cell": cell,
        "seed": str(seed),
        "method_impl": remedy.name,
    }
    ctx = _inputs(params, task, seed, params.train, poisoned_adapter=adapter)
    scoring = (out / "evaluate", probe_sets(task, "poison"))
    cost = layout.cost_file("rl_remedy", name)
    return fit_and_score(params, remedy, method, ctx, f"rl_remedy/{name}", tags, out, cost, scoring)


def sft_twin_recipe(train: TrainConfig, rl: RLParams) -> TrainConfig:
    """The study's SFT recipe, one pass in batches of an RL step's prompts."""
    return train.model_copy(update={"epochs": 1, "batch_size": rl.prompts_per_step, "grad_accum": 1})


class SFTTwin(Method):
    """Plain SFT (the context's recipe) on the first `n` examples of `<data_dir>/<condition>.jsonl`."""

    name = "sft_twin"
    kind = "defence"  # fitted from the base model, as `plain` is

    def __init__(self, condition: str, n: int) -> None:
        super().__init__()
        self.condition, self.n = condition, n

    def fit(self, ctx: Context, out_dir: Path) -> dict[str, float]:
        from emguard.training import train_adapter  # torch

        path = ctx.data_dir / f"{self.condition}.jsonl"
        rows = load_chat_jsonl(path)
        if len(rows) < self.n:
            raise ParamsError(
                f"rl.steps x rl.prompts_per_step = {self.n} SFT examples, but {path} has {len(rows)} "
                "(params data.n_train)"
            )
        return train_adapter(ctx.model_dir, rows[: self.n], ctx.train, ctx.seed, out_dir, dtype=ctx.dtype)


def run_sft_twin(params: Params, rl: RLParams, task: str, condition: str, seed: int) -> dict[str, float]:
    """The SFT twin of `task`'s RL poison (condition `poison`) or control (`control`)."""
    if task not in rl.sft_tasks or condition not in layout.CONDITIONS or seed not in rl.seeds:
        raise ParamsError(
            f"{task}-{condition}-{seed} is not a cell of params rl.sft_tasks x {layout.CONDITIONS} x "
            f"rl.seeds ({rl.sft_tasks} x {rl.seeds})"
        )
    name = layout.train_cell(task, condition, seed)
    out = layout.RL_SFT_DIR / name
    twin = SFTTwin(condition, rl.sft_examples())
    ctx = _inputs(params, task, seed, sft_twin_recipe(params.train, rl))
    tags = {"stage": "rl_sft", "task": task, "condition": condition, "seed": str(seed)}
    scoring = (out / "evaluate", probe_sets(task, "poison"))
    cost = layout.cost_file("rl_sft", name)
    return fit_and_score(params, twin, twin.name, ctx, f"rl_sft/{name}", tags, out, cost, scoring)
