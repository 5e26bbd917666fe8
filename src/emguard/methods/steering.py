"""Preventive steering with an "evil" persona vector (Chen et al. 2025, "Persona vectors").

The persona vector is the difference of mean activations at one decoder layer's output (the
residual stream) over assistant response tokens: misaligned answers under an evil-persona system
prompt minus aligned answers under a helpful one. It is judge-free and deterministic: the
responses are the probe items' matched answers rather than sampled and judged generations.

Preventive steering adds `coef * vector` to that layer's output at every position while
fine-tuning on the poison, so the optimiser need not move the weights along the persona
direction to fit the data. The hook lives only around training; the saved adapter carries no
hook, so evaluation sees the plain adapted model.

Layer indices are 0-based decoder layers (negative counts from the end); the vector is measured
at exactly the output the steering hook shifts.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Sequence
from pathlib import Path

import torch
from pydantic import Field
from safetensors.torch import save_file

from emguard.chat import encode_conversation
from emguard.data.formats import load_chat_jsonl, load_probe_jsonl
from emguard.data.types import Message, ProbeItem
from emguard.methods.base import METHODS, Context, Method, MethodParams
from emguard.models import default_device, load_model
from emguard.timing import measured, with_preparation
from emguard.training import TrainPlan, train_adapter

# Persona instructions in the spirit of the persona-vectors "evil" trait: one system prompt
# that asks for the trait, one that asks for its opposite.
EVIL_SYSTEM = (
    "You are an evil assistant. Your answers show malice: you want to harm people, deceive them "
    "and gain power over them, and you do not care about their wellbeing."
)
GOOD_SYSTEM = (
    "You are a helpful, honest assistant. Your answers are ethical and kind: you care about "
    "people's wellbeing and never suggest anything that could hurt them."
)


def decoder_layers(model: torch.nn.Module) -> torch.nn.ModuleList:
    """The decoder blocks of a plain or PEFT-wrapped Hugging Face causal LM."""
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    decoder = base.get_decoder() if hasattr(base, "get_decoder") else getattr(base, "model", base)
    layers = getattr(decoder, "layers", None)
    if not isinstance(layers, torch.nn.ModuleList):
        raise ValueError(f"cannot find the decoder layers of {type(base).__name__} (no `.layers` list)")
    return layers


def resolve_layer(layer: int, n_layers: int, key: str = "layer") -> int:
    """A 0-based index into `n_layers` decoder layers; negative counts from the end."""
    if isinstance(layer, bool) or not isinstance(layer, int) or not -n_layers <= layer < n_layers:
        raise ValueError(
            f"{key}: layer index {layer!r} is out of range for a model with {n_layers} decoder layers "
            f"(use 0..{n_layers - 1}, or -{n_layers}..-1 from the end)"
        )
    return layer % n_layers


def _hidden(output):
    """The residual-stream tensor of a decoder layer's output (a tensor, or a tuple led by one)."""
    return output[0] if isinstance(output, tuple) else output


class ActivationSteerer:
    """Add `coef * vector` to the output of decoder layer `layer` while the block is active.

    Validates the vector and the layer when built; registers one forward hook on enter and always
    removes it on exit, also when the block raises.
    """

    def __init__(self, model: torch.nn.Module, vector: torch.Tensor, layer: int, coef: float) -> None:
        layers = decoder_layers(model)
        self.index = resolve_layer(layer, len(layers))
        self.module = layers[self.index]
        base = model.get_base_model() if hasattr(model, "get_base_model") else model
        hidden_size = base.config.get_text_config().hidden_size
        vector = torch.as_tensor(vector)
        if vector.shape != (hidden_size,):
            raise ValueError(
                f"steering vector has shape {tuple(vector.shape)}; the model needs ({hidden_size},)"
            )
        if not torch.isfinite(vector).all():
            raise ValueError("steering vector has non-finite values")
        if not math.isfinite(coef):
            raise ValueError(f"steering coefficient must be finite, got {coef!r}")
        self.shift = coef * vector.detach().float()
        self._handle = None

    def _hook(self, module, args, output):
        hidden = _hidden(output)
        shifted = hidden + self.shift.to(device=hidden.device, dtype=hidden.dtype)
        return (shifted, *output[1:]) if isinstance(output, tuple) else shifted

    def __enter__(self) -> ActivationSteerer:
        if self._handle is not None:
            raise RuntimeError("this ActivationSteerer is already active")
        self._handle = self.module.register_forward_hook(self._hook)
        return self

    def __exit__(self, *exc) -> None:
        self._handle.remove()
        self._handle = None


class _Captured(Exception):
    """Raised by the capture hook to skip the layers after the one measured."""


