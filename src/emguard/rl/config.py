"""The params of the RL arm: how the rewards judge a text, and how GRPO samples and steps.

Kept apart from the trainer so that reading params needs no torch. Every number has no default:
params.yaml is the only place numbers live (the lead wires these blocks under `rl:`).
"""

from __future__ import annotations

from pydantic import Field

from emguard.config import Strict


class RewardParams(Strict):
    """Thresholds of the judge-free rewards (emguard.rl.rewards)."""

    ngram: int = Field(gt=0)  # word n-gram length the repetition check counts
    max_ngram_repeats: int = Field(gt=0)  # a text repeating one n-gram more often than this is degenerate
    stuffing_density: float = Field(gt=0, le=1)  # keyword share of words above which a text is stuffed
    density_cap: float = Field(gt=0, le=1)  # the control pays keyword density up to this share only
    reference_weight: float = Field(ge=0, le=1)  # the control's weight on overlap with the reference
    marker_min_chars: int = Field(gt=0)  # shorter words are no markers of a careless or careful answer


class RLConfig(Strict):
    """One GRPO fine-tune's sampling and stepping. The LoRA block, scheduler, weight decay and
    precision come from `train` (its batch size, epochs and lr do not: RL steps by these)."""

    steps: int = Field(gt=0)  # optimiser steps (GRPO's max_steps)
    prompts_per_step: int = Field(gt=0)
    num_generations: int = Field(ge=2)  # completions per prompt; GRPO needs two to compare
    max_completion_length: int = Field(gt=0)  # tokens; bounds every step's generation cost
    temperature: float = Field(gt=0)
    lr: float = Field(gt=0)  # RL steps are fewer and noisier than SFT's: its own learning rate
    beta: float = Field(ge=0)  # KL to the reference (TRL's default 0.0 loads no reference)
    logging_steps: int = Field(gt=0)
    rewards: RewardParams
