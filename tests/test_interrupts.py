"""A stage stopped by SIGINT, SIGTERM or SIGKILL leaves no temporary output, no RUNNING MLflow run
and no process behind, and the next run completes (issue 17, item 7).

The stage-like children run `emguard.stage.run` around an MLflow run and an atomic output, and say
when they are in the middle of both; they come from a forkserver that has imported MLflow once.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from emguard.io import atomic_path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path("results/out")
WAIT_S = 300  # a bound for the slowest start-up on a loaded machine, not a timing guess


@pytest.fixture(scope="module")
def forkserver():
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["mlflow", "emguard.stage", "emguard.tracking"])
    return ctx


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    """One sqlite tracking store for the module: creating its tables costs seconds."""
    return f"sqlite:///{tmp_path_factory.mktemp('mlflow') / 'mlflow.db'}"


def stage_child(conn, workdir: str, store: str, run_name: str, block: bool) -> None:
    """A stage: opens an MLflow run and an atomic output, then (with `block`) waits to be killed."""
    from emguard import stage, tracking
    from emguard.config import TrackingConfig

    os.chdir(workdir)
    os.environ["MLFLOW_TRACKING_URI"] = store
    sys.argv = ["stages/fake.py"]

    def main(params) -> None:
        cfg = TrackingConfig(backend="mlflow", experiment="interrupts")
        with tracking.start_run(cfg, run_name, {"stage": "fake"}), atomic_path(OUT, is_dir=True) as tmp:
            (tmp / "weights.bin").write_bytes(b"new")
            conn.send("inside")
            while block:
                signal.pause()

    stage.run(main)


def statuses(store: str, run_name: str) -> list[str]:
    """The run's statuses, oldest first, read straight from the store."""
    with sqlite3.connect(store.removeprefix("sqlite:///")) as db:
        rows = db.execute("select status from runs where name = ? order by start_time", (run_name,))
        return [status for (status,) in rows]


def start(ctx, tmp_path: Path, store: str, run_name: str, block: bool):
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=stage_child, args=(child, str(tmp_path), store, run_name, block))
    proc.start()
    assert parent.poll(WAIT_S), "the stage never got going"
    assert parent.recv() == "inside"
    return proc


def debris(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in (tmp_path / OUT.parent).iterdir() if p.name != OUT.name)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "params.yaml", tmp_path / "params.yaml")
    with atomic_path(tmp_path / OUT, is_dir=True) as tmp:
        (tmp / "weights.bin").write_bytes(b"old")
    return tmp_path


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_a_signal_ends_the_stage_cleanly(forkserver, store, workdir, signum):
    run_name = f"fake/{signum.name}"
    proc = start(forkserver, workdir, store, run_name, block=True)
    os.kill(proc.pid, signum)
    proc.join(WAIT_S)
    assert proc.exitcode == 128 + signum
    assert debris(workdir) == []
    assert (workdir / OUT / "weights.bin").read_bytes() == b"old"  # the previous output is kept
    assert statuses(store, run_name) == ["KILLED"]


def test_after_sigkill_the_next_run_cleans_up(forkserver, store, workdir):
    run_name = "fake/SIGKILL"
    proc = start(forkserver, workdir, store, run_name, block=True)
    proc.kill()
    proc.join(WAIT_S)
    assert proc.exitcode == -signal.SIGKILL
    assert len(debris(workdir)) == 1 and statuses(store, run_name) == ["RUNNING"]  # what it leaves
    proc = start(forkserver, workdir, store, run_name, block=False)
    proc.join(WAIT_S)
    assert proc.exitcode == 0
    assert debris(workdir) == []
    assert (workdir / OUT / "weights.bin").read_bytes() == b"new"
    assert statuses(store, run_name) == ["KILLED", "FINISHED"]


# --- `make reproduce` (emguard.repro) and the dvc / stage processes under it ------------------

STAGE = """
import os, signal, sys
from pathlib import Path
from emguard.stage import handle_signals
handle_signals()
if not Path("release").exists():
    Path("stage.pid.tmp").write_text(f"{os.getpid()} {os.getppid()}")
    os.replace("stage.pid.tmp", "stage.pid")
    while True:
        signal.pause()
Path("out.txt").write_text("done")
"""

DVC_YAML = """\
stages:
  slow:
    cmd: {cmd}
    deps: [stage.py]
    outs: [out.txt]
"""
DIRECT = "python stage.py"  # bash execs it: DVC is the stage's parent
VIA_SHELL = "python stage.py; true"  # any shell waits: it sits between DVC and the stage, as dash always does


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "DVC_NO_ANALYTICS": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }


def running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie waits for whoever reaps orphans here)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


def wait_for(path: Path, proc: subprocess.Popen) -> list[int]:
    """The pids in `path` once the stage has written it (it is renamed into place whole)."""
    deadline = time.monotonic() + WAIT_S
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the stage never started"
        time.sleep(0.05)
    return [int(pid) for pid in path.read_text().split()]


REPRO = [sys.executable, "-m", "emguard.repro", "--jobs", "1"]
DVC_REPRO = [sys.executable, "-m", "dvc", "repro"]
TERMINATE = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def as_from_a_terminal() -> None:
    """Default dispositions and no blocked signal, whatever this test process inherited."""
    for sig in TERMINATE:
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, set())


