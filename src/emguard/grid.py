"""The study's grid of cells, defined once from params: every fine-tune, method cell and
re-elicitation run, where each reads and writes (emguard.layout), and which cells it is compared with.

dvc.yaml states the same grid in DVC's matrix syntax (it cannot import Python);
tests/test_grid.py checks that both expand to the same stages on the default and tiny profiles.
summarize, report, judge, checks and costs take their cells from here.

A cell is a frozen dataclass: its `kind`, the fields its name is made of (method, poison,
antidote_of / poisoned, or task) and its `seed`. Cells compare by kind and fields, so a cell built
from params equals the one parsed from a file name (`parse`).

Adding a kind of cell (the RL arm, say) is one class here, registered with `@kind`:
- its fields (the parts of its name, then `seed`), `kind`, `name`, `matrix` (its dvc.yaml stage)
  and, when that matrix's values are not the name, `matrix_item`;
- `expand(params)`: its cells, in the order of the params lists its dvc.yaml matrix reads;
- `from_name(name)`: the inverse of `name` (emguard.costs parses cost files with it);
- subclass `MethodCell` when it fits an adapter scored against a reference (`TreatedCell` when
  that reference is a poisoned fine-tune and its matched control): `reference`, `control` and
  `narrow_set` say against what, `poisoned_model` which fine-tune it starts from, `group` where
  its scores sit in study.json; `seeds_key` and `methods_key` name the params lists checks.py checks.
Then its dvc.yaml stage (a matrix over the same lists; tests/test_grid.py holds the two together)
and, for its scores, a function in emguard.summary.methods. judge, checks and costs pick the new
cells up from `Grid` as they are.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Self

from emguard import layout
from emguard.config import Params

KINDS: dict[str, type[Cell]] = {}  # kind -> cell class, in the order the grid lists them


def kind(cls: type[Cell]) -> type[Cell]:
    """Register a kind of cell (class decorator)."""
    KINDS[cls.kind] = cls
    return cls


class Cell:
    """What every cell has: a kind, a name, a dvc.yaml stage and, when scored, an evaluate dir."""

    kind: ClassVar[str]
    matrix: ClassVar[str]  # the dvc.yaml stage that runs it (a matrix stage's name before the `@`)
    seeds_key: ClassVar[str | None] = None  # the params list its seeds come from (checks)
    methods_key: ClassVar[str | None] = None  # the params list (or key) its method comes from

    @property
    def name(self) -> str:
        raise NotImplementedError

    @property
    def matrix_item(self) -> str:
        """The matrix values DVC puts after the `@`, joined with `-` in the matrix's key order."""
        return self.name

    @classmethod
    def expand(cls, params: Params) -> Iterator[Self]:
        raise NotImplementedError

    @classmethod
    def from_name(cls, name: str) -> Self:
        raise NotImplementedError

    @property
    def eval_name(self) -> str:
        """Its directory under results/evaluate (and results/judge): the name, or `<kind>/<name>`."""
        return self.name

    @property
    def eval_dir(self) -> Path:
        return layout.EVALUATE_DIR / self.eval_name

    @property
    def probes_file(self) -> Path:
        return self.eval_dir / "probes.jsonl"

    @property
    def samples_file(self) -> Path:
        return self.eval_dir / "samples.jsonl"

    def scored(self) -> bool:
        """Whether its probe scores have been written."""
        return self.probes_file.exists()

    def poisoned_model(self, primary: str) -> TrainCell | None:
        """The poisoned fine-tune it starts from or contrasts with (`primary`: study.primary)."""
        return None


class FittedCell(Cell):
    """A cell that fits an adapter: fit_dir/adapter, fit stats in fit_dir/metrics.json, and its
    runtime and memory in results/cost/ (emguard.costs)."""

    @property
    def fit_dir(self) -> Path:
        raise NotImplementedError

    @property
    def metrics_file(self) -> Path:
        return self.fit_dir / "metrics.json"

    @property
    def cost_file(self) -> Path:
        return layout.cost_file(self.kind, self.name)

    def fitted(self) -> bool:
        """Whether its fit stats have been written."""
        return self.metrics_file.exists()


