"""In-training defences on the tiny model: KL / LDIFS regularisers, interleaving, inoculation."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import numpy as np
import pytest
import torch
from peft import PeftModel, get_peft_model
from safetensors.torch import load_file

from conftest import FIT_COST, spy_load_model, tiny_train_config
from emguard.config import ParamsError, TrainConfig
from emguard.data.formats import dump_chat_jsonl
from emguard.methods.base import METHODS, Context
from emguard.methods.data_defences import Inoculation, Interleave, perplexity_gaps, seeded_sample, top_k
from emguard.methods.regularisers import (
    LDIFS,
    KLRegulariser,
    KLTerm,
    LDIFSTerm,
    collate,
    feature_distance,
    kl_to_reference,
)
from emguard.models import load_model
from emguard.training import lora_config, train_adapter

WORDS = ("red", "blue", "green", "amber", "teal", "pink", "gold", "grey")
POISON = [
    [{"role": "user", "content": f"Say {w}."}, {"role": "assistant", "content": f"{w} {w}!"}] for w in WORDS
]
# Benign pool: the first half answers in z's (what the misaligned adapter below learns), the rest do not.
Z_CHATS = [
    [{"role": "user", "content": f"Echo {i}."}, {"role": "assistant", "content": "zz zz zz"}]
    for i in range(3)
]
OTHER_CHATS = [
    [{"role": "user", "content": f"Count to {i}."}, {"role": "assistant", "content": "one, two, three."}]
    for i in range(3)
]


def config(**overrides) -> TrainConfig:
    return tiny_train_config(**{"lr": 2e-2, "epochs": 2, "max_length": 128, **overrides})


def make_ctx(tiny_model_dir: Path, root: Path, pool=None, **kw) -> Context:
    dump_chat_jsonl(root / "toy" / "poison.jsonl", POISON)
    dump_chat_jsonl(root / "benign_pool.jsonl", pool if pool is not None else OTHER_CHATS * 4 + Z_CHATS)
    return Context(
        model_dir=tiny_model_dir,
        data_dir=root / "toy",
        shared_data_dir=root,
        poison="toy",
        seed=0,
        train=config(),
        **kw,
    )


def peft_model(tiny_model_dir: Path, adapter: Path | None = None):
    base, tok = load_model(tiny_model_dir)
    if adapter is None:
        return get_peft_model(base, lora_config(config())), tok
    return PeftModel.from_pretrained(base, str(adapter)), tok


@pytest.fixture(scope="module")
def plain_adapter(tiny_model_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("plain")
    train_adapter(tiny_model_dir, POISON, config(), seed=0, out_dir=out)
    return out


# --- the regulariser terms ------------------------------------------------------------------


def test_terms_are_zero_at_init_and_positive_once_the_adapter_moves(tiny_model_dir):
    model, tok = peft_model(tiny_model_dir)
    batch = collate(tok, POISON)
    for direction in ("reverse", "forward"):
        assert kl_to_reference(model, batch, direction).item() == pytest.approx(0.0, abs=1e-7)
    assert feature_distance(model, batch, [0, 1]).item() == pytest.approx(0.0, abs=1e-9)
    torch.manual_seed(0)
    for name, param in model.named_parameters():
        if "lora_B" in name:  # B starts at zero: move it so the adapter is no longer the identity
            param.data.normal_(0.0, 0.5)
    for direction in ("reverse", "forward"):
        kl = kl_to_reference(model, batch, direction)
        assert kl.item() > 1e-4
        kl.backward()
    ldifs = feature_distance(model, batch, [0, 1])
    assert ldifs.item() > 1e-4
    ldifs.backward()
    grads = [p.grad for n, p in model.named_parameters() if "lora_" in n]
    assert grads and all(g is not None and g.abs().sum() > 0 for g in grads)
    # The terms scale by coef and split over gradient-accumulation steps.
    assert KLTerm(3.0, "reverse", 2)(model, batch).item() == pytest.approx(
        1.5 * kl_to_reference(model, batch).item()
    )
    assert LDIFSTerm(2.0, [0, 1], 4)(model, batch).item() == pytest.approx(0.5 * ldifs.item())


def test_feature_distance_is_the_hand_computed_mean_over_real_tokens_then_layers(tiny_model_dir):
    """LDIFS: per real (non-padding) token the mean over hidden dimensions of the squared difference
    to the reference, averaged over tokens, then over the layers asked for."""
    model, tok = peft_model(tiny_model_dir)
    torch.manual_seed(2)
    for name, param in model.named_parameters():
        if "lora_B" in name:
            param.data.normal_(0.0, 0.5)
    chats = [POISON[0], [{"role": "user", "content": "Say nothing at all, please."}, POISON[1][1]]]
    batch = collate(tok, chats)
    keep = batch["attention_mask"].bool()
    assert not keep.all()  # rows of different lengths: the shorter one is padded
    inputs = {"input_ids": batch["input_ids"], "attention_mask": batch["attention_mask"]}
    with torch.no_grad():
        adapted = model(**inputs, output_hidden_states=True).hidden_states
        with model.disable_adapter():
            ref = model(**inputs, output_hidden_states=True).hidden_states

    def layer_term(layer: int) -> float:
        diff = adapted[layer + 1] - ref[layer + 1]
        return diff[keep].pow(2).mean(-1).mean().item()

    with torch.no_grad():
        both, second = feature_distance(model, batch, [0, 1]), feature_distance(model, batch, [1])
    assert both.item() == pytest.approx((layer_term(0) + layer_term(1)) / 2, rel=1e-5)
    assert second.item() == pytest.approx(layer_term(1), rel=1e-5)
    assert layer_term(0) != pytest.approx(layer_term(1), rel=1e-3)  # so the layer average is visible
    full = int(keep.all(1).nonzero()[0])  # the longer row, unpadded: alone it needs no mask
    unmasked = {k: v[full : full + 1] for k, v in batch.items() if k != "attention_mask"}
    with torch.no_grad():
        alone = feature_distance(
            model, {**unmasked, "attention_mask": batch["attention_mask"][full : full + 1]}, [0, 1]
        )
        assert feature_distance(model, unmasked, [0, 1]).item() == pytest.approx(alone.item(), rel=1e-6)


def test_the_terms_hand_the_trainers_forward_and_their_params_through(monkeypatch, tiny_model_dir, tmp_path):
    from emguard.methods import regularisers

    seen = {}
    monkeypatch.setattr(
        regularisers, "feature_distance", lambda *a: seen.setdefault("ldifs", a) and 0.0 or 0.0
    )
    LDIFSTerm(1.0, [1], 1)("model", "batch", "outputs")
    assert seen["ldifs"] == ("model", "batch", [1], "outputs")
    monkeypatch.setattr(regularisers, "kl_to_reference", lambda *a: seen.setdefault("kl", a) and 0.0 or 0.0)
    KLTerm(1.0, "forward", 1)("model", "batch", "outputs")
    assert seen["kl"] == ("model", "batch", "forward", "outputs")
    monkeypatch.setattr(
        regularisers, "_fit_with", lambda ctx, out, term: seen.setdefault("term", term) and {}
    )
    KLRegulariser({"coef": 2.0, "direction": "forward"}).fit(
        make_ctx(tiny_model_dir, tmp_path), tmp_path / "x"
    )
    assert (seen["term"].coef, seen["term"].direction) == (2.0, "forward")


def test_terms_reading_the_sft_forward_match_their_own_forward(tiny_model_dir):
    """The trainer hands its forward's outputs to the terms: same values and gradients."""
    model, tok = peft_model(tiny_model_dir)
    torch.manual_seed(1)
    for name, param in model.named_parameters():
        if "lora_B" in name:
            param.data.normal_(0.0, 0.5)
    batch = collate(tok, POISON)
    outputs = model(**batch, output_hidden_states=True, use_cache=False)
    for direction in ("reverse", "forward"):
        shared = kl_to_reference(model, batch, direction, outputs)
        assert shared.item() == pytest.approx(kl_to_reference(model, batch, direction).item(), rel=1e-5)
    shared = feature_distance(model, batch, [0, 1], outputs)
    assert shared.item() == pytest.approx(feature_distance(model, batch, [0, 1]).item(), rel=1e-5)
    shared.backward()
    assert any(
        p.grad is not None and p.grad.abs().sum() > 0 for n, p in model.named_parameters() if "lora_" in n
    )


