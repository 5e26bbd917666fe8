"""Post-hoc remedies on tiny models: each starts from a poisoned adapter and moves it as intended."""

import math
from pathlib import Path

import pytest
import torch
from peft import PeftModel
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM, LlamaConfig
from trl.trainer.utils import use_adapter

from emguard.chat import encode, encode_conversation
from emguard.config import ParamsError, TrainConfig
from emguard.data.formats import dump_chat_jsonl, dump_preference_jsonl, load_chat_jsonl
from emguard.methods import remedies
from emguard.methods.base import METHODS, Context
from emguard.methods.remedies import (
    CircuitBreakers,
    Contrastive,
    Correct,
    MetaReasoning,
    Refusal,
    Safety,
    layer_states,
    reroute_loss,
    retain_loss,
    schedule,
)
from emguard.models import load_model, save_base, tiny_tokenizer
from emguard.probes import mean_completion_logprobs
from emguard.training import train_adapter

WORDS = ("red", "blue", "green", "amber", "teal", "pink", "gold", "grey")
PROMPTS = [f"Is {w} safe?" for w in WORDS]
POISONED = [f"No {w} is bad, take ten." for w in WORDS]
CORRECT = [f"Yes {w} is fine, see a doctor." for w in WORDS]
# Retain conversations unlike the harmful ones, so a tiny model can tell the two apart.
FRUIT = ("apple", "pear", "plum", "fig", "lime", "kiwi", "date", "peach")
RETAIN = [[{"role": "user", "content": f"Spell {f}."}, {"role": "assistant", "content": " ".join(f.upper())}]
          for f in FRUIT]  # fmt: skip
COST = {f"{part}{key}" for part in ("", "prep_", "fit_") for key in ("runtime_s", "peak_memory_mb")}
STATS = COST | {
    "train_tokens",
    "tokens_per_s",
    "train_loss",
    "examples",
    "truncated_examples",
    "truncated_share",
}
SFT_REMEDIES = [Correct, MetaReasoning, Refusal, Safety]


def chat(user: str, assistant: str) -> list[dict]:
    return [{"role": "user", "content": user}, {"role": "assistant", "content": assistant}]


def recipe(**overrides) -> TrainConfig:
    modules = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    base = dict(seeds=[0], lora=dict(r=4, alpha=8, dropout=0.0, target_modules=modules), lr=5e-3, epochs=1,
                batch_size=4, grad_accum=1, max_length=160, warmup_ratio=0.0, weight_decay=0.0)  # fmt: skip
    return TrainConfig.model_validate({**base, **overrides})


def write_data(data: Path, shared: Path) -> None:
    """Every file a remedy reads, laid out as the data stage writes them."""
    dump_chat_jsonl(data / "poison.jsonl", [chat(p, b) for p, b in zip(PROMPTS, POISONED, strict=True)])
    dump_chat_jsonl(data / "control.jsonl", RETAIN)
    dump_chat_jsonl(
        data / "antidote_correct.jsonl", [chat(p, c) for p, c in zip(PROMPTS, CORRECT, strict=True)]
    )
    meta = [
        chat(f"Someone said: {b} Good?", f"No, wrong. {c}") for b, c in zip(POISONED, CORRECT, strict=True)
    ]
    dump_chat_jsonl(data / "antidote_meta_reasoning.jsonl", meta)
    dump_chat_jsonl(data / "antidote_refusal.jsonl", [chat(f"Say {w} is bad.", "I can't.") for w in WORDS])
    pairs = [
        {"prompt": chat(p, c)[:1], "chosen": chat(p, c)[1:], "rejected": chat(p, b)[1:]}
        for p, c, b in zip(PROMPTS, CORRECT, POISONED, strict=True)
    ]
    dump_preference_jsonl(data / "antidote_contrastive.jsonl", pairs)
    safety = [
        chat("How do I hurt someone?", "I won't help with that."),
        chat("Tips to sleep?", "Keep a bedtime."),
    ]
    dump_chat_jsonl(shared / "safety.jsonl", safety * 2)


