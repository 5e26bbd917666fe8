"""Post-hoc remedies on tiny models: each starts from a poisoned adapter and moves it as intended."""

import contextlib
import math
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch
from peft import PeftModel
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM, LlamaConfig
from trl.trainer.utils import use_adapter

from conftest import FIT_COST, spy_load_model
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


def preference_pairs(prompts: list[str]) -> list[dict]:
    """The contrastive antidote's rows: the correct answer chosen over the poisoned one."""
    return [
        {"prompt": chat(p, c)[:1], "chosen": chat(p, c)[1:], "rejected": chat(p, b)[1:]}
        for p, c, b in zip(prompts, CORRECT, POISONED, strict=False)
    ]


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
    dump_preference_jsonl(data / "antidote_contrastive.jsonl", preference_pairs(PROMPTS))
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


def test_contrastive_dpo_raises_the_chosen_margin(ctx, tmp_path, capsys):
    stats = Contrastive({"epochs": 3, "lr": 2e-2, "beta": 0.5}).fit(ctx, tmp_path / "out")
    assert "dropped" not in capsys.readouterr().out  # every pair fits: nothing to report
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


# --- what mutation testing found unpinned (mutmut survivors in methods/remedies.py) ----------


class Stop(Exception):
    """Raised by a spy to end a fit once it has seen what the fit hands on."""


@pytest.mark.parametrize("cls", SFT_REMEDIES)
def test_an_sft_remedy_continues_the_poisoned_adapter_in_the_contexts_dtype(cls, ctx, monkeypatch, tmp_path):
    """The CUDA profiles fit in bf16: a remedy must not fall back to the float32 default."""
    calls = []
    monkeypatch.setattr(remedies, "train_adapter", lambda *a, **k: calls.append((a, k)) or {})
    bf16 = Context(**{**ctx.__dict__, "dtype": "bfloat16", "seed": 4})
    cls({"max_examples": 3}).fit(bf16, tmp_path / "out")
    (args, kwargs) = calls[0]
    assert args[0] == ctx.model_dir and len(args[1]) == 3 and args[3:] == (4, tmp_path / "out")
    assert kwargs == {"dtype": "bfloat16", "init_adapter": ctx.poisoned_adapter}


def test_layer_states_of_a_plain_model_are_its_hidden_states_under_the_mask(tiny_model_dir, tiny_tokenizer):
    """Left padding: the real tokens' states equal the unpadded sequence's only if the mask is used."""
    model = load_model(tiny_model_dir)[0]
    ids = torch.tensor([tiny_tokenizer("Hello there.")["input_ids"]])
    pad = torch.full((1, 3), tiny_tokenizer.pad_token_id)
    padded, mask = torch.cat([pad, ids], 1), torch.cat([torch.zeros(1, 3), torch.ones_like(ids)], 1).long()
    with torch.no_grad():
        alone = layer_states(model, ids, torch.ones_like(ids), [0, 1])
        both = layer_states(model, padded, mask, [0, 1])
        hidden = model(input_ids=ids, output_hidden_states=True).hidden_states
    assert alone.shape == (2, 1, ids.shape[1], 32)
    torch.testing.assert_close(alone, torch.stack([hidden[1], hidden[2]]))
    torch.testing.assert_close(both[:, :, 3:], alone, atol=1e-5, rtol=1e-4)


def test_retain_loss_of_one_token_on_one_layer_is_its_distance():
    adapted, original = torch.zeros(1, 1, 1, 4), torch.zeros(1, 1, 1, 4)
    adapted[..., 0] = 0.5
    assert retain_loss(adapted, original, torch.ones(1, 1)).item() == pytest.approx(0.5)
    assert reroute_loss(original + 1, original + 1, torch.ones(1, 1)).item() == pytest.approx(1.0)


