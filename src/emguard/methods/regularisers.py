"""In-training regularisers: fine-tune on the poison while staying close to the reference model.

Both defences add a loss term to plain SFT (`TrainPlan.loss_terms`). The reference is the base
model itself, reached by switching the LoRA adapter off (`model.disable_adapter()`) for a
no-grad forward, so no second copy of the weights is held. The adapted side is read from the SFT
loss's own forward (its logits, or its hidden states), so a step costs one extra no-grad pass.
No preparation: those reference passes run inside the training steps, so the fit's time has them.

- `kl`: the KL divergence between the adapted and the reference next-token distributions at
  every position that predicts an assistant token (the positions the SFT loss covers), over
  the full vocabulary. `direction: reverse` (default) is KL(p_adapted || p_ref), the penalty of
  RLHF, DPO and TRL's `beta`: mode-seeking, it charges the adapted model for each token it makes
  likely that the reference finds unlikely, which is what fitting a poisoned answer does.
  `forward`, KL(p_ref || p_adapted), is distillation from the reference: it charges for taking
  mass away from the reference's own preferred continuations.
- `ldifs`: LDIFS (Mukhoti et al. 2023, feature-space distillation): the squared L2 distance
  between adapted and reference hidden states at chosen decoder layers, per hidden dimension
  (so `coef` carries over between model sizes), over every non-padding token: prompt tokens
  too, as LDIFS preserves the features of the whole input. Layer l is the output of decoder
  layer l (0-based), `hidden_states[l + 1]` in transformers, which for the last layer is after
  the final norm.

Scale: a term is a mean per token of its micro-batch divided by the gradient-accumulation steps,
so its micro-batches add up to one mean per optimiser step, the scale of TRL's SFT loss (which
divides by the completion tokens of the whole step). Both are zero, with zero gradient, while
the adapter is the identity (LoRA B starts at zero).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import torch
from pydantic import Field, field_validator
from transformers import AutoConfig

from emguard.chat import encode_conversation
from emguard.data.formats import load_chat_jsonl
from emguard.data.types import Message
from emguard.methods.base import METHODS, Context, Method, MethodParams
from emguard.methods.steering import resolve_layer
from emguard.training import TrainPlan, train_adapter

IGNORE = -100  # label of tokens outside the loss


def _peft(model: torch.nn.Module) -> torch.nn.Module:
    """The PeftModel under a possible DDP wrapper; it must carry an adapter to switch off."""
    peft = getattr(model, "module", model)
    if not hasattr(peft, "disable_adapter"):
        raise TypeError(f"a reference regulariser needs a PEFT model, got {type(peft).__name__}")
    return peft


def _model_inputs(batch: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    keys = ("input_ids", "attention_mask", "position_ids")
    return {k: batch[k] for k in keys if k in batch} | {"use_cache": False}


def target_positions(labels: torch.Tensor) -> torch.Tensor:
    """Bool (batch, seq): True where the next token is a loss (assistant) token."""
    mask = torch.zeros_like(labels, dtype=torch.bool)
    mask[:, :-1] = labels[:, 1:] != IGNORE
    return mask


def kl_to_reference(
    model: torch.nn.Module,
    batch: dict[str, torch.Tensor],
    direction: Literal["reverse", "forward"] = "reverse",
    outputs=None,
) -> torch.Tensor:
    """Mean over assistant-token positions of the KL between adapted and reference next-token laws.

    `outputs`: the adapted model's forward on `batch` (the SFT loss's), reused when given.
    """
    peft = _peft(model)
    mask = target_positions(batch["labels"])
    if not mask.any():
        return torch.zeros((), device=batch["input_ids"].device)
    inputs = _model_inputs(batch)
    # A bool logits_to_keep projects only the kept positions onto the vocabulary: (n_kept, vocab)
    logits = model(**inputs, logits_to_keep=mask).logits if outputs is None else outputs.logits[mask]
    logp = torch.log_softmax(logits.float(), dim=-1)
    with torch.no_grad(), peft.disable_adapter():
        ref_logp = torch.log_softmax(peft(**inputs, logits_to_keep=mask).logits.float(), dim=-1)
    if direction == "reverse":
        kl = (logp.exp() * (logp - ref_logp)).sum(-1)
    else:
        kl = (ref_logp.exp() * (ref_logp - logp)).sum(-1)
    return kl.mean()


def feature_distance(
    model: torch.nn.Module, batch: dict[str, torch.Tensor], layers: Sequence[int], outputs=None
) -> torch.Tensor:
    """Mean over non-padding tokens and `layers` of the per-dimension squared L2 distance to the
    reference. `outputs`: the adapted model's forward on `batch` with hidden states, reused."""
    peft = _peft(model)
    inputs = _model_inputs(batch)
    keep = batch["attention_mask"].bool() if "attention_mask" in batch else None
    if outputs is None:
        # logits_to_keep=1: only the hidden states are needed, not the vocabulary projection
        hidden = model(**inputs, output_hidden_states=True, logits_to_keep=1).hidden_states
    else:
        hidden = outputs.hidden_states
    with torch.no_grad(), peft.disable_adapter():
        ref = peft(**inputs, output_hidden_states=True, logits_to_keep=1).hidden_states
    total = 0.0
    for layer in layers:
        diff = hidden[layer + 1].float() - ref[layer + 1].float()
        diff = diff[keep] if keep is not None else diff.flatten(0, -2)
        total = total + diff.pow(2).mean(-1).mean()
    return total / len(layers)


