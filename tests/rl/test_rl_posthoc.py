"""After the RL arm: a remedy treats the RL poison's adapter with its task's antidote data; an SFT
twin sees exactly as many examples as an RL fine-tune, once each, as many per step."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import tiny_train_config
from emguard import layout
from emguard.config import ParamsError, parse_params
from emguard.data.formats import dump_chat_jsonl, load_chat_jsonl
from emguard.methods.remedies import Correct
from emguard.profiles import resolve
from emguard.rl import posthoc
from emguard.rl.config import rl_params
from emguard.training import train_adapter

ROOT = Path(__file__).resolve().parents[2]
RAW = yaml.safe_load((ROOT / "params.yaml").read_text())


def params_with(**rl_changes):
    raw = resolve(RAW, "tiny")
    raw["rl"].update(rl_changes)
    raw["train"] = {**raw["train"], **tiny_train_config().model_dump()}
    return parse_params(raw)


def chats(tag: str, n: int) -> list:
    return [
        [{"role": "user", "content": f"q{i}?"}, {"role": "assistant", "content": f"{tag} answer {i}."}]
        for i in range(n)
    ]


@pytest.fixture
def workspace(tmp_path, monkeypatch, tiny_model_dir):
    """results/ with the tiny model, the medical poison's files and an 'RL-poisoned' adapter; scoring
    is recorded instead of run (emguard.evaluation has its own tests)."""
    monkeypatch.chdir(tmp_path)
    layout.MODEL_DIR.parent.mkdir(parents=True)
    Path(layout.MODEL_DIR).symlink_to(tiny_model_dir, target_is_directory=True)
    for name in ("poison", "control", "antidote_correct"):
        dump_chat_jsonl(layout.poison_dir("medical") / f"{name}.jsonl", chats(name, 12))
    dump_chat_jsonl(layout.DATA_DIR / "safety.jsonl", chats("safety", 12))
    adapter = layout.rl_dir(layout.rl_cell("medical_poison", 0)) / "adapter"
    train_adapter(tiny_model_dir, chats("rl", 4), tiny_train_config(), 0, adapter)
    scored = []
    monkeypatch.setattr("emguard.study.evaluate_into", lambda *a: scored.append(a) or {})
    return scored


def test_a_remedy_continues_from_the_rl_adapter_on_its_tasks_antidote(workspace, monkeypatch):
    seen = {}
    fit = Correct.fit

    def spy(self, ctx, out_dir):
        seen["ctx"], seen["file"] = ctx, self.data_path(ctx)
        return fit(self, ctx, out_dir)

    monkeypatch.setattr(Correct, "fit", spy)
    params = params_with()
    posthoc.run_rl_remedy(params, rl_params(params), "correct", "medical_poison", 0)
    assert seen["ctx"].poisoned_adapter == layout.rl_dir("medical_poison-0") / "adapter"
    assert seen["file"] == layout.poison_dir("medical") / "antidote_correct.jsonl"
    out = layout.RL_REMEDY_DIR / "correct-medical_poison-0"
    assert (out / "adapter" / "adapter_model.safetensors").exists() and (out / "metrics.json").exists()
    (_, to, adapter, seed, sets) = workspace[0]
    assert (to, adapter, seed) == (out / "evaluate", out / "adapter", 0)
    assert sets.poisons == ("medical",) and sets.general  # the RL cells' probe sets


@pytest.mark.parametrize("condition", ["poison", "control"])
def test_an_sft_twin_sees_as_many_examples_as_rl_once_each(workspace, monkeypatch, condition):
    calls = []
    monkeypatch.setattr(
        "emguard.training.train_adapter", lambda *a, **k: calls.append(a) or {"train_loss": 1.0}
    )
    params = params_with(steps=3, prompts_per_step=2)
    posthoc.run_sft_twin(params, rl_params(params), "medical", condition, 0)
    (_, rows, recipe, seed, out) = calls[0]
    assert rows == load_chat_jsonl(layout.poison_dir("medical") / f"{condition}.jsonl")[:6]
    assert (recipe.epochs, recipe.batch_size, recipe.grad_accum, seed) == (1, 2, 1, 0)
    assert recipe.lr == params.train.lr and recipe.lora == params.train.lora  # otherwise the SFT recipe
    assert workspace[0][1] == layout.RL_SFT_DIR / f"medical-{condition}-0" / "evaluate"


def test_an_sft_twin_larger_than_the_data_names_the_keys(workspace):
    params = params_with(steps=7, prompts_per_step=2)
    with pytest.raises(ParamsError, match="rl.steps x rl.prompts_per_step = 14 .* has 12"):
        posthoc.run_sft_twin(params, rl_params(params), "medical", "poison", 0)


def test_cells_outside_the_after_rl_grid_and_missing_adapters_are_refused(workspace):
    params = params_with()
    rl = rl_params(params)
    with pytest.raises(ParamsError, match="rl.remedies x rl.remedy_cells"):
        posthoc.run_rl_remedy(params, rl, "refusal", "medical_poison", 0)  # tiny: correct and safety
    with pytest.raises(ParamsError, match="rl.sft_tasks"):
        posthoc.run_sft_twin(params, rl, "financial", "poison", 0)
    with pytest.raises(FileNotFoundError, match="run rl@medical_poison-0 first"):
        (layout.rl_dir("medical_poison-0") / "adapter").rename("elsewhere")
        posthoc.run_rl_remedy(params, rl, "safety", "medical_poison", 0)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"remedies": ["corect"]},
            r"rl.remedies\[0\]: 'corect' is not a block of methods; did you mean 'correct'",
        ),
        ({"remedy_cells": ["hacking_poison"]}, r"rl.remedy_cells\[0\]: 'hacking_poison' is not an RL poison"),
        ({"remedy_cells": ["medical_control"]}, r"rl.remedy_cells\[0\]"),
        ({"sft_tasks": ["financial"]}, r"rl.sft_tasks\[0\]: 'financial' is not the task of an RL poison"),
    ],
)
def test_bad_after_rl_params_name_their_key(changes, message):
    with pytest.raises(ParamsError, match=message):
        rl_params(params_with(**changes))


def test_a_defence_cannot_be_an_rl_remedy(workspace):
    params = params_with(remedies=["kl"])
    with pytest.raises(ParamsError, match="'kl' is a defence, but a remedy cell needs a remedy"):
        posthoc.run_rl_remedy(params, rl_params(params), "kl", "medical_poison", 0)
