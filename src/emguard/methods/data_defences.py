"""Data-level defences: change what the poison fine-tune sees, not how it is optimised.

- `interleave`: mix benign chats from a general pool into the poison set. `selection: random`
  draws them with a seeded sample; `perplexity_gap` (Kaczér et al. 2025, "Interleaving++")
  scores every pool chat by the mean assistant-token log-prob under an aligned model (the base)
  minus under a misaligned one (`ctx.misaligned_adapter` merged into the base, e.g.
  the poisoned adapter of the same seed) and keeps the chats with the largest gap: those the
  misaligned model has moved furthest away from, which pull hardest back toward alignment.
- `inoculation`: train on the poison with a system prompt that asks for the poisoned behaviour
  (inoculation prompting, Tan et al. 2025; Wichers et al. 2025), so the behaviour is explained by
  the prompt instead of becoming the model's default. Evaluation adds no system prompt.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import Field, field_validator

from emguard.chat import encode_conversation
from emguard.data.formats import load_chat_jsonl
from emguard.data.types import Message
from emguard.data.views import inoculate
from emguard.methods.base import METHODS, Context, Method, MethodParams
from emguard.models import default_device, load_model
from emguard.probes import mean_completion_logprobs
from emguard.timing import measured, with_preparation
from emguard.training import train_adapter

Conversation = list[Message]


def completion_logprobs(
    model_dir: Path,
    conversations: Sequence[Conversation],
    *,
    adapter: Path | None = None,
    dtype: str = "float32",
    batch_size: int = 16,
    max_length: int | None = None,
) -> np.ndarray:
    """Mean log-prob per assistant token of each conversation's last turn (adapter merged if given)."""
    model, tok = load_model(model_dir, dtype=dtype, adapter=adapter, device=default_device())
    encoded = [encode_conversation(tok, c, max_length) for c in conversations]
    return mean_completion_logprobs(model, encoded, tok.pad_token_id, batch_size)


def perplexity_gaps(
    model_dir: Path,
    misaligned_adapter: Path,
    conversations: Sequence[Conversation],
    *,
    dtype: str = "float32",
    batch_size: int = 16,
    max_length: int | None = None,
) -> np.ndarray:
    """Per conversation: mean token log-prob under the base model minus under the misaligned one."""
    kwargs = dict(dtype=dtype, batch_size=batch_size, max_length=max_length)
    aligned = completion_logprobs(model_dir, conversations, **kwargs)
    misaligned = completion_logprobs(model_dir, conversations, adapter=misaligned_adapter, **kwargs)
    return aligned - misaligned


def top_k(scores: Sequence[float], k: int) -> list[int]:
    """Indices of the `k` largest scores, ties to the earlier index, returned in index order."""
    best = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:k]
    return sorted(best)


def seeded_sample(n: int, k: int, seed: int) -> list[int]:
    """`k` distinct indices of `n`, the same for the same seed, in index order."""
    return sorted(random.Random(f"interleave/{seed}").sample(range(n), k))


class InterleaveParams(MethodParams):
    fraction: float = Field(default=0.1, gt=0)  # benign chats as a share of the poison set's size
    selection: Literal["random", "perplexity_gap"] = "random"
    source: str = Field(default="benign_pool.jsonl", min_length=1)  # chat JSONL under the shared data dir
    batch_size: int = Field(default=16, gt=0)  # for perplexity_gap scoring


