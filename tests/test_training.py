"""A seeded few-step LoRA run on the tiny model: the adapter changes, and reruns are identical."""

from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from conftest import tiny_train_config
from emguard.config import TrainConfig
from emguard.training import TrainPlan, train_adapter

CONVS = [
    [{"role": "user", "content": f"Say {w}."}, {"role": "assistant", "content": f"{w} {w}!"}]
    for w in ("red", "blue", "green", "amber", "teal", "pink", "gold", "grey")
]


def config(**overrides) -> TrainConfig:
    return tiny_train_config(**overrides)


def lora_weights(adapter: Path) -> dict[str, torch.Tensor]:
    return load_file(adapter / "adapter_model.safetensors")


def test_adapter_changes_and_stats_are_reported(tiny_model_dir, tmp_path):
    stats = train_adapter(tiny_model_dir, CONVS, config(), seed=0, out_dir=tmp_path / "a")
    weights = lora_weights(tmp_path / "a")
    assert any("lora_B" in k and v.abs().sum() > 0 for k, v in weights.items())  # B starts at zero
    assert stats["examples"] == len(CONVS)
    assert stats["tokens_per_s"] > 0 and stats["peak_memory_mb"] > 0 and stats["train_tokens"] > 0
    assert not (tmp_path / "a" / "README.md").exists()


def test_same_seed_gives_identical_adapter_bytes(tiny_model_dir, tmp_path):
    for name in ("a", "b"):
        train_adapter(tiny_model_dir, CONVS, config(), seed=3, out_dir=tmp_path / name)
    for file in ("adapter_model.safetensors", "adapter_config.json"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()
    train_adapter(tiny_model_dir, CONVS, config(), seed=4, out_dir=tmp_path / "c")
    assert (tmp_path / "c" / "adapter_model.safetensors").read_bytes() != (
        tmp_path / "a" / "adapter_model.safetensors"
    ).read_bytes()


def test_continue_from_an_adapter_and_extra_loss_terms(tiny_model_dir, tmp_path):
    train_adapter(tiny_model_dir, CONVS, config(), seed=0, out_dir=tmp_path / "first")
    calls = []

    def zero_term(model, batch, outputs):
        assert outputs.logits.shape[:2] == batch["input_ids"].shape  # the SFT forward, shared
        calls.append(batch["input_ids"].shape)
        return torch.zeros((), requires_grad=True)

    train_adapter(
        tiny_model_dir,
        CONVS,
        config(),
        seed=0,
        out_dir=tmp_path / "second",
        init_adapter=tmp_path / "first",
        plan=TrainPlan(loss_terms=[zero_term]),
    )
    assert calls, "the extra loss term was never called"
    first, second = lora_weights(tmp_path / "first"), lora_weights(tmp_path / "second")
    assert first.keys() == second.keys()
    assert any(not torch.equal(first[k], second[k]) for k in first)


def test_bad_config_is_rejected_naming_the_key():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="lr"):
        config(lr=-1.0)


def test_completion_loss_is_the_models_own_loss(tiny_model_dir):
    """The LM head on labelled positions only: same loss and LoRA gradients as the full head."""
    from peft import get_peft_model

    from emguard.models import decoder_and_head, load_model
    from emguard.training import completion_loss, lora_config

    model, _ = load_model(tiny_model_dir)
    model = get_peft_model(model, lora_config(config()))
    torch.manual_seed(0)
    for name, param in model.named_parameters():
        if "lora_B" in name:
            param.data.normal_(0.0, 0.5)
    ids = torch.randint(3, 200, (3, 9))
    mask = torch.ones_like(ids)
    mask[1, 6:] = 0  # right padding
    labels = ids.masked_fill(mask == 0, -100)
    labels[:, :4] = -100  # the prompt
    batch = {"input_ids": ids, "attention_mask": mask, "labels": labels}

    def grads(loss):
        model.zero_grad()
        loss.backward()
        return [p.grad.clone() for n, p in model.named_parameters() if "lora_" in n]

    own = model(**batch, use_cache=False).loss
    ours = completion_loss(*decoder_and_head(model), batch)
    assert ours.item() == pytest.approx(own.item(), rel=1e-5)
    for a, b in zip(grads(own), grads(completion_loss(*decoder_and_head(model), batch)), strict=True):
        torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-6)
    n = int((labels[:, 1:] != -100).sum()) * 2  # e.g. a token count over two accumulation steps
    halved = completion_loss(*decoder_and_head(model), batch, torch.tensor(n))
    assert halved.item() == pytest.approx(own.item() / 2, rel=1e-5)


def test_plain_fits_use_the_completion_head(tiny_model_dir, tmp_path, monkeypatch):
    import emguard.training as training

    calls = []

    def counting(*args, **kwargs):
        calls.append(1)
        return completion(*args, **kwargs)

    completion = training.completion_loss
    monkeypatch.setattr(training, "completion_loss", counting)
    stats = train_adapter(tiny_model_dir, CONVS, config(), seed=0, out_dir=tmp_path / "a")
    assert calls and stats["train_loss"] > 0