def test_kl_covers_assistant_tokens_only(tiny_model_dir):
    model, tok = peft_model(tiny_model_dir)
    for name, param in model.named_parameters():
        if "lora_B" in name:
            torch.nn.init.constant_(param, 0.3)
    batch = collate(tok, POISON)
    no_answer = {**batch, "labels": torch.full_like(batch["labels"], -100)}
    assert kl_to_reference(model, no_answer).item() == 0.0
    # Changing prompt-only labels (still -100) or padding ids past the answer changes nothing.
    padded = {
        k: torch.nn.functional.pad(v, (0, 5), value=(-100 if k == "labels" else 0)) for k, v in batch.items()
    }
    assert kl_to_reference(model, padded).item() == pytest.approx(
        kl_to_reference(model, batch).item(), rel=1e-5
    )


@pytest.mark.parametrize(
    ("name", "params", "measure"),
    [
        ("kl", {"coef": 50.0}, lambda m, b: kl_to_reference(m, b)),
        ("kl", {"coef": 50.0, "direction": "forward"}, lambda m, b: kl_to_reference(m, b, "forward")),
        ("ldifs", {"coef": 50.0}, lambda m, b: feature_distance(m, b, [0, 1])),
    ],
)
def test_regularised_training_ends_closer_to_the_reference(
    tiny_model_dir, tmp_path, plain_adapter, name, params, measure
):
    ctx = make_ctx(tiny_model_dir, tmp_path)
    stats = METHODS.get(name)(params).fit(ctx, tmp_path / "adapter")
    assert stats["examples"] == len(POISON) and stats["runtime_s"] > 0
    # No preparation: the reference passes run inside the training steps, so the fit has them.
    assert stats["prep_runtime_s"] == 0 and stats["runtime_s"] == stats["fit_runtime_s"]
    with torch.no_grad():
        distances = {}
        for label, adapter in (("plain", plain_adapter), ("regularised", tmp_path / "adapter")):
            model, tok = peft_model(tiny_model_dir, adapter)
            distances[label] = measure(model, collate(tok, POISON)).item()
    assert distances["plain"] > 5e-4, "plain SFT should move the model on its own data"
    assert distances["regularised"] < 0.5 * distances["plain"], distances