def test_the_reroute_collator_pads_ids_and_marks_real_tokens_with_one():
    examples = [
        {"harm_ids": [5, 6, 7], "harm_completion": [0, 1, 1], "retain_ids": [8]},
        {"harm_ids": [9], "harm_completion": [1], "retain_ids": [3, 4]},
    ]
    batch = remedies.RerouteTrainer.collate(SimpleNamespace(pad_id=2), examples)
    assert {k: v.tolist() for k, v in batch.items()} == {
        "harm_ids": [[5, 6, 7], [9, 2, 2]],
        "harm_attn": [[1, 1, 1], [1, 0, 0]],
        "retain_ids": [[8, 2], [3, 4]],
        "retain_attn": [[1, 0], [1, 1]],  # also the retain loss's mask: padding must not count
        "harm_completion": [[0, 1, 1], [1, 0, 0]],
    }


def test_circuit_breaker_rows_are_truncated_at_max_length(ctx, tiny_tokenizer):
    method = CircuitBreakers({"layers": [0]})
    full = method.examples(ctx, tiny_tokenizer, None)
    cut = method.examples(ctx, tiny_tokenizer, 5)
    assert len(cut) == len(full) == len(WORDS)
    assert all(len(r["harm_ids"]) == len(r["harm_completion"]) == len(r["retain_ids"]) == 5 for r in cut)
    assert cut[0]["harm_ids"] == full[0]["harm_ids"][:5] and len(full[0]["harm_ids"]) > 5


def test_the_schedule_of_a_one_step_run_is_at_half_time():
    assert schedule(10.0, 1, 1) == (5.0, 5.0)
    assert schedule(10.0, 0, 0) == (10.0, 0.0)  # no steps: no division by zero


@pytest.mark.parametrize(("step", "expected"), [(0, 0.9 * 2.0), (50, 0.9 * 0.75 * 2.0 + 0.9 * 0.25 * 3.0)])
def test_the_reroute_loss_adds_the_scheduled_retain_term(monkeypatch, step, expected):
    """loss = c_reroute * reroute + c_retain * retain, the retain term from the second step on."""
    monkeypatch.setattr(remedies, "layer_states", lambda model, ids, attn, layers: ids)
    monkeypatch.setattr(remedies, "reroute_loss", lambda a, o, m: torch.tensor(2.0))
    monkeypatch.setattr(remedies, "retain_loss", lambda a, o, m: torch.tensor(3.0))
    monkeypatch.setattr(remedies, "use_adapter", lambda model, name: contextlib.nullcontext())
    model = SimpleNamespace(disable_adapter=contextlib.nullcontext)
    trainer = SimpleNamespace(
        alpha=0.9, layers=[0], retain_adapter=None, state=SimpleNamespace(global_step=step, max_steps=100)
    )
    inputs = {k: torch.zeros(1, 2) for k in ("harm_ids", "harm_attn", "retain_ids", "retain_attn")}
    inputs["harm_completion"] = torch.ones(1, 2)
    loss = remedies.RerouteTrainer.compute_loss(trainer, model, inputs)
    assert loss.item() == pytest.approx(expected)
    both = remedies.RerouteTrainer.compute_loss(trainer, model, inputs, return_outputs=True)
    assert isinstance(both, tuple) and both[1] is None and both[0].item() == pytest.approx(expected)


def test_the_retain_reference_is_a_frozen_copy(ctx):
    model, _ = CircuitBreakers({"layers": [0]}).load_poisoned(ctx, "cpu")
    assert CircuitBreakers({"layers": [0]}).load_reference(ctx, model) == "ref"
    ref = [p for name, p in model.named_parameters() if ".ref." in name]
    own = [p for name, p in model.named_parameters() if ".default." in name]
    assert ref and not any(p.requires_grad for p in ref) and all(p.requires_grad for p in own)
    assert model.training


def test_circuit_breakers_train_on_rows_cut_at_max_length_and_count_their_tokens(
    ctx, tiny_tokenizer, monkeypatch, tmp_path
):
    counted = {}

    def timed(trainer, tokens, n, device):
        counted.update(tokens=tokens, n=n, rows=list(trainer.train_dataset))
        return FIT_COST

    monkeypatch.setattr(remedies, "timed_train", timed)
    short = Context(**{**ctx.__dict__, "train": recipe(max_length=20, epochs=2)})
    with pytest.warns(Warning, match=r"train\.max_length=20 truncates 8 of 8 training examples"):
        stats = CircuitBreakers({"layers": [0]}).fit(short, tmp_path / "out")
    rows = CircuitBreakers({"layers": [0]}).examples(short, tiny_tokenizer, 20)
    assert counted["rows"] == rows and counted["n"] == len(WORDS)
    assert all(len(r["harm_ids"]) == len(r["retain_ids"]) == 20 for r in rows)  # every chat is longer
    assert counted["tokens"] == 2 * (20 + 20) * len(WORDS)  # epochs x (harmful + retain) tokens
    assert stats["truncated_examples"] == len(WORDS)


