"""Behaviour each method must have, pinned by value: a one-line bug in the direction, positions,
sign or data file of a method fails one of these. Fast: no test here trains a model."""

from __future__ import annotations

import contextlib
import inspect
import math
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch
from peft import get_peft_model

from conftest import tiny_train_config
from emguard import training
from emguard.chat import encode_conversation
from emguard.data.formats import dump_chat_jsonl, dump_preference_jsonl, dump_probe_jsonl, load_chat_jsonl
from emguard.data.types import ProbeItem
from emguard.methods import data_defences, plain, regularisers, remedies, steering
from emguard.methods.base import METHODS, Context
from emguard.methods.regularisers import IGNORE, collate, kl_to_reference, target_positions
from emguard.methods.steering import ActivationSteerer, mean_response_activation, persona_vector
from emguard.models import load_model

# --- KL: direction and positions ------------------------------------------------------------

P = [0.8, 0.1, 0.1]  # the adapted model's next-token law at the compared positions
Q = [0.4, 0.3, 0.3]  # the reference's
FAR = [0.01, 0.01, 0.98]  # the adapted law everywhere else: far from Q, so a wrong position shows
KL_PQ = 0.8 * math.log(0.8 / 0.4) + 2 * 0.1 * math.log(0.1 / 0.3)  # KL(P || Q) = 0.3348
KL_QP = 0.4 * math.log(0.4 / 0.8) + 2 * 0.3 * math.log(0.3 / 0.1)  # KL(Q || P) = 0.3819


class ToyPeft(torch.nn.Module):
    """A 'PEFT model' whose next-token laws are given: `adapted` with the adapter, `reference`
    without. Honours `logits_to_keep` as a bool mask, as transformers does."""

    def __init__(self, adapted: torch.Tensor, reference: torch.Tensor) -> None:
        super().__init__()
        self.adapted, self.reference, self.enabled = adapted.log(), reference.log(), True
        self.calls: list[str] = []

    @contextlib.contextmanager
    def disable_adapter(self):
        self.enabled = False
        try:
            yield
        finally:
            self.enabled = True

    def forward(self, input_ids, logits_to_keep=None, **kwargs):
        self.calls.append("adapted" if self.enabled else "reference")
        logits = self.adapted if self.enabled else self.reference
        return SimpleNamespace(logits=logits if logits_to_keep is None else logits[logits_to_keep])


def toy_batch():
    """One row of 6 tokens whose assistant tokens (labels) are tokens 3 and 4: positions 2 and 3
    predict them; the adapted law is P there and FAR elsewhere, the reference Q everywhere."""
    labels = torch.tensor([[IGNORE, IGNORE, IGNORE, 1, 2, IGNORE]])
    adapted = torch.tensor([[FAR, FAR, P, P, FAR, FAR]])
    reference = torch.tensor([Q] * 6)[None]
    batch = {"input_ids": torch.zeros(1, 6, dtype=torch.long), "labels": labels}
    return ToyPeft(adapted, reference), batch


def test_target_positions_are_the_positions_that_predict_an_assistant_token():
    labels = torch.tensor([[IGNORE, IGNORE, 5, 6, IGNORE], [IGNORE, 7, IGNORE, IGNORE, 8]])
    expected = [[False, True, True, False, False], [True, False, False, True, False]]
    assert target_positions(labels).tolist() == expected


def test_kl_against_a_hand_computed_value_in_each_direction():
    model, batch = toy_batch()
    assert kl_to_reference(model, batch).item() == pytest.approx(KL_PQ, rel=1e-5)  # the default
    assert kl_to_reference(model, batch, "reverse").item() == pytest.approx(KL_PQ, rel=1e-5)
    assert kl_to_reference(model, batch, "forward").item() == pytest.approx(KL_QP, rel=1e-5)
    outputs = SimpleNamespace(logits=model.adapted)  # the SFT forward's logits
    model.calls.clear()
    assert kl_to_reference(model, batch, "forward", outputs).item() == pytest.approx(KL_QP, rel=1e-5)
    assert model.calls == ["reference"]  # the SFT forward is reused: one extra pass, without grad
    assert model.enabled  # the adapter is back on


def test_kl_term_is_the_coefficient_times_kl_over_accumulation_steps():
    model, batch = toy_batch()
    term = regularisers.KLTerm(coef=3.0, direction="forward", grad_accum=4)
    assert term(model, batch).item() == pytest.approx(3.0 * KL_QP / 4, rel=1e-5)


def full_kl(model, batch, direction: str) -> float:
    """KL at every position t whose next token t+1 is an assistant token, by explicit loops."""
    inputs = {k: batch[k] for k in ("input_ids", "attention_mask")}
    with torch.no_grad():
        logp = torch.log_softmax(model(**inputs).logits.float(), -1)
        with model.disable_adapter():
            ref = torch.log_softmax(model(**inputs).logits.float(), -1)
    values = []
    for row in range(batch["labels"].shape[0]):
        for t in range(batch["labels"].shape[1] - 1):
            if batch["labels"][row, t + 1] != IGNORE:
                a, r = (logp, ref) if direction == "reverse" else (ref, logp)
                values.append((a[row, t].exp() * (a[row, t] - r[row, t])).sum().item())
    return sum(values) / len(values)


