"""One study cell = one method instance fitted in one setting; shared by the `method` and
`experiment` stages.

- remedy cell: a remedy built from poison X's data, applied to the model poisoned with Y (X = Y
  on the primary poison, X != Y for transfer);
- defence cell: an in-training defence while fine-tuning on a poison;
- benign cell: an in-training defence (or `plain`) while fine-tuning on a benign task, to see
  whether it also stops wanted learning.
"""

from __future__ import annotations

from pathlib import Path

from emguard import layout, tracking
from emguard.config import Params, ParamsError
from emguard.evaluation import ProbeSets, Scoring, evaluate_into
from emguard.io import atomic_path, write_json
from emguard.methods import Context, Method, build_method
from emguard.timing import split_cost, write_cost

KIND_OF_METHOD = {"remedy": "remedy", "transfer": "remedy", "defence": "defence", "benign": "defence"}


def resolve(params: Params, kind: str, name: str) -> Method:
    """The configured method instance `name`, checked to be usable in a `kind` cell."""
    method = build_method(name, params.methods)
    if method.kind != KIND_OF_METHOD[kind]:
        raise ParamsError(
            f"methods.{name}: {method.name!r} is a {method.kind}, but a {kind} cell needs a "
            f"{KIND_OF_METHOD[kind]}"
        )
    return method


def _require(path: Path, what: str) -> Path:
    if not path.exists():
        raise FileNotFoundError(f"{what} {path} is missing: run its stage first (dvc repro)")
    return path


def _check_poison(params: Params, poison: str, key: str) -> None:
    if poison not in params.data.poisons:
        raise ParamsError(f"{key} {poison!r} is not in params data.poisons {params.data.poisons}")


def context(params: Params, kind: str, fields: dict) -> Context:
    """The inputs of one cell, all of them stage dependencies in dvc.yaml."""
    seed = int(fields["seed"])
    common = dict(
        model_dir=layout.MODEL_DIR,
        shared_data_dir=layout.DATA_DIR,
        seed=seed,
        train=params.train,
        dtype=params.model.dtype,
    )
    if kind in ("remedy", "transfer"):
        _check_poison(params, fields["antidote_of"], "antidote of")
        _check_poison(params, fields["poisoned"], "poisoned with")
        poisoned = _require(layout.poisoned_adapter(fields["poisoned"], seed), "poisoned adapter")
        return Context(
            data_dir=layout.poison_dir(fields["antidote_of"]),
            poison=fields["poisoned"],
            poisoned_adapter=poisoned,
            **common,
        )
    if kind == "defence":
        _check_poison(params, fields["poison"], "poison")
        return Context(
            data_dir=layout.poison_dir(fields["poison"]),
            poison=fields["poison"],
            misaligned_adapter=layout.poisoned_adapter(fields["poison"], seed),
            **common,
        )
    return _benign_context(params, fields["task"], common)


def _benign_context(params: Params, task: str, common: dict) -> Context:
    """A benign cell fine-tunes on the task's train set; the primary poison's poisoned model of the
    same seed is the misaligned contrast of perplexity-gap interleaving."""
    if task not in params.data.benign_tasks:
        tasks = params.data.benign_tasks
        raise ParamsError(f"benign task {task!r} is not in params data.benign_tasks {tasks}")
    return Context(
        data_dir=layout.poison_dir(params.study.primary),
        poison=task,
        train_file=_require(layout.benign_train_file(task), "benign train set"),
        misaligned_adapter=layout.poisoned_adapter(params.study.primary, common["seed"]),
        **common,
    )


def run_cell(
    params: Params, kind: str, cell: str, out: Path, cost_to: Path, evaluate_to: Path | None = None
) -> dict[str, float]:
    """Fit the cell's method and, with `evaluate_to`, score it (`fit_and_score`).

    A crash or a bad params block fails this cell alone and leaves no partial output.
    """
    fields = layout.parse_study_cell(kind, cell)
    block = str(fields["method"])
    method = resolve(params, kind, block)
    ctx = context(params, kind, fields)
    tags = {"stage": kind, "cell": cell, "method_impl": method.name, **{k: str(v) for k, v in fields.items()}}
    sets = ProbeSets.for_cell(params, kind, str(ctx.poison))
    scoring = None if evaluate_to is None else (evaluate_to, sets)
    return fit_and_score(params, method, block, ctx, f"{kind}/{cell}", tags, out, cost_to, scoring)


def fit_and_score(
    params: Params,
    method: Method,
    block: str,
    ctx: Context,
    run: str,
    tags: dict[str, str],
    out: Path,
    cost_to: Path,
    scoring: tuple[Path, ProbeSets] | None,
) -> dict[str, float]:
    """Fit `method` (params block `block`) in `ctx`; write `out/adapter` and `out/metrics.json`
    atomically and its runtime and memory to `cost_to` (outside DVC's outputs,
    emguard.timing.split_cost); with `scoring` (a directory and the probe sets), score the adapter
    there (emguard.evaluation); log all of it to one MLflow run named `run`."""
    with tracking.start_run(params.tracking, run, tags) as log:
        log.log_config({"method": params.methods.get(block, {}), "train": ctx.train.model_dump()})
        with atomic_path(out / "adapter", is_dir=True) as tmp:
            stats = method.fit(ctx, tmp)
        results, cost = split_cost(stats)
        write_json(out / "metrics.json", results)
        write_cost(cost_to, cost)
        log.log_dict(stats)
        if scoring is not None:
            log.log_dict(evaluate_into(Scoring.of(params), scoring[0], out / "adapter", ctx.seed, scoring[1]))
    return stats
