"""Stage wall-time log: kinds, the per-kind table, and that a stage always records itself."""

from __future__ import annotations

import json
import os
from types import SimpleNamespace

import pytest

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
