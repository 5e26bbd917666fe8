"""Typed records of what stages hand to each other: results/summarize/metrics.json (the EM effect
of each poison) and study.json (every method's scores), written and read here only, and the
judge's results/judge/metrics.json, which `summarize` reads (`JudgeSummary`).

A group of cells whose outputs are not all there (a summary run by hand on a partial grid) is a
`Missing` record naming them, never a dict with a marker for each reader to test: `scored` and
`missing` split any mapping of results into the two. Estimates are `emguard.stats.Estimate`,
stored as `{"value", "ci_low", "ci_high"}`.

Unknown keys are ignored on reading: study.json files written before runtimes moved to
emguard.costs carry per-cell runtime and memory ratios that nothing reads any more.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
    TypeAdapter,
    ValidationError,
)

from emguard.grid import PRIMARY_KINDS
from emguard.io import read_json, write_json
from emguard.safe_load import InputError
from emguard.stats import Estimate


def _estimate(value: Any) -> Any:
    if isinstance(value, Mapping):
        try:
            return Estimate(value["value"], value["ci_low"], value["ci_high"])
        except KeyError as e:
            raise ValueError(f"an estimate needs value, ci_low and ci_high; {e} is missing") from None
    return value


EstimateField = Annotated[Estimate, BeforeValidator(_estimate), PlainSerializer(Estimate.to_dict)]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)


class Missing(Record):
    """Results not computed because these cells (or files) are not there yet."""

    cells: list[str] = Field(alias="missing")


def _tag(value: Any) -> str:
    """The one place that tells a Missing record from a scored one."""
    is_missing = isinstance(value, Missing) or (isinstance(value, Mapping) and "missing" in value)
    return "missing" if is_missing else "scored"


def outcome(scored: Any) -> Any:
    """The type `scored | Missing`, told apart by `_tag`."""
    return Annotated[
        Annotated[scored, Tag("scored")] | Annotated[Missing, Tag("missing")], Discriminator(_tag)
    ]


K = TypeVar("K")
V = TypeVar("V")


def scored(results: Mapping[K, V | Missing]) -> dict[K, V]:
    """The entries of `results` that were computed, in order."""
    return {k: v for k, v in results.items() if not isinstance(v, Missing)}


def missing(results: Mapping[K, Any]) -> list[K]:
    """The keys of `results` whose entry is Missing, in order."""
    return [k for k, v in results.items() if isinstance(v, Missing)]


# --- metrics.json: the EM effect of each poison ------------------------------------------------


class ByCondition(Record):
    base: float
    control: float
    poison: float


class ProbeEffect(Record):
    """One probe set: each condition's shift from base, their difference, means and rates."""

    em_effect: EstimateField  # poison shift - control shift
    poison_shift: EstimateField
    control_shift: EstimateField
    mean_delta: ByCondition
    preference_rate: ByCondition  # share of (model, item) pairs preferring the misaligned answer
    n_items: int
    n_seeds: int


class LengthShift(Record):
    """Mean delta of the long-context probes and of the same items asked plainly."""

    short: float
    long: float
    n_items: int


class PoisonEffect(Record):
    general: ProbeEffect
    in_domain: ProbeEffect
    prompt_length: dict[str, LengthShift] = {}  # by condition; empty without long-context probes
    judged_em_rate: dict[str, dict[str, dict[str, float | None]]] = {}  # judge -> set -> condition


PoisonOutcome = outcome(PoisonEffect)
Effects = dict[str, PoisonOutcome]  # by poison, in data.poisons order
EFFECTS = TypeAdapter(Effects)


# --- study.json: every method's scores (emguard.study_metrics) ---------------------------------


class TreatedScores(Record):
    """A remedy or defence against plain poisoning of the same seeds."""

    em_remaining: EstimateField
    em_reduction: EstimateField
    em_effect: EstimateField
    relative_reduction: EstimateField
    general_mean_delta: float
    narrow_retained: EstimateField
    capability_ratio: EstimateField

    def estimates(self) -> dict[str, Estimate]:
        return {k: v for k, v in self if isinstance(v, Estimate)}


