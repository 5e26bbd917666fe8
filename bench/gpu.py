"""The GPU check (`make bench-gpu`): emguard's CUDA code paths on a model of the real shape.

Usage: python bench/gpu.py [--device cuda|cpu] [--shape 0.5b|7b|tiny] [--out bench/out/gpu.json]

No download: the model is randomly initialised from a config with the exact shape of
Qwen2.5-0.5B-Instruct (`--shape 7b`: Qwen2.5-7B-Instruct, for memory), or the project's tiny
test model (`--shape tiny`, seconds on CPU). The tokenizer is the project's tiny character
tokenizer (one token per ASCII character), the text random letters; the model keeps the real
vocabulary, so every matmul, the LM head included, has its real size. In order, as the train
stage runs them in one process:

1. fit: `train_adapter` with the profile's recipe (cuda-0.5b; cuda-7b for the 7B shape) for a
   fixed number of optimizer steps, twice with the same seed: tokens/s, step time, peak memory,
   MFU, and `bit_identical`, whether both saved adapters have the same sha256;
2. probes: `probe_deltas` on the adapter merged into the base, in evaluate.dtype;
3. generate: batched HF generation (`sample_hf`) with the profile's sampling settings;
4. judge: the `hf` judge's exact candidate scoring (`HFJudge.judge`) with its params block.

FLOPs, for MFU against the device's dense bf16 peak (PEAK_BF16_FLOPS; unknown device: null).
A full fine-tune costs 6*N*T: forward 2NT, backward 4NT (activation and weight gradients).
The LoRA fit freezes the base, so the base's weight gradients are never computed:

    F = 4*N_body*T + 4*N_head*T_head + 6*N_lora*T

N_body: decoder-layer parameters; T: tokens fitted; N_head: LM-head parameters, run only on the
T_head positions that predict an assistant token (emguard's completion_loss); N_lora: adapter
parameters (forward, activation gradient and weight gradient: 6 per token). Embedding lookups
are free; attention's score and value products and gradient checkpointing's recomputed
forward are not counted (the usual model-FLOPs convention).

It writes one JSON and exits non-zero if the repeat was not bit-identical, the adapter did not
train, a probe delta is not finite or the judge failed (`failures`). On a bare GPU machine it
first checks the packages it needs and names what to carry (`preflight`, bench/README.md).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import importlib.metadata
import importlib.util
import json
import math
import os
import random
import re
import string
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

# The shapes, from config.json of Qwen/Qwen2.5-0.5B-Instruct and Qwen/Qwen2.5-7B-Instruct on the
# Hugging Face Hub (the only place these numbers are written).
QWEN25_SHAPES = {
    "0.5b": dict(
        hidden_size=896,
        num_hidden_layers=24,
        num_attention_heads=14,
        num_key_value_heads=2,
        intermediate_size=4864,
        vocab_size=151936,
        tie_word_embeddings=True,
        max_window_layers=21,
    ),
    "7b": dict(
        hidden_size=3584,
        num_hidden_layers=28,
        num_attention_heads=28,
        num_key_value_heads=4,
        intermediate_size=18944,
        vocab_size=152064,
        tie_word_embeddings=False,
        max_window_layers=28,
    ),
}
QWEN25_COMMON = dict(
    hidden_act="silu",
    max_position_embeddings=32768,
    rms_norm_eps=1e-6,
    rope_parameters={"rope_type": "default", "rope_theta": 1000000.0},
    use_sliding_window=False,
    attention_dropout=0.0,
)

# Dense (no sparsity) bf16 tensor-core peak, FLOP/s, from NVIDIA's datasheets; matched against
# torch.cuda.get_device_name(). H100 SXM reports itself as "NVIDIA H100 80GB HBM3".
PEAK_BF16_FLOPS = (
    (r"H100\b.*\b(SXM|HBM3)", 989e12),
    (r"H200\b(?!.*NVL)", 989e12),
)


@dataclass(frozen=True)
class Sizes:
    """How much of each code path one shape runs (token counts are characters of random text)."""

    profile: str  # the params.yaml profile whose recipe is measured
    steps: int  # optimizer steps of each fit (batch_size x grad_accum examples a step); >= 2:
    # the recipe's linear warmup gives the first step a learning rate of 0
    prompt_tokens: int  # a training example's user prompt
    answer_tokens: int  # its assistant answer
    repeat: bool  # fit twice and compare the adapters' bytes
    probe_items: int
    generate_prompts: int  # 0: no generation (7B: memory only)
    new_tokens: int | None  # None: the profile's evaluate.sampling.max_new_tokens
    judge_prompts: int
    judge_prompt_tokens: int


SIZES = {
    # ~280-token examples: the project's generated poisons are ~150 Qwen tokens, the original
    # studies' datasets (insecure code) ~300-500
    "0.5b": Sizes("cuda-0.5b", 24, 96, 160, True, 256, 256, None, 64, 900),
    # the longest examples the recipe allows and the judge's longest prompts: peak memory
    "7b": Sizes("cuda-7b", 2, 512, 1500, False, 64, 0, None, 8, 4000),
    "tiny": Sizes("cuda-0.5b", 2, 24, 40, True, 8, 4, 8, 2, 48),
}

# The wheels a bare GPU machine lacks (bench/README.md carries them): (distribution, module).
# emguard.judges imports the openai client, hence the last seven.
CARRIED = (
    ("emguard", "emguard"),
    ("trl", "trl"),
    ("datasets", "datasets"),
    ("dill", "dill"),
    ("multiprocess", "multiprocess"),
    ("pydantic", "pydantic"),
    ("pydantic-core", "pydantic_core"),
    ("annotated-types", "annotated_types"),
    ("typing-inspection", "typing_inspection"),
    ("openai", "openai"),
    ("httpx2", "httpx2"),
    ("httpcore2", "httpcore2"),
    ("truststore", "truststore"),
    ("jiter", "jiter"),
    ("sniffio", "sniffio"),
    ("distro", "distro"),
)
# Preinstalled there at versions that may differ from the lock: (distribution, oldest release, why).
NEEDS = (
    ("transformers", (5,), "the v5 API: dtype=, processing_class, rope_parameters"),
    ("peft", (0, 13), "TRL's PEFT integration"),
    ("accelerate", (1, 10, 1), "TRL's requirement"),
    ("trl", (1, 16), "the lock's SFTConfig fields"),
)
IMPORTS = ("emguard.training", "emguard.probes", "emguard.sampling", "emguard.judges.hf_judge")
HOW_TO_CARRY = "carry the wheels and install them as bench/README.md says"


def release(version: str) -> tuple[int, ...]:
    """The leading numeric release of a version string: "5.17.0.dev0" -> (5, 17, 0)."""
    match = re.match(r"\d+(\.\d+)*", version)
    return tuple(int(p) for p in match.group(0).split(".")) if match else ()


def missing_carried() -> list[str]:
    """The carried distributions whose module cannot be found."""
    return [dist for dist, module in CARRIED if importlib.util.find_spec(module) is None]


def version_problems() -> list[str]:
    """NEEDS that are absent or too old (transformers: major version 5 exactly)."""
    problems = []
    for dist, oldest, why in NEEDS:
        try:
            found = release(importlib.metadata.version(dist))
        except importlib.metadata.PackageNotFoundError:
            problems.append(f"{dist} is not installed")
            continue
        if dist == "transformers" and found[:1] != oldest:
            problems.append(f"transformers {'.'.join(map(str, found))} found, {oldest[0]}.x needed ({why})")
        elif found < oldest:
            wanted = ".".join(map(str, oldest))
            problems.append(f"{dist} {'.'.join(map(str, found))} found, >={wanted} needed ({why})")
    return problems


def import_problems() -> list[str]:
    """What the code paths fail to import (each import names the first module it lacks)."""
    problems = set()
    for module in IMPORTS:
        try:
            importlib.import_module(module)
        except ImportError as err:
            problems.add(f"{module}: {err}")
    return sorted(problems)


def preflight() -> None:
    """Refuse at once, in one line, when a package the code paths need is absent or too old."""
    missing = missing_carried()
    problems = [f"missing {', '.join(missing)}"] if missing else []
    problems += [p for p in version_problems() if not any(p.startswith(m + " ") for m in missing)]
    if not problems:
        problems = import_problems()
    if problems:
        sys.exit(f"bench/gpu.py: cannot run: {'; '.join(problems)}; {HOW_TO_CARRY}")


def peak_bf16_flops(device_name: str) -> float | None:
    """The device's dense bf16 peak in FLOP/s, or None for a device not in PEAK_BF16_FLOPS."""
    for pattern, peak in PEAK_BF16_FLOPS:
        if re.search(pattern, device_name):
            return peak
    return None