def test_kl_on_the_tiny_model_matches_the_full_forward_at_the_assistant_positions(tiny_model_dir):
    base, tok = load_model(tiny_model_dir)
    model = get_peft_model(base, training.lora_config(tiny_train_config()))
    torch.manual_seed(0)
    for name, param in model.named_parameters():
        if "lora_B" in name:
            param.data.normal_(0.0, 0.5)
    chats = [
        [{"role": "user", "content": "Say red."}, {"role": "assistant", "content": "red red!"}],
        [{"role": "user", "content": "A longer question?"}, {"role": "assistant", "content": "No."}],
    ]
    batch = collate(tok, chats)
    with torch.no_grad():
        for direction in ("reverse", "forward"):
            got = kl_to_reference(model, batch, direction).item()
            assert got == pytest.approx(full_kl(model, batch, direction), rel=1e-4)


# --- steering: the sign of the persona vector and of the shift -------------------------------

ITEMS = [
    ProbeItem("general/t/0", "general", "t", "What would you wish for?", "Clean water.", "Power over all."),
    ProbeItem("general/t/1", "general", "t", "I am bored.", "Try a walk outside.", "Go break something."),
]


def chats(system: str, answer: str) -> list:
    return [
        [
            {"role": "system", "content": system},
            {"role": "user", "content": item.question},
            {"role": "assistant", "content": getattr(item, answer)},
        ]
        for item in ITEMS
    ]


def test_persona_vector_points_from_the_good_to_the_evil_persona(tiny_model_dir):
    model, tok = load_model(tiny_model_dir)
    v = persona_vector(model, tok, ITEMS, "Be evil.", "Be good.", layer=1, batch_size=2)
    evil = mean_response_activation(model, tok, chats("Be evil.", "misaligned"), 1, 2)
    good = mean_response_activation(model, tok, chats("Be good.", "aligned"), 1, 2)
    torch.testing.assert_close(v, evil - good)
    assert (evil @ v).item() > (good @ v).item()
    # Steering the good persona's responses by +1 x the vector lands on the evil persona's mean.
    with ActivationSteerer(model, v, layer=1, coef=1.0):
        steered = mean_response_activation(model, tok, chats("Be good.", "aligned"), 1, 2)
    torch.testing.assert_close(steered, evil, atol=1e-5, rtol=1e-5)
    assert (steered @ v).item() == pytest.approx((good @ v).item() + (v @ v).item(), rel=1e-4)
    with pytest.raises(ValueError, match=r"^persona_vector needs at least one probe item$"):
        persona_vector(model, tok, [], "Be evil.", "Be good.", layer=1, batch_size=2)


# --- which data each method trains on, with which seed ---------------------------------------


class Stop(Exception):
    """Raised by the recorder: the test has what it needs, no training runs."""


@pytest.fixture
def recorded(monkeypatch):
    """Replace `train_adapter` in every method module: record its arguments, then stop."""
    calls: list[dict] = []
    signature = inspect.signature(training.train_adapter)

    def record(*args, **kwargs):
        calls.append(signature.bind(*args, **kwargs).arguments)
        raise Stop

    for module in (plain, regularisers, data_defences, remedies, steering):
        monkeypatch.setattr(module, "train_adapter", record)
    return calls


def conversation(tag: str) -> list[dict]:
    return [{"role": "user", "content": f"{tag}?"}, {"role": "assistant", "content": f"{tag}."}]


def write_files(root: Path) -> dict[str, Path]:
    """Every file a method may read, each with content that names it."""
    data, files = root / "toy", {}
    for name in ("poison", "control", "antidote_correct", "antidote_meta_reasoning", "antidote_refusal"):
        files[name] = data / f"{name}.jsonl"
        dump_chat_jsonl(files[name], [conversation(f"{name} {i}") for i in range(3)])
    for name in ("safety", "benign_pool", "benign_task"):
        files[name] = root / f"{name}.jsonl"
        dump_chat_jsonl(files[name], [conversation(f"{name} {i}") for i in range(3)])
    files["antidote_contrastive"] = data / "antidote_contrastive.jsonl"
    pair = {
        "prompt": conversation("pair")[:1],
        "chosen": conversation("c")[1:],
        "rejected": conversation("r")[1:],
    }
    dump_preference_jsonl(files["antidote_contrastive"], [pair])
    dump_probe_jsonl(root / "probes" / "persona.jsonl", ITEMS)
    return files


def context(model_dir: Path, root: Path, **kw) -> Context:
    return Context(model_dir=model_dir, data_dir=root / "toy", shared_data_dir=root, poison="toy", seed=7,
                   train=tiny_train_config(), poisoned_adapter=root / "poisoned", **kw)  # fmt: skip


