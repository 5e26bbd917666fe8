"""Every shipped profile validates; bad params fail at once, naming the key."""

import copy
from pathlib import Path

import pytest
import yaml

from emguard.config import ParamsError, check_names, load_params, parse_params
from emguard.profiles import apply_overrides, resolve, set_args

ROOT = Path(__file__).resolve().parents[1]
RAW = yaml.safe_load((ROOT / "params.yaml").read_text())


def test_default_params_load():
    params = load_params(ROOT / "params.yaml")
    assert params.profile == "embedded" and params.model.name == "embedded"


@pytest.mark.parametrize("name", sorted(RAW["profiles"]))
def test_every_profile_validates(name):
    resolved = parse_params(resolve(RAW, name))
    check_names(resolved, "params.yaml")
    assert resolved.profile == name
    assert all(arg.startswith("-S=") for arg in set_args(RAW, name))


def with_change(path: str, value):
    raw = copy.deepcopy(RAW)
    return apply_overrides(raw, {path: value})


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("train.lr", -1e-4, "train.lr"),
        ("train.lora.r", 0, "train.lora.r"),
        ("model.name", "./no/such/model", "model.name"),
        ("evaluate.sampling.formats", ["plain", "xml"], "evaluate.sampling.formats"),
    ],
)
def test_bad_values_name_the_key(key, value, expected):
    with pytest.raises(ParamsError, match=expected.replace(".", r"\.")):
        parse_params(with_change(key, value))


def test_unknown_key_is_an_error():
    raw = copy.deepcopy(RAW)
    raw["train"]["learning_rate"] = 1e-3
    with pytest.raises(ParamsError, match=r"train\.learning_rate: unknown key"):
        parse_params(raw)


def test_unknown_poison_suggests_a_name(tmp_path):
    path = tmp_path / "params.yaml"
    path.write_text(yaml.safe_dump(with_change("data.poisons", ["medicl"])))
    with pytest.raises(ParamsError, match=r"data\.poisons\[0\].*did you mean 'medical'"):
        load_params(path)


def test_unknown_profile_and_profile_key():
    with pytest.raises(ParamsError, match="unknown profile"):
        resolve(RAW, "cuda-70b")
    with pytest.raises(ParamsError, match="no such key"):
        apply_overrides(RAW, {"train.nope.x": 1})


@pytest.mark.parametrize("name", sorted(RAW["profiles"]))
def test_every_profile_asks_for_data_its_generators_can_make(name):
    import random

    from emguard.data.domains import get_domain

    params = parse_params(resolve(RAW, name))
    for poison in params.data.poisons:
        cases = get_domain(poison).cases(random.Random(0), params.data.n_train + params.data.n_antidote)
        assert len({c.prompt for c in cases}) == len(cases)


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("study.primary", "aesthetic", r"study.primary: 'aesthetic' is not in data.poisons"),
        ("poison", "evil_numbers", r"poison: 'evil_numbers' is not in data.poisons"),
        ("study.transfer.seeds", [0, 2], r"study.transfer.seeds: seeds \[2\] have no poisoned model"),
        ("study.benign.seeds", [0, 7], r"study.benign.seeds: seeds \[7\] have no poisoned model"),
        ("reelicit.seeds", [3], r"reelicit.seeds: seeds \[3\] have no poisoned model"),
        ("study.other_poisons", ["financial"], r"study.other_poisons: .* must be data.poisons without"),
        ("study.other_poisons", ["medical", "financial", "insecure_code"], r"without study.primary"),
        ("study.transfer.antidotes", ["corect"], r"study.transfer.antidotes: 'corect' has no params block"),
        ("antidote", "nope", r"antidote: 'nope' has no params block"),
    ],
)
def test_study_grid_is_checked_at_load(key, value, expected):
    params = parse_params(with_change(key, value))
    with pytest.raises(ParamsError, match=expected):
        check_names(params, "params.yaml")


def test_the_primary_poison_is_fine_tuned_over_study_seeds_the_others_over_train_seeds():
    params = parse_params(with_change("train.seeds", [4, 5]))
    assert params.train_seeds(params.study.primary) == params.study.seeds
    for poison in params.study.other_poisons:
        assert params.train_seeds(poison) == [4, 5]


def test_the_single_cell_experiment_needs_its_poison_fine_tuned_at_the_first_study_seed():
    raw = apply_overrides(copy.deepcopy(RAW), {"poison": "financial", "study.seeds": [2, 0, 1]})
    with pytest.raises(ParamsError, match=r"poison: 'financial' has no fine-tune .*study.seeds\[0\] = 2"):
        check_names(parse_params(raw), "params.yaml")