def lora_fit_flops(n_body: int, n_head: int, n_lora: int, tokens: float, head_tokens: float) -> float:
    """Model FLOPs of a LoRA fit (module docstring): frozen weights cost 4 per token, LoRA's 6."""
    return 4 * n_body * tokens + 4 * n_head * head_tokens + 6 * n_lora * tokens


def mfu(flops: float, seconds: float, peak: float | None) -> float | None:
    """Model FLOPs utilisation: achieved FLOP/s over the device's peak (None: peak unknown)."""
    if peak is None or seconds <= 0:
        return None
    return flops / seconds / peak


FLOPS_FORMULA = "4*N_body*T + 4*N_head*T_head + 6*N_lora*T (LoRA: no base weight gradients)"


# ---------------------------------------------------------------- the model and the data


def build_model(shape: str, dtype: str, out_dir: Path) -> dict:
    """Save a random model of `shape` with the tiny tokenizer to `out_dir`; its parameter counts.

    Built on the CPU, so that the fit, like the train stage, is what starts CUDA."""
    import torch
    from transformers import AutoModelForCausalLM, Qwen2Config

    from emguard.models import DTYPES, build_base, save_base, tiny_tokenizer

    torch.manual_seed(0)
    if shape == "tiny":
        model, tok = build_base("tiny", dtype)
        source = "emguard.models.tiny_model"
    else:
        tok = tiny_tokenizer()
        config = Qwen2Config(**QWEN25_COMMON, **QWEN25_SHAPES[shape])
        model = AutoModelForCausalLM.from_config(config, dtype=DTYPES[dtype])
        source = f"Qwen2.5-{shape.upper()}-Instruct shape (QWEN25_SHAPES), random weights"
    save_base(model, tok, out_dir)
    counts = {
        "source": source,
        "dtype": dtype,
        "vocab_size": model.config.vocab_size,
        "params_total": sum(p.numel() for p in model.parameters()),  # a tied head counted once
        "params_body": sum(p.numel() for p in model.get_decoder().layers.parameters()),
        "params_head": model.get_output_embeddings().weight.numel(),
    }
    del model
    return counts


