"""The thin shell every stage shares: read params, report a bad one clearly, exit non-zero.

It also makes an interrupted stage clean up: SIGINT, SIGTERM and SIGHUP raise `Interrupted` (a
KeyboardInterrupt) where the stage is, so `finally` blocks and context managers run
(temporary outputs removed, the MLflow run ended as KILLED), and the stage exits 128 + the signal.
Under DVC (which sets DVC_STAGE), the stage also gets SIGTERM when the process that started it dies,
so a killed `dvc repro` leaves no stage running on and writing outputs DVC never records.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import time
from collections.abc import Callable

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
    """Ask Linux to send SIGTERM when the parent (DVC) dies; elsewhere do nothing."""
    if sys.platform.startswith("linux") and "DVC_STAGE" in os.environ:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG


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
