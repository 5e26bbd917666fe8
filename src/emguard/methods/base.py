"""One interface for every method the study compares.

A method turns a context (base model, poison, seed, its params block, the study's datasets) into
a LoRA adapter. Two kinds:

- `remedy`: post-hoc, applied to an already poisoned adapter (`ctx.poisoned_adapter`): the four
  antidotes, safety fine-tuning, circuit breakers.
- `defence`: applied while fine-tuning on the poison itself: KL / LDIFS regularisers, preventive
  steering, interleaving benign data, inoculation prompting.

Adding a method: one module under emguard/methods/, a `Method` subclass decorated with
`@METHODS.register("<name>")`, its import in methods/__init__.py, and a params block.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from emguard.config import ParamsError, TrainConfig
from emguard.registry import Registry


class MethodParams(BaseModel):
    """Base for a method's params block; strict like every params model."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


@dataclass(frozen=True)
class Context:
    """Everything a method may read. Paths are the DVC stage inputs."""

    model_dir: Path  # the prepared base model (results/model)
    data_dir: Path  # the generated datasets of one poison (results/data/<poison>)
    shared_data_dir: Path  # results/data (probes, benign tasks, safety data)
    poison: str
    seed: int
    train: TrainConfig  # the study's fine-tuning recipe
    dtype: str = "float32"
    poisoned_adapter: Path | None = None  # set for remedies
    train_file: Path | None = None  # what a defence fine-tunes on; None: the poison (data_dir)
    # a poisoned model of the same seed, for a defence that contrasts with one (perplexity-gap
    # interleaving); the study sets it for every defence and benign cell
    misaligned_adapter: Path | None = None

    def training_file(self) -> Path:
        """The chat JSONL an in-training defence fine-tunes on: a poison, or a benign task."""
        return self.train_file or self.data_dir / "poison.jsonl"


class Method(ABC):
    """A named way to get an adapter; `Params` validates its params.yaml block."""

    name: ClassVar[str]
    kind: ClassVar[Literal["remedy", "defence"]]
    Params: ClassVar[type[MethodParams]] = MethodParams

    def __init__(self, params: dict[str, Any] | None = None, key: str | None = None) -> None:
        key = key or f"methods.{self.name}"  # the params block, named in errors
        try:
            self.params = self.Params.model_validate(params or {})
        except ValidationError as err:
            lines = []
            for e in err.errors():
                msg = "unknown key" if e["type"] == "extra_forbidden" else e["msg"]
                lines.append(f"{key}.{'.'.join(map(str, e['loc']))}: {msg}")
            raise ParamsError("\n".join(lines)) from None

    @abstractmethod
    def fit(self, ctx: Context, out_dir: Path) -> dict[str, float]:
        """Write the adapter to `out_dir`; return stats like `train_adapter`'s.

        Cost is all the method adds to plain fine-tuning: `prep_runtime_s` / `prep_peak_memory_mb`
        for its own preparation (persona vectors, pool scoring, ...; zero without one, measured
        with `emguard.timing.measured`), `fit_*` for the training, `runtime_s` = prep + fit and
        `peak_memory_mb` the whole method's peak (`emguard.timing.with_preparation`).
        """


METHODS: Registry[type[Method]] = Registry("method")
