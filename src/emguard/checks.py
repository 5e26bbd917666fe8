"""Checks that span params and the registries: names resolve, the study grid is consistent, and
nothing dvc.yaml puts on a shell command line can be read by the shell as more than one word.

Kept apart from the schema (emguard.config) so a module that only needs `Params` does not sit
above every registry; `load_params` runs these checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import ValidationError

from emguard.config import PARAMS_FILE, Params, ParamsError, format_validation_error
from emguard.grid import Grid
from emguard.registry import did_you_mean
from emguard.safe_load import clip, preview

# What dvc.yaml may put on a shell command line (see check_shell_safe).
LAUNCHER_PATTERN = re.compile(r"(python3?|accelerate launch|torchrun)( [A-Za-z0-9_.=/:,+-]+)*")
NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]*")


def check_names(params: Params, source: str) -> None:
    """Resolve every registry name now, so a typo fails before compute is spent."""
    from emguard.data.benign import BENIGN_TASKS
    from emguard.data.catalog import check_file_keys
    from emguard.data.domains import DOMAINS
    from emguard.registry import UnknownNameError

    try:
        for i, name in enumerate(params.data.poisons):
            DOMAINS.get(name, key=f"data.poisons[{i}]")
        for i, name in enumerate(params.data.benign_tasks):
            BENIGN_TASKS.get(name, key=f"data.benign_tasks[{i}]")
        check_file_keys(params.data.files, params.data.poisons, params.data.benign_tasks)
        if params.judge.backends:  # the openai client costs every stage ~0.5 s to import
            from emguard.judges import JUDGES
        for i, name in enumerate(params.judge.backends):
            backend = JUDGES.get(name, key=f"judge.backends[{i}]")
            try:
                backend.Params.model_validate(getattr(params.judge, name, {}))
            except ValidationError as err:
                msg = format_validation_error(err, source, f"judge.{name}.", backend.Params)
                raise ParamsError(msg) from None
    except UnknownNameError as err:
        raise ParamsError(f"{source}: {err}") from None
    check_study(params, source)
    check_shell_safe(params, source)


def check_study(params: Params, source: str) -> None:
    """The study's cells must exist in the grid they build on (method blocks are checked per cell,
    so one bad block fails only its own cells)."""
    _check_poisons(params, source)
    _check_seeds(params, source)
    _check_method_names(params, source)


def _check_poisons(params: Params, source: str) -> None:
    """The primary and the single-cell poison are data poisons; other_poisons are the rest."""
    poisons, s = params.data.poisons, params.study
    for key, poison in (("study.primary", s.primary), ("poison", params.poison)):
        if poison not in poisons:
            hint = did_you_mean(poison, poisons)
            raise ParamsError(f"{source}: {key}: {preview(poison)} is not in data.poisons {poisons};{hint}")
    others = [p for p in poisons if p != s.primary]
    if sorted(s.other_poisons) != sorted(others):
        raise ParamsError(
            f"{source}: study.other_poisons: {s.other_poisons} must be data.poisons without "
            f"study.primary, i.e. {others}"
        )


def _check_seeds(params: Params, source: str) -> None:
    """Every cell's seed has a poisoned fine-tune to start from."""
    s = params.study
    if s.seeds[0] not in params.train_seeds(params.poison):
        raise ParamsError(
            f"{source}: poison: {params.poison!r} has no fine-tune at the single-cell experiment's seed "
            f"(study.seeds[0] = {s.seeds[0]}; its seeds: {params.train_seeds(params.poison)})"
        )
    grid = Grid(params)
    trained = set(grid.train())
    lacking: dict[str, set[int]] = {}
    for cell in grid:
        needs = cell.poisoned_model(s.primary)
        if needs is not None and needs not in trained:
            lacking.setdefault(str(cell.seeds_key), set()).add(cell.seed)
    if lacking:
        key, seeds = next(iter(lacking.items()))
        raise ParamsError(
            f"{source}: {key}: seeds {sorted(seeds)} have no poisoned model to start from: the "
            f"primary poison is fine-tuned over study.seeds {s.seeds}, the others over train.seeds "
            f"{params.train.seeds}"
        )


def _check_method_names(params: Params, source: str) -> None:
    """Every method the study's cells (and the single-cell experiment) name has a block under `methods`."""
    named = [(str(c.methods_key), c.method) for c in Grid(params) if c.methods_key is not None]
    named += [("antidote", params.antidote), ("defence", params.defence)]
    for key, name in named:
        if name not in params.methods:
            hint = did_you_mean(name, params.methods)
            msg = f"{preview(name)} has no params block under `methods`;{hint}"
            raise ParamsError(f"{source}: {key}: {msg}")


def shell_names(params: Params) -> Iterator[tuple[str, str]]:
    """(dotted key, value) of every params name that dvc.yaml puts on a command line or in a path."""
    s = params.study
    for key, names in (
        ("data.poisons", params.data.poisons),
        ("data.benign_tasks", params.data.benign_tasks),
        ("study.other_poisons", s.other_poisons),
        ("study.remedies", s.remedies),
        ("study.defences", s.defences),
        ("study.transfer.antidotes", s.transfer.antidotes),
        ("study.benign.methods", s.benign.methods),
    ):
        yield from ((f"{key}[{i}]", name) for i, name in enumerate(names))
    yield from ((f"methods.{clip(name, 60)}", name) for name in params.methods)
    for key in ("grid", "remedies", "remedy_cells", "sft_tasks"):  # the RL arm's matrices
        names = params.rl.get(key)  # the block is untyped here (emguard.rl.config)
        yield from (
            (f"rl.{key}[{i}]", str(n)) for i, n in enumerate(names if isinstance(names, list) else ())
        )
    for key in ("study.primary", "reelicit.method", "poison", "antidote", "defence"):
        obj = params
        for part in key.split("."):
            obj = getattr(obj, part)
        yield key, obj


def check_shell_safe(params: Params, source: str = PARAMS_FILE) -> None:
    """Refuse a launcher or name that a shell would read as more than a word (`;`, `$`, `>`, quotes...).

    dvc.yaml interpolates these params into each stage's command line, which DVC runs through a
    shell before any stage code can validate them: call this before `dvc repro`.
    """
    if not LAUNCHER_PATTERN.fullmatch(params.launcher):
        raise ParamsError(
            f"{source}: launcher: {preview(params.launcher)} is not an allowed command prefix (it runs in "
            "a shell): python, python3, `accelerate launch` or `torchrun`, then options made only of "
            "letters, digits and _ . = / : , + -"
        )
    for key, name in shell_names(params):
        if not NAME_PATTERN.fullmatch(name):
            raise ParamsError(
                f"{source}: {key}: {preview(name)} is not a plain name (lower-case letters, digits and _, "
                "starting with a letter): dvc.yaml puts it on a shell command line"
            )
    seeds = params.rl.get("seeds")
    for i, seed in enumerate(seeds if isinstance(seeds, list) else ()):
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise ParamsError(f"{source}: rl.seeds[{i}]: {preview(seed)} is not an integer seed")