@kind
@dataclass(frozen=True)
class BaseCell(Cell):
    """The base model, scored once."""

    kind: ClassVar[str] = "base"
    matrix: ClassVar[str] = "evaluate_base"

    @property
    def name(self) -> str:
        return "base"

    @property
    def matrix_item(self) -> str:
        return ""  # not a matrix stage

    @classmethod
    def expand(cls, params: Params) -> Iterator[BaseCell]:
        yield cls()

    @classmethod
    def from_name(cls, name: str) -> BaseCell:
        if name != "base":
            raise ValueError(f"{name!r} is not the base cell's name (base)")
        return cls()


@kind
@dataclass(frozen=True)
class TrainCell(FittedCell):
    """A poisoned or matched-control fine-tune of one poison: the primary poison's over
    study.seeds (stage `train`), the others' over train.seeds (stage `train_other`)."""

    poison: str
    condition: str  # layout.CONDITIONS
    seed: int
    kind: ClassVar[str] = "train"
    matrix: ClassVar[str] = "train"  # `train_other` for the other poisons: Grid.stage

    @property
    def name(self) -> str:
        return layout.train_cell(self.poison, self.condition, self.seed)

    @property
    def fit_dir(self) -> Path:
        return layout.TRAIN_DIR / self.name

    @classmethod
    def expand(cls, params: Params) -> Iterator[TrainCell]:
        for poison in params.data.poisons:
            for condition in layout.CONDITIONS:
                yield from (cls(poison, condition, k) for k in params.train_seeds(poison))

    @classmethod
    def from_name(cls, name: str) -> TrainCell:
        return cls(*layout.parse_train_cell(name))


class MethodCell(FittedCell):
    """A method instance fitted in one setting and scored against a reference of the same seed:
    results/<kind>/<name>/ (adapter, fit stats), results/evaluate/<kind>/<name>/ (scores)."""

    method: str
    seed: int

    @property
    def eval_name(self) -> str:
        return f"{self.kind}/{self.name}"

    @property
    def fit_dir(self) -> Path:
        return layout.study_dir(self.kind, self.name)

    @property
    def reference(self) -> TrainCell | MethodCell:
        """The model of the same seed it is compared with (scores, runtime and memory)."""
        raise NotImplementedError

    @property
    def control(self) -> TrainCell | None:
        """The matched control of its reference, for a cell fitted on a poison."""
        return None

    @property
    def narrow_set(self) -> str:
        """The probe set of the behaviour it was trained on (in-domain or a benign task's)."""
        raise NotImplementedError

    @property
    def group(self) -> tuple[str, ...]:
        """Where its scores sit in study.json under its kind: the cell's fields but the seed."""
        raise NotImplementedError

    @classmethod
    def from_name(cls, name: str) -> Self:
        return cls(**layout.parse_study_cell(cls.kind, name))  # type: ignore[arg-type]


class TreatedCell(MethodCell):
    """A cell whose reference is a poisoned fine-tune of the same seed, with its matched control."""

    poison: str  # the poison of the model it treats or is trained on

    @property
    def reference(self) -> TrainCell:
        return TrainCell(self.poison, "poison", self.seed)

    @property
    def control(self) -> TrainCell:
        return TrainCell(self.poison, "control", self.seed)

    @property
    def narrow_set(self) -> str:
        return f"in_domain/{self.poison}"

    def poisoned_model(self, primary: str) -> TrainCell:
        return self.reference

    @property
    def matrix_item(self) -> str:
        return f"{self.method}-{self.seed}"

    @property
    def group(self) -> tuple[str, ...]:
        return (self.method,)