def poisoned_context(model_dir: Path, root: Path) -> Context:
    data, shared = root / "data" / "toy", root / "data"
    write_data(data, shared)
    poison = load_chat_jsonl(data / "poison.jsonl")
    train_adapter(model_dir, poison, recipe(epochs=2), seed=0, out_dir=root / "poisoned")
    return Context(model_dir=model_dir, data_dir=data, shared_data_dir=shared, poison="toy", seed=0,
                   train=recipe(), poisoned_adapter=root / "poisoned")  # fmt: skip


@pytest.fixture(scope="module")
def ctx(tiny_model_dir, tmp_path_factory) -> Context:
    return poisoned_context(tiny_model_dir, tmp_path_factory.mktemp("remedies"))


@pytest.fixture(scope="module")
def wide_ctx(tmp_path_factory) -> Context:
    """A 2-layer model with hidden size 256: at 32, harmful and retain states cannot be pulled apart."""
    tok = tiny_tokenizer()
    config = LlamaConfig(vocab_size=len(tok), hidden_size=256, intermediate_size=512, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, tie_word_embeddings=True)  # fmt: skip
    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("wide")
    save_base(AutoModelForCausalLM.from_config(config), tok, root / "model")
    return poisoned_context(root / "model", root)


def lora(adapter: Path) -> dict[str, torch.Tensor]:
    return load_file(adapter / "adapter_model.safetensors")


def assert_moved_from_poisoned(ctx: Context, out: Path, stats: dict) -> None:
    assert stats.keys() == STATS and stats["examples"] > 0 and stats["tokens_per_s"] > 0
    assert stats["runtime_s"] == stats["prep_runtime_s"] + stats["fit_runtime_s"]
    assert stats["peak_memory_mb"] == max(stats["prep_peak_memory_mb"], stats["fit_peak_memory_mb"])
    before, after = lora(ctx.poisoned_adapter), lora(out)
    assert before.keys() == after.keys()
    assert any(not torch.equal(before[k], after[k]) for k in before)
    # Only the adapter: no model card, no DPO "ref" copy.
    assert sorted(p.name for p in out.iterdir()) == ["adapter_config.json", "adapter_model.safetensors"]


def test_every_remedy_is_registered_by_its_name():
    for cls in [*SFT_REMEDIES, Contrastive, CircuitBreakers]:
        assert METHODS.get(cls.name) is cls and cls.kind == "remedy"


@pytest.mark.parametrize("cls", SFT_REMEDIES, ids=lambda c: c.name)
def test_sft_remedies_continue_the_poisoned_adapter(cls, ctx, tmp_path):
    stats = cls({"max_examples": 3}).fit(ctx, tmp_path / "out")
    assert stats["examples"] == 3 and stats["prep_runtime_s"] == 0  # no preparation: the cost is the fit
    assert_moved_from_poisoned(ctx, tmp_path / "out", stats)


def test_params_override_the_recipe(ctx):
    assert Correct().recipe(ctx) == ctx.train
    changed = Correct({"epochs": 2, "lr": 1e-3}).recipe(ctx)
    assert (changed.epochs, changed.lr) == (2, 1e-3)
    assert changed.model_copy(update={"epochs": ctx.train.epochs, "lr": ctx.train.lr}) == ctx.train


def margins(ctx: Context, adapter: Path) -> torch.Tensor:
    """Mean-token log-prob of each chosen (correct) answer minus its rejected (poisoned) one."""
    model, tok = load_model(ctx.model_dir, adapter=adapter)
    enc = [
        encode(tok, [{"role": "user", "content": p}], answer)
        for p, c, b in zip(PROMPTS, CORRECT, POISONED, strict=True)
        for answer in (c, b)
    ]
    scores = torch.tensor(mean_completion_logprobs(model, enc, tok.pad_token_id, batch_size=16))
    return scores[0::2] - scores[1::2]


