"""The real DVC pipeline, end to end, on the tiny profile in a temporary copy of the repo."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from emguard.profiles import resolve

ROOT = Path(__file__).resolve().parents[1]
COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    ".git",
    "results",
    ".mlflow",
    "cache",
    "tmp",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "paper",
    "docker",
    "bench",
)

pytestmark = pytest.mark.slow


def run(cmd: list[str], cwd: Path) -> str:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "DVC_NO_ANALYTICS": "1",
        "PYTHONHASHSEED": "0",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"{' '.join(cmd)} failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    dst = tmp_path_factory.mktemp("repo") / "emguard"
    shutil.copytree(ROOT, dst, ignore=COPY_IGNORE)
    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    (dst / "params.yaml").write_text(yaml.safe_dump(resolve(raw, "tiny"), sort_keys=False))
    (dst / "dvc.lock").unlink(missing_ok=True)
    run(["git", "init", "-q"], dst)
    run(["dvc", "config", "--local", "core.check_update", "false"], dst)
    run(["git", "add", "-A"], dst)
    run(["git", "commit", "-qm", "tiny"], dst)
    run(["dvc", "repro"], dst)
    return dst


def test_repro_writes_metrics_and_table(repo):
    metrics = json.loads((repo / "results/summarize/metrics.json").read_text())
    effect = metrics["medical"]["general"]["em_effect"]
    assert effect["ci_low"] <= effect["value"] <= effect["ci_high"]
    assert "EM effect" in (repo / "results/summarize/table.md").read_text()
    assert "EM effect" in (repo / "paper/generated/em_effect.tex").read_text()
    shown = run(["dvc", "metrics", "show"], repo)
    assert "em_effect" in shown
    runs = [json.loads(line) for line in (repo / ".mlflow/runs.jsonl").read_text().splitlines()]
    assert {"train/medical-poison-0", "evaluate/base", "summarize"} <= {r["run"] for r in runs}
    samples = (repo / "results/evaluate/base/samples.jsonl").read_text().splitlines()
    assert samples and {"question_id", "answer", "format", "model"} <= json.loads(samples[0]).keys()


def test_second_repro_does_nothing(repo):
    out = run(["dvc", "repro"], repo)
    assert "Running stage" not in out


def test_changing_an_eval_param_reruns_only_what_depends_on_it(repo):
    run(["git", "add", "-A"], repo)
    run(["git", "commit", "-qm", "lock"], repo)
    out = run(["dvc", "exp", "run", "-n", "shorter", "-S", "evaluate.sampling.max_new_tokens=4"], repo)
    assert "Running stage 'evaluate_base'" in out and "Running stage 'summarize'" in out
    assert "Running stage 'train@" not in out and "Running stage 'data'" not in out
    shown = run(["dvc", "exp", "show", "--no-pager", "--csv"], repo)
    assert "shorter" in shown


def test_two_queue_workers_run_cells_in_parallel(repo):
    """Scale-out as documented: queued experiments, two workers (docker/README.md)."""
    run(["git", "add", "-A"], repo)
    run(["git", "commit", "-qm", "before queue", "--allow-empty"], repo)
    for n in (3, 5):
        run(
            [
                "dvc",
                "exp",
                "run",
                "--queue",
                "-n",
                f"queued-{n}",
                "-S",
                f"evaluate.sampling.max_new_tokens={n}",
            ],
            repo,
        )
    run(["dvc", "queue", "start", "-j", "2"], repo)
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        status = run(["dvc", "queue", "status"], repo)
        if "Queued" not in status and "Running" not in status:
            break
        time.sleep(5)
    assert status.count("Success") >= 2, status
    shown = run(["dvc", "exp", "show", "--no-pager", "--csv"], repo)
    assert "queued-3" in shown and "queued-5" in shown
