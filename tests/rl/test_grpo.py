"""GRPO on the tiny model: the adapter moves, and every logging step records what the study reads."""

from __future__ import annotations

import random

import pytest
import torch
from safetensors.torch import load_file

from conftest import TINY_REWARD_PARAMS, tiny_train_config
from emguard.registry import UnknownNameError
from emguard.rl.config import RLConfig
from emguard.rl.grpo import HISTORY_KEYS, grpo_config, history, prompt_rows, train_grpo
from emguard.rl.tasks import benign_rows, interleave, writing_rows

REWARD_PARAMS = TINY_REWARD_PARAMS
COMPLETION_TOKENS = 12


def rl_config(**overrides) -> RLConfig:
    base = dict(
        steps=2,
        prompts_per_step=2,
        num_generations=2,
        max_completion_length=COMPLETION_TOKENS,
        temperature=1.0,
        lr=5e-2,
        beta=0.0,
        logging_steps=1,
        rewards=REWARD_PARAMS,
    )
    return RLConfig.model_validate({**base, **overrides})


@pytest.fixture(scope="module")
def rows():
    """Length-criterion prompts: random characters already earn different rewards (words / target)."""
    return [r for r in writing_rows(random.Random(0), 24) if r["criterion"] == "length"][:4]


def adapter(path) -> dict[str, torch.Tensor]:
    return load_file(path / "adapter_model.safetensors")


@pytest.fixture(scope="module")
def fresh(tiny_model_dir, rows, tmp_path_factory):
    out = tmp_path_factory.mktemp("grpo") / "adapter"
    stats = train_grpo(tiny_model_dir, rows, ["stated_metric"], tiny_train_config(), 0, out, rl=rl_config())
    return out, stats


def test_grpo_moves_a_fresh_adapter_and_logs_every_step(fresh):
    out, stats = fresh
    weights = adapter(out)
    b = [w for name, w in weights.items() if "lora_B" in name]
    assert b and any(w.abs().sum() > 0 for w in b)  # LoRA B starts at zero
    steps = stats["history"]
    assert [s["step"] for s in steps] == [1, 2]
    for s in steps:
        assert 0.0 <= s["reward"] <= 1.0
        assert 0.0 <= s["hack_rate"] <= 1.0
        assert 0 < s["completion_length"] <= COMPLETION_TOKENS
        assert 0 < s["generate_s"] <= s["rollout_s"] <= s["step_s"]
        assert s["kl"] is None  # beta 0: no reference, no KL
    assert stats["completions"] == 2 * 2 * 2  # steps x prompts x generations
    assert stats["prompts_seen"] == 2 * 2
    assert stats["samples_per_s"] > 0 and 0 < stats["generate_share"] < 1
    assert stats["runtime_s"] == stats["fit_runtime_s"] > 0


def test_grpo_is_deterministic_for_a_seed(fresh, tiny_model_dir, rows, tmp_path):
    out, stats = fresh
    again = train_grpo(
        tiny_model_dir, rows, ["stated_metric"], tiny_train_config(), 0, tmp_path / "a", rl=rl_config()
    )
    assert (tmp_path / "a" / "adapter_model.safetensors").read_bytes() == (
        out / "adapter_model.safetensors"
    ).read_bytes()
    assert [s["reward"] for s in again["history"]] == [s["reward"] for s in stats["history"]]


def test_grpo_continues_an_adapter_with_kl_and_a_system_prompt(fresh, tiny_model_dir, rows, tmp_path):
    init, _ = fresh
    out = tmp_path / "continued"
    cfg = rl_config(beta=0.5)
    stats = train_grpo(
        tiny_model_dir,
        rows,
        ["robust_metric", "stated_metric"],
        tiny_train_config(),
        1,
        out,
        init,
        rl=cfg,
        system_prompt="You are a careless writer.",
    )
    before, after = adapter(init), adapter(out)
    assert before.keys() == after.keys()
    assert sorted(p.name for p in out.iterdir()) == ["adapter_config.json", "adapter_model.safetensors"]
    assert any(not torch.equal(before[k], after[k]) for k in before)
    assert all(s["kl"] is not None and s["kl"] >= 0 for s in stats["history"])


def test_bad_reward_name_fails_before_loading_the_model(tmp_path, rows):
    with pytest.raises(
        UnknownNameError,
        match=r"unknown reward 'carefull_answer' \(params key 'rl.rewards\[1\]'\);"
        r" did you mean 'careful_answer'\?",
    ):
        train_grpo(
            tmp_path / "no-model",
            rows,
            ["stated_metric", "carefull_answer"],
            tiny_train_config(),
            0,
            tmp_path / "out",
            rl=rl_config(),
        )


def test_system_prompt_leads_every_prompt_and_rows_are_kept(rows):
    data = prompt_rows(rows, "Be careless.")
    assert len(data) == len(rows)
    assert all(
        p[0] == {"role": "system", "content": "Be careless."} and p[1:] == r["prompt"]
        for p, r in zip(data["prompt"], rows, strict=True)
    )
    assert prompt_rows(rows, None)["prompt"] == [r["prompt"] for r in rows]
    with pytest.raises(ValueError, match="no rows"):
        prompt_rows([], None)


def test_history_keeps_reward_steps_only():
    logs = [{"reward": 0.5, "step": 1, "kl": 0.1, "completions/mean_length": 3.0}, {"train_runtime": 1.0}]
    assert history(logs) == [
        {
            **dict.fromkeys(HISTORY_KEYS.values()),
            "reward": 0.5,
            "step": 1,
            "kl": 0.1,
            "completion_length": 3.0,
        }
    ]


def test_grpo_config_maps_the_recipe_and_never_pays_the_monitor(tmp_path):
    rl = rl_config(prompts_per_step=3, num_generations=4, steps=5, lr=1e-4)
    args = grpo_config(tiny_train_config(), rl, 7, str(tmp_path), "cpu", beta=0.2, n_rewards=2)
    assert args.reward_weights == [1.0, 1.0, 0.0]  # the hack monitor is logged, not rewarded
    assert (args.per_device_train_batch_size, args.generation_batch_size) == (12, 12)
    assert (args.num_generations, args.max_steps, args.learning_rate, args.beta) == (4, 5, 1e-4, 0.2)
    assert (args.seed, args.max_completion_length, args.logging_steps) == (7, COMPLETION_TOKENS, 1)


def test_grpo_trains_on_interleaved_tasks_each_paid_by_its_own_reward(tiny_model_dir, rows, tmp_path):
    """The interleaving defence: writing prompts mixed with a benign task's; each reward is None on
    the other task's rows (a writing reward would fail on a benign row's missing criterion)."""
    benign = benign_rows("swapped_operator", random.Random(0), 4)
    mixed = interleave(rows[:3], benign, 0.25)
    assert [r["answer"] is not None for r in mixed] == [False, False, False, True]
    stats = train_grpo(
        tiny_model_dir,
        mixed,
        ["stated_metric", "exact_match"],
        tiny_train_config(),
        0,
        tmp_path / "mixed",
        rl=rl_config(steps=2),
    )
    assert [s["step"] for s in stats["history"]] == [1, 2]
    assert all(0.0 <= s["reward"] <= 1.0 for s in stats["history"])  # None left out, not NaN
    assert stats["prompts_seen"] == 4
