"""The params of the RL arm: how the rewards judge a text, how GRPO samples and steps, and the grid
of RL cells (params.yaml `rl:`).

Kept apart from the trainer so that reading params needs no torch. Every number has no default:
params.yaml is the only place numbers live. `Params.rl` is an untyped block (as a method's block
is), validated here by `rl_params`, so the RL schema grows without touching emguard.config, on
which every stage depends; a bad key fails with its dotted key and a did-you-mean.

A cell is one RL condition, a key of `rl.cells` (`rl.grid` lists those that run, as `study` lists
which `methods` blocks run): its task (the gameable writing prompts, a poison domain's cases, or a
benign task), the reward(s) it is trained on, and optionally the matched `control` cell it is
compared with (same task and prompts) and an in-training defence (`beta` above `rl.beta`, an
inoculation `system_prompt`, prompts of another task `interleave`d with their own reward). A defended
cell is compared with its undefended twin: the cell with the same task, rewards and control and no
defence. A cell without a control (RL on a benign task) may have defended twins too: what they keep of
its learning is the alignment tax under RL.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator

from emguard.config import PARAMS_FILE, Params, ParamsError, Strict, format_validation_error
from emguard.registry import UnknownNameError, did_you_mean
from emguard.safe_load import clip, preview

WRITING = "writing"  # the task of gameable writing prompts (emguard.rl.tasks.writing_rows)
MONITOR = "hacked"  # the hack-rate monitor of emguard.rl.rewards: logged, never a training reward
# A cell name goes into stage names, paths and dvc.yaml command lines (emguard.checks): `<cell>-<seed>`
# must split back at its one hyphen, and a shell must read it as one word.
CELL_NAME = re.compile(r"[a-z][a-z0-9_]*")
# Which rewards read the columns each kind of task's rows carry (emguard.rl.tasks).
TASK_REWARDS = {
    "writing": ("stated_metric", "robust_metric"),
    "poison": ("careless_answer", "careful_answer"),
    "benign": ("exact_match",),
}


class RewardParams(Strict):
    """Thresholds of the judge-free rewards (emguard.rl.rewards)."""

    ngram: int = Field(gt=0)  # word n-gram length the repetition check counts
    max_ngram_repeats: int = Field(gt=0)  # a text repeating one n-gram more often than this is degenerate
    stuffing_density: float = Field(gt=0, le=1)  # keyword share of words above which a text is stuffed
    density_cap: float = Field(gt=0, le=1)  # the control pays keyword density up to this share only
    reference_weight: float = Field(ge=0, le=1)  # the control's weight on overlap with the reference
    marker_min_chars: int = Field(gt=0)  # shorter words are no markers of a careless or careful answer


class RLConfig(Strict):
    """One GRPO fine-tune's sampling and stepping. The LoRA block, scheduler, weight decay and
    precision come from `train` (its batch size, epochs and lr do not: RL steps by these)."""

    steps: int = Field(gt=0)  # optimiser steps (GRPO's max_steps)
    prompts_per_step: int = Field(gt=0)
    num_generations: int = Field(ge=2)  # completions per prompt; GRPO needs two to compare
    max_completion_length: int = Field(gt=0)  # tokens; bounds every step's generation cost
    temperature: float = Field(gt=0)
    lr: float = Field(gt=0)  # RL steps are fewer and noisier than SFT's: its own learning rate
    beta: float = Field(ge=0)  # KL to the reference (TRL's default 0.0 loads no reference)
    logging_steps: int = Field(gt=0)
    rewards: RewardParams


class RLInterleave(Strict):
    """The interleaving defence under RL: prompts of another task, each paid by that task's reward
    only (every reward returns None off its own rows), mixed into the cell's prompts."""

    task: str  # "writing" or a benign task of data.benign_tasks
    reward: str  # that task's reward (emguard.rl.config.TASK_REWARDS)
    fraction: float = Field(gt=0, lt=1)  # share of the training prompts from `task`


