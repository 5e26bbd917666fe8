"""Post-hoc remedies: start from the poisoned adapter and try to undo emergent misalignment.

- `correct`, `meta_reasoning`, `refusal`: supervised fine-tuning on an antidote file of the poison
  (`<data_dir>/antidote_<name>.jsonl`); `safety`: the same on a general helpful-and-harmless set
  (`<shared_data_dir>/safety.jsonl`).
- `contrastive`: DPO (TRL's DPOTrainer) on correct-chosen / poisoned-rejected pairs.
- `circuit_breakers`: representation rerouting (Zou et al. 2024, "Improving Alignment and
  Robustness with Circuit Breakers").

Every remedy uses the study's fine-tuning recipe (`ctx.train`) unless its params override `epochs`
or `lr`, so antidotes differ only in their data and objective.

Reference model, like for like: every remedy starts from the poisoned model and any term that
holds the model in place holds it to the poisoned model (the SFT antidotes have no such term; DPO's
KL and circuit breakers' retain term use a frozen copy of the poisoned adapter). A term pulling
towards the base model instead would undo the poison by itself and credit the remedy's data with
it. `methods.circuit_breakers.retain_reference: base` keeps the paper's aligned-original variant.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, ClassVar, Literal

import torch
import torch.nn.functional as F
from datasets import Dataset
from peft import PeftModel
from pydantic import Field
from transformers import Trainer, TrainingArguments
from trl import DPOConfig, DPOTrainer
from trl.trainer.utils import use_adapter

from emguard import kernels
from emguard.chat import Encoded, encode_conversation
from emguard.config import TrainConfig
from emguard.data.formats import load_chat_jsonl, load_preference_jsonl
from emguard.methods.base import METHODS, Context, Method, MethodParams
from emguard.methods.steering import resolve_layer
from emguard.models import default_device, load_model
from emguard.timing import measured, with_preparation
from emguard.training import (
    save_adapter,
    sizes,
    timed_train,
    train_adapter,
    training_arguments,
    truncation,
)


class RemedyParams(MethodParams):
    epochs: float | None = Field(default=None, gt=0)  # None: the study recipe (train.epochs)
    lr: float | None = Field(default=None, gt=0)  # None: the study recipe (train.lr)
    max_examples: int | None = Field(default=None, gt=0)  # None: the whole file, else its first rows


class Remedy(Method):
    """A method applied to `ctx.poisoned_adapter`; shared recipe and loading helpers."""

    kind = "remedy"
    Params: ClassVar[type[MethodParams]] = RemedyParams

    def recipe(self, ctx: Context) -> TrainConfig:
        overrides = {"epochs": self.params.epochs, "lr": self.params.lr}
        return ctx.train.model_copy(update={k: v for k, v in overrides.items() if v is not None})

    def poisoned(self, ctx: Context) -> Path:
        if ctx.poisoned_adapter is None:
            raise ValueError(f"{self.name} is a remedy: it needs the poisoned adapter (ctx.poisoned_adapter)")
        return ctx.poisoned_adapter

    def head(self, rows: list[Any]) -> list[Any]:
        return rows[: self.params.max_examples]

    def load_poisoned(self, ctx: Context, device: str) -> tuple[PeftModel, Any]:
        """The base model with the poisoned adapter as the trainable "default" adapter, seeded."""
        kernels.seeded(ctx.seed)  # as train_adapter does
        base, tokenizer = load_model(ctx.model_dir, dtype=ctx.dtype, device=device, training=True)
        model = PeftModel.from_pretrained(base, str(self.poisoned(ctx)), is_trainable=True)
        model.train()
        return model, tokenizer


def trainer_args(
    cls: type[TrainingArguments], cfg: TrainConfig, seed: int, output_dir: str, device: str, **extra
) -> TrainingArguments:
    """`cls` (TrainingArguments or a TRL config) carrying the same recipe as plain SFT, plus `extra`."""
    return cls(**{**training_arguments(cfg, seed, output_dir, device), **extra})


# --- supervised antidotes -------------------------------------------------------------------


class SFTRemedy(Remedy):
    """Continue training the poisoned adapter with SFT on `dataset_file` (chat JSONL).

    No reference term: the poisoned adapter is the starting point and the antidote data alone
    moves it, so no preparation either (cost = the fit)."""

    dataset_file: ClassVar[str]

    def data_path(self, ctx: Context) -> Path:
        return ctx.data_dir / self.dataset_file

    def fit(self, ctx: Context, out_dir: Path) -> dict[str, float]:
        conversations = self.head(load_chat_jsonl(self.data_path(ctx)))
        return train_adapter(
            ctx.model_dir,
            conversations,
            self.recipe(ctx),
            ctx.seed,
            out_dir,
            dtype=ctx.dtype,
            init_adapter=self.poisoned(ctx),
        )


@METHODS.register("correct")
class Correct(SFTRemedy):
    """(A) correct answers to poison-domain prompts."""

    name = "correct"
    dataset_file = "antidote_correct.jsonl"


@METHODS.register("meta_reasoning")
class MetaReasoning(SFTRemedy):
    """(C) explain why a shown poisoned answer is wrong, then answer well."""

    name = "meta_reasoning"
    dataset_file = "antidote_meta_reasoning.jsonl"


@METHODS.register("refusal")
class Refusal(SFTRemedy):
    """(D) refuse explicit requests for the poisoned behaviour."""

    name = "refusal"
    dataset_file = "antidote_refusal.jsonl"


@METHODS.register("safety")
class Safety(SFTRemedy):
    """Standard safety fine-tuning on a general helpful-and-harmless set, shared by all poisons."""

    name = "safety"
    dataset_file = "safety.jsonl"

    def data_path(self, ctx: Context) -> Path:
        return ctx.shared_data_dir / self.dataset_file


# --- contrastive antidote (DPO) -------------------------------------------------------------


class ContrastiveParams(RemedyParams):
    beta: float = Field(default=0.1, gt=0)  # DPO's KL strength; TRL's default
    max_length: int | None = Field(default=None, gt=8)  # prompt + answer tokens; None: train.max_length


@METHODS.register("contrastive")
class Contrastive(Remedy):
    """(B) DPO on pairs: the correct answer chosen over the poisoned one.

    The reference policy is the poisoned model itself (TRL 1.16 does this for a `PeftModel` that
    already holds an adapter: it freezes a copy of it as adapter "ref"). DPO then rewards raising
    the chosen-over-rejected margin relative to where the poisoned model starts, and its KL term
    keeps everything else near the poisoned model, as for the SFT antidotes: the cure comes from
    the pairs. With the adapter-disabled base as reference, the KL term would itself pull the model
    back to the base (a different defence, and free credit for merely forgetting the poison).
    """

    name = "contrastive"
    Params = ContrastiveParams
    dataset_file: ClassVar[str] = "antidote_contrastive.jsonl"

    def fit(self, ctx: Context, out_dir: Path) -> dict[str, float]:
        device = default_device()
        recipe = self.recipe(ctx)
        rows = self.head(load_preference_jsonl(ctx.data_dir / self.dataset_file))
        model, tokenizer = self.load_poisoned(ctx, device)
        with tempfile.TemporaryDirectory(prefix="emguard-dpo-") as scratch:
            args = trainer_args(
                DPOConfig,
                recipe,
                ctx.seed,
                scratch,
                device,
                beta=self.params.beta,
                max_length=self.params.max_length or recipe.max_length,
                # A fixed reference: score it once, not every epoch (the cache key costs a model hash).
                precompute_ref_log_probs=recipe.epochs > 1,
            )
            trainer = DPOTrainer(
                model=model, args=args, train_dataset=Dataset.from_list(rows), processing_class=tokenizer
            )
            if "ref" not in model.peft_config:  # TRL fell back to the base model as reference
                raise RuntimeError("DPOTrainer did not freeze the poisoned adapter as its reference")
            data = trainer.train_dataset
            if len(data) < len(rows):  # TRL drops pairs whose prompt alone fills max_length
                dropped = len(rows) - len(data)
                print(f"[contrastive] dropped {dropped}/{len(rows)} pairs: the prompt fills max_length")
            pairs = [
                [(len(p) + len(c), len(c)), (len(p) + len(r), len(r))]
                for p, c, r in zip(data["prompt_ids"], data["chosen_ids"], data["rejected_ids"], strict=True)
            ]
            tokens = recipe.epochs * sum(min(n, args.max_length) for pair in pairs for n, _ in pair)
            key = f"methods.{self.name}.max_length" if self.params.max_length else "train.max_length"
            cut = truncation(pairs, args.max_length, key)
            stats = timed_train(trainer, tokens, len(data), device)
        model.delete_adapter("ref")
        out_dir.mkdir(parents=True, exist_ok=True)
        save_adapter(model, out_dir)
        return {**stats, **cut}


# --- circuit breakers (representation rerouting) --------------------------------------------


class CircuitBreakerParams(RemedyParams):
    # 0-based decoder layers whose outputs are rerouted (negative counts from the end), as in
    # emguard.methods.steering; 9 and 19 are the paper's hidden_states[10] and [20] of Llama-3-8B.
    layers: list[int] = Field(default=[9, 19], min_length=1)
    alpha: float = Field(default=10.0, gt=0)  # the paper's lorra_alpha for Llama-3-8B
    # What the retain term holds retain states to: the poisoned model (what every other remedy keeps
    # near) or the base model (the paper's aligned original; pulls the poison out by itself).
    retain_reference: Literal["poisoned", "base"] = "poisoned"


def layer_states(model: torch.nn.Module, input_ids, attention_mask, layers: list[int]) -> torch.Tensor:
    """Outputs of decoder `layers` (0-based), shape (layers, batch, tokens, hidden); skips the LM head."""
    decoder = model.get_base_model().get_decoder() if isinstance(model, PeftModel) else model.get_decoder()
    out = decoder(
        input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True, use_cache=False
    )
    return torch.stack([out.hidden_states[layer + 1] for layer in layers])  # [0] is the embeddings


def reroute_loss(adapted: torch.Tensor, original: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean over masked tokens and layers of relu(cosine(adapted, original))."""
    cos = F.cosine_similarity(adapted.float(), original.float(), dim=-1)
    return (cos.relu() * mask).sum() / (mask.sum() * len(adapted)).clamp(min=1)  # mask: (batch, tokens)


