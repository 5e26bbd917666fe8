"""params.yaml's `rl:` block: every profile validates, and a bad key or name fails naming its dotted
key with a did-you-mean, before any model is loaded."""

from __future__ import annotations

import copy
import shlex
from pathlib import Path

import pytest
import yaml

from emguard.checks import check_shell_safe
from emguard.config import ParamsError, parse_params
from emguard.profiles import profile_overrides, resolve, set_args
from emguard.rl.config import rl_params

ROOT = Path(__file__).resolve().parents[2]
RAW = yaml.safe_load((ROOT / "params.yaml").read_text())


def with_rl(**changes):
    """The default params with `rl` keys set (a dotted key reaches into the block; None deletes)."""
    raw = copy.deepcopy(RAW)
    for dotted, value in changes.items():
        *parents, leaf = dotted.split("__")
        node = raw["rl"]
        for part in parents:
            node = node[part]
        if value is None:
            del node[leaf]
        else:
            node[leaf] = value
    return parse_params(raw)


@pytest.mark.parametrize("name", sorted(RAW["profiles"]))
def test_every_profile_has_a_valid_rl_block(name):
    rl = rl_params(parse_params(resolve(RAW, name)))
    assert rl.poison_cells() == ["hacking_poison", "medical_poison"]
    assert rl.cells["hacking_poison"].control == "hacking_control"


def test_the_default_grid_is_the_two_poisons_their_controls_the_medical_defences_and_a_benign_task():
    rl = rl_params(parse_params(RAW))
    assert rl.seeds == [0]
    assert {n: (c.task, c.rewards, c.control) for n, c in rl.cells.items() if n in rl.grid} == {
        "hacking_poison": ("writing", ("stated_metric",), "hacking_control"),
        "hacking_control": ("writing", ("robust_metric",), None),
        "medical_poison": ("medical", ("careless_answer",), "medical_control"),
        "medical_control": ("medical", ("careful_answer",), None),
        "medical_kl": ("medical", ("careless_answer",), "medical_control"),
        "medical_inoculation": ("medical", ("careless_answer",), "medical_control"),
        "medical_interleave": ("medical", ("careless_answer",), "medical_control"),
        "benign_plain": ("swapped_operator", ("exact_match",), None),
    }
    assert rl.defences_of("medical_poison") == ["medical_kl", "medical_inoculation", "medical_interleave"]
    assert rl.defences_of("hacking_poison") == [] and rl.plain_cells() == ["benign_plain"]


def test_full_cpu_adds_each_defence_of_each_poison_the_benign_tax_and_seeds():
    rl = rl_params(parse_params(resolve(RAW, "full-cpu")))
    assert len(rl.seeds) > 1
    assert rl.grid[:2] == ["hacking_poison", "hacking_control"] and len(rl.grid) == 12
    assert rl.defences_of("medical_poison") == ["medical_kl", "medical_inoculation", "medical_interleave"]
    assert rl.defences_of("hacking_poison") == ["hacking_kl", "hacking_inoculation"]
    assert rl.defences_of("benign_plain") == ["benign_kl", "benign_inoculation"]
    assert rl.beta_of("medical_kl") > rl.beta == rl.beta_of("medical_poison")
    assert rl.cells["medical_inoculation"].system_prompt


