"""`make reproduce`: run the DVC pipeline several stages at a time.

`dvc repro` runs one stage at a time. On the 2-core default machine a stage's fit with one thread
runs at ~0.7x its 2-thread speed, and its start-up (interpreter, imports, DVC's bookkeeping) is
single-threaded anyway, so two 1-thread stages side by side finish the study sooner: 95.5 min
against ~117 projected for one 2-thread stage at a time, on the 94-stage grid of that run. Each
stage still runs through `dvc repro --single-item`: DVC decides whether it is stale, caches its
outputs and writes its dvc.lock entry exactly as a plain `dvc repro` would. This module only orders
those calls by DVC's own stage graph and keeps `jobs` of them running. DVC releases its repository
lock while a stage's command runs; `--wait-for-lock` queues the short sections that need it. Like
`dvc repro --keep-going`, a failed stage stops only what depends on it.

Before DVC runs anything, params.yaml is checked (what reaches a stage's command line included)
and every `data.files` entry is read with its format's validating reader: DVC deletes a stage's
outputs before running it, so a file the data stage would reject must not get that far.

Each `dvc repro` runs in its own process group. SIGINT, SIGTERM or SIGHUP to this process is
passed on to every group (the `dvc` and the stage it runs), it waits for them to clean up, kills
what is left after STOP_GRACE_S, and exits 128 + the signal. Were this process killed outright
(SIGKILL), each `dvc` gets SIGTERM from the kernel (PR_SET_PDEATHSIG) and its stage in turn.

Usage: python -m emguard.repro [--jobs N]   (N defaults to params.yaml compute.jobs)
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Collection
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from emguard import checks
from emguard.config import Params, ParamsError, load_params
from emguard.data.formats import DataFormatError
from emguard.registry import UnknownNameError
from emguard.rl.config import rl_params

LOG_DIR = Path("logs/repro")  # one log per stage run: <stage>.log
TAIL_LINES = 25  # lines of a failed stage's log printed to the terminal
STOP_GRACE_S = 30  # how long interrupted stages get to clean up before SIGKILL


@dataclass
class Outcome:
    done: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # an upstream stage failed


def pipeline() -> tuple[nx.DiGraph, set[str]]:
    """dvc.yaml's stages by name (an edge runs from a stage to each stage whose outputs it reads)
    and the stages to run: what `dvc status` finds changed, plus everything downstream of it (DVC
    skips those it finds unchanged once their upstream has run). One Repo: one index build."""
    from dvc.repo import Repo

    with Repo() as repo:
        graph = nx.relabel_nodes(repo.index.graph, {stage: stage.addressing for stage in repo.index.graph})
        changed = set(repo.status())
    return graph, changed.union(*(nx.ancestors(graph, name) for name in changed))


def schedule(
    graph: nx.DiGraph,
    todo: Collection[str],
    jobs: int,
    run_stage: Callable[[str], bool],
    report: Callable[[str, str, float], None] = lambda stage, status, seconds: None,
) -> Outcome:
    """Run each stage of `todo` once its upstream stages in `todo` have succeeded, `jobs` at once.

    Stages that unlock the most others start first, so the fits the study fans out from come early.
    """
    todo = set(todo)
    waiting_on = {s: set(graph.successors(s)) & todo for s in todo}
    priority = {s: (-len(nx.ancestors(graph, s) & todo), s) for s in todo}
    outcome = Outcome()
    running: dict[Future, tuple[str, float]] = {}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        while waiting_on or running:
            ready = sorted((s for s, ups in waiting_on.items() if not ups), key=priority.__getitem__)
            for stage in ready[: jobs - len(running)]:
                del waiting_on[stage]
                running[pool.submit(run_stage, stage)] = (stage, time.monotonic())
            if not running:  # nothing can start (only in a cyclic graph, which DVC refuses): never spin
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                stage, started = running.pop(future)
                ok = _succeeded(future)
                report(stage, "ok" if ok else "FAILED", time.monotonic() - started)
                if ok:
                    outcome.done.append(stage)
                    for downstream in graph.predecessors(stage):
                        waiting_on.get(downstream, set()).discard(stage)
                else:
                    outcome.failed.append(stage)
                    for downstream in sorted(nx.ancestors(graph, stage) & waiting_on.keys()):
                        del waiting_on[downstream]
                        outcome.skipped.append(downstream)
    return outcome


def _succeeded(future: Future) -> bool:
    try:
        return bool(future.result())
    except Exception as err:  # the runner itself broke (e.g. dvc missing): that stage failed
        print(f"error: {err}", file=sys.stderr)
        return False


def log_path(stage: str) -> Path:
    return LOG_DIR / f"{stage.replace('/', '_')}.log"


SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)  # each stops the run


class Interrupted(KeyboardInterrupt):
    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _child_setup() -> Callable[[], None]:
    """What a child runs before exec: default signal dispositions and an empty signal mask (a runner
    started under `nohup`, a CI job that ignores or blocks SIGTERM, passes both down through exec,
    and a `dvc` ignoring SIGTERM could never be stopped), then, on Linux, SIGTERM from the kernel
    if this process dies (PR_SET_PDEATHSIG)."""
    prctl = None
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here, not in the forked child

    def setup() -> None:
        for sig in SIGNALS:
            signal.signal(sig, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        if prctl is not None:
            prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG

    return setup


class Children:
    """The process groups of the running `dvc` calls, so that a signal here reaches them all."""

    def __init__(self) -> None:
        self.lock = threading.RLock()  # re-entered by a signal handler in the thread holding it
        self.groups: set[int] = set()
        self.stopping = False

    def run(self, cmd: list[str], **kwargs) -> int:
        """Run `cmd` in a new process group; its exit code."""
        with self.lock:
            if self.stopping:
                return -signal.SIGTERM
            proc = subprocess.Popen(cmd, start_new_session=True, preexec_fn=_child_setup(), **kwargs)
            self.groups.add(proc.pid)
        code = proc.wait()
        with self.lock:
            if not self.stopping:  # stopping: its stage may outlive `dvc`, wait_gone watches the group
                self.groups.discard(proc.pid)
        return code

    def signal(self, signum: int) -> None:
        with self.lock:
            for group in list(self.groups):
                try:
                    os.killpg(group, signum)
                except ProcessLookupError:
                    self.groups.discard(group)

    def interrupt(self, signum: int, grace: float) -> None:
        """Pass `signum` on to every group and start no more; SIGKILL what is left `grace` seconds
        later (at once on a second call)."""
        first, self.stopping = not self.stopping, True
        self.signal(signum if first else signal.SIGKILL)
        if first:
            timer = threading.Timer(grace, self.signal, [signal.SIGKILL])
            timer.daemon = True
            timer.start()

    def wait_gone(self, timeout: float) -> bool:
        """Wait until every group has no process left; False if some still had one at `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            self.signal(0)  # drops the groups that are gone
            if not self.groups or time.monotonic() > deadline:
                return not self.groups
            time.sleep(0.05)


CHILDREN = Children()


def dvc_stage(stage: str) -> bool:
    """`dvc repro --single-item <stage>`, its output in logs/repro/<stage>.log."""
    log = log_path(stage)
    log.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "dvc", "--wait-for-lock", "repro", "--single-item", stage]
    with log.open("w", encoding="utf-8") as out:
        return CHILDREN.run(cmd, stdout=out, stderr=subprocess.STDOUT) == 0


def print_progress(total: int) -> Callable[[str, str, float], None]:
    count = 0

    def report(stage: str, status: str, seconds: float) -> None:
        nonlocal count
        count += 1
        print(f"[{count:>{len(str(total))}}/{total}] {status:<6} {stage} ({seconds:.0f} s)", flush=True)
        if status != "ok":
            lines = log_path(stage).read_text(encoding="utf-8", errors="replace").splitlines()
            print("\n".join(f"    {line}" for line in lines[-TAIL_LINES:]), flush=True)

    return report


def check_data_files(params: Params) -> None:
    """Read every `data.files` entry with its format's validating reader, as the data stage will."""
    from emguard.data.catalog import check_file_keys, dataset_formats, read_replacements

    check_file_keys(params.data.files, params.data.poisons, params.data.benign_tasks)
    read_replacements(params.data.files, dataset_formats(params.data.poisons, params.data.benign_tasks))


def preflight() -> Params:
    """Everything that can be checked before DVC deletes an output or runs a command line."""
    params = load_params()
    checks.check_shell_safe(params)  # params that reach dvc.yaml command lines
    rl_params(params)  # the RL arm's block: a bad cell, reward or remedy name would fail only its stage
    check_data_files(params)
    return params


def _on_signal(signum: int, frame: object) -> None:
    first = not CHILDREN.stopping
    CHILDREN.interrupt(signum, STOP_GRACE_S)
    if first:
        raise Interrupted(signum)


def run_pipeline(jobs: int) -> int:
    graph, todo = pipeline()
    print(f"{len(todo)} of {len(graph)} stages to check, {jobs} at a time; logs in {LOG_DIR}/", flush=True)
    started = time.monotonic()
    outcome = schedule(graph, todo, jobs, dvc_stage, print_progress(len(todo)))
    print(
        f"{len(outcome.done)} stages ok, {len(outcome.failed)} failed, {len(outcome.skipped)} skipped "
        f"below a failure, in {(time.monotonic() - started) / 60:.1f} min",
        flush=True,
    )
    for stage in outcome.failed:
        print(f"failed: {stage} (log: {log_path(stage)})", file=sys.stderr)
    return 1 if outcome.failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--jobs", type=int, help="stages at once (default: params.yaml compute.jobs)")
    args = parser.parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        parser.error(f"--jobs must be at least 1, got {args.jobs}")
    try:
        params = preflight()
    except (ParamsError, DataFormatError, UnknownNameError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    previous = {sig: signal.signal(sig, _on_signal) for sig in SIGNALS}
    signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)
    try:
        return run_pipeline(params.compute.jobs if args.jobs is None else args.jobs)
    except Interrupted as err:
        print(
            f"interrupted by {signal.Signals(err.signum).name}: stopping the running stages", file=sys.stderr
        )
        return 128 + err.signum
    finally:
        if CHILDREN.groups and not CHILDREN.stopping:  # left by an unexpected error
            CHILDREN.interrupt(signal.SIGTERM, STOP_GRACE_S)
        CHILDREN.wait_gone(STOP_GRACE_S + 1)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


if __name__ == "__main__":
    sys.exit(main())