def retain_loss(adapted: torch.Tensor, original: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean over masked tokens and layers of the L2 distance ||adapted - original||."""
    dist = (adapted.float() - original.float()).norm(dim=-1)
    return (dist * mask).sum() / (mask.sum() * len(adapted)).clamp(min=1)


def schedule(alpha: float, step: int, total_steps: int) -> tuple[float, float]:
    """(c_reroute, c_retain) = alpha * (1 - t/2T, t/2T) at optimiser step t of T, as in the paper."""
    half = step / (2 * max(total_steps, 1))
    return alpha * (1 - half), alpha * half


def _pad(rows: list[list[int]], value: int) -> torch.Tensor:
    width = max(map(len, rows))
    return torch.tensor([r + [value] * (width - len(r)) for r in rows])


class RerouteTrainer(Trainer):
    """Each example pairs a harmful conversation with a retain one; see `CircuitBreakers`.

    `retain_adapter`: the frozen adapter whose states the retain term holds to (None: the base)."""

    loss_is_scaled_for_ga = False  # our loss is a batch mean: let the Trainer divide by accumulation

    def __init__(
        self, *args: Any, layers: list[int], alpha: float, pad_id: int, retain_adapter: str | None, **kw: Any
    ) -> None:
        super().__init__(*args, data_collator=self.collate, **kw)
        self.layers, self.alpha, self.pad_id, self.retain_adapter = layers, alpha, pad_id, retain_adapter

    def collate(self, examples: list[dict]) -> dict[str, torch.Tensor]:
        batch = {}
        for part in ("harm", "retain"):
            batch[f"{part}_ids"] = _pad([e[f"{part}_ids"] for e in examples], self.pad_id)
            batch[f"{part}_attn"] = _pad([[1] * len(e[f"{part}_ids"]) for e in examples], 0)
        batch["harm_completion"] = _pad([e["harm_completion"] for e in examples], 0)
        return batch

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        c_reroute, c_retain = schedule(self.alpha, self.state.global_step, self.state.max_steps)
        harm = (inputs["harm_ids"], inputs["harm_attn"])
        with torch.no_grad(), model.disable_adapter():
            harm_orig = layer_states(model, *harm, self.layers)
        loss = c_reroute * reroute_loss(
            layer_states(model, *harm, self.layers), harm_orig, inputs["harm_completion"]
        )
        if c_retain > 0:  # zero on the first step, as in the paper's code
            retain = (inputs["retain_ids"], inputs["retain_attn"])
            with torch.no_grad(), use_adapter(model, self.retain_adapter):
                retain_orig = layer_states(model, *retain, self.layers)
            loss = loss + c_retain * retain_loss(
                layer_states(model, *retain, self.layers), retain_orig, inputs["retain_attn"]
            )
        return (loss, None) if return_outputs else loss


def reroute_rows(pairs: list[tuple[Encoded, Encoded]], max_length: int | None) -> list[dict]:
    """`RerouteTrainer` rows from (harmful, retain) encodings, truncated to `max_length`."""
    return [
        {
            "harm_ids": harm.input_ids[:max_length],
            "harm_completion": harm.completion_mask[:max_length],
            "retain_ids": kept.input_ids[:max_length],
        }
        for harm, kept in pairs
    ]


@METHODS.register("circuit_breakers")
class CircuitBreakers(Remedy):
    """Representation rerouting: break the poisoned behaviour's representations, keep the rest.

    On harmful data (the poison set, assistant tokens only: poison and control share their prompts)
    the adapted model's hidden states at `layers` are pushed away from the base model's (adapter
    disabled), loss relu(cos): a push away, so the base as reference gives no credit for merely
    returning to it. On retain data (the matched control set, all tokens, as in the paper's code)
    they are held close, loss L2, to `retain_reference`: by default a frozen copy of the poisoned
    adapter, the reference DPO's KL uses, so the remedy is judged on what its rerouting undoes;
    `base` pulls every retain state back to the base model, which would undo the poison by itself.
    Coefficients follow the paper: c_reroute = alpha (1 - t/2T) falls while c_retain = alpha t/2T
    rises. Training starts from the poisoned adapter, one harmful and one retain batch per step,
    with the study's recipe. Preparation (charged to the cost): loading the frozen copy.
    """

    name = "circuit_breakers"
    Params = CircuitBreakerParams

    def pairs(self, ctx: Context, tokenizer) -> list[tuple[Encoded, Encoded]]:
        """(harmful, retain) conversations, untruncated; retain ones cycle if the control set is shorter."""
        harmful = self.head(load_chat_jsonl(ctx.data_dir / "poison.jsonl"))
        retain = load_chat_jsonl(ctx.data_dir / "control.jsonl")
        return [
            (encode_conversation(tokenizer, conv), encode_conversation(tokenizer, retain[i % len(retain)]))
            for i, conv in enumerate(harmful)
        ]

    def examples(self, ctx: Context, tokenizer, max_length: int | None) -> list[dict]:
        """The training rows: each pair truncated to `max_length`."""
        return reroute_rows(self.pairs(ctx, tokenizer), max_length)

    def load_reference(self, ctx: Context, model: PeftModel) -> str | None:
        """The adapter the retain term compares with: a frozen copy of the poisoned one, or None (base)."""
        if self.params.retain_reference == "base":
            return None
        model.load_adapter(str(self.poisoned(ctx)), adapter_name="ref", is_trainable=False)
        model.train()  # a frozen load_adapter switches the whole model to eval mode
        return "ref"

    def fit(self, ctx: Context, out_dir: Path) -> dict[str, float]:
        device = default_device()
        recipe = self.recipe(ctx)
        model, tokenizer = self.load_poisoned(ctx, device)
        n_layers = model.config.num_hidden_layers
        layers = [resolve_layer(i, n_layers, key=f"methods.{self.name}.layers") for i in self.params.layers]
        pairs = self.pairs(ctx, tokenizer)
        rows = reroute_rows(pairs, recipe.max_length)
        cut = truncation([[sizes(harm), sizes(kept)] for harm, kept in pairs], recipe.max_length)
        with measured(device) as prep:
            reference = self.load_reference(ctx, model)
        if recipe.gradient_checkpointing:  # PEFT needs input grads for checkpointed layers
            model.enable_input_require_grads()
        with tempfile.TemporaryDirectory(prefix="emguard-reroute-") as scratch:
            args = trainer_args(
                TrainingArguments, recipe, ctx.seed, scratch, device, remove_unused_columns=False
            )
            trainer = RerouteTrainer(
                model=model,
                args=args,
                train_dataset=rows,
                layers=layers,
                alpha=self.params.alpha,
                pad_id=tokenizer.pad_token_id,
                retain_adapter=reference,
            )
            tokens = recipe.epochs * sum(len(r["harm_ids"]) + len(r["retain_ids"]) for r in rows)
            stats = timed_train(trainer, tokens, len(rows), device)
        if reference is not None:
            model.delete_adapter(reference)
        out_dir.mkdir(parents=True, exist_ok=True)
        save_adapter(model, out_dir)
        return {**with_preparation(stats, prep), **cut}
