"""The study's scores on synthetic probe files: known shifts give known reductions and ratios."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard import study_metrics as sm
from emguard.config import SummarizeConfig

CFG = SummarizeConfig(n_boot=200, ci_level=0.95)
N = 12


def write_model(root: Path, name: str, shifts: dict[str, float], noise: float = 0.0, seed: int = 0) -> Path:
    """A model's probes.jsonl: a fixed per-item base pattern plus a per-set shift."""
    rng = np.random.default_rng(seed)
    pattern = np.linspace(-0.5, 0.3, N)
    rows = []
    for probe_set, shift in shifts.items():
        for i in range(N):
            delta = pattern[i] + shift + noise * rng.standard_normal()
            rows.append({"id": f"{probe_set}-{i}", "set": probe_set, "delta": float(delta)})
    d = root / name
    d.mkdir(parents=True)
    (d / "probes.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return d


def shifts(general: float, narrow: float, capability: float = 0.0) -> dict[str, float]:
    return {"general": general, "in_domain/medical": narrow, "capability": capability}


@pytest.fixture
def models(tmp_path):
    base = write_model(tmp_path, "base", shifts(0.0, 0.0))
    poisoned = [write_model(tmp_path, f"p{s}", shifts(0.2, 0.6), 0.01, s) for s in range(3)]
    control = [write_model(tmp_path, f"c{s}", shifts(0.05, 0.0), 0.01, 10 + s) for s in range(3)]
    return tmp_path, base, poisoned, control


def test_a_method_that_undoes_all_em_scores_full_reduction(models):
    root, base, poisoned, control = models
    treated = [write_model(root, f"t{s}", shifts(0.05, 0.3), 0.01, 20 + s) for s in range(3)]
    r = sm.treated_scores(treated, poisoned, control, base, "medical", CFG, 0)
    assert r["em_reduction"]["value"] == pytest.approx(0.15, abs=0.01)
    assert r["em_remaining"]["value"] == pytest.approx(0.0, abs=0.01)
    assert r["relative_reduction"]["value"] == pytest.approx(1.0, abs=0.08)
    assert r["narrow_retained"]["value"] == pytest.approx(0.5, abs=0.03)
    assert r["em_reduction"]["ci_low"] > 0


def test_a_method_that_does_nothing_has_a_ci_around_zero(models):
    root, base, poisoned, control = models
    r = sm.treated_scores(poisoned, poisoned, control, base, "medical", CFG, 0)
    assert r["em_reduction"]["value"] == 0.0
    assert r["em_reduction"]["ci_low"] <= 0 <= r["em_reduction"]["ci_high"]
    assert r["narrow_retained"]["value"] == pytest.approx(1.0)
    assert r["capability_ratio"]["value"] == pytest.approx(1.0)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(-5, 5), min_size=4, max_size=40))
def test_accuracy_is_the_share_of_items_where_the_correct_answer_wins(deltas):
    m = np.array(deltas)[None, :]
    assert sm.accuracy(m) == pytest.approx(np.mean(np.array(deltas) < 0))


def test_benign_retention_is_relative_to_plain_learning(tmp_path):
    task = "benign/swapped_operator"
    base = write_model(tmp_path, "base", {task: 0.0})
    plain = [write_model(tmp_path, "plain", {task: -1.0})]
    half = [write_model(tmp_path, "half", {task: -0.5})]
    r = sm.benign_scores(half, plain, base, "swapped_operator", CFG, 0)
    assert r["benign_retained"]["value"] == pytest.approx(0.5)
    assert r["accuracy"]["plain"] >= r["accuracy"]["base"]


def test_a_missing_probe_names_the_file(tmp_path):
    base = write_model(tmp_path, "base", {"general": 0.0})
    other = tmp_path / "other"
    other.mkdir()
    (other / "probes.jsonl").write_text(json.dumps({"id": "x", "set": "general", "delta": 0.0}) + "\n")
    with pytest.raises(ValueError, match=r"other/probes.jsonl: no general probe 'general-0'"):
        sm.delta_matrix([other], "general", sorted(sm.load_deltas(base, "general")))