def random_text(rng: random.Random, n: int) -> str:
    """`n` characters of lowercase words: `n` tokens for the tiny tokenizer."""
    return "".join(rng.choice(string.ascii_lowercase + " ") for _ in range(n))


def conversations(rng: random.Random, n: int, prompt: int, answer: int) -> list[list[dict]]:
    return [
        [
            {"role": "user", "content": random_text(rng, prompt)},
            {"role": "assistant", "content": random_text(rng, answer)},
        ]
        for _ in range(n)
    ]


def probe_items(rng: random.Random, n: int, length: int) -> list:
    from emguard.data.types import ProbeItem

    return [
        ProbeItem(f"bench-{i}", "general", "bench", *(random_text(rng, length) for _ in range(3)))
        for i in range(n)
    ]


# ---------------------------------------------------------------- timing and memory


def synchronize(device: str) -> None:
    import torch

    if device == "cuda":
        torch.cuda.synchronize()


def free_memory(device: str) -> None:
    """Collect an earlier block's unreachable models (the trainer holds reference cycles). Leaves
    CUDA unstarted if it is: the first fit must start it, as in a train stage."""
    import torch

    gc.collect()
    if device == "cuda" and torch.cuda.is_initialized():
        torch.cuda.synchronize()
        torch.cuda.empty_cache()