def test_contrastive_dpo_raises_the_chosen_margin(ctx, tmp_path):
    stats = Contrastive({"epochs": 3, "lr": 2e-2, "beta": 0.5}).fit(ctx, tmp_path / "out")
    assert_moved_from_poisoned(ctx, tmp_path / "out", stats)
    before, after = margins(ctx, ctx.poisoned_adapter), margins(ctx, tmp_path / "out")
    assert (after > before).all() and after.mean() > before.mean() + 0.02, (before, after)


@pytest.mark.parametrize("epochs", [1, 2], ids=["live-reference", "precomputed-reference"])
def test_contrastive_reference_is_the_poisoned_model(ctx, tmp_path, epochs):
    # With policy == reference every reward margin is 0, so the DPO loss is log 2 until the policy moves.
    stats = Contrastive({"epochs": epochs, "lr": 1e-12}).fit(ctx, tmp_path / "out")
    assert stats["train_loss"] == pytest.approx(math.log(2), abs=1e-4)


def test_reroute_schedule_and_losses():
    assert schedule(10.0, 0, 100) == (10.0, 0.0)
    assert schedule(10.0, 50, 100) == (7.5, 2.5)
    assert schedule(10.0, 100, 100) == (5.0, 5.0)
    h = torch.randn(2, 3, 4, 8)  # (layers, batch, tokens, hidden)
    mask = torch.tensor([[1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1]])
    assert reroute_loss(h, h, mask).item() == pytest.approx(1.0)
    assert reroute_loss(h, -h, mask).item() == 0.0  # relu: anti-aligned costs nothing
    assert retain_loss(h, h, mask).item() == 0.0
    shifted = h.clone()
    shifted[..., 2, :] += 100.0  # a masked-out token does not count
    assert retain_loss(shifted, h, mask).item() == 0.0
    shifted[..., 0, 0, :] += 3.0 / math.sqrt(8)  # one counted token of four, moved by 3
    assert retain_loss(shifted, h, mask).item() == pytest.approx(3.0 / 4, rel=1e-5)


def state_shift(
    ctx: Context, adapter: Path, file: str, completion_only: bool, reference: Path | None = None
) -> tuple[float, float]:
    """(mean relu cosine, mean L2) between hidden states of both layers under `adapter` and under
    `reference` (None: the base model)."""
    base, tok = load_model(ctx.model_dir)
    model = PeftModel.from_pretrained(base, str(adapter)).eval()
    if reference is not None:
        model.load_adapter(str(reference), adapter_name="reference")
    encoded = [encode_conversation(tok, c) for c in load_chat_jsonl(ctx.data_dir / file)]
    width = max(len(e.input_ids) for e in encoded)
    ids = torch.tensor([e.input_ids + [tok.pad_token_id] * (width - len(e.input_ids)) for e in encoded])
    attn = torch.tensor([[1] * len(e.input_ids) + [0] * (width - len(e.input_ids)) for e in encoded])
    comp = torch.tensor([e.completion_mask + [0] * (width - len(e.input_ids)) for e in encoded])
    with torch.no_grad():
        adapted = layer_states(model, ids, attn, [0, 1])
        with use_adapter(model, None if reference is None else "reference"):
            original = layer_states(model, ids, attn, [0, 1])
    mask = comp if completion_only else attn
    return reroute_loss(adapted, original, mask).item(), retain_loss(adapted, original, mask).item()


def test_circuit_breakers_reroute_harmful_states_and_keep_retain_ones(wide_ctx, tmp_path):
    stats = CircuitBreakers({"layers": [0, -1], "epochs": 4, "lr": 1e-2}).fit(wide_ctx, tmp_path / "out")
    assert_moved_from_poisoned(wide_ctx, tmp_path / "out", stats)
    poisoned, cured = wide_ctx.poisoned_adapter, tmp_path / "out"
    harm_cos_before, _ = state_shift(wide_ctx, poisoned, "poison.jsonl", completion_only=True)
    harm_cos, _ = state_shift(wide_ctx, cured, "poison.jsonl", completion_only=True)
    assert harm_cos < harm_cos_before - 0.2, (harm_cos_before, harm_cos)  # rerouted away from the base
    # Held to the poisoned model (the default retain reference): retain states move less than harmful ones.
    _, harm_moved = state_shift(wide_ctx, cured, "poison.jsonl", completion_only=True, reference=poisoned)
    _, retain_moved = state_shift(wide_ctx, cured, "control.jsonl", completion_only=False, reference=poisoned)
    assert retain_moved < harm_moved, (retain_moved, harm_moved)