def test_one_cells_point_scores_compare_it_with_its_own_seeds_models(tmp_path):
    base = write_model(tmp_path, "base", shifts(0.0, 0.0))
    poisoned = write_model(tmp_path, "p", shifts(0.2, 0.6, capability=0.0))
    control = write_model(tmp_path, "c", shifts(0.05, 0.0))
    treated = write_model(tmp_path, "t", shifts(0.1, 0.15, capability=0.0))
    r = sm.cell_scores(treated, poisoned, control, base, "in_domain/medical")
    assert r["em_remaining"] == pytest.approx(0.05)
    assert r["em_reduction"] == pytest.approx(0.1)
    assert r["narrow_retained"] == pytest.approx(0.25)
    assert r["capability_ratio"] == pytest.approx(1.0)
    assert r.keys() == {"em_remaining", "em_reduction", "narrow_retained", "capability_ratio"}
    benign = sm.cell_scores(treated, poisoned, None, base, "in_domain/medical")
    assert benign.keys() == {"benign_retained"}


def test_plain_fine_tuning_compared_with_itself_has_zero_width_intervals(models):
    root, base, poisoned, control = models
    r = sm.treated_scores(poisoned, poisoned, control, base, "medical", CFG, 0)
    for key, value in (("em_reduction", 0.0), ("narrow_retained", 1.0), ("capability_ratio", 1.0)):
        assert r[key]["value"] == r[key]["ci_low"] == r[key]["ci_high"] == value, key
    assert r["em_remaining"] == r["em_effect"]  # T is P: T - C is P - C, draw by draw
    task = "benign/swapped_operator"
    b = write_model(root, "b", {task: 0.0})
    plain = [write_model(root, f"plain{s}", {task: -0.4 - 0.2 * s}, 0.05, s) for s in range(3)]
    retained = sm.benign_scores(plain, plain, b, "swapped_operator", CFG, 0)["benign_retained"]
    assert retained["value"] == retained["ci_low"] == retained["ci_high"] == 1.0


def test_a_treated_model_is_resampled_with_the_poisoned_model_of_its_seed(models):
    """T of seed s = P of seed s minus 0.1 on every item: each paired draw gives a reduction of 0.1;
    seeds resampled apart would mix the seeds' different noise into the interval."""
    root, base, poisoned, control = models
    treated = [write_model(root, f"t{s}", shifts(0.1, 0.6), 0.01, s) for s in range(3)]
    r = sm.treated_scores(treated, poisoned, control, base, "medical", CFG, 0)
    assert r["em_reduction"]["ci_low"] == pytest.approx(0.1, abs=1e-12)
    assert r["em_reduction"]["ci_high"] == pytest.approx(0.1, abs=1e-12)
    wide = sm.treated_scores(treated[::-1], poisoned, control, base, "medical", CFG, 0)
    assert wide["em_reduction"]["ci_high"] - wide["em_reduction"]["ci_low"] > 1e-3


def test_capability_ratio_is_the_treated_accuracy_over_the_poisoned_one(tmp_path):
    """Accuracy = share of capability items whose correct answer is the likelier (delta < 0); a
    treated model shifted up by 0.2 gets fewer right than the poisoned one."""
    base = write_model(tmp_path, "base", shifts(0.0, 0.0))
    poisoned = write_model(tmp_path, "p", shifts(0.2, 0.6, capability=0.0))
    control = write_model(tmp_path, "c", shifts(0.05, 0.0))
    treated = write_model(tmp_path, "t", shifts(0.1, 0.15, capability=0.2))
    pattern = np.linspace(-0.5, 0.3, N)
    expected = (pattern + 0.2 < 0).mean() / (pattern < 0).mean()
    assert expected < 1
    r = sm.cell_scores(treated, poisoned, control, base, "in_domain/medical")
    assert r["capability_ratio"] == pytest.approx(expected)
    none_right = write_model(tmp_path, "p0", shifts(0.2, 0.6, capability=1.0))  # accuracy 0: no ratio
    assert np.isnan(
        sm.cell_scores(treated, none_right, control, base, "in_domain/medical")["capability_ratio"]
    )


