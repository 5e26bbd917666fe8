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