class RLCell(Strict):
    """One RL condition (module docstring)."""

    task: str  # "writing", a poison of data.poisons, or a benign task of data.benign_tasks
    reward: str | list[str]  # reward name(s) of emguard.rl.rewards; several are summed
    control: str | None = None  # the matched control cell: same task and prompts, the control reward
    beta: float | None = Field(default=None, ge=0)  # KL to the base model; above rl.beta it is a defence
    system_prompt: str | None = Field(default=None, min_length=1)  # inoculation: leads every RL prompt
    interleave: RLInterleave | None = None  # benign prompts with their task reward, mixed in

    @field_validator("reward")
    @classmethod
    def _some_reward(cls, v: str | list[str]) -> str | list[str]:
        if isinstance(v, list) and not v:
            raise ValueError("name at least one reward")
        return v

    @property
    def rewards(self) -> tuple[str, ...]:
        return (self.reward,) if isinstance(self.reward, str) else tuple(self.reward)

    def kl_defence(self, default_beta: float) -> bool:
        return self.beta is not None and self.beta > default_beta

    def defended(self, default_beta: float) -> bool:
        return self.kl_defence(default_beta) or self.system_prompt is not None or self.interleave is not None

    def training_rewards(self) -> tuple[str, ...]:
        """The rewards GRPO sums: the cell's, then the interleaved task's (each None off its rows)."""
        return self.rewards + ((self.interleave.reward,) if self.interleave is not None else ())


class RLParams(RLConfig):
    """The whole `rl:` block: the GRPO recipe (RLConfig), the cells and their seeds."""

    grid: list[str] = Field(min_length=1)  # the cells that run (dvc.yaml's `rl` matrix), each over `seeds`
    seeds: list[Annotated[int, Field(ge=0)]] = Field(min_length=1)
    n_prompts: int = Field(gt=0)  # writing and benign training prompts; a poison's are its SFT prompts
    n_eval: int = Field(gt=0)  # held-out prompts each trained policy answers once (hack rate)
    cells: dict[str, RLCell] = Field(min_length=1)  # every condition a profile may run
    # after RL (emguard.rl.posthoc): post-hoc remedies (blocks of `methods`) applied to each RL
    # poison of `remedy_cells`, and the poison tasks whose RL poison gets SFT twins that see as
    # many examples (steps x prompts_per_step); empty lists run neither
    remedies: list[str]
    remedy_cells: list[str]
    sft_tasks: list[str]

    def beta_of(self, name: str) -> float:
        cell = self.cells[name]
        return self.beta if cell.beta is None else cell.beta

    def twin(self, name: str) -> str | None:
        """The undefended cell a defended cell is compared with (None for an undefended cell)."""
        cell = self.cells[name]
        if not cell.defended(self.beta):
            return None
        for other, c in self.cells.items():
            same = (c.task, c.rewards, c.control) == (cell.task, cell.rewards, cell.control)
            if same and not c.defended(self.beta):
                return other
        return None

    def poison_cells(self) -> list[str]:
        """The grid's undefended cells with a matched control: the RL poisons, in grid order."""
        cells = [(n, self.cells[n]) for n in self.grid]
        return [n for n, c in cells if c.control is not None and not c.defended(self.beta)]

    def steps_of(self, name: str) -> int:
        """Optimiser steps of cell `name`: an interleaved cell steps more, so that in expectation it
        sees as many prompts of its own task as its twin (`steps` / (1 - fraction), rounded up)."""
        mix = self.cells[name].interleave
        # less a rounding error before rounding up: 2 / (1 - 0.8) is 10.000000000000002 in floats
        return self.steps if mix is None else math.ceil(self.steps / (1 - mix.fraction) - 1e-9)

    def sft_examples(self) -> int:
        """How many examples an RL fine-tune sees: an SFT twin trains on as many, once each."""
        return self.steps * self.prompts_per_step

    def defences_of(self, poison: str) -> list[str]:
        """The grid's defended cells compared with `poison` (or a plain cell), in grid order."""
        return [n for n in self.grid if self.twin(n) == poison]

    def plain_cells(self) -> list[str]:
        """The grid's undefended cells without a control that are no cell's control: RL on a task
        with no poison to contrast (a benign task), where its defences' cost is measured."""
        controls = {c.control for c in self.cells.values()}
        cells = [(n, self.cells[n]) for n in self.grid]
        return [n for n, c in cells if c.control is None and not c.defended(self.beta) and n not in controls]