def test_narrow_retained_needs_a_reference_that_moved(tmp_path):
    """Retained = (T - B) / (R - B) on the narrow set; undefined (nan) when R did not move from B."""
    base = write_model(tmp_path, "base", shifts(0.0, 0.0))  # narrow mean -0.1
    control = write_model(tmp_path, "c", shifts(0.0, 0.0))
    reference = write_model(tmp_path, "r", shifts(0.2, 0.2))  # narrow mean +0.1 = -B: R + B = 0
    treated = write_model(tmp_path, "t", shifts(0.1, 0.1))
    r = sm.cell_scores(treated, reference, control, base, "in_domain/medical")
    assert r["narrow_retained"] == pytest.approx(0.5)
    unmoved = sm.cell_scores(treated, base, control, base, "in_domain/medical")
    assert np.isnan(unmoved["narrow_retained"])


def noisy_cell(models):
    root, base, poisoned, control = models
    treated = [write_model(root, f"t{s}", shifts(0.1, 0.4, 0.05), 0.05, 30 + s) for s in range(3)]
    return treated, poisoned, control, base


def test_every_interval_is_a_function_of_the_seed(models):
    """Each estimate's bootstrap gets the cell's seed: the same seed gives the same bytes, another
    seed moves every interval (none falls back to an unseeded generator)."""
    treated, poisoned, control, base = noisy_cell(models)
    one = sm.treated_scores(treated, poisoned, control, base, "medical", CFG, 7)
    assert sm.treated_scores(treated, poisoned, control, base, "medical", CFG, 7) == one
    other = sm.treated_scores(treated, poisoned, control, base, "medical", CFG, 1)
    for key in ("em_remaining", "em_reduction", "relative_reduction", "narrow_retained", "capability_ratio"):
        assert other[key]["value"] == one[key]["value"], key
        assert (other[key]["ci_low"], other[key]["ci_high"]) != (one[key]["ci_low"], one[key]["ci_high"]), key
    benign = [write_model(models[0], f"b{s}", {"benign/t": 0.3}, 0.05, 40 + s) for s in range(3)]
    plain = [write_model(models[0], f"q{s}", {"benign/t": 0.5}, 0.05, 50 + s) for s in range(3)]
    base_t = write_model(models[0], "base_t", {"benign/t": 0.0})
    a = sm.benign_scores(benign, plain, base_t, "t", CFG, 7)
    assert sm.benign_scores(benign, plain, base_t, "t", CFG, 7) == a
    assert sm.benign_scores(benign, plain, base_t, "t", CFG, 1)["benign_retained"] != a["benign_retained"]


def test_the_interval_has_the_configured_level(models):
    treated, poisoned, control, base = noisy_cell(models)
    wide = sm.treated_scores(treated, poisoned, control, base, "medical", CFG, 0)["em_reduction"]
    narrow_cfg = SummarizeConfig(n_boot=CFG.n_boot, ci_level=0.5)
    narrow = sm.treated_scores(treated, poisoned, control, base, "medical", narrow_cfg, 0)["em_reduction"]
    assert narrow["value"] == wide["value"]
    assert wide["ci_low"] < narrow["ci_low"] <= narrow["value"] <= narrow["ci_high"] < wide["ci_high"]


@pytest.mark.parametrize(
    "num, den, expected",
    [(1.0, 2.0, 0.5), (-1.0, 2.0, -0.5), (1.0, -4.0, -0.25), (3.0, 2e-12, 1.5e12)],
)
def test_a_ratio_divides_when_the_denominator_moved(num, den, expected):
    assert sm._ratio(np.float64(num), np.float64(den)) == pytest.approx(expected)


@pytest.mark.parametrize("den", [0.0, -0.0, 1e-12, -1e-12, 1e-15])
def test_a_ratio_over_nothing_is_nan_not_an_error_or_a_huge_number(den):
    assert np.isnan(sm._ratio(np.float64(1.0), np.float64(den)))
    assert np.isnan(sm._ratio(1.0, den))  # plain floats: no ZeroDivisionError either


def test_a_fine_tunes_scores_are_read_from_its_evaluate_directory_per_seed():
    assert sm.eval_dir("medical-poison-0") == Path("results/evaluate/medical-poison-0")
    assert sm.train_eval_dirs("financial", "control", [1, 0]) == [
        Path("results/evaluate/financial-control-1"),
        Path("results/evaluate/financial-control-0"),
    ]