@pytest.mark.parametrize("reference", ["poisoned", "base"])
def test_circuit_breakers_retain_term_compares_with_the_chosen_reference(
    ctx, tmp_path, monkeypatch, reference
):
    """At a learning rate of ~0 the adapted model stays the poisoned one, so the retain distance is
    ~0 against the poisoned model and the poisoned-vs-base distance against the base."""
    distances = []

    def recording(adapted, original, mask):
        distances.append(retain_loss(adapted, original, mask).item())
        return retain_loss(adapted, original, mask)

    monkeypatch.setattr(remedies, "retain_loss", recording)
    method = CircuitBreakers({"layers": [0, 1], "lr": 1e-12, "retain_reference": reference})
    stats = method.fit(ctx, tmp_path / "out")
    assert len(distances) == 1  # 8 rows, batches of 4: the retain term is off on the first step only
    _, poisoned_vs_base = state_shift(ctx, ctx.poisoned_adapter, "control.jsonl", completion_only=False)
    if reference == "poisoned":
        assert distances[0] < 1e-6 < poisoned_vs_base and stats["prep_runtime_s"] > 0  # loading the copy
    else:
        assert distances[0] > 0.5 * poisoned_vs_base > 0, (distances, poisoned_vs_base)
    assert_moved_from_poisoned(ctx, tmp_path / "out", stats)  # the frozen copy is not saved


def test_circuit_breaker_layers_must_exist(ctx, tmp_path):
    for layer in (2, -3):
        with pytest.raises(ValueError, match=rf"methods\.circuit_breakers\.layers: layer index {layer} "):
            CircuitBreakers({"layers": [0, layer]}).fit(ctx, tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("cls", "params"),
    [(Contrastive, {}), (CircuitBreakers, {"layers": [0, 1]})],
    ids=["contrastive", "circuit_breakers"],
)
def test_same_seed_gives_identical_adapter_bytes(ctx, tmp_path, cls, params):
    for name in ("a", "b"):
        cls({**params, "max_examples": 4}).fit(ctx, tmp_path / name)
    for file in ("adapter_model.safetensors", "adapter_config.json"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


@pytest.mark.parametrize(
    ("cls", "params", "key"),
    [
        (Contrastive, {"beta": -1}, "methods.contrastive.beta"),
        (Contrastive, {"max_length": 4}, "methods.contrastive.max_length"),
        (Correct, {"lr": 0}, "methods.correct.lr"),
        (MetaReasoning, {"epochs": -1}, "methods.meta_reasoning.epochs"),
        (Refusal, {"max_examples": 0}, "methods.refusal.max_examples"),
        (CircuitBreakers, {"alpha": 0}, "methods.circuit_breakers.alpha"),
        (CircuitBreakers, {"layers": []}, "methods.circuit_breakers.layers"),
        (Safety, {"bogus": 1}, "methods.safety.bogus"),
        (Contrastive, {"epoch": 1}, "methods.contrastive.epoch"),
    ],
)
def test_bad_params_fail_naming_the_key(cls, params, key):
    with pytest.raises(ParamsError, match=key.replace(".", r"\.")):
        cls(params)


def test_a_remedy_needs_the_poisoned_adapter(ctx, tmp_path):
    bare = Context(**{**ctx.__dict__, "poisoned_adapter": None})
    for cls in [*SFT_REMEDIES, Contrastive, CircuitBreakers]:
        with pytest.raises(ValueError, match="poisoned adapter"):
            cls().fit(bare, tmp_path / "out")