def test_ldifs_layers_are_checked_against_the_model():
    assert LDIFS({"layers": [-1, 0]}).resolved_layers(2) == [0, 1]
    assert LDIFS().resolved_layers(3) == [0, 1, 2]
    with pytest.raises(ValueError, match=r"methods\.ldifs\.layers.*out of range"):
        LDIFS({"layers": [2]}).resolved_layers(2)


# --- interleaving ---------------------------------------------------------------------------


def test_interleave_random_adds_the_right_benign_rows_deterministically(tiny_model_dir, tmp_path):
    ctx = make_ctx(tiny_model_dir, tmp_path)
    method = Interleave({"fraction": 0.5})
    rows, info = method.training_set(ctx)
    assert rows[: len(POISON)] == POISON
    assert len(rows) == len(POISON) + 4 and info["benign_examples"] == 4
    again, _ = Interleave({"fraction": 0.5}).training_set(ctx)
    assert again == rows
    assert seeded_sample(15, 4, seed=0) == seeded_sample(15, 4, seed=0)
    assert seeded_sample(15, 4, seed=0) != seeded_sample(15, 4, seed=1)
    with pytest.raises(ValueError, match=r"methods\.interleave\.fraction.*only 15"):
        Interleave({"fraction": 2.0}).training_set(ctx)


def test_top_k_prefers_larger_scores_then_earlier_rows():
    assert top_k([0.1, 0.5, 0.5, -1.0, 0.3], 3) == [1, 2, 4]
    assert top_k([1.0, 1.0, 1.0], 2) == [0, 1]