@kind
@dataclass(frozen=True)
class RemedyCell(TreatedCell):
    """A remedy built from poison `antidote_of`'s data, applied to the model poisoned with
    `poisoned`: on the primary poison (antidote_of = poisoned) over study.seeds."""

    method: str
    antidote_of: str
    poisoned: str
    seed: int
    kind: ClassVar[str] = "remedy"
    matrix: ClassVar[str] = "remedy"
    seeds_key: ClassVar[str] = "study.seeds"
    methods_key: ClassVar[str] = "study.remedies"

    @property
    def name(self) -> str:
        return layout.remedy_cell(self.method, self.antidote_of, self.poisoned, self.seed)

    @property
    def poison(self) -> str:
        return self.poisoned

    @classmethod
    def expand(cls, params: Params) -> Iterator[RemedyCell]:
        p, s = params.study.primary, params.study
        yield from (cls(m, p, p, k) for m, k in itertools.product(s.remedies, s.seeds))


@kind
@dataclass(frozen=True)
class TransferCell(RemedyCell):
    """A remedy cell across poisons: the antidote of X on the model poisoned with Y, every pair."""

    kind: ClassVar[str] = "transfer"
    matrix: ClassVar[str] = "transfer"
    seeds_key: ClassVar[str] = "study.transfer.seeds"
    methods_key: ClassVar[str] = "study.transfer.antidotes"

    @property
    def matrix_item(self) -> str:
        return self.name  # its matrix runs over every field (the remedy stage's over method and seed)

    @property
    def group(self) -> tuple[str, ...]:
        return (self.method, self.antidote_of, self.poisoned)

    @classmethod
    def expand(cls, params: Params) -> Iterator[TransferCell]:
        t, poisons = params.study.transfer, params.data.poisons
        for m, x, y, k in itertools.product(t.antidotes, poisons, poisons, t.seeds):
            yield cls(m, x, y, k)


@kind
@dataclass(frozen=True)
class DefenceCell(TreatedCell):
    """An in-training defence while fine-tuning on the primary poison, over study.seeds."""

    method: str
    poison: str
    seed: int
    kind: ClassVar[str] = "defence"
    matrix: ClassVar[str] = "defence"
    seeds_key: ClassVar[str] = "study.seeds"
    methods_key: ClassVar[str] = "study.defences"

    @property
    def name(self) -> str:
        return layout.defence_cell(self.method, self.poison, self.seed)

    @classmethod
    def expand(cls, params: Params) -> Iterator[DefenceCell]:
        p, s = params.study.primary, params.study
        yield from (cls(m, p, k) for m, k in itertools.product(s.defences, s.seeds))


@kind
@dataclass(frozen=True)
class BenignCell(MethodCell):
    """A defence (or `plain`) while fine-tuning on a benign task, compared with plain fine-tuning
    on the same task and seed: does it also stop wanted learning?"""

    method: str
    task: str
    seed: int
    kind: ClassVar[str] = "benign"
    matrix: ClassVar[str] = "benign"
    seeds_key: ClassVar[str] = "study.benign.seeds"
    methods_key: ClassVar[str] = "study.benign.methods"
    REFERENCE_METHOD: ClassVar[str] = "plain"

    @property
    def name(self) -> str:
        return layout.benign_cell(self.method, self.task, self.seed)

    @property
    def reference(self) -> BenignCell:
        return BenignCell(self.REFERENCE_METHOD, self.task, self.seed)

    @property
    def narrow_set(self) -> str:
        return f"benign/{self.task}"

    @property
    def group(self) -> tuple[str, ...]:
        return (self.task, self.method)

    def poisoned_model(self, primary: str) -> TrainCell:
        """The primary's poisoned model: the misaligned contrast of perplexity-gap interleaving."""
        return TrainCell(primary, "poison", self.seed)

    @classmethod
    def expand(cls, params: Params) -> Iterator[BenignCell]:
        b = params.study.benign
        for task, m, k in itertools.product(params.data.benign_tasks, b.methods, b.seeds):
            yield cls(m, task, k)