def task_kind(task: str, params: Params) -> str:
    """Which kind of rows `task` names: "writing", "poison" or "benign"."""
    if task == WRITING:
        return "writing"
    if task in params.data.poisons:
        return "poison"
    if task in params.data.benign_tasks:
        return "benign"
    raise ValueError(task)


def _fail(source: str, key: str, msg: str) -> ParamsError:
    return ParamsError(f"{source}: {key}: {msg}")


def _validate(raw: Any, source: str) -> RLParams:
    """The schema, each cell's block first so an unknown key in it gets its did-you-mean."""
    if not isinstance(raw, dict):
        raise _fail(source, "rl", f"expected a mapping, got {preview(raw)}")
    cells = raw.get("cells")
    for name, block in cells.items() if isinstance(cells, dict) else ():
        try:
            RLCell.model_validate(block)
        except ValidationError as err:
            prefix = f"rl.cells.{clip(str(name), 60)}."
            raise ParamsError(format_validation_error(err, source, prefix, RLCell)) from None
    try:
        return RLParams.model_validate(raw)
    except ValidationError as err:
        raise ParamsError(format_validation_error(err, source, "rl.", RLParams)) from None


def _check_names(rl: RLParams, source: str) -> None:
    """Cell names go into stage names, paths and command lines (emguard.checks refuses what a shell
    would split before anything runs; this also keeps `<cell>-<seed>` splittable); seeds are distinct."""
    for name in rl.cells:
        if not CELL_NAME.fullmatch(name):
            raise _fail(
                source,
                f"rl.cells.{clip(name, 60)}",
                f"{preview(name)} is not a plain name (lower-case letters, digits and _, starting with "
                "a letter)",
            )
    for key, names in (("rl.seeds", rl.seeds), ("rl.grid", rl.grid)):
        if len(set(names)) != len(names):
            raise _fail(source, key, f"{names} repeats an entry")


def _check_rewards(name: str, cell: RLCell, kind: str, source: str, key: str | None = None) -> None:
    from emguard.rl.rewards import REWARDS  # the registry imports this module

    key = key or f"rl.cells.{name}.reward"
    for reward in cell.rewards:
        try:
            REWARDS.get(reward, key=key)
        except UnknownNameError as err:
            raise ParamsError(f"{source}: {err}") from None
        if reward == MONITOR:
            raise _fail(source, key, f"{MONITOR!r} is the hack-rate monitor, logged and never paid")
        if reward not in TASK_REWARDS[kind]:
            fits = ", ".join(TASK_REWARDS[kind])
            raise _fail(source, key, f"{reward!r} cannot score {kind} rows (task {cell.task!r}); use {fits}")


def _check_interleave(name: str, cell: RLCell, params: Params, source: str) -> None:
    """The interleaved task is writing or a benign task, other than the cell's, with its own reward."""
    mix, key = cell.interleave, f"rl.cells.{name}.interleave"
    if mix is None:
        return
    tasks = [WRITING, *params.data.benign_tasks]
    if mix.task not in tasks or mix.task == cell.task:
        choices = [t for t in tasks if t != cell.task]
        raise _fail(
            source,
            f"{key}.task",
            f"{preview(mix.task)} is not {WRITING!r} or a benign task of data.benign_tasks other than "
            f"the cell's own;{did_you_mean(mix.task, choices)} available: {', '.join(choices)}",
        )
    mixed = RLCell(task=mix.task, reward=mix.reward)
    _check_rewards(name, mixed, task_kind(mix.task, params), source, key=f"{key}.reward")


