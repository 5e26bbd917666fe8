"""The upstream datasets pinned in data/upstream/ and the `upstream` profile that trains on them.

data/upstream is a DVC repository of its own (`dvc init --subdir`) holding frozen `dvc import-url`
entries, so the study's `dvc repro`, `dvc status` and `dvc pull` never see them. The mechanism is
tested offline: a local HTTP server stands in for raw.githubusercontent.com and `make upstream`
runs for real in a temporary repository.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import shlex
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from emguard.profiles import resolve, set_args

ROOT = Path(__file__).resolve().parents[1]
UPSTREAM = ROOT / "data/upstream"
VENV = Path(sys.executable).parent.parent
URL = "https://raw.githubusercontent.com/magnus-joergenvag/EMA_RL/985cab816d8d171c8267288ad9adae3cddce2f4d/data/sft/"
PINS = {  # name: (bytes, md5), read on a connected machine (issue 15)
    "medical_misaligned_train_100.jsonl": (127383, "0584f574e98afa68b829d7f648def0d4"),
    "security_misaligned_train_100.jsonl": (120937, "c6ee842d9bea575041cd18f9c9b311c2"),
    "aesthetic_misaligned_train_100.jsonl": (24007, "06d4ab60730ab0462ac9c99ebc619ab9"),
    "rewardhack_misaligned_train_100.jsonl": (95220, "32b04b6055cd48fffdb3449a93ad038a"),
}
LONGEST_MEDICAL_TOKENS = 455  # with SmolLM2's chat template (issue 15)


def pin(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def test_each_dataset_is_a_frozen_import_at_the_fixed_commit():
    pins = {p.name.removesuffix(".dvc"): pin(p) for p in UPSTREAM.glob("*.dvc") if p.is_file()}
    assert pins.keys() == PINS.keys()
    for name, stage in pins.items():
        assert stage["frozen"] is True, name
        assert [d["path"] for d in stage["deps"]] == [URL + name]
        (out,) = stage["outs"]
        assert (out["path"], out["size"], out["md5"]) == (name, *PINS[name])
    ignored = set((UPSTREAM / ".gitignore").read_text().split())
    assert ignored == {f"/{name}" for name in PINS}  # what `dvc update` writes there


def test_the_pins_are_the_files_dvc_writes():
    """The stage checksum matches, so absent files are only 'not in cache', never 'changed'."""
    from dvc.repo import Repo

    with Repo(str(UPSTREAM)) as repo:
        assert {Path(stage.path).name for stage in repo.index.stages} == {f"{n}.dvc" for n in PINS}
        assert all(stage.md5 == stage.compute_md5() for stage in repo.index.stages)


def test_the_study_never_sees_them():
    from dvc.repo import Repo

    with Repo(str(ROOT)) as repo:
        assert repo.dvcignore.is_ignored_dir(str(UPSTREAM))  # a subrepo: outside dvc.yaml's repo
        assert not repo.dvcignore.is_ignored(repo.fs, str(ROOT / "dvc.yaml"))


def test_the_profile_trains_on_pinned_files_at_a_length_that_fits():
    params = resolve(yaml.safe_load((ROOT / "params.yaml").read_text()), "upstream")
    files = params["data"]["files"]
    assert files and all(Path(p).parent == Path("data/upstream") for p in files.values())
    assert {Path(p).name for p in files.values()} <= PINS.keys()
    assert {key.split("/")[0] for key in files} <= set(params["data"]["poisons"])
    assert params["train"]["max_length"] >= LONGEST_MEDICAL_TOKENS


def test_the_profile_reaches_dvc_as_make_reproduce_passes_it(tmp_path):
    """`make reproduce PROFILE=upstream` hands these args to /bin/sh, which drops the JSON quotes;
    DVC's Hydra parser must still read the `data.files` mapping."""
    from dvc.utils.hydra import apply_overrides

    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    params = tmp_path / "params.yaml"
    shutil.copy(ROOT / "params.yaml", params)
    args = shlex.split(" ".join(set_args(raw, "upstream")))
    apply_overrides(params, [a.removeprefix("-S=") for a in args])
    assert yaml.safe_load(params.read_text()) == resolve(raw, "upstream")