@kind
@dataclass(frozen=True)
class ReelicitCell(Cell):
    """The inoculated (defence `method`), poisoned and control models of one seed of the primary
    poison, scored again under the training-time system prompt and its paraphrases."""

    method: str
    poison: str
    seed: int
    kind: ClassVar[str] = "reelicit"
    matrix: ClassVar[str] = "reelicit"
    seeds_key: ClassVar[str] = "reelicit.seeds"
    methods_key: ClassVar[str] = "reelicit.method"

    @property
    def name(self) -> str:
        return str(self.seed)

    @property
    def out_dir(self) -> Path:
        return layout.RESULTS / self.kind / self.name

    @property
    def deltas_file(self) -> Path:
        return self.out_dir / "deltas.json"

    def scored(self) -> bool:
        return self.deltas_file.exists()

    def poisoned_model(self, primary: str) -> TrainCell:
        return TrainCell(self.poison, "poison", self.seed)

    @property
    def inoculated(self) -> DefenceCell:
        return DefenceCell(self.method, self.poison, self.seed)

    @classmethod
    def expand(cls, params: Params) -> Iterator[ReelicitCell]:
        yield from (cls(params.reelicit.method, params.study.primary, k) for k in params.reelicit.seeds)

    @classmethod
    def from_name(cls, name: str) -> ReelicitCell:
        raise ValueError("a re-elicitation cell's name is its seed alone: build it from params (Grid)")


def method_kinds() -> tuple[str, ...]:
    """The kinds whose cells fit a method and are scored against a reference, in grid order."""
    return tuple(k for k, c in KINDS.items() if issubclass(c, MethodCell))


PRIMARY_KINDS = (RemedyCell.kind, DefenceCell.kind)  # the methods applied to the primary poison


def parse(kind_name: str, name: str) -> Cell:
    """The cell of a kind named `name` (a directory or file name under results/)."""
    if kind_name not in KINDS:
        raise ValueError(f"unknown cell kind {kind_name!r}; expected one of {tuple(KINDS)}")
    return KINDS[kind_name].from_name(name)


class Grid:
    """The cells the study's params define, in the order of the params lists."""

    def __init__(self, params: Params) -> None:
        self.params = params
        self.primary = params.study.primary

    def cells(self, kind_name: str) -> list:
        """Every cell of one kind."""
        return list(KINDS[kind_name].expand(self.params))

    def __iter__(self) -> Iterator[Cell]:
        for kind_name in KINDS:
            yield from self.cells(kind_name)

    @property
    def base(self) -> BaseCell:
        return BaseCell()

    def train(self, poison: str | None = None, condition: str | None = None) -> list[TrainCell]:
        """The reproduction's fine-tunes, optionally of one poison and one condition."""
        return [
            c
            for c in self.cells(TrainCell.kind)
            if poison in (None, c.poison) and condition in (None, c.condition)
        ]

    def method_cells(self) -> list[MethodCell]:
        return [c for k in method_kinds() for c in self.cells(k)]

    def groups(self, kind_name: str) -> list[list[MethodCell]]:
        """A method kind's cells grouped by all their fields but the seed (one study.json entry
        each), seeds in params order."""
        out: dict[tuple[str, ...], list[MethodCell]] = {}
        for c in self.cells(kind_name):
            out.setdefault(c.group, []).append(c)
        return list(out.values())

    def stage(self, cell: Cell) -> str:
        """The dvc.yaml stage that runs the cell, as `dvc stage list` names it."""
        matrix = cell.matrix
        if isinstance(cell, TrainCell) and cell.poison != self.primary:
            matrix = "train_other"  # dvc.yaml splits train: the primary poison has study.seeds
        return f"{matrix}@{cell.matrix_item}" if cell.matrix_item else matrix

    def stages(self) -> dict[str, Cell]:
        """Every cell by its dvc.yaml stage name."""
        return {self.stage(c): c for c in self}
