"""Scoring one model: judge-free probes and free-form samples (stage `evaluate`, `experiment`).

Probes: general, general_long (the same items after a long context), capability, in-domain (of the
poisons asked for), every benign task's eval set. Samples (temperature from params) for the
question sets in `evaluate.sampling.sets`, saved for the `judge` stage.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from emguard import layout
from emguard.config import Params
from emguard.data.formats import load_probe_jsonl, load_questions_yaml
from emguard.data.types import ProbeItem
from emguard.io import tree_sha256
from emguard.models import DTYPES, default_device, load_model
from emguard.probes import probe_deltas, summarize_deltas
from emguard.questions import Prompt, expand, long_context_probes
from emguard.sampling import sample_hf, sample_vllm


def probe_items(params: Params, poisons: list[str], long_prompts: bool = True) -> list[ProbeItem]:
    general = load_probe_jsonl(layout.general_probes_file())
    items = list(general)
    if long_prompts:  # prompt-length sensitivity: part of the reproduction, not of method cells
        long_questions = load_questions_yaml(layout.long_questions_file())
        items += long_context_probes(general, long_questions, params.evaluate.long_probe_items)
    items += load_probe_jsonl(layout.capability_probes_file())
    for poison in poisons:
        items += load_probe_jsonl(layout.in_domain_probes_file(poison))
    for task in params.data.benign_tasks:
        items += load_probe_jsonl(layout.benign_eval_file(task))
    return items


def prompts_to_sample(params: Params) -> list[tuple[str, Prompt]]:
    """(question set, prompt) for every sample the configured sets ask for."""
    cfg = params.evaluate.sampling
    files = {"general": [layout.general_questions_file()], "long_prompt": [layout.long_questions_file()]}
    files["in_domain"] = [layout.in_domain_questions_file(p) for p in params.data.poisons]
    out = []
    for name in cfg.sets:
        formats = cfg.formats if name == "general" else ["plain"]
        for path in files[name]:
            out += [(name, p) for p in expand(load_questions_yaml(path), formats, cfg.samples_per_question)]
    return out


def sample(params: Params, model, tokenizer, adapter: Path | None, seed: int) -> list[dict]:
    cfg = params.evaluate.sampling
    prompts = prompts_to_sample(params)
    conversations = [p.messages() for _, p in prompts]
    if cfg.backend == "vllm":
        answers = sample_vllm(layout.MODEL_DIR, adapter, conversations, cfg, seed, params.train.lora.r)
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


def evaluate_adapter(params: Params, adapter: Path | None, seed: int, poisons: list[str], free_form: bool):
    """Probe rows, per-set probe metrics and free-form samples of the base model plus `adapter`."""
    model, tokenizer = load_model(layout.MODEL_DIR, params.model.dtype, adapter, default_device())
    model.to(DTYPES[params.evaluate.dtype])
    items = probe_items(params, poisons, long_prompts=free_form)
    probe_rows = probe_deltas(model, tokenizer, items, params.evaluate.probe_batch_size)
    metrics = {}
    for name in sorted({r["set"] for r in probe_rows}):
        metrics[name] = summarize_deltas([r for r in probe_rows if r["set"] == name])
    samples = sample(params, model, tokenizer, adapter, seed) if free_form else []
    return probe_rows, metrics, samples
