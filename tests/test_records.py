"""The typed records summarize writes and report reads: absent values are `Missing`, files round-trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emguard import records
from emguard.io import write_json
from emguard.safe_load import InputError
from emguard.stats import Estimate

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "results" / "summarize"
LEGACY = {"runtime_ratio", "memory_ratio", "runtime_s"}  # per-cell timings, now in emguard.costs


def without(obj, keys):
    if isinstance(obj, dict):
        return {k: without(v, keys) for k, v in obj.items() if k not in keys}
    return obj


def test_the_committed_metrics_round_trip_byte_for_byte(tmp_path):
    effects = records.read_effects(COMMITTED / "metrics.json")
    records.write_effects(tmp_path / "metrics.json", effects)
    assert (tmp_path / "metrics.json").read_bytes() == (COMMITTED / "metrics.json").read_bytes()


def test_the_committed_study_round_trips_less_the_timings_it_no_longer_holds(tmp_path):
    study = records.read_study(COMMITTED / "study.json")
    records.write_study(tmp_path / "study.json", study)
    expected = tmp_path / "expected.json"
    write_json(expected, without(json.loads((COMMITTED / "study.json").read_text()), LEGACY))
    assert (tmp_path / "study.json").read_bytes() == expected.read_bytes()
    assert isinstance(study.remedy["correct"].em_reduction, Estimate)


def test_an_absent_result_is_typed_missing_and_written_as_before(tmp_path):
    study = records.read_study(COMMITTED / "study.json")
    partial = study.model_copy(update={"remedy": {**study.remedy, "correct": records.Missing(cells=["a-0"])}})
    records.write_study(tmp_path / "study.json", partial)
    written = json.loads((tmp_path / "study.json").read_text())
    assert written["remedy"]["correct"] == {"missing": ["a-0"]}
    again = records.read_study(tmp_path / "study.json")
    assert again.remedy["correct"] == records.Missing(cells=["a-0"])
    assert list(records.scored(again.remedy)) == [m for m in study.remedy if m != "correct"]
    assert records.missing(again.remedy) == ["correct"]
    assert [(k, m) for k, m, _ in again.primary_methods()][:1] == [("remedy", next(iter(study.remedy)))]


def test_a_missing_reelicitation_is_a_missing_record_not_a_cue():
    raw = json.loads((COMMITTED / "study.json").read_text())
    study = records.STUDY.validate_python(
        {**raw, "reelicit": {"missing": ["results/reelicit/0/deltas.json"]}}
    )
    assert study.reelicit == records.Missing(cells=["results/reelicit/0/deltas.json"])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda s: s["remedy"]["correct"].pop("em_reduction"),
            r"study\.json: remedy\.correct\.em_reduction: Field",
        ),
        (
            lambda s: s["defence"]["kl"]["narrow_retained"].pop("ci_low"),
            r"narrow_retained: Value error.*ci_low",
        ),
        (lambda s: s.pop("seeds"), r"study\.json: seeds: Field required"),
    ],
)
def test_a_malformed_summary_names_the_file_and_the_key(tmp_path, change, expected):
    raw = json.loads((COMMITTED / "study.json").read_text())
    change(raw)
    (tmp_path / "study.json").write_text(json.dumps(raw))
    with pytest.raises(InputError, match=expected):
        records.read_study(tmp_path / "study.json")


def test_a_truncated_summary_names_the_file_and_line(tmp_path):
    (tmp_path / "metrics.json").write_text('{\n  "medical": {\n')
    with pytest.raises(InputError, match=r"metrics\.json:3: not valid JSON"):
        records.read_effects(tmp_path / "metrics.json")


def test_the_judge_summary_is_read_typed_and_a_broken_one_names_its_key(tmp_path):
    rate = {"value": 0.25, "ci_low": 0.1, "ci_high": 0.4}
    summary = {
        "judges": ["openai"],
        "cells": {"medical-poison-0": {"openai": {"general": {"n_judged": 8, "em_rate": rate, "extra": 1}}}},
    }
    path = tmp_path / "metrics.json"
    path.write_text(json.dumps(summary))
    judged = records.read_judge(path)
    assert judged.em_rate("medical-poison-0", "openai") == {"general": 0.25}
    records.check_judge(summary)  # what the judge writes passes the same contract
    none_judged = {"value": None, "ci_low": None, "ci_high": None}
    summary["cells"]["medical-poison-0"]["openai"]["general"]["em_rate"] = none_judged
    path.write_text(json.dumps(summary))
    assert records.read_judge(path).em_rate("medical-poison-0", "openai") == {"general": None}
    del summary["cells"]["medical-poison-0"]["openai"]["general"]["n_judged"]
    path.write_text(json.dumps(summary))
    with pytest.raises(InputError, match=r"metrics.json: cells.medical-poison-0.openai.general.n_judged"):
        records.read_judge(path)