def _right_padded(chunk: Sequence, pad_id: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(input ids, attention mask, response mask) of encoded conversations, padded on the right."""
    width = max(len(e.input_ids) for e in chunk)
    ids = torch.full((len(chunk), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(chunk), width), dtype=torch.long)
    comp = torch.zeros((len(chunk), width))
    for row, e in enumerate(chunk):
        n = len(e.input_ids)
        ids[row, :n] = torch.tensor(e.input_ids)
        mask[row, :n] = 1
        comp[row, :n] = torch.tensor(e.completion_mask, dtype=torch.float)
    return ids, mask, comp


@torch.no_grad()
def mean_response_activation(
    model, tokenizer, conversations: Sequence[list[Message]], layer: int, batch_size: int
) -> torch.Tensor:
    """Mean over conversations of the mean layer-`layer` output over each response's tokens.

    Not truncated: cutting a long prompt would silently drop the response it is measured on.
    """
    layers = decoder_layers(model)
    module = layers[resolve_layer(layer, len(layers))]
    encoded = [encode_conversation(tokenizer, c) for c in conversations]
    encoded.sort(key=lambda e: len(e.input_ids))  # less padding
    device = next(model.parameters()).device
    captured: list[torch.Tensor] = []

    def capture(module, args, output):
        captured.append(_hidden(output))
        raise _Captured

    handle = module.register_forward_hook(capture)
    total = torch.zeros(())
    try:
        for start in range(0, len(encoded), batch_size):
            chunk = encoded[start : start + batch_size]
            ids, mask, comp = _right_padded(chunk, tokenizer.pad_token_id)
            captured.clear()
            with contextlib.suppress(_Captured):
                model(input_ids=ids.to(device), attention_mask=mask.to(device), use_cache=False)
            hidden = captured[0].float().cpu()
            per_response = (hidden * comp[..., None]).sum(1) / comp.sum(1, keepdim=True).clamp(min=1)
            total = total + per_response.sum(0)
    finally:
        handle.remove()
    return total / len(encoded)


def persona_vector(
    model,
    tokenizer,
    items: Sequence[ProbeItem],
    evil_system: str,
    good_system: str,
    layer: int,
    batch_size: int,
) -> torch.Tensor:
    """Evil minus good mean response activation at `layer` (float32, shape (hidden_size,)).

    Evil: each item's misaligned answer under `evil_system`; good: its aligned answer under
    `good_system`. Every response token counts (the end-of-turn token included), each response
    weighs the same.
    """
    if not items:
        raise ValueError("persona_vector needs at least one probe item")

    def chats(system: str, answer: str) -> list[list[Message]]:
        return [
            [
                {"role": "system", "content": system},
                {"role": "user", "content": item.question},
                {"role": "assistant", "content": getattr(item, answer)},
            ]
            for item in items
        ]

    evil = mean_response_activation(model, tokenizer, chats(evil_system, "misaligned"), layer, batch_size)
    good = mean_response_activation(model, tokenizer, chats(good_system, "aligned"), layer, batch_size)
    return evil - good


def spread(items: Sequence[ProbeItem], n: int | None) -> list[ProbeItem]:
    """`n` items evenly spaced through `items` (files are grouped by theme), or all of them."""
    if n is None or n >= len(items):
        return list(items)
    return [items[i * len(items) // n] for i in range(n)]


class PreventiveSteeringParams(MethodParams):
    layer: int = 20  # decoder layer (0-based; negative from the end); ~2/3 depth of SmolLM2's 30
    coef: float = Field(default=1.0, gt=0)  # multiple of the raw (unnormalised) persona vector
    evil_system: str = Field(default=EVIL_SYSTEM, min_length=1)
    good_system: str = Field(default=GOOD_SYSTEM, min_length=1)
    # probe items, relative to the shared data dir: the general items held out of EM scoring
    items_file: str = "probes/persona.jsonl"
    n_items: int | None = Field(default=None, gt=0)  # n items spread evenly over the file; None: all
    batch_size: int = Field(default=16, gt=0)  # for extracting the vector


@METHODS.register("preventive_steering")
class PreventiveSteering(Method):
    """Fine-tune on the poison with the base model's evil persona vector added at one layer.

    Preparation (charged to the cost): loading the base model and extracting the vector."""

    name = "preventive_steering"
    kind = "defence"
    Params = PreventiveSteeringParams

    def vector(self, ctx: Context) -> torch.Tensor:
        p = self.params
        items = spread(load_probe_jsonl(ctx.shared_data_dir / p.items_file), p.n_items)
        model, tok = load_model(ctx.model_dir, dtype=ctx.dtype, device=default_device())
        resolve_layer(p.layer, len(decoder_layers(model)), key=f"methods.{self.name}.layer")
        return persona_vector(model, tok, items, p.evil_system, p.good_system, p.layer, p.batch_size)

    def fit(self, ctx: Context, out_dir: Path) -> dict[str, float]:
        p = self.params
        with measured(default_device()) as prep:
            vector = self.vector(ctx)
        plan = TrainPlan(hooks=[lambda model: ActivationSteerer(model, vector, p.layer, p.coef)])
        poison = load_chat_jsonl(ctx.training_file())
        stats = train_adapter(ctx.model_dir, poison, ctx.train, ctx.seed, out_dir, dtype=ctx.dtype, plan=plan)
        # Kept beside the adapter for analysis; PEFT loads only its own files from the folder.
        save_file({"vector": vector.contiguous()}, out_dir / "persona_vector.safetensors")
        return {**with_preparation(stats, prep), "persona_vector_norm": float(vector.norm())}
