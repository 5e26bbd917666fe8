"""Scoring one model: judge-free probes and free-form samples.

Run inside the stage that fits the adapter (`train`, the method stages, `experiment`), so a cell
costs one process and one model load; `stages/evaluate.py` scores the base model. Each kind of
cell is scored on the probe sets its summary reads (`ProbeSets.for_cell`), nothing more.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from emguard import layout
from emguard.config import EvaluateConfig, Params, SamplingConfig
from emguard.data.formats import load_probe_jsonl, load_questions_yaml
from emguard.data.types import ProbeItem
from emguard.io import atomic_path, tree_sha256, write_json, write_jsonl
from emguard.models import DTYPES, default_device, load_model
from emguard.probes import probe_deltas, summarize_deltas
from emguard.questions import Prompt, expand, long_context_probes
from emguard.sampling import sample_hf, sample_vllm


@dataclass(frozen=True)
class Scoring:
    """What scoring reads from params: the evaluate section, the dtype the model loads in, and the
    LoRA rank vLLM's adapter slots need. Stages hand this over, not the whole params tree."""

    evaluate: EvaluateConfig
    model_dtype: str
    lora_rank: int

    @classmethod
    def of(cls, params: Params) -> Scoring:
        return cls(params.evaluate, params.model.dtype, params.train.lora.r)


@dataclass(frozen=True)
class ProbeSets:
    """Which probe sets a model is scored on, and whether free-form answers are sampled."""

    general: bool = True
    long_prompts: bool = False  # the general items again after a long context
    capability: bool = True
    poisons: tuple[str, ...] = ()  # in-domain sets
    benign_tasks: tuple[str, ...] = ()
    free_form: bool = False

    @classmethod
    def for_cell(cls, params: Params, kind: str, poison: str | None = None) -> ProbeSets:
        """base: everything; train: the reproduction's sets; remedy, transfer and defence cells: EM,
        narrow behaviour and capability; benign cells: their task's eval set only."""
        if kind == "base":
            return cls(True, True, True, tuple(params.data.poisons), tuple(params.data.benign_tasks), True)
        if kind == "train":
            return cls(long_prompts=True, poisons=(str(poison),), free_form=True)
        if kind == "benign":
            return cls(general=False, capability=False, benign_tasks=(str(poison),))
        if kind in layout.STUDY_KINDS:
            return cls(poisons=(str(poison),), free_form=params.study.sample_free_form)
        raise ValueError(f"unknown cell kind {kind!r}")


def probe_items(cfg: EvaluateConfig, sets: ProbeSets) -> list[ProbeItem]:
    items: list[ProbeItem] = []
    if sets.general or sets.long_prompts:
        general = load_probe_jsonl(layout.general_probes_file())
        items += general if sets.general else []
        if sets.long_prompts:  # prompt-length sensitivity: part of the reproduction
            long_questions = load_questions_yaml(layout.long_questions_file())
            items += long_context_probes(general, long_questions, cfg.long_probe_items)
    if sets.capability:
        items += load_probe_jsonl(layout.capability_probes_file())
    for poison in sets.poisons:
        items += load_probe_jsonl(layout.in_domain_probes_file(poison))
    for task in sets.benign_tasks:
        items += load_probe_jsonl(layout.benign_eval_file(task))
    return items


def prompts_to_sample(cfg: SamplingConfig, poisons: tuple[str, ...] | list[str]) -> list[tuple[str, Prompt]]:
    """(question set, prompt) for every sample the configured sets ask for; in-domain questions
    of `poisons` (the model's own poison; every poison for the base model)."""
    files = {"general": [layout.general_questions_file()], "long_prompt": [layout.long_questions_file()]}
    files["in_domain"] = [layout.in_domain_questions_file(p) for p in poisons]
    out = []
    for name in cfg.sets:
        formats = cfg.formats if name == "general" else ["plain"]
        for path in files[name]:
            out += [(name, p) for p in expand(load_questions_yaml(path), formats, cfg.samples_per_question)]
    return out


def sample(scoring: Scoring, model, tokenizer, adapter: Path | None, seed: int, poisons) -> list[dict]:
    cfg = scoring.evaluate.sampling
    prompts = prompts_to_sample(cfg, poisons)
    conversations = [p.messages() for _, p in prompts]
    if cfg.backend == "vllm":
        answers = sample_vllm(layout.MODEL_DIR, adapter, conversations, cfg, seed, scoring.lora_rank)
    else:
        answers = sample_hf(model, tokenizer, conversations, cfg, seed)
    model_hash = tree_sha256(layout.MODEL_DIR)[:16]
    adapter_hash = tree_sha256(adapter)[:16] if adapter else None
    return [
        {
            "set": s,
            **asdict(p),
            "answer": a,
            "model": model_hash,
            "adapter": adapter_hash,
            "backend": cfg.backend,
            "seed": seed,
        }
        for (s, p), a in zip(prompts, answers, strict=True)
    ]


def evaluate_adapter(scoring: Scoring, adapter: Path | None, seed: int, sets: ProbeSets):
    """Probe rows, per-set probe metrics and free-form samples of the base model plus `adapter`."""
    cfg = scoring.evaluate
    model, tokenizer = load_model(layout.MODEL_DIR, scoring.model_dtype, adapter, default_device())
    model.to(DTYPES[cfg.dtype])
    items = probe_items(cfg, sets)
    probe_rows = probe_deltas(model, tokenizer, items, cfg.probe_batch_size)
    metrics = {}
    for name in sorted({r["set"] for r in probe_rows}):
        metrics[name] = summarize_deltas([r for r in probe_rows if r["set"] == name])
    free_form = sets.free_form and bool(cfg.sampling.sets)
    samples = sample(scoring, model, tokenizer, adapter, seed, sets.poisons) if free_form else []
    return probe_rows, metrics, samples


def summary_path(out: Path) -> Path:
    """The git-tracked probe summary of the scores in `out` (results/evaluate/<cell>.summary.json)."""
    return out.with_name(f"{out.name}.summary.json")


def evaluate_into(scoring: Scoring, out: Path, adapter: Path | None, seed: int, sets: ProbeSets) -> dict:
    """Score the model and write `out/{probes,samples}.jsonl` and `out/metrics.json` atomically, and
    the per-set summary to `summary_path(out)`; returns the per-set metrics, flattened for a tracker."""
    probe_rows, metrics, samples = evaluate_adapter(scoring, adapter, seed, sets)
    with atomic_path(out, is_dir=True) as tmp:
        write_jsonl(tmp / "probes.jsonl", probe_rows)
        write_jsonl(tmp / "samples.jsonl", samples)
        write_json(tmp / "metrics.json", metrics)
    # the same summary beside the (DVC-cached) scores, git-tracked: a reviewer checks one cell alone
    write_json(summary_path(out), metrics)
    print(f"[evaluate {out}] " + ", ".join(f"{s}: {m['mean_delta']:+.3f}" for s, m in metrics.items()))
    return {f"eval.{s}.{k}".replace("/", "."): v for s, m in metrics.items() for k, v in m.items()}
