"""Costs live beside DVC's outputs and are divided by the plain fine-tune of the same data and seed."""

from __future__ import annotations

import json

import pytest

from emguard import costs, layout, timing


def write(root, kind, cell, runtime, memory, prep=0.0, machine="cpu A"):
    path = root / kind / f"{cell}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    cost = {"runtime_s": runtime, "peak_memory_mb": memory, "prep_runtime_s": prep, "machine": machine}
    path.write_text(json.dumps(cost))


def test_split_cost_keeps_every_timing_out_of_the_results():
    stats = {
        "train_loss": 1.5,
        "train_tokens": 100.0,
        "truncated_share": 0.25,
        "runtime_s": 3.0,
        "fit_runtime_s": 2.0,
        "prep_peak_memory_mb": 7.0,
        "tokens_per_s": 50.0,
        "persona_vector_norm": 4.0,
    }
    results, cost = timing.split_cost(stats)
    assert results == {
        "train_loss": 1.5,
        "train_tokens": 100.0,
        "truncated_share": 0.25,
        "persona_vector_norm": 4.0,
    }
    assert cost == {"runtime_s": 3.0, "fit_runtime_s": 2.0, "prep_peak_memory_mb": 7.0, "tokens_per_s": 50.0}


def test_ratios_divide_by_the_plain_fine_tune_of_the_same_poison_and_seed(tmp_path):
    write(tmp_path, "train", "medical-poison-0", 20.0, 100.0)
    write(tmp_path, "train", "medical-poison-1", 40.0, 100.0)
    write(tmp_path, "train", "financial-poison-0", 1000.0, 1000.0)  # another poison: never a reference
    write(tmp_path, "train", "medical-control-0", 1000.0, 1000.0)  # the control: never a reference
    write(tmp_path, "defence", "kl-medical-0", 30.0, 200.0, prep=5.0)
    write(tmp_path, "defence", "kl-medical-1", 60.0, 200.0, prep=7.0)
    write(tmp_path, "transfer", "correct-financial-medical-0", 40.0, 100.0)  # applied to the medical model
    write(tmp_path, "benign", "plain-swapped_operator-0", 10.0, 50.0)
    write(tmp_path, "benign", "kl-swapped_operator-0", 25.0, 50.0)
    rows = {(r["kind"], r["method"]): r for r in costs.method_rows(costs.read_costs(tmp_path))}
    kl = rows["defence", "kl"]
    assert (kl["cells"], kl["runtime_s"], kl["prep_runtime_s"]) == (2, 45.0, 6.0)
    assert (kl["runtime_ratio"], kl["memory_ratio"]) == (pytest.approx(1.5), pytest.approx(2.0))
    assert rows["transfer", "correct"]["runtime_ratio"] == pytest.approx(2.0)
    assert rows["benign", "kl"]["runtime_ratio"] == pytest.approx(2.5)
    assert rows["benign", "plain"]["runtime_ratio"] == pytest.approx(1.0)
    assert [k for k, _ in rows] == ["transfer", "defence", "benign", "benign"]  # layout.STUDY_KINDS order


def test_a_cell_whose_reference_was_not_measured_is_left_out(tmp_path):
    write(tmp_path, "train", "medical-poison-0", 20.0, 100.0)
    write(tmp_path, "remedy", "correct-medical-medical-0", 40.0, 100.0)
    write(tmp_path, "remedy", "correct-medical-medical-1", 4000.0, 100.0)  # seed 1 never fine-tuned here
    (row,) = costs.method_rows(costs.read_costs(tmp_path))
    assert (row["cells"], row["runtime_ratio"]) == (1, pytest.approx(2.0))


def test_a_cell_measured_on_another_machine_than_its_reference_is_left_out(tmp_path):
    write(tmp_path, "train", "medical-poison-0", 20.0, 100.0, machine="cpu A")
    write(tmp_path, "train", "medical-poison-1", 20.0, 100.0, machine="cpu A")
    write(tmp_path, "defence", "kl-medical-0", 40.0, 100.0, machine="cpu A")
    write(tmp_path, "defence", "kl-medical-1", 400.0, 100.0, machine="cpu B")  # a slower CPU: no ratio
    (row,) = costs.method_rows(costs.read_costs(tmp_path))
    assert (row["cells"], row["runtime_ratio"]) == (1, pytest.approx(2.0))


def test_the_command_writes_the_tables_and_names_the_machines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = tmp_path / layout.COST_DIR
    write(root, "train", "medical-poison-0", 20.0, 100.0, machine="cpu A")
    write(root, "remedy", "refusal-medical-medical-0", 30.0, 100.0, machine="cpu A")
    write(root, "train", "financial-poison-0", 20.0, 100.0, machine="cpu B")
    assert costs.main([]) == 0
    md = (root / "table.md").read_text()
    assert "cpu A; cpu B" in md and "| remedy | refusal | 1 | 30 | 0 | 1.50 | 1.00 |" in md
    assert json.loads((root / "summary.json").read_text())["machines"] == ["cpu A", "cpu B"]
    assert r"remedy & refusal & 1 & 1.50 & 1.00 \\" in costs.PAPER_TABLE.read_text()


def test_write_cost_records_the_machine(tmp_path):
    timing.write_cost(tmp_path / "c" / "x.json", {"runtime_s": 1.0})
    written = json.loads((tmp_path / "c" / "x.json").read_text())
    assert written["runtime_s"] == 1.0 and written["machine"] == timing.machine() != ""