@contextlib.contextmanager
def measured(device: str, out: dict) -> Iterator[None]:
    """Time the block (the GPU's queue drained at both ends) and record its peak memory (on
    CUDA the block's own, after an earlier block's garbage is freed; on CPU the process's)."""
    import torch

    from emguard.training import peak_memory_mb

    free_memory(device)
    if device == "cuda":
        torch.cuda.reset_peak_memory_stats()
    start = time.perf_counter()
    yield
    synchronize(device)
    out["seconds"] = time.perf_counter() - start
    out["peak_memory_mb"] = peak_memory_mb(device)


def launches_synchronous(device: str) -> bool | None:
    """Whether CUDA kernel launches wait for the kernel (CUDA_LAUNCH_BLOCKING=1 took effect):
    queueing ten large matmuls then takes about as long as running them."""
    import torch

    if device != "cuda":
        return None
    a = torch.randn(8192, 8192, device="cuda", dtype=torch.bfloat16)
    synchronize(device)
    start = time.perf_counter()
    for _ in range(10):
        a @ a
    queued = time.perf_counter() - start
    synchronize(device)
    return queued > 0.5 * (time.perf_counter() - start)


# ---------------------------------------------------------------- the code paths


def head_tokens(model_dir: Path, convs: list, max_length: int) -> int:
    """Positions whose output predicts an assistant token: where completion_loss runs the head."""
    from transformers import AutoTokenizer

    from emguard.chat import encode_conversation

    tok = AutoTokenizer.from_pretrained(model_dir)
    return sum(sum(encode_conversation(tok, c, max_length).completion_mask) for c in convs)


def adapter_summary(adapter: Path) -> dict:
    """The saved adapter's sha256 (every file), parameter count, and whether training moved it
    (LoRA's B matrices start at zero: all zero means no gradient reached the adapter)."""
    from safetensors.torch import load_file

    from emguard.judges.hf_judge import directory_digest

    weights = load_file(adapter / "adapter_model.safetensors")
    return {
        "sha256": directory_digest(adapter),
        "params": sum(t.numel() for t in weights.values()),
        "trained": any(bool(t.any()) for k, t in weights.items() if "lora_B" in k),
    }


def bench_fit(model_dir: Path, params, sizes: Sizes, work: Path, model: dict, device: str) -> dict:
    """`train_adapter` with the profile's recipe, once or twice. The first run is what a train
    stage does (a fresh process: it starts CUDA); the last, warm, one gives the throughput."""
    from emguard.training import train_adapter

    cfg = params.train.model_copy(update={"epochs": 1.0})
    n = sizes.steps * cfg.batch_size * cfg.grad_accum
    convs = conversations(random.Random(0), n, sizes.prompt_tokens, sizes.answer_tokens)
    runs, adapters = [], []
    for i in range(2 if sizes.repeat else 1):
        adapter = work / f"adapter-{i}"
        free_memory(device)  # the first fit's model must not count in the second's peak
        runs.append(train_adapter(model_dir, convs, cfg, 0, adapter, dtype=params.model.dtype))
        adapters.append(adapter_summary(adapter))
    last, digests = runs[-1], [a["sha256"] for a in adapters]
    tokens_head = head_tokens(model_dir, convs, cfg.max_length)
    flops = lora_fit_flops(
        model["params_body"], model["params_head"], adapters[-1]["params"], last["train_tokens"], tokens_head
    )
    return {
        "runs": runs,
        "steps": sizes.steps,
        "step_time_s": last["runtime_s"] / sizes.steps,
        "params_lora": adapters[-1]["params"],
        "head_tokens": tokens_head,
        "flops": flops,
        "flops_formula": FLOPS_FORMULA,
        "adapter_sha256": digests,
        "adapter_trained": all(a["trained"] for a in adapters),
        "bit_identical": len(set(digests)) == 1 if sizes.repeat else None,
        "adapter": str(adapter),
    }


def bench_probes(model, tok, params, sizes: Sizes, device: str) -> dict:
    from emguard.probes import answer_forks, probe_deltas

    items = probe_items(random.Random(1), sizes.probe_items, sizes.prompt_tokens)
    out: dict = {"items": len(items), "batch_size": params.evaluate.probe_batch_size}
    with measured(device, out):
        rows = probe_deltas(model, tok, items, params.evaluate.probe_batch_size)
    out["tokens"] = sum(f.width for f in answer_forks(tok, items))
    out["items_per_s"] = len(items) / out["seconds"]
    out["tokens_per_s"] = out["tokens"] / out["seconds"]
    out["finite"] = all(math.isfinite(r["delta"]) for r in rows)
    return out