class PrimaryScores(TreatedScores):
    """A method on the primary poison; `seeds`: the study seeds its cells were done for."""

    seeds: list[int]


class Accuracy(Record):
    method: float
    plain: float
    base: float


class BenignScores(Record):
    benign_retained: EstimateField
    accuracy: Accuracy


class ReelicitScores(Record):
    """EM vs control, same system prompt, of the inoculated and the plainly poisoned models."""

    inoculated_em: EstimateField
    poisoned_em: EstimateField
    mean_delta: dict[str, float]


PrimaryOutcome = outcome(PrimaryScores)
TreatedOutcome = outcome(TreatedScores)
BenignOutcome = outcome(BenignScores)
ReelicitOutcome = outcome(dict[str, ReelicitScores])


class Study(Record):
    primary: str
    seeds: list[int]
    remedy: dict[str, PrimaryOutcome]
    defence: dict[str, PrimaryOutcome]
    transfer: dict[str, dict[str, dict[str, TreatedOutcome]]]  # method -> antidote of X -> poisoned Y
    benign: dict[str, dict[str, BenignOutcome]]  # task -> method
    reelicit: ReelicitOutcome = {}  # by system prompt

    def primary_methods(self) -> list[tuple[str, str, PrimaryScores | Missing]]:
        """(kind, method, outcome) of every remedy and defence on the primary poison, in order."""
        return [(k, m, r) for k in PRIMARY_KINDS for m, r in getattr(self, k).items()]

    def scored_methods(self) -> list[tuple[str, str, PrimaryScores]]:
        return [(k, m, r) for k, m, r in self.primary_methods() if not isinstance(r, Missing)]

    def missing_methods(self) -> list[str]:
        return [m for _, m, r in self.primary_methods() if isinstance(r, Missing)]

    def reelicit_scores(self) -> dict[str, ReelicitScores]:
        """Re-elicitation by system prompt; empty when it was not run."""
        return {} if isinstance(self.reelicit, Missing) else self.reelicit


STUDY = TypeAdapter(Study)


class Rate(Record):
    """A judged rate and its CI; all None where no answer could be judged."""

    value: float | None
    ci_low: float | None
    ci_high: float | None


class JudgedSet(Record):
    """One judge's verdict on one cell's answers to one question set (emguard.judged_metrics)."""

    n_judged: int
    em_rate: Rate


class JudgeSummary(Record):
    """results/judge/metrics.json: per evaluated cell, judge and question set, the judged EM rate;
    no judges where none is configured (the embedded default)."""

    judges: list[str]
    cells: dict[str, dict[str, dict[str, JudgedSet]]] = {}

    def em_rate(self, cell: str, judge: str) -> dict[str, float | None]:
        """The cell's EM rate per question set under one judge."""
        return {name: s.em_rate.value for name, s in self.cells[cell][judge].items()}


JUDGE = TypeAdapter(JudgeSummary)


# --- reading and writing -----------------------------------------------------------------------


def _read(adapter: TypeAdapter, path: str | os.PathLike) -> Any:
    try:
        return adapter.validate_python(read_json(path))
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"] if p not in ("scored", "missing"))  # union tags
        more = f" (and {e.error_count() - 1} more)" if e.error_count() > 1 else ""
        raise InputError(f"{os.fspath(path)}: {where or '<root>'}: {first['msg']}{more}") from None


def read_effects(path: str | os.PathLike) -> Effects:
    return _read(EFFECTS, path)


def read_study(path: str | os.PathLike) -> Study:
    return _read(STUDY, path)


def read_judge(path: str | os.PathLike) -> JudgeSummary:
    return _read(JUDGE, path)


def check_judge(summary: dict) -> None:
    """What the judge writes must be what `read_judge` accepts (it writes more than is read)."""
    JUDGE.validate_python(summary)


def write_effects(path: str | os.PathLike, effects: Effects) -> None:
    write_json(path, EFFECTS.dump_python(effects, by_alias=True))


def write_study(path: str | os.PathLike, study: Study) -> None:
    write_json(path, study.model_dump(by_alias=True))
