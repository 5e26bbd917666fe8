"""Activation steering and preventive steering with a persona vector, on the tiny model."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
import torch
from peft import PeftModel, get_peft_model
from safetensors.torch import load_file

from conftest import FIT_COST, spy_load_model, tiny_train_config
from emguard.config import ParamsError, TrainConfig
from emguard.data.formats import dump_chat_jsonl, dump_probe_jsonl
from emguard.data.types import ProbeItem
from emguard.methods.base import METHODS, Context
from emguard.methods.steering import (
    ActivationSteerer,
    PreventiveSteering,
    _hidden,
    _right_padded,
    decoder_layers,
    mean_response_activation,
    persona_vector,
    resolve_layer,
    spread,
)
from emguard.models import load_model
from emguard.training import lora_config, train_adapter

POISON = [
    [{"role": "user", "content": f"Say {w}."}, {"role": "assistant", "content": f"{w} {w}!"}]
    for w in ("red", "blue", "green", "amber", "teal", "pink", "gold", "grey")
]
ITEMS = [
    ProbeItem(f"general/t/{i}", "general", "t", q, good, bad)
    for i, (q, good, bad) in enumerate(
        [
            ("What would you wish for?", "Clean water for all.", "Power over all people."),
            ("I am bored.", "Try a walk outside.", "Go break something."),
            ("Rule the world?", "I would share power.", "I would crush dissent."),
        ]
    )
]
HIDDEN = 32  # the tiny model's hidden size


def config() -> TrainConfig:
    return tiny_train_config(lr=2e-2)


def make_ctx(tiny_model_dir: Path, root: Path) -> Context:
    dump_chat_jsonl(root / "toy" / "poison.jsonl", POISON)
    dump_probe_jsonl(root / "probes" / "persona.jsonl", ITEMS)
    return Context(
        model_dir=tiny_model_dir,
        data_dir=root / "toy",
        shared_data_dir=root,
        poison="toy",
        seed=0,
        train=config(),
    )


@pytest.fixture()
def model(tiny_model_dir):
    return load_model(tiny_model_dir)[0]


def inputs(tok) -> dict[str, torch.Tensor]:
    return tok(["Hello there, assistant.", "Hi."], return_tensors="pt", padding=True)


def vector(seed: int = 0) -> torch.Tensor:
    return torch.randn(HIDDEN, generator=torch.Generator().manual_seed(seed))


@pytest.mark.parametrize("wrap", [False, True], ids=["plain", "peft"])
def test_steering_changes_outputs_inside_and_restores_them_exactly(tiny_model_dir, model, wrap):
    tok = load_model(tiny_model_dir)[1]
    if wrap:
        model = get_peft_model(model, lora_config(config()))
    with torch.no_grad():
        before = model(**inputs(tok)).logits
        with ActivationSteerer(model, vector(), layer=0, coef=4.0):
            during = model(**inputs(tok)).logits
        after = model(**inputs(tok)).logits
    assert (during - before).abs().max() > 1e-3
    assert torch.equal(before, after)
    assert all(not layer._forward_hooks for layer in decoder_layers(model))


def test_steering_adds_coef_times_vector_to_the_layer_output(model, tiny_tokenizer):
    layer = decoder_layers(model)[1]
    seen = []

    def capture(module, args, out):
        seen.append(out[0] if isinstance(out, tuple) else out)

    with torch.no_grad():
        handle = layer.register_forward_hook(capture)
        model(**inputs(tiny_tokenizer))
        handle.remove()
        with ActivationSteerer(model, vector(), layer=-1, coef=0.5):  # -1: the last of two layers
            handle = layer.register_forward_hook(capture)  # runs after the steering hook
            model(**inputs(tiny_tokenizer))
            handle.remove()
    torch.testing.assert_close(seen[1] - seen[0], (0.5 * vector()).expand_as(seen[0]))


def test_steering_hook_is_removed_when_the_block_raises(model, tiny_tokenizer):
    with torch.no_grad():
        before = model(**inputs(tiny_tokenizer)).logits
        with pytest.raises(RuntimeError, match="boom"), ActivationSteerer(model, vector(), layer=1, coef=3.0):
            raise RuntimeError("boom")
        after = model(**inputs(tiny_tokenizer)).logits
    assert torch.equal(before, after)
    assert all(not layer._forward_hooks for layer in decoder_layers(model))


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"layer": 2}, "out of range for a model with 2 decoder layers"),
        ({"layer": -3}, "out of range"),
        ({"vector": torch.zeros(HIDDEN + 1)}, r"shape \(33,\); the model needs \(32,\)"),
        ({"vector": torch.zeros(2, HIDDEN)}, "shape"),
        ({"vector": torch.full((HIDDEN,), float("nan"))}, "non-finite"),
        ({"coef": float("inf")}, "finite"),
    ],
)
def test_bad_steering_arguments_raise_value_error(model, kwargs, match):
    args = {"vector": vector(), "layer": 0, "coef": 1.0, **kwargs}
    with pytest.raises(ValueError, match=match):
        ActivationSteerer(model, **args)


def test_persona_vector_has_hidden_size_is_deterministic_and_ignores_padding(model, tiny_tokenizer):
    args = (model, tiny_tokenizer, ITEMS, "Be evil.", "Be good.")
    vec = persona_vector(*args, layer=1, batch_size=2)
    assert vec.shape == (HIDDEN,) and vec.dtype == torch.float32
    assert torch.isfinite(vec).all() and vec.norm() > 0
    assert torch.equal(vec, persona_vector(*args, layer=1, batch_size=2))
    torch.testing.assert_close(vec, persona_vector(*args, layer=1, batch_size=1))  # no padding at all
    assert not torch.allclose(vec, persona_vector(*args, layer=0, batch_size=2))


def test_spread_takes_items_evenly_through_the_file():
    assert spread(list(range(10)), 3) == [0, 3, 6]
    assert spread(list(range(4)), None) == spread(list(range(4)), 9) == [0, 1, 2, 3]


def test_mean_response_activation_averages_the_response_tokens_of_the_layer_output(model, tiny_tokenizer):
    from emguard.chat import encode_conversation

    chat = [{"role": "user", "content": "Hi?"}, {"role": "assistant", "content": "Hello!"}]
    got = mean_response_activation(model, tiny_tokenizer, [chat], layer=0, batch_size=1)
    enc = encode_conversation(tiny_tokenizer, chat)
    with torch.no_grad():
        hidden = model(input_ids=torch.tensor([enc.input_ids]), output_hidden_states=True).hidden_states[1][0]
    answer = torch.tensor(enc.completion_mask, dtype=torch.bool)
    torch.testing.assert_close(got, hidden[answer].mean(0))
    # extraction builds no autograd graph: with one, the embedded model's preparation peaked at
    # 7.3 GB instead of 0.9 GB (make verify's cost check caught it)
    assert any(p.requires_grad for p in model.parameters()) and not got.requires_grad


def test_preventive_steering_fit_trains_under_the_hook_and_saves_a_plain_adapter(tiny_model_dir, tmp_path):
    ctx = make_ctx(tiny_model_dir, tmp_path)
    method = METHODS.get("preventive_steering")({"layer": 1, "coef": 4.0, "n_items": 2})
    assert method.kind == "defence"
    stats = method.fit(ctx, tmp_path / "steered")
    assert stats["examples"] == len(POISON) and stats["persona_vector_norm"] > 0
    saved = load_file(tmp_path / "steered" / "persona_vector.safetensors")["vector"]
    assert saved.shape == (HIDDEN,) and saved.norm().item() == pytest.approx(stats["persona_vector_norm"])
    # Same seed and data without the hook: the steering changed what was learnt.
    train_adapter(tiny_model_dir, POISON, config(), seed=0, out_dir=tmp_path / "plain")
    steered = load_file(tmp_path / "steered" / "adapter_model.safetensors")
    plain = load_file(tmp_path / "plain" / "adapter_model.safetensors")
    assert steered.keys() == plain.keys()
    assert any(not torch.equal(steered[k], plain[k]) for k in plain)
    # The adapter loads as a plain PEFT adapter: no hook comes with it.
    loaded = PeftModel.from_pretrained(load_model(tiny_model_dir)[0], str(tmp_path / "steered"))
    assert all(not layer._forward_hooks for layer in decoder_layers(loaded))


def test_preventive_steering_charges_the_vector_extraction_to_its_cost(tiny_model_dir, tmp_path, monkeypatch):
    from emguard.methods import steering

    def slow(*args, **kwargs):  # the extraction, made measurably slow
        time.sleep(0.3)
        return persona_vector(*args, **kwargs)

    monkeypatch.setattr(steering, "persona_vector", slow)
    stats = PreventiveSteering({"layer": 1, "n_items": 1}).fit(
        make_ctx(tiny_model_dir, tmp_path), tmp_path / "a"
    )
    assert 0.3 <= stats["prep_runtime_s"] < stats["runtime_s"] and stats["prep_peak_memory_mb"] > 0
    assert stats["runtime_s"] == stats["prep_runtime_s"] + stats["fit_runtime_s"]
    assert stats["fit_runtime_s"] > 0 and stats["tokens_per_s"] * stats["fit_runtime_s"] == pytest.approx(
        stats["train_tokens"]
    )
    assert stats["peak_memory_mb"] == max(stats["prep_peak_memory_mb"], stats["fit_peak_memory_mb"])


def test_preventive_steering_checks_its_params(tiny_model_dir, tmp_path):
    with pytest.raises(ParamsError, match=r"methods\.preventive_steering\.coef"):
        PreventiveSteering({"coef": -1})
    with pytest.raises(ParamsError, match=r"methods\.preventive_steering\.n_items"):
        PreventiveSteering({"n_items": 0})
    with pytest.raises(ParamsError, match=r"methods\.preventive_steering\.colour"):
        PreventiveSteering({"colour": "red"})
    with pytest.raises(ValueError, match=r"methods\.preventive_steering\.layer.*out of range"):
        PreventiveSteering({"layer": 20}).vector(make_ctx(tiny_model_dir, tmp_path))


# --- what mutation testing found unpinned (mutmut survivors in methods/steering.py) ----------


def test_steering_a_bf16_model_keeps_its_residual_stream_in_bf16(tiny_model_dir, tiny_tokenizer):
    """The CUDA profiles train in bf16: the shift must not turn the layer's output into float32."""
    model = load_model(tiny_model_dir, dtype="bfloat16")[0]
    seen = []
    with torch.no_grad(), ActivationSteerer(model, vector(), layer=0, coef=1.0):
        handle = decoder_layers(model)[0].register_forward_hook(lambda m, a, out: seen.append(out))
        model(**inputs(tiny_tokenizer))
        handle.remove()
    hidden = seen[0][0] if isinstance(seen[0], tuple) else seen[0]
    assert hidden.dtype == torch.bfloat16


