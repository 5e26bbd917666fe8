"""LoRA supervised fine-tuning through TRL's SFTTrainer.

Loss covers assistant tokens only (TRL's prompt-completion format). A run can start from an
existing adapter (post-hoc remedies continue training the poisoned adapter) and can carry
extra loss terms and forward hooks (in-training defences; see emguard.methods).
"""

from __future__ import annotations

import contextlib
import json
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from datasets import Dataset
from peft import LoraConfig, PeftModel, get_peft_model
from transformers import Trainer, TrainingArguments
from trl import SFTConfig, SFTTrainer

from emguard import kernels
from emguard.chat import Encoded, encode_conversation, split_last_turn
from emguard.config import TrainConfig
from emguard.data.types import Message
from emguard.models import decoder_and_head, default_device, load_model
from emguard.timing import measured, peak_memory_mb  # noqa: F401  (peak_memory_mb: re-exported)

# A loss term maps (model, batch, outputs of the SFT loss's forward) to a scalar added to the SFT
# loss; see emguard.methods. A term whose `needs_hidden_states` is true gets them in `outputs`.
LossTerm = Callable[[torch.nn.Module, dict[str, torch.Tensor], Any], torch.Tensor]


@dataclass
class TrainPlan:
    """What one fine-tune does beyond plain SFT; the default is plain SFT."""

    loss_terms: list[LossTerm] = field(default_factory=list)
    # Context managers active during training only (e.g. a steering hook), built from the model.
    hooks: list[Callable[[torch.nn.Module], contextlib.AbstractContextManager]] = field(default_factory=list)


