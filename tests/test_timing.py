"""Stage wall-time log: kinds, the per-kind table, and that a stage always records itself; one
block's measured cost and a method's preparation charged to its fit."""

from __future__ import annotations

import json
import os
import resource
import time
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from emguard import timing


@pytest.mark.parametrize(
    ("argv", "kind"),
    [
        (["stages/train.py", "--poison", "medical"], "train"),
        (["stages/method.py", "remedy", "correct-medical-medical-0"], "remedy"),
        (["stages/evaluate.py", "--cell", "defence/kl-medical-0"], "evaluate defence"),
        (["stages/evaluate.py", "--cell", "medical-poison-0"], "evaluate"),
        (["stages/evaluate.py", "--cell", "base"], "evaluate base"),
        (["/abs/stages/summarize.py"], "summarize"),
    ],
)
def test_stage_kind(argv, kind):
    assert timing.stage_kind(argv) == kind


def test_the_table_sums_per_kind_and_honours_since(tmp_path):
    log = tmp_path / "logs/stages.jsonl"
    timing.record_stage(["stages/train.py"], 100.0, 160.0, "ok", log)
    timing.record_stage(["stages/train.py"], 160.0, 280.0, "ok", log)
    timing.record_stage(["stages/method.py", "defence", "kl-medical-0"], 280.0, 340.0, "failed", log)
    rows = timing.read_log(log)
    assert [r["status"] for r in rows] == ["ok", "ok", "failed"]
    table = timing.summarize(rows)
    assert "| train | 2 | 3.0 | 90 | 90 | 75% |" in table
    assert "| **all** | 3 | 4.0 |" in table
    assert "wall clock, first stage start to last stage end: 4.0 min (1.00 stages" in table
    timing.record_stage(["stages/train.py"], 100.0, 340.0, "ok", log)  # a fourth, side by side
    assert "4.0 min (2.00 stages running on average)" in timing.summarize(timing.read_log(log))
    assert "train" not in timing.summarize(rows, since=200.0)


def test_a_stage_records_its_time_even_when_it_fails(tmp_path, monkeypatch):
    from emguard import stage
    from emguard.config import ComputeConfig, ParamsError

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(stage, "load_params", lambda: SimpleNamespace(compute=ComputeConfig()))
    monkeypatch.setattr("sys.argv", ["stages/report.py"])

    def broken(params):
        raise ParamsError("bad param")

    with pytest.raises(SystemExit):
        stage.run(broken)
    (row,) = [json.loads(line) for line in (tmp_path / timing.LOG).read_text().splitlines()]
    assert row["stage"] == "report" and row["status"] == "failed" and row["end"] >= row["start"]


def test_a_stage_pins_torch_threads_when_asked(monkeypatch):
    import torch

    from emguard import stage

    monkeypatch.setenv("OMP_NUM_THREADS", "unset")  # restored after the test
    before = torch.get_num_threads()
    try:
        stage.pin_threads(0)  # 0: torch's default, left alone
        assert torch.get_num_threads() == before and os.environ["OMP_NUM_THREADS"] == "unset"
        stage.pin_threads(1)
        assert torch.get_num_threads() == 1 and os.environ["OMP_NUM_THREADS"] == "1"
    finally:
        torch.set_num_threads(before)


def test_measured_times_the_block_and_reads_the_peak_after_it():
    with timing.measured("cpu") as cost:
        assert cost == timing.Cost()  # filled in when the block ends
        time.sleep(0.05)
        grown = b"x" * (32 * 2**20)  # 32 MiB written inside the block
    assert 0.05 <= cost.runtime_s < 5
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux: KiB, the process's peak
    assert cost.peak_memory_mb == pytest.approx(peak_kib / 1024, rel=0.01) and cost.peak_memory_mb > 32
    del grown


seconds = st.floats(0, 1e5, allow_nan=False)


@given(prep_s=seconds, fit_s=seconds, prep_mb=seconds, fit_mb=seconds)
def test_preparation_is_added_to_the_fit(prep_s, fit_s, prep_mb, fit_mb):
    fit = {"runtime_s": fit_s, "fit_runtime_s": fit_s, "prep_runtime_s": 0.0, "peak_memory_mb": fit_mb,
           "fit_peak_memory_mb": fit_mb, "prep_peak_memory_mb": 0.0, "train_loss": 1.5}  # fmt: skip
    total = timing.with_preparation(fit, timing.Cost(prep_s, prep_mb))
    assert total["runtime_s"] == prep_s + fit_s and total["peak_memory_mb"] == max(prep_mb, fit_mb)
    assert (total["prep_runtime_s"], total["prep_peak_memory_mb"]) == (prep_s, prep_mb)
    assert {k: total[k] for k in ("fit_runtime_s", "fit_peak_memory_mb", "train_loss")} == {
        "fit_runtime_s": fit_s,
        "fit_peak_memory_mb": fit_mb,
        "train_loss": 1.5,
    }