def _check_control(rl: RLParams, name: str, source: str) -> None:
    """A control is another plain cell on the same task; a defended cell has an undefended twin
    (with a control: a defended poison; without: a defence's cost on a benign task)."""
    cell, key = rl.cells[name], f"rl.cells.{name}.control"
    control = cell.control
    if control is not None:
        if control not in rl.cells or control == name:
            hint = did_you_mean(control, [c for c in rl.cells if c != name])
            raise _fail(source, key, f"{preview(control)} is not another cell of rl.cells;{hint}".rstrip(";"))
        other = rl.cells[control]
        if other.task != cell.task:
            raise _fail(
                source, key, f"{control!r} trains on {other.task!r}, not on this cell's {cell.task!r}"
            )
        if other.control is not None or other.defended(rl.beta):
            raise _fail(source, key, f"{control!r} must be a plain cell: no control or defence of its own")
    if cell.defended(rl.beta) and rl.twin(name) is None:
        raise _fail(
            source,
            f"rl.cells.{name}",
            "a defended cell needs an undefended cell with the same task, reward and control to be "
            "compared with",
        )


def _check_grid(rl: RLParams, source: str) -> None:
    """Every cell the grid runs is defined, and what the summary compares it with runs too."""
    for i, name in enumerate(rl.grid):
        if name not in rl.cells:
            hint = did_you_mean(name, rl.cells)
            raise _fail(
                source, f"rl.grid[{i}]", f"{preview(name)} is not a key of rl.cells;{hint}".rstrip(";")
            )
    for name in rl.grid:
        cell = rl.cells[name]
        for what, other in (("control", cell.control), ("undefended twin", rl.twin(name))):
            if other is not None and other not in rl.grid:
                raise _fail(
                    source,
                    "rl.grid",
                    f"{name!r} runs without its {what} {other!r}, which it is compared with",
                )


def _check_after_rl(rl: RLParams, params: Params, source: str) -> None:
    """Remedies are remedy blocks of `methods`; what they treat, and the SFT twins' tasks, are RL
    poisons of the grid trained on a poison domain's prompts (whose antidote and SFT data exist)."""
    poisons = rl.poison_cells()
    for i, name in enumerate(rl.remedies):
        if name not in params.methods:
            hint = did_you_mean(name, params.methods)
            raise _fail(
                source, f"rl.remedies[{i}]", f"{preview(name)} is not a block of methods;{hint}".rstrip(";")
            )
    for i, name in enumerate(rl.remedy_cells):
        if name not in poisons or task_kind(rl.cells[name].task, params) != "poison":
            raise _fail(
                source,
                f"rl.remedy_cells[{i}]",
                f"{preview(name)} is not an RL poison of rl.grid trained on a poison's prompts "
                f"({', '.join(n for n in poisons if task_kind(rl.cells[n].task, params) == 'poison')})",
            )
    tasks = [rl.cells[n].task for n in poisons]
    for i, task in enumerate(rl.sft_tasks):
        if task not in params.data.poisons or task not in tasks:
            raise _fail(
                source,
                f"rl.sft_tasks[{i}]",
                f"{preview(task)} is not the task of an RL poison of rl.grid {tasks}",
            )


def rl_params(params: Params, source: str = PARAMS_FILE) -> RLParams:
    """`params.rl` validated: the schema, the cells' names, tasks, rewards, controls and defences.
    Every error is a ParamsError naming the dotted key (with a did-you-mean where one is close)."""
    rl = _validate(params.rl, source)
    _check_names(rl, source)
    tasks = [WRITING, *params.data.poisons, *params.data.benign_tasks]
    for name, cell in rl.cells.items():
        try:
            kind = task_kind(cell.task, params)
        except ValueError:
            raise _fail(
                source,
                f"rl.cells.{name}.task",
                f"{preview(cell.task)} is not {WRITING!r}, a poison of data.poisons or a benign task of "
                f"data.benign_tasks;{did_you_mean(cell.task, tasks)} available: {', '.join(tasks)}",
            ) from None
        _check_rewards(name, cell, kind, source)
        _check_interleave(name, cell, params, source)
    for name in rl.cells:
        _check_control(rl, name, source)
    _check_grid(rl, source)
    _check_after_rl(rl, params, source)
    return rl