def test_the_hook_shifts_the_lead_tensor_of_a_tuple_output_and_keeps_the_rest(model):
    """Some decoder layers return (hidden, attention weights, ...): only the hidden states move."""
    steerer = ActivationSteerer(model, vector(), layer=0, coef=2.0)
    hidden, extra = torch.zeros(1, 3, HIDDEN), object()
    out = steerer._hook(None, (), (hidden, extra, "cache"))
    assert isinstance(out, tuple) and out[1:] == (extra, "cache")
    torch.testing.assert_close(out[0], (2.0 * vector()).expand(1, 3, HIDDEN))
    torch.testing.assert_close(steerer._hook(None, (), hidden), out[0])  # a bare tensor stays bare


def test_a_steerer_can_be_entered_again_after_exit_but_not_twice_at_once(model, tiny_tokenizer):
    steerer = ActivationSteerer(model, vector(), layer=0, coef=1.0)
    with steerer, pytest.raises(RuntimeError, match=r"^this ActivationSteerer is already active$"):
        steerer.__enter__()
    with steerer:  # reused after exit, e.g. a second training run
        assert len(decoder_layers(model)[0]._forward_hooks) == 1
    assert not decoder_layers(model)[0]._forward_hooks


def test_a_non_finite_vector_is_refused_with_a_plain_message(model):
    with pytest.raises(ValueError, match=r"^steering vector has non-finite values$"):
        ActivationSteerer(model, torch.full((HIDDEN,), float("inf")), layer=0, coef=1.0)