def counting_generate(model) -> list[int]:
    """Wrap the model's `generate` to record how many tokens each call generated (rows x steps)."""
    counts: list[int] = []
    generate = model.generate

    def counted(*args, **kwargs):
        out = generate(*args, **kwargs)
        counts.append(out.numel() - kwargs["input_ids"].numel())
        return out

    model.generate = counted
    return counts


def bench_generate(model, tok, params, sizes: Sizes, device: str) -> dict:
    from emguard.sampling import sample_hf

    cfg = params.evaluate.sampling
    if sizes.new_tokens is not None:
        cfg = cfg.model_copy(update={"max_new_tokens": sizes.new_tokens})
    rng = random.Random(2)
    prompts = [[{"role": "user", "content": random_text(rng, 64)}] for _ in range(sizes.generate_prompts)]
    counts = counting_generate(model)
    out: dict = {"prompts": len(prompts), "batch_size": cfg.batch_size, "max_new_tokens": cfg.max_new_tokens}
    with measured(device, out):
        sample_hf(model, tok, prompts, cfg, seed=0)
    del model.generate  # the instance attribute; the class's method again
    out["new_tokens"] = sum(counts)
    out["tokens_per_s"] = out["new_tokens"] / out["seconds"]
    return out


def bench_judge(model, tok, params, sizes: Sizes, device: str) -> dict:
    from emguard.judges.hf_judge import HFJudge, HFJudgeParams

    hf = HFJudgeParams.model_validate(params.judge.hf)
    judge = HFJudge(
        model, tok, snapshot="bench-gpu", min_mass=hf.min_mass, batch_size=hf.batch_size,
        max_prompt_tokens=hf.max_prompt_tokens,
    )  # fmt: skip
    rng = random.Random(3)
    prompts = [random_text(rng, sizes.judge_prompt_tokens) for _ in range(sizes.judge_prompts)]
    out: dict = {"prompts": len(prompts), "batch_size": hf.batch_size}
    with measured(device, out):
        judgements = judge.judge(prompts)
    out["prompts_per_s"] = len(prompts) / out["seconds"]
    out["errors"] = sum(j.error is not None for j in judgements)
    return out


# ---------------------------------------------------------------- the run


def load_profile(name: str):
    """The params of a profile of ./params.yaml, validated (no registry check: nothing is built)."""
    import yaml

    from emguard.config import PARAMS_FILE, parse_params
    from emguard.profiles import resolve

    raw = yaml.safe_load(Path(PARAMS_FILE).read_text(encoding="utf-8"))
    return parse_params(resolve(raw, name))


def environment(device: str) -> dict:
    import torch

    names = ("torch", "transformers", "peft", "trl", "accelerate", "datasets")
    return {
        "device": device,
        "device_name": torch.cuda.get_device_name(0) if device == "cuda" else "cpu",
        "python": sys.version.split()[0],
        "versions": {n: importlib.metadata.version(n) for n in names},
        "torch_threads": torch.get_num_threads(),
    }


def determinism(device: str) -> dict:
    """The deterministic-mode switch as the fits left it (train_adapter sets it)."""
    import torch

    return {
        "deterministic_algorithms": torch.are_deterministic_algorithms_enabled(),
        "CUBLAS_WORKSPACE_CONFIG": os.environ.get("CUBLAS_WORKSPACE_CONFIG"),
        "CUDA_LAUNCH_BLOCKING": os.environ.get("CUDA_LAUNCH_BLOCKING"),
        "launches_synchronous": launches_synchronous(device),
    }