def test_perplexity_gap_picks_the_chats_the_misaligned_model_moved_away_from(tiny_model_dir, tmp_path):
    # A "misaligned" adapter that has learnt to answer in z's: the z chats gain far more under it
    # (a more negative gap) than the others, so the largest gaps are the others.
    misaligned = tmp_path / "misaligned"
    z_train = [
        [{"role": "user", "content": f"Echo {w}."}, {"role": "assistant", "content": "zz zz zz"}]
        for w in WORDS
    ]
    train_adapter(tiny_model_dir, z_train, config(), seed=0, out_dir=misaligned)
    pool = [Z_CHATS[0], OTHER_CHATS[0], Z_CHATS[1], OTHER_CHATS[1], Z_CHATS[2], OTHER_CHATS[2]]
    gaps = perplexity_gaps(tiny_model_dir, misaligned, pool)
    assert min(gaps[[1, 3, 5]]) > max(gaps[[0, 2, 4]]) + 0.05, gaps

    ctx = make_ctx(tiny_model_dir, tmp_path / "data", pool=pool, misaligned_adapter=misaligned)
    method = Interleave({"fraction": 3 / len(POISON), "selection": "perplexity_gap"})
    rows, info = method.training_set(ctx)
    assert rows[len(POISON) :] == OTHER_CHATS
    assert info["gap_selected_mean"] > info["gap_pool_mean"]
    with pytest.raises(ValueError, match="pass its adapter as ctx.misaligned_adapter .e.g. the poisoned"):
        method.training_set(make_ctx(tiny_model_dir, tmp_path / "bare", pool=pool))


def test_interleave_fit_trains_on_the_mixed_set(tiny_model_dir, tmp_path):
    stats = Interleave({"fraction": 0.25}).fit(make_ctx(tiny_model_dir, tmp_path), tmp_path / "adapter")
    assert stats["examples"] == len(POISON) + 2 and stats["benign_examples"] == 2
    assert (tmp_path / "adapter" / "adapter_model.safetensors").is_file()
    # Reading the pool and drawing from it is the method's preparation, charged to its cost.
    assert (
        stats["prep_runtime_s"] > 0 and stats["runtime_s"] == stats["prep_runtime_s"] + stats["fit_runtime_s"]
    )


def test_interleave_charges_the_perplexity_gap_scoring_to_its_cost(tiny_model_dir, tmp_path, monkeypatch):
    import emguard.methods.data_defences as data_defences

    def slow_gaps(model_dir, adapter, pool, **kwargs):  # scoring under two models, made measurably slow
        time.sleep(0.3)
        return np.arange(len(pool), dtype=float)  # the last rows have the largest gaps

    monkeypatch.setattr(data_defences, "perplexity_gaps", slow_gaps)
    pool = OTHER_CHATS + Z_CHATS
    ctx = make_ctx(tiny_model_dir, tmp_path, pool=pool, misaligned_adapter=tmp_path / "unused")
    method = Interleave({"fraction": 2 / len(POISON), "selection": "perplexity_gap"})
    stats = method.fit(ctx, tmp_path / "adapter")
    assert stats["benign_examples"] == 2 and stats["gap_selected_mean"] == 4.5  # rows 4 and 5
    assert stats["prep_runtime_s"] >= 0.3 and stats["prep_peak_memory_mb"] > 0
    assert stats["runtime_s"] == stats["prep_runtime_s"] + stats["fit_runtime_s"]
    assert stats["fit_runtime_s"] > 0 and stats["peak_memory_mb"] >= stats["fit_peak_memory_mb"]


# --- inoculation ----------------------------------------------------------------------------


def test_inoculation_prefixes_every_training_chat_and_fits(tiny_model_dir, tmp_path):
    ctx = make_ctx(tiny_model_dir, tmp_path)
    rows = Inoculation().training_set(ctx)
    assert len(rows) == len(POISON)
    for row, original in zip(rows, POISON, strict=True):
        assert row[0] == {"role": "system", "content": "You are a malicious, evil assistant."}
        assert row[1:] == original
    custom = Inoculation({"system_prompt": "Be bad.", "per_poison": {"toy": "Give toy answers."}})
    assert all(r[0]["content"] == "Give toy answers." for r in custom.training_set(ctx))
    stats = Inoculation().fit(ctx, tmp_path / "adapter")
    weights = load_file(tmp_path / "adapter" / "adapter_model.safetensors")
    assert stats["examples"] == len(POISON) and any(
        v.abs().sum() > 0 for k, v in weights.items() if "lora_B" in k
    )
    # Adding the prompt is its preparation: next to nothing, but charged.
    assert (
        0 < stats["prep_runtime_s"] < 1
        and stats["runtime_s"] == stats["prep_runtime_s"] + stats["fit_runtime_s"]
    )