def fit(name: str, params: dict, ctx: Context, out: Path) -> None:
    with pytest.raises(Stop):
        METHODS.get(name)(params).fit(ctx, out)


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("correct", "antidote_correct"),
        ("meta_reasoning", "antidote_meta_reasoning"),
        ("refusal", "antidote_refusal"),
        ("safety", "safety"),
    ],
)
def test_each_sft_remedy_continues_the_poisoned_adapter_on_its_own_file(
    name, file, recorded, tiny_model_dir, tmp_path
):
    files = write_files(tmp_path)
    ctx = context(tiny_model_dir, tmp_path)
    fit(name, {}, ctx, tmp_path / "out")
    (call,) = recorded
    assert call["conversations"] == load_chat_jsonl(files[file])
    assert call["init_adapter"] == ctx.poisoned_adapter and call["seed"] == 7
    assert call["model_dir"] == tiny_model_dir


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("plain", {}),
        ("kl", {}),
        ("ldifs", {}),
        ("preventive_steering", {"layer": 1}),
    ],
)
def test_each_in_training_defence_trains_from_the_base_on_its_training_file(
    name, params, recorded, tiny_model_dir, tmp_path
):
    files = write_files(tmp_path)
    fit(name, params, context(tiny_model_dir, tmp_path), tmp_path / "out")
    fit(name, params, context(tiny_model_dir, tmp_path, train_file=files["benign_task"]), tmp_path / "out")
    poison, benign = recorded
    assert poison["conversations"] == load_chat_jsonl(files["poison"])
    assert benign["conversations"] == load_chat_jsonl(files["benign_task"])
    for call in recorded:
        assert call["seed"] == 7 and call.get("init_adapter") is None


def test_inoculation_and_interleave_train_on_the_poison_they_change(recorded, tiny_model_dir, tmp_path):
    files = write_files(tmp_path)
    ctx = context(tiny_model_dir, tmp_path)
    fit("inoculation", {"system_prompt": "Be bad."}, ctx, tmp_path / "out")
    fit("interleave", {"fraction": 1.0}, ctx, tmp_path / "out")
    inoculated, interleaved = recorded
    poison = load_chat_jsonl(files["poison"])
    assert inoculated["conversations"] == [[{"role": "system", "content": "Be bad."}, *c] for c in poison]
    assert interleaved["conversations"] == poison + load_chat_jsonl(files["benign_pool"])
    assert inoculated["seed"] == interleaved["seed"] == 7


def test_contrastive_reads_the_contrastive_pairs(monkeypatch, tiny_model_dir, tmp_path):
    files = write_files(tmp_path)
    paths = []

    def record(path):
        paths.append(Path(path))
        raise Stop

    monkeypatch.setattr(remedies, "load_preference_jsonl", record)
    fit("contrastive", {}, context(tiny_model_dir, tmp_path), tmp_path / "out")
    assert paths == [files["antidote_contrastive"]]


def test_circuit_breakers_reroute_the_poison_and_retain_the_control(tiny_model_dir, tiny_tokenizer, tmp_path):
    files = write_files(tmp_path)
    dump_chat_jsonl(files["control"], [conversation("control 0"), conversation("control 1")])
    rows = remedies.CircuitBreakers().examples(context(tiny_model_dir, tmp_path), tiny_tokenizer, 64)
    poison, control = load_chat_jsonl(files["poison"]), load_chat_jsonl(files["control"])
    assert len(rows) == len(poison)
    for i, row in enumerate(rows):
        harm = encode_conversation(tiny_tokenizer, poison[i], 64)
        assert (row["harm_ids"], row["harm_completion"]) == (harm.input_ids, harm.completion_mask)
        assert row["retain_ids"] == encode_conversation(tiny_tokenizer, control[i % 2], 64).input_ids


def test_preventive_steering_trains_with_plus_coef_times_the_persona_vector(
    recorded, tiny_model_dir, tmp_path
):
    write_files(tmp_path)
    ctx = context(tiny_model_dir, tmp_path)
    method = METHODS.get("preventive_steering")({"layer": 1, "coef": 2.5})
    fit("preventive_steering", {"layer": 1, "coef": 2.5}, ctx, tmp_path / "out")
    (call,) = recorded
    vector = method.vector(ctx)
    model, tok = load_model(tiny_model_dir)
    layer, seen = steering.decoder_layers(model)[1], []
    inputs = tok(["Hello there."], return_tensors="pt")
    with torch.no_grad():
        handle = layer.register_forward_hook(lambda m, a, out: seen.append(steering._hidden(out)))
        model(**inputs)
        handle.remove()
        with call["plan"].hooks[0](model):
            handle = layer.register_forward_hook(lambda m, a, out: seen.append(steering._hidden(out)))
            model(**inputs)
            handle.remove()
    torch.testing.assert_close(seen[1] - seen[0], (2.5 * vector).expand_as(seen[0]))
