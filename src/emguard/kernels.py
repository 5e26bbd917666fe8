"""Pin the numerical kernel paths, so one seed gives the same bytes on every x86-64 CPU.

A float sum depends on the order and width of the vector instructions that compute it, and each
CPU library picks those by the processor it finds: torch's own kernels (ATen: scalar, AVX2 or
AVX-512), oneDNN (up to AVX-512 and AMX) and MKL's BLAS (its code path per CPU model). Left to
choose, an Intel CPU with AMX, an AMD CPU with AVX-512 and one with AVX2 only write different
adapters from the same seed. All three are capped at AVX2, which every x86-64 server CPU since
2015 has, and compute stays float32: bf16 on CPU rounds differently per ISA (see docs/).

The variables are read when torch loads its libraries, so `emguard/__init__.py` applies them on
import, before any torch import in a stage. `EMGUARD_KERNELS=native` keeps the machine's
defaults, for speed experiments whose outputs need not match dvc.lock.
"""

from __future__ import annotations

import os
import sys

PORTABLE_ENV = {
    "ATEN_CPU_CAPABILITY": "avx2",  # torch's vectorised kernels (elementwise, reductions, softmax)
    "ONEDNN_MAX_CPU_ISA": "AVX2",  # oneDNN matmul/conv: no AVX-512, no AMX
    "MKL_CBWR": "AVX2,STRICT",  # MKL's conditional numerical reproducibility: one code path
}
PORTABLE_CAPABILITY = "AVX2"  # what torch.backends.cpu.get_cpu_capability() reports when pinned


class KernelPinError(RuntimeError):
    """The kernel pin could not take effect (torch was imported before emguard)."""


def native_requested() -> bool:
    return os.environ.get("EMGUARD_KERNELS", "portable") == "native"


def apply_portable_env() -> None:
    """Set the portable kernel variables, overriding any inherited value (unless native)."""
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")  # deterministic cuBLAS, read at CUDA start
    if native_requested():
        return
    os.environ.update(PORTABLE_ENV)


def check_pinned() -> str:
    """The CPU capability torch runs with; raises when the pin did not take effect. A stage that
    has not loaded torch yet loads it under the pin, so there is nothing to check."""
    torch = sys.modules.get("torch")
    if torch is None:
        return "not loaded"
    capability = torch.backends.cpu.get_cpu_capability()
    if not native_requested() and capability != PORTABLE_CAPABILITY:
        raise KernelPinError(
            f"torch runs {capability} kernels, not {PORTABLE_CAPABILITY}: torch was imported before "
            "emguard, so results would not match dvc.lock; import emguard first"
        )
    return capability


def deterministic_mode() -> None:
    """Refuse non-deterministic algorithms: on a GPU, the same model and driver give the same bits."""
    torch = sys.modules.get("torch")
    if torch is not None and torch.cuda.is_available():
        torch.use_deterministic_algorithms(True)
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False


def seeded(seed: int) -> None:
    """Seed every generator and refuse non-deterministic kernels. Unlike transformers'
    enable_full_determinism, it leaves CUDA_LAUNCH_BLOCKING alone: serialising every kernel launch
    changes no bits and costs GPU throughput."""
    from transformers import set_seed

    set_seed(seed, deterministic=True)
    deterministic_mode()


def describe() -> dict[str, str]:
    """What a stage ran with, for its log: the pin in effect and torch's kernel capability."""
    torch = sys.modules.get("torch")
    info = {k: os.environ.get(k, "") for k in PORTABLE_ENV}
    info["kernels"] = "native" if native_requested() else "portable"
    if torch is not None:
        info["cpu_capability"] = torch.backends.cpu.get_cpu_capability()
    return info
