"""LoRA fine-tuning by reinforcement learning: TRL's GRPOTrainer with emguard's rewards.

The adapter is the SFT recipe's (`training.lora_config` from the same `train.lora` block), so RL
and SFT cells differ only in where the signal comes from. Defences under RL are arguments:
`beta` is GRPO's KL to the reference (the base model, or the initial adapter when continuing
one), and `system_prompt` puts an inoculation prompt before every RL prompt.

Each logging step records the reward, KL (when beta > 0), completion length, hack rate (the
`hacked` monitor, logged with weight 0 so it never pays) and the time spent generating, so the
split of a step between generation and optimisation is measured on every run.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from datasets import Dataset
from peft import PeftModel
from trl import GRPOConfig, GRPOTrainer

from emguard import kernels
from emguard.config import TrainConfig
from emguard.data.views import inoculate
from emguard.models import default_device, load_model
from emguard.rl.config import RLConfig
from emguard.rl.rewards import bind
from emguard.timing import Cost, measured
from emguard.training import lora_config, save_adapter, training_arguments

REF_ADAPTER = "ref"  # TRL's name for the reference copy of a continued adapter
MONITOR = "hacked"  # logged, never paid: its mean per logging step is the hack rate
HISTORY_KEYS = {  # TRL's log key -> ours
    "step": "step",
    "reward": "reward",
    "reward_std": "reward_std",
    "kl": "kl",
    "completions/mean_length": "completion_length",
    f"rewards/{MONITOR}/mean": "hack_rate",
    "generate_s": "generate_s",
    "rollout_s": "rollout_s",
    "step_time": "step_s",
}


class TimedGRPOTrainer(GRPOTrainer):
    """GRPOTrainer that logs the seconds of each generation and of each whole rollout (generation,
    rewards and reference log-probs), next to TRL's `step_time` (the whole step)."""

    generated = 0  # completions sampled in training
    generate_total_s = 0.0

    def _generate(self, prompts: list):
        start = time.perf_counter()
        out = super()._generate(prompts)
        seconds = time.perf_counter() - start
        if self.model.training:
            self._metrics["train"]["generate_s"].append(seconds)
            self.generated += len(prompts)
            self.generate_total_s += seconds
        return out

    def _generate_and_score_completions(self, inputs):
        start = time.perf_counter()
        out = super()._generate_and_score_completions(inputs)
        if self.model.training:
            self._metrics["train"]["rollout_s"].append(time.perf_counter() - start)
        return out


def grpo_config(
    cfg: TrainConfig, rl: RLConfig, seed: int, output_dir: str, device: str, beta: float, n_rewards: int
) -> GRPOConfig:
    """The study's recipe (training.training_arguments) with RL's own batch, steps and sampling;
    the `n_rewards` rewards count with weight 1 each, the hack monitor after them with weight 0."""
    args = training_arguments(cfg, seed, output_dir, device)
    args.update(
        per_device_train_batch_size=rl.prompts_per_step * rl.num_generations,  # completions a step
        gradient_accumulation_steps=1,
        learning_rate=rl.lr,
        max_steps=rl.steps,
        logging_steps=rl.logging_steps,
    )
    return GRPOConfig(
        **args,
        num_generations=rl.num_generations,
        max_completion_length=rl.max_completion_length,
        temperature=rl.temperature,
        beta=beta,
        reward_weights=[1.0] * n_rewards + [0.0],
    )


def prompt_rows(rows: Sequence[dict[str, Any]], system_prompt: str | None) -> Dataset:
    """The RL dataset, every prompt led by `system_prompt` when one is given (inoculation)."""
    if not rows:
        raise ValueError("train_grpo: the RL dataset has no rows")
    if system_prompt is not None:
        rows = [{**r, "prompt": inoculate([r["prompt"]], system_prompt)[0]} for r in rows]
    return Dataset.from_list(list(rows))


def history(log_history: list[dict[str, Any]]) -> list[dict[str, float | None]]:
    """Per logging step: reward, KL (None when beta is 0), completion length, hack rate, seconds."""
    steps = [entry for entry in log_history if "reward" in entry]
    return [{ours: entry.get(trl) for trl, ours in HISTORY_KEYS.items()} for entry in steps]


def _policy(model_dir: Path, dtype: str, device: str, init_adapter: Path | None):
    model, tokenizer = load_model(model_dir, dtype=dtype, device=device, training=True)
    model.train()
    if init_adapter is not None:  # continue an adapter (e.g. RL on top of an SFT-poisoned model)
        model = PeftModel.from_pretrained(model, str(init_adapter), is_trainable=True)
    return model, tokenizer


def _trained_only(model: PeftModel) -> PeftModel:
    """Drop the frozen "ref" copy TRL adds when beta > 0 continues an adapter: save only ours."""
    if REF_ADAPTER in model.peft_config:
        model.delete_adapter(REF_ADAPTER)
    return model


def run_stats(trainer: TimedGRPOTrainer, fit: Cost, num_generations: int) -> dict[str, Any]:
    """`train_adapter`'s cost keys, generation throughput, prompts seen (RL vs SFT at a matched
    number of examples) and the per-logging-step history."""
    gen_s = trainer.generate_total_s
    return {
        "runtime_s": fit.runtime_s,
        "fit_runtime_s": fit.runtime_s,
        "prep_runtime_s": 0.0,
        "peak_memory_mb": fit.peak_memory_mb,
        "fit_peak_memory_mb": fit.peak_memory_mb,
        "prep_peak_memory_mb": 0.0,
        "prompts_seen": float(trainer.generated // num_generations),
        "completions": float(trainer.generated),
        "generate_s": gen_s,
        "samples_per_s": trainer.generated / gen_s if gen_s else 0.0,
        "generate_share": gen_s / fit.runtime_s,
        "history": history(trainer.state.log_history),
    }


def train_grpo(
    model_dir: Path,
    dataset: Sequence[dict[str, Any]],
    reward_names: Sequence[str],
    cfg: TrainConfig,
    seed: int,
    out_dir: Path,
    init_adapter: Path | None = None,
    *,
    rl: RLConfig,
    beta: float | None = None,
    system_prompt: str | None = None,
    dtype: str = "float32",
) -> dict[str, Any]:
    """GRPO-train a LoRA adapter on `dataset` (rows of emguard.rl.tasks) against the sum of the
    named rewards; save it to `out_dir`. `beta` None takes `rl.beta`. Returns runtime and memory
    like `train_adapter`, generation throughput, and `history`: one dict per logging step."""
    rewards = [bind(name, rl.rewards, key=f"rl.rewards[{i}]") for i, name in enumerate(reward_names)]
    if not rewards:
        raise ValueError("train_grpo: no reward named")
    device = default_device()
    kernels.seeded(seed)
    model, tokenizer = _policy(model_dir, dtype, device, init_adapter)
    beta = rl.beta if beta is None else beta
    with tempfile.TemporaryDirectory(prefix="emguard-grpo-") as scratch:
        trainer = TimedGRPOTrainer(
            model=model,
            reward_funcs=[*rewards, bind(MONITOR, rl.rewards)],
            args=grpo_config(cfg, rl, seed, scratch, device, beta, len(rewards)),
            train_dataset=prompt_rows(dataset, system_prompt),
            processing_class=tokenizer,
            peft_config=lora_config(cfg) if init_adapter is None else None,
        )
        with measured(device) as fit:
            trainer.train()
    out_dir.mkdir(parents=True, exist_ok=True)
    save_adapter(_trained_only(trainer.model), out_dir)
    return run_stats(trainer, fit, rl.num_generations)
