"""The thin shell every stage shares: read params, report a bad one clearly, exit non-zero."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

import yaml

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


def run(main: Callable[[Params], None]) -> None:
    """Load params.yaml and call `main`; input errors end the stage with one readable line."""
    status = "failed"
    try:
        params = load_params()
        pin_threads(params.compute.threads)
        main(params)
        status = "ok"
    except (ParamsError, DataFormatError, UnknownNameError) as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(2)
    finally:
        record_stage(sys.argv, _STARTED, time.time(), status)