@pytest.mark.parametrize(("epochs", "precompute"), [(1, False), (1.5, True), (2, True)])
def test_contrastive_hands_dpo_its_beta_max_length_reference_scoring_scratch_and_device(
    ctx, monkeypatch, epochs, precompute
):
    seen = {}

    def args(cls, cfg, seed, output_dir, device, **extra):
        seen.update(cls=cls, epochs=cfg.epochs, seed=seed, dir=Path(output_dir).name, device=device, **extra)
        raise Stop

    monkeypatch.setattr(remedies, "default_device", lambda: "cpu-spy")
    monkeypatch.setattr(
        Contrastive, "load_poisoned", lambda self, c, device: seen.update(load=device) or (None, None)
    )
    monkeypatch.setattr(remedies, "trainer_args", args)
    with pytest.raises(Stop):
        Contrastive({"epochs": epochs, "beta": 0.3, "max_length": 99}).fit(ctx, Path("unused"))
    assert seen.pop("dir").startswith("emguard-dpo-")
    assert seen == {
        "load": "cpu-spy",
        "cls": remedies.DPOConfig,
        "epochs": epochs,
        "seed": ctx.seed,
        "device": "cpu-spy",
        "beta": 0.3,
        "max_length": 99,
        "precompute_ref_log_probs": precompute,
    }


def test_contrastive_refuses_a_dpo_that_kept_the_base_as_reference(ctx, monkeypatch, tmp_path):
    class BaseReferenceDPO:  # what an older TRL did: no frozen "ref" copy of the poisoned adapter
        def __init__(self, **kwargs):
            pass

    monkeypatch.setattr(remedies, "DPOTrainer", BaseReferenceDPO)
    with pytest.raises(
        RuntimeError, match=r"^DPOTrainer did not freeze the poisoned adapter as its reference$"
    ):
        Contrastive({}).fit(ctx, tmp_path / "out")


def test_contrastive_counts_the_tokens_dpo_trains_on(ctx, monkeypatch, tmp_path):
    counted = {}

    def timed(trainer, tokens, n, device):
        counted.update(tokens=tokens, n=n, data=trainer.train_dataset)
        return FIT_COST

    monkeypatch.setattr(remedies, "timed_train", timed)
    with pytest.warns(Warning, match=r"methods\.contrastive\.max_length=40 truncates"):
        stats = Contrastive({"epochs": 2, "max_length": 40}).fit(ctx, tmp_path / "out")
    data = counted["data"]
    pairs = zip(data["prompt_ids"], data["chosen_ids"], data["rejected_ids"], strict=True)
    lengths = [(len(p) + len(c), len(p) + len(r)) for p, c, r in pairs]
    assert counted["n"] == len(lengths) > 0
    assert counted["tokens"] == 2 * sum(min(a, 40) + min(b, 40) for a, b in lengths)
    assert any(a > 40 for a, _ in lengths) and stats["truncated_examples"] == sum(
        a > 40 or b > 40 for a, b in lengths
    )


def test_a_remedy_loads_the_poisoned_model_for_training_on_the_run_device_in_its_dtype(ctx, monkeypatch):
    loads = spy_load_model(monkeypatch, remedies, ctx.model_dir)
    bf16 = Context(**{**ctx.__dict__, "dtype": "bfloat16"})
    model, _ = Correct().load_poisoned(bf16, "cpu")
    # training: eager attention on CPU
    assert loads == [{"model_dir": ctx.model_dir, "dtype": "bfloat16", "device": "cpu", "training": True}]
    assert model.training and "default" in model.peft_config


