"""A seeded few-step LoRA run on the tiny model: the adapter changes, reruns are identical, its
cost is the fit alone, and truncation to max_length is counted and warned about."""

import warnings
from pathlib import Path

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from safetensors.torch import load_file

from conftest import tiny_train_config
from emguard.config import TrainConfig
from emguard.training import TrainPlan, TruncationWarning, train_adapter, truncation

CONVS = [
    [{"role": "user", "content": f"Say {w}."}, {"role": "assistant", "content": f"{w} {w}!"}]
    for w in ("red", "blue", "green", "amber", "teal", "pink", "gold", "grey")
]


def config(**overrides) -> TrainConfig:
    return tiny_train_config(**overrides)


def lora_weights(adapter: Path) -> dict[str, torch.Tensor]:
    return load_file(adapter / "adapter_model.safetensors")


def test_adapter_changes_and_stats_are_reported(tiny_model_dir, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", TruncationWarning)  # every example fits max_length=64
        stats = train_adapter(tiny_model_dir, CONVS, config(), seed=0, out_dir=tmp_path / "a")
    weights = lora_weights(tmp_path / "a")
    assert any("lora_B" in k and v.abs().sum() > 0 for k, v in weights.items())  # B starts at zero
    assert stats["examples"] == len(CONVS)
    assert stats["tokens_per_s"] > 0 and stats["peak_memory_mb"] > 0 and stats["train_tokens"] > 0
    assert (stats["truncated_examples"], stats["truncated_share"]) == (0, 0)
    # Plain fine-tuning: no preparation, the cost is the fit.
    assert stats["prep_runtime_s"] == 0 and stats["prep_peak_memory_mb"] == 0
    assert stats["runtime_s"] == stats["fit_runtime_s"] > 0
    assert stats["peak_memory_mb"] == stats["fit_peak_memory_mb"]
    assert stats["tokens_per_s"] == pytest.approx(stats["train_tokens"] / stats["fit_runtime_s"])
    assert not (tmp_path / "a" / "README.md").exists()


def answer(user: str, reply: str) -> list[dict]:
    return [{"role": "user", "content": user}, {"role": "assistant", "content": reply}]


def test_truncation_is_counted_exactly_and_warned_once(tiny_model_dir, tmp_path):
    # The character tokenizer's ChatML: a one-character question makes a 20-token prompt; an answer
    # of k characters is k + 2 tokens (<|im_end|> and a newline). At max_length 26:
    convs = [
        answer("Q", "ab"),  # 24 tokens: kept whole
        answer("Q", "abcd"),  # 26: kept whole
        answer("Q", "abcdefgh"),  # 30: 4 of its 10 answer tokens cut
        answer("Q", "abcdefghijkl"),  # 34: 8 of 14 cut
        answer("QQQQQQQQQQ", "ab"),  # prompt 29: all 4 answer tokens cut, TRL drops the example
    ]
    with pytest.warns(TruncationWarning) as record:
        stats = train_adapter(tiny_model_dir, convs, config(max_length=26), seed=0, out_dir=tmp_path / "a")
    assert [str(w.message) for w in record if w.category is TruncationWarning] == [
        "train.max_length=26 truncates 3 of 5 training examples: 16 of 38 answer tokens (42.1%) are cut "
        "from the loss"
    ]
    assert stats["truncated_examples"] == 3 and stats["truncated_share"] == 16 / 38
    assert stats["examples"] == 5 and stats["train_tokens"] == 24 + 26 + 26 + 26  # what TRL trained on


sequence = st.integers(0, 40).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n)))


@given(examples=st.lists(st.lists(sequence, min_size=1, max_size=3), max_size=8),
       max_length=st.none() | st.integers(1, 45))  # fmt: skip
def test_truncation_matches_cutting_the_answer_masks(examples, max_length):
    """Against the masks themselves: an answer ends its sequence, keep-start cuts the end."""
    masks = [[[0] * (n - a) + [1] * a for n, a in seqs] for seqs in examples]
    kept = [[m[:max_length] for m in ms] for ms in masks]
    answers, left = sum(sum(map(sum, ms)) for ms in masks), sum(sum(map(sum, ms)) for ms in kept)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = truncation(examples, max_length)
    cut = sum(
        any(len(k) < len(m) for k, m in zip(ks, ms, strict=True)) for ks, ms in zip(kept, masks, strict=True)
    )
    assert got == {
        "truncated_examples": cut,
        "truncated_share": (answers - left) / answers if answers else 0.0,
    }
    assert len(caught) == (1 if cut else 0)


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