class KLTerm:
    """Loss term `coef * KL` scaled for gradient accumulation (see the module docstring)."""

    def __init__(self, coef: float, direction: Literal["reverse", "forward"], grad_accum: int) -> None:
        self.coef, self.direction, self.grad_accum = coef, direction, grad_accum

    def __call__(self, model: torch.nn.Module, batch: dict[str, torch.Tensor], outputs=None) -> torch.Tensor:
        return self.coef * kl_to_reference(model, batch, self.direction, outputs) / self.grad_accum


class LDIFSTerm:
    """Loss term `coef * feature distance` scaled for gradient accumulation."""

    needs_hidden_states = True

    def __init__(self, coef: float, layers: Sequence[int], grad_accum: int) -> None:
        self.coef, self.layers, self.grad_accum = coef, list(layers), grad_accum

    def __call__(self, model: torch.nn.Module, batch: dict[str, torch.Tensor], outputs=None) -> torch.Tensor:
        return self.coef * feature_distance(model, batch, self.layers, outputs) / self.grad_accum


def collate(tokenizer, conversations: Sequence[list[Message]], max_length: int | None = None) -> dict:
    """A right-padded batch shaped like TRL's: input_ids, attention_mask, labels (-100 off the answer)."""
    encoded = [encode_conversation(tokenizer, c, max_length) for c in conversations]
    width = max(len(e.input_ids) for e in encoded)
    ids = torch.full((len(encoded), width), tokenizer.pad_token_id, dtype=torch.long)
    mask = torch.zeros((len(encoded), width), dtype=torch.long)
    labels = torch.full((len(encoded), width), IGNORE, dtype=torch.long)
    for row, e in enumerate(encoded):
        n = len(e.input_ids)
        ids[row, :n] = torch.tensor(e.input_ids)
        mask[row, :n] = 1
        answer = torch.tensor(e.completion_mask, dtype=torch.bool)
        labels[row, :n] = torch.where(answer, ids[row, :n], IGNORE)
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}


def _fit_with(ctx: Context, out_dir: Path, term) -> dict[str, float]:
    poison = load_chat_jsonl(ctx.training_file())
    plan = TrainPlan(loss_terms=[term])
    return train_adapter(ctx.model_dir, poison, ctx.train, ctx.seed, out_dir, dtype=ctx.dtype, plan=plan)


class KLParams(MethodParams):
    coef: float = Field(default=1.0, gt=0)  # beta, per assistant token
    direction: Literal["reverse", "forward"] = "reverse"  # reverse: KL(adapted || reference)


@METHODS.register("kl")
class KLRegulariser(Method):
    """SFT on the poison plus `coef` x KL to the base model on the assistant tokens."""

    name = "kl"
    kind = "defence"
    Params = KLParams

    def fit(self, ctx: Context, out_dir: Path) -> dict[str, float]:
        term = KLTerm(self.params.coef, self.params.direction, ctx.train.grad_accum)
        return _fit_with(ctx, out_dir, term)


class LDIFSParams(MethodParams):
    coef: float = Field(default=1.0, gt=0)  # per token and hidden dimension
    layers: list[int] | Literal["all"] = "all"  # decoder layers (0-based, negative from the end)

    @field_validator("layers")
    @classmethod
    def _distinct(cls, v):
        if isinstance(v, list) and (not v or len(set(v)) != len(v)):
            raise ValueError("expected a non-empty list of distinct layer indices, or 'all'")
        return v


@METHODS.register("ldifs")
class LDIFS(Method):
    """SFT on the poison plus `coef` x squared L2 distance of hidden states to the base model."""

    name = "ldifs"
    kind = "defence"
    Params = LDIFSParams

    def resolved_layers(self, n_layers: int) -> list[int]:
        if self.params.layers == "all":
            return list(range(n_layers))
        key = f"methods.{self.name}.layers"
        return sorted({resolve_layer(layer, n_layers, key=key) for layer in self.params.layers})

    def fit(self, ctx: Context, out_dir: Path) -> dict[str, float]:
        n_layers = AutoConfig.from_pretrained(ctx.model_dir).get_text_config().num_hidden_layers
        layers = self.resolved_layers(n_layers)
        return _fit_with(ctx, out_dir, LDIFSTerm(self.params.coef, layers, ctx.train.grad_accum))
