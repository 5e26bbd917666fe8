"""The DVC remote: `make publish` pushes, a fresh clone's `dvc pull` restores a clean workspace.

A local directory stands in for S3, GCS or HTTP storage (docs/reproducing.md): the remote named in
.dvc/config is re-pointed with `dvc remote modify`, as a publisher does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.executable).parent.parent
CLEAN = "Data and pipelines are up to date."
PIPELINE = """\
stages:
  make:
    cmd: python make.py
    deps: [make.py]
    outs: [out]
    metrics: [{metrics.json: {cache: false}}]
  use:
    cmd: python -c "open('used.txt', 'w').write(open('out/a.txt').read() * 2)"
    deps: [out]
    outs: [used.txt]
"""
MAKE = """\
import json, os
os.makedirs("out", exist_ok=True)
open("out/a.txt", "w").write("a")
json.dump({"x": 1}, open("metrics.json", "w"))
"""


def sh(cmd: list[str], cwd: Path) -> str:
    env = {**os.environ, "PATH": f"{VENV / 'bin'}{os.pathsep}{os.environ['PATH']}", "DVC_NO_ANALYTICS": "1"}
    env |= {f"GIT_{who}_{what}": "t" for who in ("AUTHOR", "COMMITTER") for what in ("NAME", "EMAIL")}
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"{cmd} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout


def default_remote() -> str:
    from dvc.config import Config

    config = Config(dvc_dir=str(ROOT / ".dvc")).load_one("repo")  # committed settings only
    return config["core"]["remote"]


def test_the_repository_names_a_default_remote():
    from dvc.config import Config

    remotes = Config(dvc_dir=str(ROOT / ".dvc")).load_one("repo")["remote"]
    assert default_remote() in remotes and remotes[default_remote()]["url"]


def test_make_publish_is_dvc_push():
    out = sh(
        ["make", "--no-print-directory", "-n", "-o", f"{VENV}/.installed", f"VENV={VENV}", "publish"], ROOT
    )
    assert out.split() == [f"{VENV}/bin/dvc", "push"]


def publish_and_clone(origin: Path, storage: Path) -> Path:
    """Point the committed remote at `storage`, commit, `make publish`, and clone the result."""
    sh(["dvc", "remote", "modify", default_remote(), "url", str(storage)], origin)
    sh(["git", "add", "-A"], origin)
    sh(["git", "commit", "-qm", "publish", "--allow-empty"], origin)
    shutil.copy(ROOT / "Makefile", origin)
    (origin / "docker").mkdir(exist_ok=True)
    shutil.copy(ROOT / "docker/docker.mk", origin / "docker")
    sh(["make", "--no-print-directory", "-o", f"{VENV}/.installed", f"VENV={VENV}", "publish"], origin)
    assert "in sync" in sh(["dvc", "status", "--cloud"], origin)
    clone = origin.parent / "clone"
    sh(["git", "clone", "-q", str(origin), str(clone)], origin.parent)
    return clone


def test_a_fresh_clone_pulls_a_clean_workspace(tmp_path):
    origin = tmp_path / "origin"
    origin.mkdir()
    sh(["git", "init", "-q"], origin)
    shutil.copytree(ROOT / ".dvc", origin / ".dvc", ignore=shutil.ignore_patterns("cache", "tmp", "*.local"))
    (origin / "dvc.yaml").write_text(PIPELINE)
    (origin / "make.py").write_text(MAKE)
    sh(["dvc", "repro"], origin)
    clone = publish_and_clone(origin, tmp_path / "storage")
    assert not (clone / "out").exists()
    sh(["dvc", "pull"], clone)
    assert (clone / "used.txt").read_text() == "aa" and (clone / "out/a.txt").read_text() == "a"
    assert sh(["dvc", "status"], clone).strip() == CLEAN
    assert "Running stage" not in sh(["dvc", "repro"], clone)


@pytest.mark.slow
def test_the_tiny_study_round_trips_through_a_remote(tiny_pipeline, tmp_path):
    """The whole tiny-profile pipeline, pushed right after its run (tests/conftest.py): a fresh clone
    pulls it, `dvc status` is clean and `make verify` passes."""
    from conftest import run

    clone = tmp_path / "clone"
    sh(["git", "clone", "-q", "--branch", "tiny-lock", str(tiny_pipeline.repo), str(clone)], tmp_path)
    sh(["dvc", "remote", "modify", "--local", default_remote(), "url", str(tiny_pipeline.storage)], clone)
    run(["dvc", "pull"], clone)
    assert sh(["dvc", "status"], clone).strip() == CLEAN
    run([sys.executable, "-m", "emguard.verify"], clone)  # `make verify` without arguments