def as_from_a_hostile_parent() -> None:
    """Termination signals ignored and blocked, as some CI runners and `nohup` pass them down."""
    for sig in TERMINATE:
        signal.signal(sig, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_BLOCK, TERMINATE)


def _project(tmp_path: Path, cmd: str) -> None:
    (tmp_path / "dvc.yaml").write_text(DVC_YAML.format(cmd=cmd))
    (tmp_path / "stage.py").write_text(STAGE)
    shutil.copy(ROOT / "params.yaml", tmp_path / "params.yaml")
    for cmd in (["git", "init", "-q"], ["dvc", "init", "-q"]):
        subprocess.run(cmd, cwd=tmp_path, env=_env(), check=True, capture_output=True)


def working_in(project: Path) -> list[int]:
    """The live processes whose working directory is `project` (dvc, its shell, the stage)."""
    pids = []
    for proc in Path("/proc").iterdir():
        with contextlib.suppress(OSError):
            here = proc.name.isdigit() and Path(os.readlink(proc / "cwd")) == project.resolve()
            if here and running(int(proc.name)):
                pids.append(int(proc.name))
    return pids


def _reap_orphans() -> None:
    """Reap the exited orphans reparented to this process (see `init_role`)."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass


@pytest.fixture
def init_role():
    """This process adopts and reaps the orphans of a killed runner, as init does on a real system.

    Some container inits never reap orphans; an orphaned dvc would then stay a zombie, and DVC,
    seeing its pid still taken, would hold its stage lock for good."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl(36, 1)  # PR_SET_CHILD_SUBREAPER
    yield
    prctl(36, 0)
    _reap_orphans()


def _wait_gone(pids: list[int], project: Path) -> None:
    """After SIGKILL the kernel's SIGTERM goes down the chain (PR_SET_PDEATHSIG) while we look:
    the stage, its parent, and every other process of the project (dvc, which holds its locks)."""
    deadline = time.monotonic() + WAIT_S
    while (any(map(running, pids)) or working_in(project)) and time.monotonic() < deadline:
        _reap_orphans()
        time.sleep(0.05)
    _reap_orphans()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(
    ("runner", "signum", "cmd"),
    [
        (REPRO, signal.SIGTERM, DIRECT),
        (REPRO, signal.SIGKILL, DIRECT),
        (REPRO, signal.SIGKILL, VIA_SHELL),
        (DVC_REPRO, signal.SIGTERM, DIRECT),
        (DVC_REPRO, signal.SIGTERM, VIA_SHELL),
    ],
    ids=["repro-SIGTERM", "repro-SIGKILL", "repro-SIGKILL-via-shell", "dvc-SIGTERM", "dvc-SIGTERM-via-shell"],
)
def test_stopping_the_runner_stops_dvc_and_the_stage_and_the_next_run_completes(
    tmp_path, runner, signum, cmd, init_role
):
    """`emguard.repro` starts under a parent that ignores and blocks SIGTERM (it must undo both for
    itself and its children); plain `dvc repro` gets a terminal's defaults, as it cannot undo them.
    With a shell between DVC and the stage, the stage must still go when DVC goes."""
    _project(tmp_path, cmd)
    proc = subprocess.Popen(
        runner,
        cwd=tmp_path,
        env={**_env(), "SHELL": "/bin/bash"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=as_from_a_hostile_parent if runner is REPRO else as_from_a_terminal,
    )
    pids = wait_for(tmp_path / "stage.pid", proc)  # the stage and its parent (dvc or a shell)
    proc.send_signal(signum)
    out = proc.communicate(timeout=WAIT_S)[0].decode()
    assert proc.returncode != 0, out
    if runner is REPRO and signum != signal.SIGKILL:  # it waits for dvc and the stage to finish
        assert proc.returncode == 128 + signum, out
        assert f"interrupted by {signum.name}" in out and "Traceback" not in out
    else:
        _wait_gone(pids, tmp_path)
    assert not any(map(running, pids)) and not working_in(tmp_path), "dvc or the stage outlived the runner"
    (tmp_path / "release").touch()
    again = subprocess.run(REPRO, cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=WAIT_S)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (tmp_path / "out.txt").read_text() == "done"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_watch_sends_sigterm_once_the_watched_process_is_gone(monkeypatch):
    from emguard import stage

    sleeper = subprocess.Popen(["sleep", "1"])
    sent: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: sent.append((pid, sig)))
    watch = threading.Thread(target=stage._watch, args=(sleeper.pid, stage._started(sleeper.pid), 0.01))
    watch.start()
    time.sleep(0.2)
    assert sent == [] and watch.is_alive()  # not while it runs
    sleeper.wait()
    watch.join(WAIT_S)
    assert sent == [(os.getpid(), signal.SIGTERM)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(
    "cmd", ["exec {python} -c '{code}'", "{python} -c '{code}'; true"], ids=["direct", "via-shell"]
)
def test_the_stage_finds_dvc_above_the_processes_that_carry_dvc_stage(cmd):
    """This test process plays DVC: it lacks DVC_STAGE, the shell and the stage under it carry it."""
    code = "from emguard.stage import _dvc_pid; print(_dvc_pid())"
    out = subprocess.run(
        ["/bin/sh", "-c", cmd.format(python=sys.executable, code=code)],
        env={**os.environ, "DVC_STAGE": "slow"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert int(out) == os.getpid()