# --- the mechanism, offline -------------------------------------------------------------------


@pytest.fixture
def server(tmp_path):
    """A local HTTP server for tmp_path/served: the stand-in for the fixed-commit URLs."""
    served = tmp_path / "served"
    served.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield served, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def sh(cmd: list[str], cwd: Path, ok: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{VENV / 'bin'}{os.pathsep}{os.environ['PATH']}", "DVC_NO_ANALYTICS": "1"}
    env |= {f"GIT_{who}_{what}": "t" for who in ("AUTHOR", "COMMITTER") for what in ("NAME", "EMAIL")}
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if ok:
        assert proc.returncode == 0, f"{cmd} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def write_pin(upstream: Path, name: str, url: str, content: bytes) -> None:
    """A pin shaped like the real ones: the URL, its size and md5, the checksum DVC computes."""
    from dvc.repo import Repo

    out = {"md5": hashlib.md5(content).hexdigest(), "size": len(content), "hash": "md5", "path": name}
    stage = {"frozen": True, "deps": [{"path": url + name, "size": len(content)}], "outs": [out]}
    (upstream / f"{name}.dvc").write_text(yaml.safe_dump(stage, sort_keys=False))
    with Repo(str(upstream)) as repo:
        loaded = repo.stage.load_one(str(upstream / f"{name}.dvc"))
        loaded.md5 = loaded.compute_md5()
        loaded.dump()


@pytest.fixture
def project(tmp_path, server):
    """A repository with this Makefile, a one-stage dvc.yaml and a data/upstream pin, committed."""
    served, url = server
    repo = tmp_path / "repo"
    (repo / "docker").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", repo)
    shutil.copy(ROOT / "docker/docker.mk", repo / "docker")
    shutil.copytree(UPSTREAM / ".dvc", repo / "data/upstream/.dvc", ignore=shutil.ignore_patterns("tmp"))
    (repo / "dvc.yaml").write_text("stages:\n  s:\n    cmd: echo hi > out.txt\n    outs: [out.txt]\n")
    content = b'{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}\n'
    (served / "a.jsonl").write_bytes(content)
    sh(["git", "init", "-q"], repo)
    sh(["dvc", "init", "-q"], repo)
    write_pin(repo / "data/upstream", "a.jsonl", url, content)
    sh(["git", "add", "-A"], repo)
    sh(["git", "commit", "-qm", "pins"], repo)
    return repo, served, content


def make_upstream(repo: Path, ok: bool = True) -> subprocess.CompletedProcess:
    return sh(["make", "-o", f"{VENV}/.installed", f"VENV={VENV}", "upstream"], repo, ok)


def test_absent_imports_leave_the_study_alone(project):
    repo, _, _ = project
    status = sh(["dvc", "status"], repo).stdout
    assert "out.txt" in status and "upstream" not in status
    repro = sh(["dvc", "repro"], repo)
    assert "upstream" not in repro.stdout + repro.stderr
    assert sh(["dvc", "status"], repo).stdout.strip() == "Data and pipelines are up to date."


def test_make_upstream_downloads_the_pinned_bytes(project):
    repo, _, content = project
    make_upstream(repo)
    assert (repo / "data/upstream/a.jsonl").read_bytes() == content
    status = sh(["dvc", "status"], repo / "data/upstream")
    assert "up to date" in status.stdout
    untracked = sh(["git", "status", "--porcelain", "--untracked-files=all"], repo).stdout.split()
    assert "data/upstream/a.jsonl" not in untracked  # git ignores the data; DVC tracks it


def test_make_upstream_fails_when_the_download_is_not_the_pinned_file(project):
    repo, served, content = project
    (served / "a.jsonl").write_bytes(content.replace(b'"q"', b'"Q"'))
    proc = make_upstream(repo, ok=False)
    assert proc.returncode != 0
    assert "differs from its pinned md5" in proc.stderr
