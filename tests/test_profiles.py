"""Profiles that extend one another resolve to the keys a profile written out in full would list."""

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from emguard.config import ParamsError
from emguard.profiles import main, profile_overrides, resolve, set_args

ROOT = Path(__file__).resolve().parents[1]
RAW = yaml.safe_load((ROOT / "params.yaml").read_text())


def test_cuda_7b_is_cuda_05b_on_the_7b_model():
    """The -S arguments are those of the profile written out in full: the parent's, in its order,
    with the 7B model, a smaller probe batch and gradient checkpointing after the other train keys."""
    parent = set_args(RAW, "cuda-0.5b")[1:]
    expected = [
        arg.replace("Qwen2.5-0.5B", "Qwen2.5-7B").replace("probe_batch_size=64", "probe_batch_size=16")
        for arg in parent
    ]
    expected.insert(expected.index("-S=train.bf16=true") + 1, "-S=train.gradient_checkpointing=true")
    assert set_args(RAW, "cuda-7b") == ['-S=profile="cuda-7b"', *expected]
    assert "extends" not in " ".join(set_args(RAW, "cuda-7b"))


def test_a_child_overrides_its_parent_and_chains_resolve():
    profiles = {
        "a": {"train.lr": 1.0, "train.epochs": 2, "model.name": "tiny"},
        "b": {"extends": "a", "train.lr": 3.0, "evaluate.long_probe_items": 0},
        "c": {"extends": "b", "train.epochs": 5, "train.bf16": True},
    }
    assert profile_overrides(profiles, "c") == {
        "train.lr": 3.0,
        "train.epochs": 5,
        "train.bf16": True,
        "model.name": "tiny",
        "evaluate.long_probe_items": 0,
    }
    assert list(profile_overrides(profiles, "c")) == [
        "train.lr",
        "train.epochs",
        "train.bf16",
        "model.name",
        "evaluate.long_probe_items",
    ]
    assert profiles["b"]["extends"] == "a"  # resolving leaves the raw profiles as they were


def test_resolve_applies_the_parents_values():
    raw = copy.deepcopy(RAW)
    raw["profiles"]["child"] = {"extends": "tiny", "train.epochs": 3}
    resolved = resolve(raw, "child")
    assert resolved["train"]["epochs"] == 3 and resolved["model"]["name"] == "tiny"
    assert resolved["profile"] == "child"


@pytest.mark.parametrize(
    ("profiles", "expected"),
    [
        (
            {"x": {"extends": "tny"}, "tiny": {}},
            r"profiles\.x\.extends: 'tny' is not a profile.*did you mean 'tiny'",
        ),
        (
            {"x": {"extends": "nothing_like_it"}},
            r"profiles\.x\.extends: 'nothing_like_it' is not a profile in `profiles`$",
        ),
        ({"x": {"extends": ["a"]}}, r"profiles\.x\.extends: \['a'\] is not a profile"),
        ({"x": {"extends": "x"}}, r"profiles\.x\.extends: .*cycle: x -> x$"),
        ({"x": {"extends": "y"}, "y": {"extends": "x"}}, r"profiles\.y\.extends: .*cycle: x -> y -> x$"),
        (
            {"x": {"extends": "y"}, "y": {"extends": "z"}, "z": {"extends": "y"}},
            r"profiles\.z\.extends: .*cycle: x -> y -> z -> y$",
        ),
        ({"x": {"extends": "y"}, "y": None}, r"profiles\.y: expected a mapping"),
    ],
)
def test_bad_parents_are_one_line_errors(profiles, expected):
    with pytest.raises(ParamsError, match=r"^params\.yaml: " + expected) as err:
        profile_overrides(profiles, "x")
    assert "\n" not in str(err.value)


def test_a_child_cannot_smuggle_a_launcher_through_its_parent():
    raw = copy.deepcopy(RAW)
    raw["profiles"]["evil"] = {"launcher": "python; id"}
    raw["profiles"]["child"] = {"extends": "evil", "train.epochs": 1}
    with pytest.raises(ParamsError, match="launcher"):
        set_args(raw, "child")


@pytest.mark.parametrize("name", sorted(RAW["profiles"]))
def test_every_profile_prints_its_arguments(name, capsys):
    assert main([name]) == 0
    assert capsys.readouterr().out.split() == set_args(RAW, name)


def test_the_cli_reports_a_bad_parent_in_one_line(tmp_path, capsys):
    raw = copy.deepcopy(RAW)
    raw["profiles"]["cuda-7b"]["extends"] = "cuda-05b"
    (tmp_path / "params.yaml").write_text(yaml.safe_dump(raw, sort_keys=False))
    assert main(["cuda-7b", "--params", str(tmp_path / "params.yaml")]) == 2
    err = capsys.readouterr().err.strip()
    assert "profiles.cuda-7b.extends" in err and "did you mean 'cuda-0.5b'" in err and "\n" not in err


KEYS = st.sampled_from(["train.lr", "train.epochs", "train.bf16", "model.name", "evaluate.dtype", "seed"])
OVERRIDES = st.dictionaries(KEYS, st.integers(0, 9), max_size=6)


def section(key: str) -> str:
    return key.split(".")[0]


@given(parent=OVERRIDES, child=OVERRIDES)
def test_merge_is_an_update_that_keeps_sections_together(parent, child):
    merged = profile_overrides({"p": parent, "c": {"extends": "p", **child}}, "c")
    assert merged == {**parent, **child}  # the child's values win, every parent key stays
    order = list(merged)
    assert [k for k in order if k in parent] == list(parent)  # the parent's order is kept
    new = [k for k in child if k not in parent]
    for s in {section(k) for k in new}:  # new keys of one section keep the child's order
        assert [k for k in order if k in new and section(k) == s] == [k for k in new if section(k) == s]
    parent_sections = {section(k) for k in parent}
    for key in new:
        if section(key) in parent_sections:  # right after its section's keys, which stay together
            assert section(order[order.index(key) - 1]) == section(key)
            assert all(order.index(k) < order.index(key) for k in parent if section(k) == section(key))
        else:  # a section the parent does not set goes after everything the parent sets
            assert all(order.index(k) < order.index(key) for k in parent)