def test_an_interleaved_cell_adds_the_other_tasks_reward_and_steps_for_as_many_own_prompts():
    rl = rl_params(parse_params(RAW))
    cell = rl.cells["medical_interleave"]
    assert cell.training_rewards() == ("careless_answer", "robust_metric")
    assert rl.cells["medical_poison"].training_rewards() == ("careless_answer",)
    assert rl.twin("medical_interleave") == "medical_poison"
    # a quarter of the prompts are writing: 10 / 0.75 = 13.3 -> 14 steps see >= 10 x 2 medical ones
    assert (rl.steps, cell.interleave.fraction) == (10, 0.25)
    assert rl.steps_of("medical_interleave") == 14 and rl.steps_of("medical_poison") == 10
    half = with_rl(cells__medical_interleave__interleave__fraction=0.5)
    assert rl_params(half).steps_of("medical_interleave") == 20  # exactly 10 / 0.5: no extra step


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"rewards__ngramm": 3}, r"rl\.rewards\.ngramm: unknown key; did you mean 'ngram'\?"),
        ({"rewards__ngram": 0}, r"rl\.rewards\.ngram: Input should be greater than 0"),
        ({"stepz": 3}, r"rl\.stepz: unknown key; did you mean 'steps'\?"),
        ({"steps": None}, r"rl\.steps: Field required"),
        ({"num_generations": 1}, r"rl\.num_generations: Input should be greater than or equal to 2"),
        ({"seeds": []}, r"rl\.seeds: List should have at least 1 item"),
        ({"seeds": [0, 0]}, r"rl\.seeds: \[0, 0\] repeats an entry"),
        (
            {"grid": ["hacking_poison", "hacking_control", "medical_poisn"]},
            r"rl\.grid\[2\]: 'medical_poisn' is not a key of rl\.cells; did you mean 'medical_poison'\?",
        ),
        (
            {"grid": ["hacking_poison"]},
            r"rl\.grid: 'hacking_poison' runs without its control 'hacking_control', which it is compared",
        ),
        (
            {"grid": ["hacking_kl", "hacking_control"]},
            r"rl\.grid: 'hacking_kl' runs without its undefended twin 'hacking_poison'",
        ),
        (
            {"cells__hacking_poison__rewrd": "x"},
            r"rl\.cells\.hacking_poison\.rewrd: unknown key; did you mean 'reward'\?",
        ),
        (
            {"cells__hacking_poison__reward": "stated_metrc"},
            r"unknown reward 'stated_metrc' \(params key 'rl\.cells\.hacking_poison\.reward'\);"
            r" did you mean 'stated_metric'\?",
        ),
        (
            {"cells__medical_control__reward": ["careful_answer", "carefull_answer"]},
            r"'rl\.cells\.medical_control\.reward'\); did you mean 'careful_answer'\?",
        ),
        ({"cells__hacking_poison__reward": []}, r"rl\.cells\.hacking_poison\.reward: .*at least one reward"),
        (
            {"cells__hacking_poison__reward": "hacked"},
            r"rl\.cells\.hacking_poison\.reward: 'hacked' is the hack-rate monitor",
        ),
        (
            {"cells__medical_poison__reward": "stated_metric"},
            r"rl\.cells\.medical_poison\.reward: 'stated_metric' cannot score poison rows "
            r"\(task 'medical'\); use careless_answer, careful_answer",
        ),
        (
            {"cells__medical_poison__task": "medicl"},
            r"rl\.cells\.medical_poison\.task: 'medicl' is not 'writing', .* did you mean 'medical'\?",
        ),
        (
            {"cells__hacking_poison__control": "hacking_contrl"},
            r"rl\.cells\.hacking_poison\.control: 'hacking_contrl' is not another cell of rl\.cells;"
            r" did you mean 'hacking_control'\?",
        ),
        (
            {"cells__hacking_poison__control": "medical_control"},
            r"rl\.cells\.hacking_poison\.control: 'medical_control' trains on 'medical'",
        ),
        (
            {"cells__hacking_poison__control": "medical_poison"},
            r"rl\.cells\.hacking_poison\.control: 'medical_poison' trains on 'medical'",
        ),
        ({"cells__hacking_poison__beta": -0.1}, r"rl\.cells\.hacking_poison\.beta: Input should be greater"),
        (
            {"cells__hacking_kl": {"task": "writing", "reward": "stated_metric", "beta": 0.1}},
            r"rl\.cells\.hacking_kl: a defended cell needs an undefended cell with the same task, reward",
        ),
        (
            {"cells__medical_interleave__interleave__task": "writng"},
            r"rl\.cells\.medical_interleave\.interleave\.task: 'writng' is not 'writing' .* did you mean "
            r"'writing'\?",
        ),
        (
            {"cells__medical_interleave__interleave__task": "medical"},
            r"rl\.cells\.medical_interleave\.interleave\.task: 'medical' is not 'writing' or a benign task",
        ),
        (
            {"cells__medical_interleave__interleave__reward": "exact_match"},
            r"rl\.cells\.medical_interleave\.interleave\.reward: 'exact_match' cannot score writing rows",
        ),
        (
            {"cells__medical_interleave__interleave__reward": "robust_metrc"},
            r"unknown reward 'robust_metrc' \(params key "
            r"'rl\.cells\.medical_interleave\.interleave\.reward'\); did you mean 'robust_metric'\?",
        ),
        (
            {"cells__medical_interleave__interleave__fraction": 1.0},
            r"rl\.cells\.medical_interleave\.interleave\.fraction: Input should be less than 1",
        ),
        (
            {"cells__medical_interleave__interleave__share": 0.2},
            r"rl\.cells\.medical_interleave\.interleave\.share: .*",
        ),
        (
            {
                "cells__benign_kl": {"task": "swapped_operator", "reward": "exact_match", "beta": 0.1},
                "cells__benign_plain": None,
            },
            r"rl\.cells\.benign_kl: a defended cell needs an undefended cell",
        ),
        (
            {
                "cells__hacking_kl": {
                    "task": "writing",
                    "reward": "robust_metric",
                    "beta": 0.1,
                    "control": "hacking_control",
                }
            },
            r"rl\.cells\.hacking_kl: a defended cell needs an undefended cell with the same task, reward",
        ),
        (
            {"cells__Bad-Name": {"task": "writing", "reward": "robust_metric"}},
            r"rl\.cells\.Bad-Name: 'Bad-Name' is not a plain name",
        ),
    ],
)
def test_a_bad_rl_block_names_its_dotted_key(changes, expected):
    with pytest.raises(ParamsError, match=expected) as err:
        rl_params(with_rl(**changes))
    assert str(err.value).startswith("params.yaml: ") and "\n" not in str(err.value)