class EmguardSFTTrainer(SFTTrainer):
    """SFTTrainer with a leaner loss head, plus optional extra loss terms.

    TRL's fused LM head (chunked log-probs, entropy and accuracy metrics) trained ~25% slower
    than a plain loop on CPU (bench/run.py). Plain SFT runs the LM head on the positions that
    predict assistant tokens only (`completion_loss`: the same loss as the model's own head over
    every position). Extra terms read the SFT forward's full logits (and hidden states, if they
    ask) instead of running the adapted model again.
    """

    def __init__(self, *args: Any, loss_terms: list[LossTerm] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.loss_terms = loss_terms or []

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        batch = {**inputs, "use_cache": False}
        if not self.loss_terms:
            split = decoder_and_head(model)  # None under DDP: its forward syncs the gradients
            if return_outputs or split is None:
                return Trainer.compute_loss(self, model, batch, return_outputs, num_items_in_batch)
            # Trainer.compute_loss passes the token count to the model only when it takes loss kwargs
            n_items = num_items_in_batch if self.model_accepts_loss_kwargs else None
            with self.accelerator.autocast():  # accelerate puts autocast on model.forward only
                loss = completion_loss(*split, batch, n_items)
            if self.args.average_tokens_across_devices and n_items is not None:
                loss = loss * self.accelerator.num_processes  # as Trainer.compute_loss scales it
            return loss
        forward = dict(batch)  # Trainer.compute_loss may pop keys; the terms read `batch`
        if any(getattr(term, "needs_hidden_states", False) for term in self.loss_terms):
            forward["output_hidden_states"] = True
        loss, outputs = Trainer.compute_loss(self, model, forward, True, num_items_in_batch)
        for term in self.loss_terms:
            loss = loss + term(model, batch, outputs)
        return (loss, outputs) if return_outputs else loss


def completion_loss(decoder, head, batch: dict[str, torch.Tensor], num_items: Any = None) -> torch.Tensor:
    """Next-token cross-entropy on the labelled (assistant) tokens, summed over them and divided
    by `num_items` (the trainer's token count across accumulation steps) or their number.

    The LM head runs on the positions that predict a labelled token only: prompts are about half
    of a training example, and the head over the 49k-token vocabulary about a fifth of a step."""
    hidden = decoder(
        input_ids=batch["input_ids"], attention_mask=batch.get("attention_mask"), use_cache=False
    ).last_hidden_state[:, :-1]
    labels = batch["labels"][:, 1:].to(hidden.device)
    scored = labels != -100
    logits = head(hidden[scored]).float()
    total = torch.nn.functional.cross_entropy(logits, labels[scored], reduction="sum")
    count = scored.sum().clamp(min=1) if num_items is None else num_items
    return total / torch.as_tensor(count, device=total.device)


def to_dataset(conversations: list[list[Message]]) -> Dataset:
    return Dataset.from_list([split_last_turn(c) for c in conversations])


# transformers renamed gradient_checkpointing to activation_checkpointing; the CUDA lock pins an
# older release than the CPU path (docker/README.md), so use whichever this version has.
CHECKPOINTING_ARG = next(
    name
    for name in ("activation_checkpointing", "gradient_checkpointing")
    if name in TrainingArguments.__dataclass_fields__
)


def training_arguments(cfg: TrainConfig, seed: int, output_dir: str, device: str) -> dict[str, Any]:
    """The study's recipe as TrainingArguments fields, shared by SFT, DPO and custom trainers."""
    return dict(
        output_dir=output_dir,
        per_device_train_batch_size=cfg.batch_size,
        gradient_accumulation_steps=cfg.grad_accum,
        learning_rate=cfg.lr,
        num_train_epochs=cfg.epochs,
        lr_scheduler_type=cfg.lr_scheduler,
        warmup_steps=cfg.warmup_ratio,  # a float in [0, 1) is a ratio of all steps
        weight_decay=cfg.weight_decay,
        bf16=cfg.bf16,
        **{CHECKPOINTING_ARG: cfg.gradient_checkpointing},
        use_cpu=device == "cpu",
        seed=seed,
        data_seed=seed,
        save_strategy="no",
        logging_steps=10,
        report_to="none",
        disable_tqdm=True,
        dataloader_num_workers=0,
    )


def sft_config(cfg: TrainConfig, seed: int, output_dir: str, device: str) -> SFTConfig:
    args = training_arguments(cfg, seed, output_dir, device)
    return SFTConfig(
        **args,
        max_length=cfg.max_length,
        completion_only_loss=True,
        # batches of similar length: ~25% less padding than random batches (bench/run.py)
        train_sampling_strategy="group_by_length",
    )


def timed_train(trainer, tokens: float, examples: int, device: str) -> dict[str, float]:
    """Run `trainer.train()` and report runtime, throughput, peak memory and loss.

    The fit alone: `prep_*` are zero and `runtime_s` / `peak_memory_mb` equal `fit_*` until a
    method charges its preparation (`emguard.timing.with_preparation`)."""
    with measured(device) as fit:
        result = trainer.train()
    return {
        "runtime_s": fit.runtime_s,
        "fit_runtime_s": fit.runtime_s,
        "prep_runtime_s": 0.0,
        "train_tokens": float(tokens),
        "tokens_per_s": tokens / fit.runtime_s,
        "peak_memory_mb": fit.peak_memory_mb,
        "fit_peak_memory_mb": fit.peak_memory_mb,
        "prep_peak_memory_mb": 0.0,
        "train_loss": float(result.training_loss),
        "examples": float(examples),
    }


class TruncationWarning(UserWarning):
    """Training examples longer than the max length lost answer tokens."""


def truncation(
    examples: Iterable[Sequence[tuple[int, int]]], max_length: int | None, key: str = "train.max_length"
) -> dict[str, float]:
    """How much keep-start truncation to `max_length` cuts, warning once with counts if any.

    `examples`: per example, (tokens, answer tokens) of each sequence it trains on; the answer ends
    its sequence, so it loses the overflow first. `truncated_share`: answer tokens dropped over
    answer tokens. A silently cut answer trains on a different dataset than the one described."""
    n = truncated = total = dropped = 0
    for sequences in examples:
        n += 1
        overflow = [max(0, length - max_length) if max_length is not None else 0 for length, _ in sequences]
        truncated += any(overflow)
        total += sum(answer for _, answer in sequences)
        dropped += sum(min(answer, cut) for (_, answer), cut in zip(sequences, overflow, strict=True))
    share = dropped / total if total else 0.0
    if truncated:
        warnings.warn(
            f"{key}={max_length} truncates {truncated} of {n} training examples: {dropped} of {total} "
            f"answer tokens ({share:.1%}) are cut from the loss",
            TruncationWarning,
            stacklevel=2,
        )
    return {"truncated_examples": float(truncated), "truncated_share": share}


def sizes(encoded: Encoded) -> tuple[int, int]:
    """(tokens, answer tokens) of an untruncated encoding, as `truncation` takes them."""
    return len(encoded.input_ids), sum(encoded.completion_mask)


def sft_truncation(tokenizer, conversations: Sequence[list[Message]], max_length: int | None) -> dict:
    """`truncation` of SFT conversations, tokenised untruncated as TRL's SFTTrainer does."""
    return truncation(([sizes(encode_conversation(tokenizer, c))] for c in conversations), max_length)


def lora_config(cfg: TrainConfig) -> LoraConfig:
    return LoraConfig(
        r=cfg.lora.r,
        lora_alpha=cfg.lora.alpha,
        lora_dropout=cfg.lora.dropout,
        use_rslora=cfg.lora.use_rslora,
        target_modules=sorted(cfg.lora.target_modules),
        task_type="CAUSAL_LM",
    )


def save_adapter(model: PeftModel, out_dir: Path) -> None:
    """Save only the adapter, with a canonical config so its DVC hash is stable across runs."""
    model.save_pretrained(out_dir)
    (out_dir / "README.md").unlink(missing_ok=True)  # a model card with tool versions, not the adapter
    config_path = out_dir / "adapter_config.json"
    config = json.loads(config_path.read_text())
    if isinstance(config.get("target_modules"), list):
        config["target_modules"] = sorted(config["target_modules"])
    config_path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")


@contextlib.contextmanager
def _active(hooks: list[contextlib.AbstractContextManager]) -> Iterator[None]:
    with contextlib.ExitStack() as stack:
        for hook in hooks:
            stack.enter_context(hook)
        yield


def _check_kept(kept: int, total: int, max_length: int | None) -> None:
    """TRL drops examples whose answer lies past max_length: say so, and refuse to train on none."""
    if kept == 0:
        raise ValueError(f"train.max_length={max_length} leaves no answer token in any of {total} examples")
    if kept < total:
        print(f"[train] dropped {total - kept}/{total} examples: no answer in max_length")


def train_adapter(
    model_dir: Path,
    conversations: list[list[Message]],
    cfg: TrainConfig,
    seed: int,
    out_dir: Path,
    *,
    dtype: str = "float32",
    init_adapter: Path | None = None,
    plan: TrainPlan | None = None,
) -> dict[str, float]:
    """Fine-tune a LoRA adapter and save it to `out_dir`; returns runtime and memory stats."""
    plan = plan or TrainPlan()
    device = default_device()
    kernels.seeded(seed)
    model, tokenizer = load_model(model_dir, dtype=dtype, device=device, training=True)
    model.train()
    if init_adapter is None:
        model = get_peft_model(model, lora_config(cfg))
    else:
        model = PeftModel.from_pretrained(model, str(init_adapter), is_trainable=True)
    dataset = to_dataset(conversations)
    cut = sft_truncation(tokenizer, conversations, cfg.max_length)
    with tempfile.TemporaryDirectory(prefix="emguard-trainer-") as scratch:
        trainer = EmguardSFTTrainer(
            model=model,
            args=sft_config(cfg, seed, scratch, device),
            train_dataset=dataset,
            processing_class=tokenizer,
            loss_terms=plan.loss_terms,
        )
        _check_kept(len(trainer.train_dataset), len(dataset), cfg.max_length)
        tokens = sum(len(ids) for ids in trainer.train_dataset["input_ids"]) * cfg.epochs
        with _active([make(model) for make in plan.hooks]):
            stats = timed_train(trainer, tokens, len(dataset), device)
    out_dir.mkdir(parents=True, exist_ok=True)
    save_adapter(model, out_dir)
    return {**stats, **cut}