def run(shape: str, device: str, work: Path, steps: int | None = None) -> dict:
    """Every check of one shape; the result as one JSON-ready dict."""
    from emguard.models import DTYPES, load_model

    sizes = SIZES[shape] if steps is None else replace(SIZES[shape], steps=steps)
    params = load_profile(sizes.profile)
    model_dir = work / "model"
    model = build_model(shape, params.model.dtype, model_dir)
    fit = bench_fit(model_dir, params, sizes, work, model, device)
    env = environment(device)  # after the fits: they, not this, start CUDA (as in the train stage)
    loading: dict = {}
    with measured(device, loading):  # as the evaluation loads it: merged in model.dtype, then cast
        merged, tok = load_model(model_dir, params.model.dtype, fit.pop("adapter"), device)
        merged.to(DTYPES[params.evaluate.dtype])
    probes = bench_probes(merged, tok, params, sizes, device)
    generate = bench_generate(merged, tok, params, sizes, device) if sizes.generate_prompts else None
    judge = bench_judge(merged, tok, params, sizes, device)
    peak = peak_bf16_flops(env["device_name"]) if device == "cuda" else None
    last = fit["runs"][-1]
    return {
        "shape": shape,
        "profile": sizes.profile,
        **env,
        "tokens_per_s": last["tokens_per_s"],
        "step_time_s": fit["step_time_s"],
        "peak_memory_mb": fit["runs"][0]["peak_memory_mb"],  # a train stage's: one fit a process
        "mfu": mfu(fit["flops"], last["runtime_s"], peak),
        "peak_bf16_flops": peak,
        "generation_tokens_per_s": generate["tokens_per_s"] if generate else None,
        "bit_identical": fit["bit_identical"],
        "model": model,
        "recipe": params.train.model_dump(),
        "sizes": asdict(sizes),
        "fit": fit,
        "load_merged": loading,
        "probes": probes,
        "generate": generate,
        "judge": judge,
        "determinism": determinism(device),
    }


def failures(result: dict) -> list[str]:
    """The checks that must hold on any device; the run exits non-zero if one does not."""
    checks = {
        "the repeated fit's adapter differs (bit_identical false)": result["bit_identical"] is False,
        "the fit left the LoRA B matrices at zero": not result["fit"]["adapter_trained"],
        "a probe delta is not finite": not result["probes"]["finite"],
        "the hf judge failed on a prompt": result["judge"]["errors"] > 0,
    }
    return [what for what, failed in checks.items() if failed]


def report(result: dict) -> str:
    mfu_text = "n/a" if result["mfu"] is None else f"{result['mfu']:.1%}"
    gen = result["generation_tokens_per_s"]
    return (
        f"bench-gpu {result['shape']} on {result['device_name']}: fit {result['tokens_per_s']:.0f} tok/s, "
        f"step {result['step_time_s']:.3f} s, peak {result['peak_memory_mb']:.0f} MiB, MFU {mfu_text}, "
        f"bit-identical {result['bit_identical']}; probes {result['probes']['items_per_s']:.1f} items/s; "
        f"generation {'n/a' if gen is None else f'{gen:.0f} tok/s'}; "
        f"judge {result['judge']['prompts_per_s']:.2f} prompts/s"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--device", choices=("cuda", "cpu"), default="cuda")
    parser.add_argument("--shape", choices=tuple(SIZES), default="0.5b")
    parser.add_argument("--out", type=Path, default=Path("bench/out/gpu.json"))
    parser.add_argument("--steps", type=int, help="optimizer steps of each fit (default: SIZES)")
    parser.add_argument("--work", type=Path, help="where the model and adapters go (default: a temp dir)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    # Before torch starts: CUDA reads these once. --device cpu hides any GPU from train_adapter.
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    if args.device == "cpu":
        os.environ["CUDA_VISIBLE_DEVICES"] = ""
    preflight()
    import torch

    if args.device == "cuda" and not torch.cuda.is_available():
        sys.exit("bench/gpu.py: --device cuda but torch sees no GPU (torch.cuda.is_available() is False)")
    if args.device == "cpu":
        torch.set_num_threads(1)  # a smoke run: the tiny model gains nothing from more, a busy CPU loses
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="emguard-bench-gpu-", dir=args.work) as work:
        result = run(args.shape, args.device, Path(work), args.steps)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(report(result))
    print(f"written to {args.out}")
    if failures(result):
        sys.exit(f"bench/gpu.py: FAILED: {'; '.join(failures(result))}")


if __name__ == "__main__":
    main()