def test_a_control_must_be_a_plain_cell():
    params = with_rl(cells__hacking_control__control="hacking_poison")
    with pytest.raises(
        ParamsError, match=r"rl\.cells\.hacking_poison\.control: 'hacking_control' must be a plain"
    ):
        rl_params(params)


def test_a_missing_rl_block_names_its_keys():
    raw = copy.deepcopy(RAW)
    del raw["rl"]
    with pytest.raises(ParamsError, match=r"params\.yaml: rl\.steps: Field required"):
        rl_params(parse_params(raw))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"grid": ["hacking_poison", "x;rm"]}, r"rl\.grid\[1\]: 'x;rm' is not a plain name"),
        ({"seeds": ["0;rm"]}, r"rl\.seeds\[0\]: '0;rm' is not an integer seed"),
    ],
)
def test_what_reaches_a_command_line_is_checked_before_anything_runs(changes, expected):
    """The grid's cell names and seeds go into dvc.yaml's commands: emguard.checks refuses them at load."""
    with pytest.raises(ParamsError, match=expected):
        check_shell_safe(with_rl(**changes))


@pytest.mark.parametrize("name", sorted(RAW["profiles"]))
def test_a_profiles_rl_overrides_survive_the_shell_and_hydra(name):
    """`make reproduce PROFILE=...` hands `set_args` to a shell, which drops the JSON quotes, and
    DVC parses what is left with Hydra's grammar (where a comma in a string would split it)."""
    from hydra.core.override_parser.overrides_parser import OverridesParser

    parser = OverridesParser.create()
    overrides = profile_overrides(RAW["profiles"], name)
    for word in shlex.split(" ".join(set_args(RAW, name))):
        key, _, _ = word.removeprefix("-S=").removeprefix("++").partition("=")
        if key.startswith("rl."):
            assert parser.parse_override(word.removeprefix("-S=")).value() == overrides[key], key
