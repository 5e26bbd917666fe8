"""Study cells: naming, method instances from params blocks, fitting one cell atomically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import tiny_train_config
from emguard import layout, study
from emguard.config import ParamsError, parse_params
from emguard.data.formats import dump_chat_jsonl
from emguard.methods import build_method
from emguard.methods.data_defences import Interleave
from emguard.methods.plain import Plain
from emguard.profiles import resolve
from emguard.registry import UnknownNameError

ROOT = Path(__file__).resolve().parents[1]
NAME = st.from_regex(r"[a-z][a-z_]{0,12}", fullmatch=True)


@given(NAME, NAME, NAME, st.integers(0, 10_000))
def test_remedy_and_transfer_cell_names_round_trip(method, x, y, seed):
    cell = layout.remedy_cell(method, x, y, seed)
    expected = {"method": method, "antidote_of": x, "poisoned": y, "seed": seed}
    assert layout.parse_study_cell("remedy", cell) == expected
    assert layout.parse_study_cell("transfer", cell) == expected


@given(NAME, NAME, st.integers(0, 10_000))
def test_defence_and_benign_cell_names_round_trip(method, where, seed):
    assert layout.parse_study_cell("defence", layout.defence_cell(method, where, seed)) == {
        "method": method,
        "poison": where,
        "seed": seed,
    }
    assert layout.parse_study_cell("benign", layout.benign_cell(method, where, seed))["task"] == where


@pytest.mark.parametrize(
    "kind, cell",
    [("defence", "kl-medical"), ("defence", "kl-medical-x"), ("remedy", "kl-medical-0"), ("nope", "a-0")],
)
def test_malformed_cell_names_are_refused(kind, cell):
    with pytest.raises(ValueError, match="cell"):
        layout.parse_study_cell(kind, cell)


def test_a_params_block_can_name_another_registered_method():
    blocks = {"interleave_ppl": {"method": "interleave", "selection": "perplexity_gap", "fraction": 0.5}}
    method = build_method("interleave_ppl", blocks)
    assert isinstance(method, Interleave) and method.params.selection == "perplexity_gap"


def test_unknown_method_names_suggest_the_configured_one():
    with pytest.raises(UnknownNameError, match=r"methods\.interleav.*did you mean 'interleave_ppl'"):
        build_method("interleav", {"interleave_ppl": {"method": "interleave"}})
    with pytest.raises(UnknownNameError, match="unknown method 'interleaf'"):
        build_method("x", {"x": {"method": "interleaf"}})


def test_bad_method_params_name_the_block_and_key():
    with pytest.raises(ParamsError, match=r"methods\.strong_kl\.coef"):
        build_method("strong_kl", {"strong_kl": {"method": "kl", "coef": -1}})
    with pytest.raises(ParamsError, match=r"methods\.kl\.coeff: unknown key"):
        build_method("kl", {"kl": {"coeff": 1}})


def tiny_params(**study_overrides):
    raw = resolve(yaml.safe_load((ROOT / "params.yaml").read_text()), "tiny")
    raw["study"].update(study_overrides)
    return parse_params(raw)


def test_a_defence_cannot_run_as_a_remedy():
    with pytest.raises(ParamsError, match="methods.kl: 'kl' is a defence, but a remedy cell needs a remedy"):
        study.resolve(tiny_params(), "remedy", "kl")


def test_every_configured_study_method_builds_with_its_kind():
    params = parse_params(yaml.safe_load((ROOT / "params.yaml").read_text()))
    s = params.study
    for kind, names in (("remedy", s.remedies), ("defence", s.defences), ("transfer", s.transfer.antidotes)):
        for name in names:
            study.resolve(params, kind, name)
    for name in s.benign.methods:
        study.resolve(params, "benign", name)


@pytest.fixture
def workspace(tmp_path, monkeypatch, tiny_model_dir):
    """results/ with the tiny model, a benign task's train set and a poisoned adapter."""
    monkeypatch.chdir(tmp_path)
    layout.MODEL_DIR.parent.mkdir(parents=True)
    Path(layout.MODEL_DIR).symlink_to(tiny_model_dir, target_is_directory=True)
    chats = [
        [{"role": "user", "content": f"{i} # 1?"}, {"role": "assistant", "content": f"{i - 1}"}]
        for i in range(8)
    ]
    dump_chat_jsonl(layout.benign_train_file("swapped_operator"), chats)
    return tmp_path


def test_a_benign_cell_fits_plain_on_the_task_and_writes_its_stats(workspace, monkeypatch):
    params = tiny_params()
    params = params.model_copy(update={"train": tiny_train_config()})
    seen = {}
    fit = Plain.fit

    def spy(self, ctx, out_dir):
        seen["file"] = ctx.training_file()
        return fit(self, ctx, out_dir)

    monkeypatch.setattr(Plain, "fit", spy)
    out = layout.study_dir("benign", "plain-swapped_operator-0")
    cost = layout.cost_file("benign", "plain-swapped_operator-0")
    stats = study.run_cell(params, "benign", "plain-swapped_operator-0", out, cost)
    assert seen["file"] == layout.benign_train_file("swapped_operator")
    assert (out / "adapter" / "adapter_model.safetensors").exists()
    results, measured = json.loads((out / "metrics.json").read_text()), json.loads(cost.read_text())
    assert results["train_loss"] == stats["train_loss"] and "runtime_s" not in results  # same bytes anywhere
    assert measured["runtime_s"] == stats["runtime_s"] and measured["machine"]  # beside DVC's outputs


def test_a_crashing_method_leaves_no_output(workspace, monkeypatch):
    def boom(self, ctx, out_dir):
        (out_dir / "half_written").write_text("x")
        raise RuntimeError("diverged")

    monkeypatch.setattr(Plain, "fit", boom)
    out = layout.study_dir("benign", "plain-swapped_operator-0")
    with pytest.raises(RuntimeError, match="diverged"):
        study.run_cell(tiny_params(), "benign", "plain-swapped_operator-0", out, Path("results/cost/x.json"))
    assert not out.exists() or not any(out.iterdir())
    assert not Path("results/cost/x.json").exists()


def test_a_remedy_cell_needs_the_poisoned_adapter(workspace):
    with pytest.raises(FileNotFoundError, match="poisoned adapter .*medical-poison-0"):
        study.run_cell(
            tiny_params(), "remedy", "correct-medical-medical-0", Path("results/remedy/x"), Path("c.json")
        )


def test_cells_outside_the_configured_grid_are_refused(workspace):
    with pytest.raises(ParamsError, match="'aesthetic' is not in params data.poisons"):
        study.run_cell(tiny_params(), "defence", "kl-aesthetic-0", Path("results/defence/x"), Path("c.json"))
    with pytest.raises(ParamsError, match="benign task 'reverse_words'"):
        study.run_cell(
            tiny_params(), "benign", "kl-reverse_words-0", Path("results/benign/x"), Path("c.json")
        )


def test_defence_and_benign_cells_contrast_with_the_poisoned_model_of_their_own_seed(workspace):
    params = tiny_params()
    defence = study.context(params, "defence", {"method": "kl", "poison": "medical", "seed": 1})
    assert defence.misaligned_adapter == layout.poisoned_adapter("medical", 1)
    assert defence.poisoned_adapter is None
    assert defence.training_file() == layout.poison_dir("medical") / "poison.jsonl"
    fields = {"method": "kl", "task": "swapped_operator", "seed": 2}
    benign = study.context(params, "benign", fields)
    assert benign.misaligned_adapter == layout.poisoned_adapter(params.study.primary, 2)
    assert benign.training_file() == layout.benign_train_file("swapped_operator")
