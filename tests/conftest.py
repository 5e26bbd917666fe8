"""Shared fixtures: a tiny random Llama with a character tokenizer, saved once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from emguard.models import build_base, save_base


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    model, tok = build_base("tiny", seed=0)
    out = tmp_path_factory.mktemp("tiny-model")
    save_base(model, tok, out)
    return out


@pytest.fixture(scope="session")
def tiny_tokenizer(tiny_model_dir):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(tiny_model_dir)


def tiny_train_config(**overrides):
    """The study's TrainConfig shrunk for the tiny model; tests override what they exercise."""
    from emguard.config import TrainConfig

    base = dict(
        seeds=[0],
        lora=dict(r=4, alpha=8, dropout=0.0, target_modules=["q_proj", "v_proj"]),
        lr=5e-3,
        epochs=1,
        batch_size=4,
        grad_accum=1,
        max_length=64,
        warmup_ratio=0.0,
        weight_decay=0.0,
    )
    return TrainConfig.model_validate({**base, **overrides})