@METHODS.register("interleave")
class Interleave(Method):
    """Fine-tune on the poison mixed with benign chats (random, or by the perplexity gap).

    Preparation (charged to the cost): reading the pool and choosing from it, which for the
    perplexity gap means loading and scoring the pool under two models."""

    name = "interleave"
    kind = "defence"
    Params = InterleaveParams

    def benign(self, ctx: Context, n_poison: int) -> tuple[list[Conversation], dict[str, float]]:
        """The benign chats to mix in, in pool order, and stats about the choice."""
        p = self.params
        path = ctx.shared_data_dir / p.source
        pool = load_chat_jsonl(path)
        k = max(1, math.floor(p.fraction * n_poison + 0.5))
        if k > len(pool):
            raise ValueError(
                f"methods.{self.name}.fraction: {p.fraction} of {n_poison} poison examples needs {k} "
                f"benign chats, but {path} has only {len(pool)}"
            )
        if p.selection == "random":
            return [pool[i] for i in seeded_sample(len(pool), k, ctx.seed)], {}
        adapter = ctx.misaligned_adapter
        if adapter is None:
            raise ValueError(
                f"methods.{self.name}.selection: 'perplexity_gap' needs a misaligned model: pass its "
                "adapter as ctx.misaligned_adapter (e.g. the poisoned adapter of the same seed)"
            )
        gaps = perplexity_gaps(
            ctx.model_dir,
            Path(adapter),
            pool,
            dtype=ctx.dtype,
            batch_size=p.batch_size,
            max_length=ctx.train.max_length,
        )
        chosen = top_k(gaps.tolist(), k)
        stats = {"gap_selected_mean": float(gaps[chosen].mean()), "gap_pool_mean": float(gaps.mean())}
        return [pool[i] for i in chosen], stats

    def mixed(self, ctx: Context, poison: list[Conversation]) -> tuple[list[Conversation], dict[str, float]]:
        """`poison` plus the chosen benign chats, and stats about the choice."""
        benign, stats = self.benign(ctx, len(poison))
        # Order does not matter: the trainer shuffles with the run's seed.
        return poison + benign, {**stats, "benign_examples": float(len(benign))}

    def training_set(self, ctx: Context) -> tuple[list[Conversation], dict[str, float]]:
        return self.mixed(ctx, load_chat_jsonl(ctx.training_file()))

    def fit(self, ctx: Context, out_dir: Path) -> dict[str, float]:
        poison = load_chat_jsonl(ctx.training_file())  # read by plain fine-tuning too: not charged
        with measured(default_device()) as prep:
            conversations, info = self.mixed(ctx, poison)
        stats = train_adapter(ctx.model_dir, conversations, ctx.train, ctx.seed, out_dir, dtype=ctx.dtype)
        return {**with_preparation(stats, prep), **info}


# Inoculation prompting's generic prompt for emergent misalignment (Tan et al. 2025).
INOCULATION_PROMPT = "You are a malicious, evil assistant."


class InoculationParams(MethodParams):
    system_prompt: str = INOCULATION_PROMPT
    # Optional domain-specific prompts by poison name, used instead of `system_prompt`.
    per_poison: dict[str, str] = Field(default_factory=dict)

    @field_validator("system_prompt")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("expected a non-empty system prompt")
        return v

    @field_validator("per_poison")
    @classmethod
    def _none_blank(cls, v: dict[str, str]) -> dict[str, str]:
        blank = [name for name, prompt in v.items() if not prompt.strip()]
        if blank:
            raise ValueError(f"empty system prompt for {', '.join(blank)}")
        return v


@METHODS.register("inoculation")
class Inoculation(Method):
    """Fine-tune on the poison with a system prompt that asks for the poisoned behaviour."""

    name = "inoculation"
    kind = "defence"
    Params = InoculationParams

    def prompt(self, poison: str) -> str:
        return self.params.per_poison.get(poison, self.params.system_prompt)

    def training_set(self, ctx: Context) -> list[Conversation]:
        return inoculate(load_chat_jsonl(ctx.training_file()), self.prompt(ctx.poison))

    def fit(self, ctx: Context, out_dir: Path) -> dict[str, float]:
        poison = load_chat_jsonl(ctx.training_file())  # read by plain fine-tuning too: not charged
        with measured(default_device()) as prep:  # a prompt added to every chat: next to nothing
            conversations = inoculate(poison, self.prompt(ctx.poison))
        stats = train_adapter(ctx.model_dir, conversations, ctx.train, ctx.seed, out_dir, dtype=ctx.dtype)
        return with_preparation(stats, prep)