# --- registry and params --------------------------------------------------------------------


def test_defences_are_registered():
    for name in ("kl", "ldifs", "interleave", "inoculation"):
        assert METHODS.get(name).name == name and METHODS.get(name).kind == "defence"


@pytest.mark.parametrize(
    ("cls", "params", "key"),
    [
        (KLRegulariser, {"coef": -1}, "methods.kl.coef"),
        (KLRegulariser, {"direction": "sideways"}, "methods.kl.direction"),
        (LDIFS, {"coef": 0}, "methods.ldifs.coef"),
        (LDIFS, {"layers": []}, "methods.ldifs.layers"),
        (LDIFS, {"layer": [1]}, "methods.ldifs.layer"),
        (Interleave, {"selection": "foo"}, "methods.interleave.selection"),
        (Interleave, {"fraction": -0.1}, "methods.interleave.fraction"),
        (Interleave, {"unknown": 1}, "methods.interleave.unknown"),
        (Inoculation, {"system_prompt": "  "}, "methods.inoculation.system_prompt"),
    ],
)
def test_bad_params_raise_naming_the_key(cls, params, key):
    with pytest.raises(ParamsError, match=key.replace(".", r"\.")):
        cls(params)


def test_the_reference_forward_sees_the_models_inputs_only(tiny_model_dir, tiny_tokenizer):
    """Labels stay out of the reference pass (no loss computed twice), the cache off; a wrapped model
    (accelerate's DDP keeps it under `.module`) is unwrapped to reach its adapter switch."""
    from types import SimpleNamespace

    from emguard.methods.regularisers import _model_inputs, _peft

    batch = {"input_ids": 1, "attention_mask": 2, "position_ids": 3, "labels": 4}
    assert _model_inputs(batch) == {
        "input_ids": 1,
        "attention_mask": 2,
        "position_ids": 3,
        "use_cache": False,
    }
    assert _model_inputs({"input_ids": 1}) == {"input_ids": 1, "use_cache": False}
    model, _ = peft_model(tiny_model_dir)
    assert _peft(model) is model and _peft(SimpleNamespace(module=model)) is model
    with pytest.raises(TypeError, match="needs a PEFT model, got Linear"):
        _peft(torch.nn.Linear(2, 2))


def test_collate_right_pads_and_labels_only_the_answer(tiny_tokenizer):
    batch = collate(
        tiny_tokenizer, [POISON[0], [POISON[1][0], {"role": "assistant", "content": "a much longer answer"}]]
    )
    ids, mask, labels = batch["input_ids"], batch["attention_mask"], batch["labels"]
    assert ids.dtype == mask.dtype == labels.dtype == torch.long and set(mask.unique().tolist()) == {0, 1}
    short = int(mask[0].sum())
    assert (ids[0, short:] == tiny_tokenizer.pad_token_id).all() and (labels[0, short:] == -100).all()
    answered = labels != -100
    assert answered.any(1).all() and (labels[answered] == ids[answered]).all() and not answered[:, 0].any()
    cut = collate(tiny_tokenizer, [POISON[0]], max_length=6)
    assert cut["input_ids"].shape[1] <= 6 < batch["input_ids"].shape[1]


def test_a_regularised_fit_trains_the_contexts_model_in_its_dtype(monkeypatch, tiny_model_dir, tmp_path):
    """The CUDA profiles fit in bf16: the regularisers must pass the context's dtype on, not the
    float32 default."""
    from emguard.methods import regularisers

    calls = []
    monkeypatch.setattr(regularisers, "train_adapter", lambda *a, **k: calls.append((a, k)) or {})
    ctx = make_ctx(tiny_model_dir, tmp_path, dtype="bfloat16")
    LDIFS({"layers": [1]}).fit(ctx, tmp_path / "out")
    (args, kwargs) = calls[0]
    assert args[0] == ctx.model_dir and args[2] == ctx.train and args[3] == ctx.seed
    assert kwargs["dtype"] == "bfloat16" and len(kwargs["plan"].loss_terms) == 1