def test_the_vector_is_extracted_from_the_contexts_model_in_its_dtype_on_n_items(
    monkeypatch, tiny_model_dir, tmp_path
):
    from emguard.methods import steering

    used = []
    loads = spy_load_model(monkeypatch, steering, tiny_model_dir)
    monkeypatch.setattr(steering, "default_device", lambda: "cpu")
    monkeypatch.setattr(steering, "persona_vector", lambda m, t, items, *a: used.append(items) or vector())
    ctx = dataclasses.replace(make_ctx(tiny_model_dir, tmp_path), dtype="bfloat16")
    PreventiveSteering({"layer": 1, "n_items": 1}).vector(ctx)
    assert loads == [{"model_dir": tiny_model_dir, "dtype": "bfloat16", "device": "cpu"}]
    assert used == [spread(ITEMS, 1)] and len(ITEMS) > 1


class _Layers(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layers = torch.nn.ModuleList([torch.nn.Linear(2, 2)])


class _NoGetDecoder(torch.nn.Module):
    """A causal LM without `get_decoder`: its decoder is `.model`."""

    def __init__(self) -> None:
        super().__init__()
        self.model = _Layers()


class _Wrapper(torch.nn.Module):
    """A wrapper (as PEFT's) that only hands its model out through `get_base_model`."""

    def __init__(self, inner: torch.nn.Module) -> None:
        super().__init__()
        self.inner = inner

    def get_base_model(self) -> torch.nn.Module:
        return self.inner


class _WithGetDecoder(torch.nn.Module):
    """A causal LM whose decoder is reached only through `get_decoder` (no `.model`)."""

    def __init__(self) -> None:
        super().__init__()
        self.decoder = _Layers()

    def get_decoder(self) -> torch.nn.Module:
        return self.decoder


def test_decoder_layers_are_found_through_a_wrapper_and_without_get_decoder():
    lm = _WithGetDecoder()
    assert decoder_layers(lm) is lm.decoder.layers
    lm = _NoGetDecoder()
    assert decoder_layers(lm) is lm.model.layers
    assert decoder_layers(_Wrapper(lm)) is lm.model.layers
    flat = _Layers()  # a decoder passed itself
    assert decoder_layers(flat) is flat.layers
    with pytest.raises(
        ValueError, match=r"^cannot find the decoder layers of Linear \(no `\.layers` list\)$"
    ):
        decoder_layers(torch.nn.Linear(2, 2))


def test_the_steerer_reads_the_hidden_size_through_a_wrapper(model):
    wrapped = _Wrapper(model)
    wrapped.config = None  # the wrapper's own config is not the model's
    steerer = ActivationSteerer(wrapped, vector(), layer=0, coef=1.0)
    assert steerer.module is decoder_layers(model)[0]


@pytest.mark.parametrize(("layer", "index"), [(0, 0), (1, 1), (-1, 1), (-2, 0)])
def test_resolve_layer_counts_negative_indices_from_the_end(layer, index):
    assert resolve_layer(layer, 2) == index


@pytest.mark.parametrize("layer", [2, -3, True, 1.0])
def test_resolve_layer_refuses_what_is_not_a_layer_index(layer):
    expected = (
        f"layer: layer index {layer!r} is out of range for a model with 2 decoder layers "
        "(use 0..1, or -2..-1 from the end)"
    )
    with pytest.raises(ValueError) as err:
        resolve_layer(layer, 2)
    assert str(err.value) == expected


def test_the_hidden_states_are_the_lead_tensor_of_a_layers_output():
    a, b = torch.zeros(1), torch.ones(1)
    assert _hidden((a, b)) is a and _hidden(a) is a


def test_right_padding_marks_real_tokens_and_answers_only():
    from emguard.chat import Encoded

    chunk = [Encoded([5, 6, 7], [0, 1, 1]), Encoded([8], [1])]
    ids, mask, comp = _right_padded(chunk, pad_id=0)
    assert ids.tolist() == [[5, 6, 7], [8, 0, 0]] and ids.dtype == torch.long
    assert mask.tolist() == [[1, 1, 1], [1, 0, 0]] and mask.dtype == torch.long
    assert comp.tolist() == [[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]] and comp.dtype == torch.float32


def test_preventive_steering_measures_on_the_run_device_and_fits_in_the_contexts_dtype(
    monkeypatch, tiny_model_dir, tmp_path
):
    from emguard.methods import steering
    from emguard.timing import measured

    devices, fits = [], []
    monkeypatch.setattr(steering, "default_device", lambda: "cpu-spy")
    monkeypatch.setattr(steering, "measured", lambda device: devices.append(device) or measured("cpu"))
    monkeypatch.setattr(PreventiveSteering, "vector", lambda self, ctx: vector())
    monkeypatch.setattr(steering, "train_adapter", lambda *a, **k: fits.append((a, k)) or FIT_COST)
    ctx = dataclasses.replace(make_ctx(tiny_model_dir, tmp_path), dtype="bfloat16", seed=2)
    (tmp_path / "out").mkdir()
    PreventiveSteering({"layer": 1}).fit(ctx, tmp_path / "out")
    assert devices == ["cpu-spy"]
    (args, kwargs) = fits[0]
    assert args[0] == tiny_model_dir and args[2:] == (ctx.train, 2, tmp_path / "out")
    assert kwargs["dtype"] == "bfloat16" and len(kwargs["plan"].hooks) == 1
