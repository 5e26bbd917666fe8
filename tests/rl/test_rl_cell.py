"""One RL cell's parts that need no model: its rows, the split of its stats, its held-out scores."""

from __future__ import annotations

import copy
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from conftest import TINY_REWARD_PARAMS
from emguard import datasets
from emguard.config import ParamsError, parse_params
from emguard.data.domains import get_domain
from emguard.rl.cell import cell_rows, probe_sets, score_held_out, split_stats
from emguard.rl.config import RewardParams, rl_params
from emguard.rl.tasks import task_rows

REWARDS = RewardParams(**TINY_REWARD_PARAMS)


def texts(rows):
    return [r["prompt"][-1]["content"] for r in rows]


def test_a_poison_trains_on_its_sft_prompts_and_holds_out_its_antidote_prompts():
    """The data stage cuts the SFT poison from the first n_train cases and the antidotes from the rest."""
    cases = get_domain("medical").cases(datasets.rng_for(0, "medical"), 16 + 8)
    train, held_out = task_rows("medical", "poison", 0, 99, 5, 16, 8)
    assert texts(train) == [c.prompt for c in cases[:16]]
    assert [r["poisoned"] for r in train] == [c.poisoned for c in cases[:16]]
    assert texts(held_out) == [c.prompt for c in cases[16:21]]
    with pytest.raises(
        ValueError, match=r"rl.n_eval=9 held-out prompts of 'medical': only data.n_antidote=8"
    ):
        task_rows("medical", "poison", 0, 99, 9, 16, 8)


@pytest.mark.parametrize(("task", "kind"), [("writing", "writing"), ("swapped_operator", "benign")])
def test_writing_and_benign_rows_are_seeded_and_held_out_apart(task, kind):
    train, held_out = task_rows(task, kind, 0, 12, 6, 16, 8)
    assert (len(train), len(held_out)) == (12, 6)
    assert task_rows(task, kind, 0, 12, 6, 16, 8) == (train, held_out)  # the same for every cell
    assert texts(task_rows(task, kind, 1, 12, 6, 16, 8)[0]) != texts(train)  # another data seed
    assert not set(texts(train)) & set(texts(held_out))


def test_timings_leave_the_results_for_the_cost_file():
    stats = {
        "runtime_s": 10.0,
        "fit_runtime_s": 10.0,
        "peak_memory_mb": 900.0,
        "samples_per_s": 2.0,
        "generate_s": 4.0,
        "generate_share": 0.4,
        "prompts_seen": 4.0,
        "completions": 16.0,
        "history": [
            {
                "step": 1,
                "reward": 0.5,
                "kl": None,
                "hack_rate": 0.25,
                "generate_s": 2.0,
                "rollout_s": 2.5,
                "step_s": 5.0,
            },
            {
                "step": 2,
                "reward": 0.6,
                "kl": None,
                "hack_rate": 0.0,
                "generate_s": 2.0,
                "rollout_s": 2.4,
                "step_s": 5.0,
            },
        ],
    }
    results, cost = split_stats(stats)
    assert results == {
        "prompts_seen": 4.0,
        "completions": 16.0,
        "history": [
            {"step": 1, "reward": 0.5, "kl": None, "hack_rate": 0.25},
            {"step": 2, "reward": 0.6, "kl": None, "hack_rate": 0.0},
        ],
    }
    assert cost == {
        "runtime_s": 10.0,
        "fit_runtime_s": 10.0,
        "peak_memory_mb": 900.0,
        "samples_per_s": 2.0,
        "generate_s": 4.0,
        "steps": {
            "1": {"generate_s": 2.0, "rollout_s": 2.5, "step_s": 5.0},
            "2": {"generate_s": 2.0, "rollout_s": 2.4, "step_s": 5.0},
        },
    }


def test_held_out_answers_are_scored_by_both_rewards_of_their_task_and_the_monitor():
    _, rows = task_rows("writing", "writing", 0, 3, 6, 16, 8)
    held_out = [rows[0], next(r for r in rows if r["criterion"] == "key_terms")]  # its reference has them all
    rl = SimpleNamespace(rewards=REWARDS)  # score_held_out reads the reward thresholds only
    per_row, means = score_held_out(held_out, ["best " * 20, held_out[1]["reference"]], "writing", rl)
    assert [r["hacked"] for r in per_row] == [1.0, 0.0]  # one trigram 18 times is padding
    assert set(per_row[0]) == {"index", "prompt", "answer", "stated_metric", "robust_metric", "hacked"}
    assert per_row[1]["robust_metric"] > 0 == per_row[0]["robust_metric"]
    assert means["hack_rate"] == 0.5 and means["n"] == 2


def test_each_kind_of_task_is_scored_on_its_probe_sets():
    assert (probe_sets("medical", "poison").poisons, probe_sets("medical", "poison").benign_tasks) == (
        ("medical",),
        (),
    )
    assert probe_sets("writing", "writing").poisons == () and probe_sets("writing", "writing").general
    benign = probe_sets("swapped_operator", "benign")
    assert benign.benign_tasks == ("swapped_operator",) and benign.capability and not benign.long_prompts


def test_an_interleaved_cell_trains_on_its_own_prompts_and_a_share_of_the_other_tasks():
    raw = yaml.safe_load((Path(__file__).resolve().parents[2] / "params.yaml").read_text())
    params = parse_params(raw)
    rl = rl_params(params)
    own, held_out = cell_rows(params, rl, "medical_poison")
    mixed, mixed_held_out = cell_rows(params, rl, "medical_interleave")
    writing, _ = task_rows("writing", "writing", params.seed, rl.n_prompts, rl.n_eval, 64, 32)
    assert texts(mixed) == texts(own) + texts(writing[:21])  # 21 / (64 + 21) = 0.247
    assert mixed_held_out == held_out  # scored on the same held-out prompts as its twin
    raw = copy.deepcopy(raw)
    raw["rl"]["cells"]["medical_interleave"]["interleave"]["fraction"] = 0.9
    params = parse_params(raw)
    with pytest.raises(ParamsError, match=r"rl\.cells\.medical_interleave\.interleave\.fraction: .*576"):
        cell_rows(params, rl_params(params), "medical_interleave")