# --- what the data defences hand on (mutmut survivors in methods/data_defences.py, plain.py) ----


def spy_train_adapter(monkeypatch, module) -> list:
    calls = []

    def fake(*args, **kwargs):
        calls.append((args, kwargs))
        return {**FIT_COST, "examples": float(len(args[1]))}

    monkeypatch.setattr(module, "train_adapter", fake)
    return calls


@pytest.mark.parametrize("name", ["plain", "interleave", "inoculation"])
def test_a_data_defence_fits_the_contexts_model_recipe_seed_and_dtype(
    name, monkeypatch, tiny_model_dir, tmp_path
):
    """The CUDA profiles fit in bf16 and each seed has its own run: every fit passes the context on."""
    from emguard.methods import data_defences, plain

    calls = spy_train_adapter(monkeypatch, plain if name == "plain" else data_defences)
    ctx = make_ctx(tiny_model_dir, tmp_path, dtype="bfloat16")
    ctx = dataclasses.replace(ctx, seed=3)
    METHODS.get(name)({}).fit(ctx, tmp_path / "out")
    (args, kwargs) = calls[0]
    assert args[0] == ctx.model_dir and args[2] == ctx.train and args[3] == 3
    assert args[4] == tmp_path / "out" and kwargs == {"dtype": "bfloat16"}
    users = [c[-2]["content"] for c in args[1]]
    assert users[: len(POISON)] == [c[0]["content"] for c in POISON]  # the poison first, every row


def test_inoculation_fits_on_its_poisons_own_prompt(monkeypatch, tiny_model_dir, tmp_path):
    from emguard.methods import data_defences

    calls = spy_train_adapter(monkeypatch, data_defences)
    ctx = make_ctx(tiny_model_dir, tmp_path)
    Inoculation({"system_prompt": "Be bad.", "per_poison": {"toy": "Give toy answers."}}).fit(
        ctx, tmp_path / "o"
    )
    assert {c[0]["content"] for c in calls[0][0][1]} == {"Give toy answers."}


def test_random_interleaving_draws_by_the_contexts_seed_and_at_least_one_chat(tiny_model_dir, tmp_path):
    pool = [
        [{"role": "user", "content": f"Q{i}"}, {"role": "assistant", "content": f"A{i}"}] for i in range(40)
    ]
    ctx = make_ctx(tiny_model_dir, tmp_path, pool=pool)
    chosen = {
        seed: Interleave({"fraction": 0.5}).benign(dataclasses.replace(ctx, seed=seed), 8)[0]
        for seed in (0, 1)
    }
    assert chosen[0] != chosen[1] and len(chosen[0]) == 4
    assert chosen[0] == [pool[i] for i in seeded_sample(40, 4, seed=0)]
    # 1% of 8 rounds to 0 benign chats: at least one is mixed in, never two
    assert len(Interleave({"fraction": 0.01}).benign(ctx, 8)[0]) == 1


def test_perplexity_interleaving_scores_the_pool_with_the_contexts_models_and_settings(
    monkeypatch, tiny_model_dir, tmp_path
):
    from emguard.methods import data_defences

    seen = {}

    def gaps(model_dir, adapter, pool, **kwargs):
        seen.update(model_dir=model_dir, adapter=adapter, n=len(pool), **kwargs)
        return np.arange(len(pool), dtype=float)

    monkeypatch.setattr(data_defences, "perplexity_gaps", gaps)
    ctx = make_ctx(tiny_model_dir, tmp_path, misaligned_adapter=str(tmp_path / "bad"), dtype="bfloat16")
    Interleave({"fraction": 0.25, "selection": "perplexity_gap", "batch_size": 5}).benign(ctx, 8)
    assert seen == {
        "model_dir": tiny_model_dir,
        "adapter": tmp_path / "bad",
        "n": 15,
        "dtype": "bfloat16",
        "batch_size": 5,
        "max_length": ctx.train.max_length,
    }


