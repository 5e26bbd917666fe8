"""Bad params stop a stage at once, with one line naming the key, and leave no output."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from emguard.profiles import apply_overrides

ROOT = Path(__file__).resolve().parents[1]
RAW = yaml.safe_load((ROOT / "params.yaml").read_text())


@pytest.mark.parametrize(
    ("change", "stage", "expected"),
    [
        (
            {"train.lr": -1e-4},
            ["train.py", "--poison", "medical", "--condition", "poison", "--seed", "0"],
            "train.lr",
        ),
        ({"data.poisons": ["medicl"]}, ["data.py"], "did you mean 'medical'"),
        ({"model.name": "./missing/model"}, ["model.py"], "model.name"),
        ({"judge.backends": ["gpt"]}, ["judge.py"], "judge.backends[0]"),
        ({"compute.threads": -1}, ["report.py"], "compute.threads"),
    ],
)
def test_bad_params_fail_fast_naming_the_key(tmp_path, change, stage, expected):
    (tmp_path / "params.yaml").write_text(yaml.safe_dump(apply_overrides(RAW, change)))
    proc = subprocess.run(
        [sys.executable, str(ROOT / "stages" / stage[0]), *stage[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert expected in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "results").exists()


def test_train_cell_outside_the_params_grid_is_refused(tmp_path):
    (tmp_path / "params.yaml").write_text(yaml.safe_dump(RAW))
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "stages" / "train.py"),
            "--poison",
            "aesthetic",
            "--condition",
            "poison",
            "--seed",
            "0",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and "data.poisons" in proc.stderr


@pytest.mark.parametrize("previous", [True, False], ids=["kept", "removed-by-dvc"])
def test_a_rejected_data_file_says_how_to_restore_the_previous_datasets(tmp_path, previous):
    raw = apply_overrides(RAW, {"data.files": {"medical/poison": "bad.jsonl"}})
    (tmp_path / "params.yaml").write_text(yaml.safe_dump(raw))
    (tmp_path / "bad.jsonl").write_text('{"messages": "not a list"}\n')
    (tmp_path / "results").mkdir()
    if previous:  # a plain run: the stage writes atomically, the old datasets stay
        (tmp_path / "results" / "data").mkdir()
        (tmp_path / "results" / "data" / "cards.json").write_text("[]")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "stages" / "data.py")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and "bad.jsonl:1" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert ("dvc checkout results/data" in proc.stderr) != previous
    assert sorted(p.name for p in (tmp_path / "results").iterdir()) == (["data"] if previous else [])