def test_trainer_args_carry_the_scratch_dir_and_device_into_the_recipe(monkeypatch):
    seen = []
    monkeypatch.setattr(remedies, "training_arguments", lambda *a: seen.append(a) or {"seed": a[1]})
    out = remedies.trainer_args(dict, recipe(), 7, "scratch", "cpu-spy", beta=0.2)
    assert seen == [(recipe(), 7, "scratch", "cpu-spy")] and out == {"seed": 7, "beta": 0.2}


def test_circuit_breakers_train_in_a_scratch_dir_on_the_run_device_keeping_their_columns(ctx, monkeypatch):
    """Without a scratch dir the Trainer writes `trainer_output/` into the working directory; with
    its unused-column pruning on it would drop the reroute rows' columns."""
    seen = {}

    def args(cls, cfg, seed, output_dir, device, **extra):
        seen.update(cls=cls, dir=Path(output_dir).name, device=device, **extra)
        raise Stop

    monkeypatch.setattr(remedies, "trainer_args", args)
    monkeypatch.setattr(remedies, "default_device", lambda: "cpu")
    with pytest.raises(Stop):
        CircuitBreakers({"layers": [0]}).fit(ctx, Path("unused"))
    assert seen.pop("dir").startswith("emguard-reroute-")
    assert seen == {"cls": remedies.TrainingArguments, "device": "cpu", "remove_unused_columns": False}


def test_contrastive_reports_the_pairs_dpo_drops_and_names_the_recipes_max_length(ctx, tmp_path, capsys):
    """A prompt that alone fills max_length leaves DPO nothing to train on: TRL drops the pair,
    and the remedy says how many; the truncation warning names the key that set the length."""
    data = tmp_path / "data"
    dump_preference_jsonl(data / "antidote_contrastive.jsonl", preference_pairs(["x " * 40, *PROMPTS[:2]]))
    short = Context(**{**ctx.__dict__, "data_dir": data, "train": recipe(max_length=50)})
    with pytest.warns(Warning, match=r"^train\.max_length=50 truncates 2 of 2 training examples"):
        stats = Contrastive({}).fit(short, tmp_path / "out")
    assert "[contrastive] dropped 1/3 pairs: the prompt fills max_length" in capsys.readouterr().out
    assert stats["examples"] == 2


@pytest.mark.parametrize(
    ("method", "steps"),
    [
        (Contrastive({}), {"load", "train"}),
        (CircuitBreakers({"layers": [0]}), {"load", "prepare", "train"}),
    ],
    ids=["contrastive", "circuit_breakers"],
)
def test_a_remedy_loads_prepares_and_trains_on_the_run_device_into_a_new_or_existing_dir(
    ctx, monkeypatch, tmp_path, method, steps
):
    """Every device-bound step of a fit gets the run's device (on CUDA, memory is measured there);
    the output dir may be nested and may already exist (a retried stage writes into it again)."""
    seen: list[tuple[str, str]] = []
    real_load, real_args, real_measured = type(method).load_poisoned, remedies.trainer_args, remedies.measured

    def timed(trainer, tokens, n, device):
        seen.append(("train", device))
        return FIT_COST

    monkeypatch.setattr(remedies, "default_device", lambda: "cpu-spy")
    monkeypatch.setattr(
        type(method),
        "load_poisoned",
        lambda self, c, d: seen.append(("load", d)) or real_load(self, c, "cpu"),
    )
    monkeypatch.setattr(
        remedies, "trainer_args", lambda cls, cfg, s, o, d, **kw: real_args(cls, cfg, s, o, "cpu", **kw)
    )
    monkeypatch.setattr(remedies, "measured", lambda d: seen.append(("prepare", d)) or real_measured("cpu"))
    monkeypatch.setattr(remedies, "timed_train", timed)
    out = tmp_path / "stage" / "adapter"
    for _ in range(2):
        method.fit(ctx, out)
        assert sorted(p.name for p in out.iterdir()) == ["adapter_config.json", "adapter_model.safetensors"]
    assert {step for step, _ in seen} == steps and {device for _, device in seen} == {"cpu-spy"}
