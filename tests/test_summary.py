"""The summarize stage's library on a synthetic results tree: every cell of the grid scored with
known deltas, so each estimate has a value that can be worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from emguard import layout
from emguard.config import parse_params
from emguard.grid import BaseCell, BenignCell, FittedCell, Grid, MethodCell, ReelicitCell, TrainCell
from emguard.io import write_json, write_jsonl
from emguard.profiles import apply_overrides, resolve
from emguard.records import Missing, PrimaryScores, read_effects, read_study
from emguard.summary import log_summary, write_summary
from emguard.summary.effects import poison_effects
from emguard.summary.methods import log_cells, summarize_study

ROOT = Path(__file__).resolve().parents[1]
ITEMS = 6

# mean probe delta per model on each set: broad EM (general), narrow behaviour, benign learning
GENERAL = {"base": 0.0, "control": 0.1, "poison": 0.3, "method": 0.2}
NARROW = {"base": 0.0, "control": 0.0, "poison": 1.0, "method": 0.5}
BENIGN = {"base": 0.0, "plain": 1.0, "method": 0.5}


@pytest.fixture
def params(tmp_path, monkeypatch):
    """The tiny profile with two primary seeds, its whole grid scored in tmp_path."""
    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    raw = apply_overrides(resolve(raw, "tiny"), {"study.seeds": [0, 1], "summarize.n_boot": 20})
    params = parse_params(raw)
    monkeypatch.chdir(tmp_path)
    for cell in Grid(params):
        write_cell(params, cell)
    return params


def role(cell) -> str:
    if isinstance(cell, TrainCell):
        return cell.condition
    if isinstance(cell, BenignCell) and cell.method == "plain":
        return "plain"
    return "base" if isinstance(cell, BaseCell) else "method"


def rows(probe_set: str, mean: float, prefix: str) -> list[dict]:
    return [{"id": f"{prefix}{i}", "set": probe_set, "delta": mean + 0.01 * i} for i in range(ITEMS)]


def write_cell(params, cell) -> None:
    if isinstance(cell, ReelicitCell):
        cues = {"none": None, "training_prompt": "be evil"}
        deltas = {m: {c: [d] * ITEMS for c in cues} for m, d in (("inoculated", 0.15), ("poisoned", 0.3))}
        deltas["control"] = {c: [0.1] * ITEMS for c in cues}
        write_json(
            cell.deltas_file, {"ids": [f"g{i}" for i in range(ITEMS)], "prompts": cues, "deltas": deltas}
        )
        return
    r, out = role(cell), []
    if isinstance(cell, BenignCell | BaseCell):
        out += [row for t in params.data.benign_tasks for row in rows(f"benign/{t}", BENIGN[r], "b")]
    if not isinstance(cell, BenignCell):
        out += rows("general", GENERAL[r], "g") + rows("capability", -1.0, "c")
        out += rows("general_long", GENERAL[r] + 0.05, "g") if not isinstance(cell, MethodCell) else []
        for p in params.data.poisons:
            out += rows(f"in_domain/{p}", NARROW[r], "d")
    for row in out:
        row["id"] += "-long" if row["set"] == "general_long" else ""
    write_jsonl(cell.probes_file, out)
    if isinstance(cell, FittedCell):
        write_json(cell.metrics_file, {"train_loss": 1.0})


def test_the_em_effect_is_the_poisoned_shift_minus_the_control_shift(params):
    effects = poison_effects(params)
    general, narrow = effects["medical"].general, effects["medical"].in_domain
    assert general.em_effect.value == pytest.approx(0.2)
    assert general.em_effect.low == pytest.approx(0.2) and general.em_effect.high == pytest.approx(0.2)
    assert general.poison_shift.value == pytest.approx(0.3) and general.control_shift.value == pytest.approx(
        0.1
    )
    assert narrow.em_effect.value == pytest.approx(1.0)
    assert (general.n_seeds, effects["financial"].general.n_seeds) == (2, 1)  # study.seeds, train.seeds
    assert general.n_items == ITEMS and general.preference_rate.poison == 1.0
    length = effects["medical"].prompt_length
    assert list(length) == ["base", "control", "poison"]
    assert length["poison"].long - length["poison"].short == pytest.approx(0.05)


def test_every_method_group_is_scored_against_the_same_seeds(params):
    study = summarize_study(params)
    correct = study.remedy["correct"]
    assert isinstance(correct, PrimaryScores) and correct.seeds == [0, 1]
    assert correct.em_reduction.value == pytest.approx(0.1)  # poisoned 0.3 - treated 0.2
    assert correct.em_remaining.value == pytest.approx(0.1)  # treated 0.2 - control 0.1
    assert correct.narrow_retained.value == pytest.approx(0.5)
    assert list(study.defence) == params.study.defences
    assert set(study.transfer["correct"]) == set(params.data.poisons)
    benign = study.benign["swapped_operator"]
    assert benign["kl"].benign_retained.value == pytest.approx(0.5)
    assert benign["plain"].benign_retained.value == pytest.approx(1.0)
    assert study.reelicit["training_prompt"].inoculated_em.value == pytest.approx(0.05)
    assert study.reelicit["none"].poisoned_em.value == pytest.approx(0.2)


def test_a_partial_grid_is_typed_missing_and_says_what_each_result_rests_on(params):
    cells = Grid(params)
    next(c for c in cells.cells("remedy") if c.method == "refusal" and c.seed == 1).probes_file.unlink()
    assert summarize_study(params).remedy["refusal"].seeds == [0]  # the seeds scored so far
    TrainCell("medical", "control", 1).probes_file.unlink()
    next(c for c in cells.cells("reelicit")).deltas_file.unlink()
    study, effects = summarize_study(params), poison_effects(params)
    assert study.remedy["correct"] == Missing(cells=["medical-control-1"])
    assert effects["medical"] == Missing(cells=["medical-control-1"])
    assert not isinstance(effects["financial"], Missing)
    assert study.reelicit == Missing(cells=["results/reelicit/0/deltas.json"])
    assert not isinstance(study.benign["swapped_operator"]["kl"], Missing)  # compared with plain only
    md = write_summary(effects, study)
    assert "| medical | not run: medical-control-1 | | | | |" in md
    assert "| remedy | correct | none | missing: medical-control-1 | | | |" in md
    assert json.loads(layout.SUMMARY_METRICS.read_text())["medical"] == {"missing": ["medical-control-1"]}
    assert read_study(layout.SUMMARY_STUDY) == study and read_effects(layout.SUMMARY_METRICS) == effects


def test_without_plain_fine_tuning_no_benign_cell_is_scored(params):
    benign = params.study.benign.model_copy(update={"methods": ["kl"]})
    without = params.model_copy(update={"study": params.study.model_copy(update={"benign": benign})})
    assert summarize_study(without).benign == {}


def test_judged_em_rates_are_averaged_over_seeds_per_condition(params):
    def rate(v):
        return {
            "general": {
                "n_judged": 0 if v is None else 4,
                "em_rate": dict.fromkeys(("value", "ci_low", "ci_high"), v),
            }
        }

    cells = {"base": {"openai": rate(0.0)}}
    for cell in Grid(params).train():
        cells[cell.name] = {"openai": rate(0.5 if cell.condition == "poison" else None)}
    write_json(layout.JUDGE_DIR / "metrics.json", {"judges": ["openai"], "cells": cells})
    rates = poison_effects(params)["medical"].judged_em_rate
    assert rates == {"openai": {"general": {"base": 0.0, "control": None, "poison": 0.5}}}


def test_every_scored_method_cell_gets_a_tracking_run(params):
    assert log_cells(params) == len(Grid(params).method_cells())
    effects, study = poison_effects(params), summarize_study(params)
    write_summary(effects, study)
    log_summary(params, effects, study)
    runs = [json.loads(line) for line in Path(".mlflow/runs.jsonl").read_text().splitlines()]
    scores = {r["run"]: r["data"] for r in runs if r["run"].endswith("/scores") and r["kind"] == "metrics"}
    assert scores["defence/kl-medical-0/scores"]["em_reduction"] == pytest.approx(0.1)
    assert "benign_retained" in scores["benign/kl-swapped_operator-0/scores"]
