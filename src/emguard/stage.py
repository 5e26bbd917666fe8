"""The thin shell every stage shares: read params, report a bad one clearly, exit non-zero.

It also makes an interrupted stage clean up: SIGINT, SIGTERM and SIGHUP raise `Interrupted` (a
KeyboardInterrupt) where the stage is, so `finally` blocks and context managers run
(temporary outputs removed, the MLflow run ended as KILLED), and the stage exits 128 + the signal.
Under DVC (which sets DVC_STAGE), the stage also gets SIGTERM when DVC dies, whether DVC started it
directly or through a shell, so a killed `dvc repro` leaves no stage running on and writing outputs
DVC never records.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from emguard import kernels
from emguard.config import Params, ParamsError, load_params  # noqa: F401 (ParamsError re-exported for stages)
from emguard.data.formats import DataFormatError
from emguard.registry import UnknownNameError
from emguard.timing import record_stage

_STARTED = time.time()  # when the stage's imports began: the wall time each stage logs


def print_config(name: str, block: object) -> None:
    """Print the resolved config a stage runs with (the first thing in every stage log)."""
    data = block.model_dump() if hasattr(block, "model_dump") else block
    print(f"[{name}] resolved config:\n{yaml.safe_dump(data, sort_keys=True)}", flush=True)


def pin_threads(threads: int) -> None:
    """Fix torch's CPU thread count: float sums round differently with it, so results depend on it."""
    if threads <= 0:
        return
    os.environ["OMP_NUM_THREADS"] = str(threads)  # for a torch imported later
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(threads)


class Interrupted(KeyboardInterrupt):
    """A termination signal, raised in the main thread so cleanup code runs as for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _interrupt(signum: int, frame: object) -> None:
    for sig in _SIGNALS:  # a second signal must not cut the cleanup short (SIGKILL still does)
        signal.signal(sig, signal.SIG_IGN)
    raise Interrupted(signum)


def _die_with_parent() -> None:
    """Ask Linux to send SIGTERM when the parent dies; if a shell sits between DVC and this stage
    (DVC runs each command with $SHELL -c, and dash does not exec the last command), also watch DVC
    itself. Elsewhere do nothing."""
    if not (sys.platform.startswith("linux") and "DVC_STAGE" in os.environ):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    dvc = _dvc_pid()
    if dvc is not None and dvc != os.getppid():
        started = _started(dvc)
        threading.Thread(target=_watch, args=(dvc, started), name="watch-dvc", daemon=True).start()


def _proc_stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (state, ppid, ...), or None if gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _started(pid: int) -> str | None:
    """When `pid` started (clock ticks since boot), or None once it is gone or a zombie: a pid
    reused by a new process has another start time."""
    fields = _proc_stat(pid)
    return None if fields is None or fields[0] == "Z" else fields[19]


def _dvc_pid() -> int | None:
    """The nearest ancestor without DVC_STAGE in its environment: DVC sets it for the command it
    runs, so the shell and any launcher between DVC and this stage carry it and DVC does not."""
    pid = os.getppid()
    while pid > 1:
        try:
            env = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        except OSError:
            return None
        if not any(var.startswith(b"DVC_STAGE=") for var in env):
            return pid
        fields = _proc_stat(pid)
        if fields is None:
            return None
        pid = int(fields[1])
    return None


def _watch(pid: int, started: str | None, every_s: float = 0.2) -> None:
    """SIGTERM this stage once DVC is gone, as PR_SET_PDEATHSIG would were DVC the parent."""
    while started is not None and _started(pid) == started:
        time.sleep(every_s)
    os.kill(os.getpid(), signal.SIGTERM)


def handle_signals() -> None:
    """Turn SIGINT, SIGTERM and SIGHUP into `Interrupted`, a KeyboardInterrupt, even where the parent
    passed them down ignored (replaced here) or blocked (unblocked here)."""
    for sig in _SIGNALS:
        signal.signal(sig, _interrupt)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)
    _die_with_parent()


def run(main: Callable[[Params], None]) -> None:
    """Load params.yaml and call `main`; input errors end the stage with one readable line, a signal
    with one line and exit code 128 + its number."""
    status = "failed"
    handle_signals()
    try:
        params = load_params()
        pin_threads(params.compute.threads)
        kernels.check_pinned()  # exact bytes on any x86-64 CPU (emguard.kernels)
        print(f"[kernels] {kernels.describe()}", flush=True)
        kernels.deterministic_mode()
        main(params)
        status = "ok"
    except (ParamsError, DataFormatError, UnknownNameError, kernels.KernelPinError) as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt as err:
        signum = getattr(err, "signum", signal.SIGINT)
        status = "interrupted"
        print(f"interrupted by {signal.Signals(signum).name}", file=sys.stderr)
        sys.exit(128 + signum)
    finally:
        record_stage(sys.argv, _STARTED, time.time(), status)