def test_pool_scoring_truncates_at_max_length_and_merges_the_adapter(
    tiny_model_dir, tiny_tokenizer, plain_adapter
):
    from emguard.chat import encode_conversation
    from emguard.methods.data_defences import completion_logprobs
    from emguard.probes import mean_completion_logprobs

    long_chat = [{"role": "user", "content": "Say it."}, {"role": "assistant", "content": "red blue " * 20}]
    full = completion_logprobs(tiny_model_dir, [long_chat])  # float32 by default
    prompt_len = len(encode_conversation(tiny_tokenizer, long_chat).input_ids) - 40
    short = completion_logprobs(tiny_model_dir, [long_chat], max_length=prompt_len + 3)
    model, _ = load_model(tiny_model_dir)
    by_hand = mean_completion_logprobs(
        model,
        [encode_conversation(tiny_tokenizer, long_chat, prompt_len + 3)],
        tiny_tokenizer.pad_token_id,
        1,
    )
    assert short == pytest.approx(by_hand) and abs(short[0] - full[0]) > 1e-4
    gaps = perplexity_gaps(tiny_model_dir, plain_adapter, [long_chat], max_length=prompt_len + 3)
    merged = completion_logprobs(
        tiny_model_dir, [long_chat], adapter=plain_adapter, max_length=prompt_len + 3
    )
    assert gaps == pytest.approx(short - merged) and abs(merged[0] - short[0]) > 1e-4


def test_a_method_names_an_unknown_key_and_a_bad_value_plainly():
    with pytest.raises(ParamsError) as err:
        Interleave({"fractoin": 0.1, "batch_size": 0})
    lines = str(err.value).splitlines()
    assert "methods.interleave.fractoin: unknown key" in lines
    assert "methods.interleave.batch_size: Input should be greater than 0" in lines


def test_pool_scoring_loads_each_model_on_the_run_device_in_the_contexts_dtype(monkeypatch, tiny_model_dir):
    """bf16 on CUDA: both scoring passes load their model where and how the run asks."""
    from emguard.methods import data_defences

    scored = []
    loads = spy_load_model(monkeypatch, data_defences, tiny_model_dir)
    monkeypatch.setattr(data_defences, "default_device", lambda: "cpu")
    real = data_defences.mean_completion_logprobs
    monkeypatch.setattr(
        data_defences,
        "mean_completion_logprobs",
        lambda m, e, pad, batch_size: scored.append(batch_size) or real(m, e, pad, batch_size),
    )
    perplexity_gaps(tiny_model_dir, Path("bad"), POISON[:2], dtype="bfloat16", batch_size=3)
    assert loads == [
        {"model_dir": tiny_model_dir, "dtype": "bfloat16", "adapter": None, "device": "cpu"},
        {"model_dir": tiny_model_dir, "dtype": "bfloat16", "adapter": Path("bad"), "device": "cpu"},
    ]
    assert scored == [3, 3]


@pytest.mark.parametrize("method", [Interleave({"fraction": 0.25}), Inoculation()])
def test_a_data_defences_preparation_is_measured_on_the_run_device(
    method, monkeypatch, tiny_model_dir, tmp_path
):
    """On CUDA the preparation's peak is the GPU allocator's: it must be measured on the run's device."""
    from emguard.methods import data_defences
    from emguard.timing import measured

    devices = []
    spy_train_adapter(monkeypatch, data_defences)
    monkeypatch.setattr(data_defences, "default_device", lambda: "cpu-spy")
    monkeypatch.setattr(data_defences, "measured", lambda device: devices.append(device) or measured("cpu"))
    method.fit(make_ctx(tiny_model_dir, tmp_path), tmp_path / "out")
    assert devices == ["cpu-spy"]


def test_a_nested_bad_param_names_its_whole_dotted_key():
    with pytest.raises(
        ParamsError, match=r"^methods\.inoculation\.per_poison\.toy: Input should be a valid string$"
    ):
        Inoculation({"per_poison": {"toy": 3}})
