"""Exact bytes across CPUs: the kernel pin makes every CPU-path choice the same on any x86-64 CPU.

A CI machine has one CPU, so the other CPUs are emulated by what differs between them: the kernel
paths torch, oneDNN and MKL would pick by themselves. Each child process trains and scores the tiny
model under one such environment; with the pin, all of them must write the same bytes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from emguard import kernels

CHILD = Path(__file__).parent / "fixtures" / "kernels_child.py"
# what other CPUs' libraries would choose: an older ISA everywhere, or MKL's own per-CPU dispatch
EMULATED = {
    "this CPU": {},
    "pre-AVX2 defaults": {
        "ATEN_CPU_CAPABILITY": "default",
        "ONEDNN_MAX_CPU_ISA": "SSE41",
        "MKL_CBWR": "SSE4_2",
    },
    "MKL auto dispatch": {"MKL_CBWR": "AUTO", "ONEDNN_MAX_CPU_ISA": "DEFAULT"},
}


def run_child(tmp_path: Path, name: str, env: dict[str, str]) -> dict:
    out = tmp_path / name.replace(" ", "-")
    out.mkdir()
    base = {k: v for k, v in os.environ.items() if k not in kernels.PORTABLE_ENV and k != "EMGUARD_KERNELS"}
    done = subprocess.run(
        [sys.executable, str(CHILD), str(out)],
        env={**base, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_all(tmp_path: Path, envs: dict[str, dict[str, str]]) -> dict[str, dict]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(run_child, tmp_path, name, env) for name, env in envs.items()}
        return {name: f.result() for name, f in futures.items()}


@pytest.mark.slow
def test_pinned_kernels_write_identical_bytes_under_every_emulated_cpu(tmp_path):
    results = run_all(tmp_path, EMULATED)
    reference = results["this CPU"]
    assert reference["env"]["cpu_capability"] == kernels.PORTABLE_CAPABILITY
    for name, result in results.items():
        assert result["files"] == reference["files"], name
        assert result["scores"] == reference["scores"], name


@pytest.mark.slow
def test_unpinned_kernel_choice_changes_the_bytes(tmp_path):
    """The control: the harness does see a kernel-path difference when nothing pins it."""
    native = {"EMGUARD_KERNELS": "native"}
    results = run_all(
        tmp_path,
        {
            "scalar": {**native, "ATEN_CPU_CAPABILITY": "default"},
            "avx2": {**native, "ATEN_CPU_CAPABILITY": "avx2"},
        },
    )
    assert results["scalar"]["files"] != results["avx2"]["files"]


def test_import_pins_the_environment_and_native_opts_out(monkeypatch):
    monkeypatch.setenv("ATEN_CPU_CAPABILITY", "avx512")
    monkeypatch.delenv("EMGUARD_KERNELS", raising=False)
    kernels.apply_portable_env()
    assert {k: os.environ[k] for k in kernels.PORTABLE_ENV} == kernels.PORTABLE_ENV
    monkeypatch.setenv("EMGUARD_KERNELS", "native")
    monkeypatch.setenv("ATEN_CPU_CAPABILITY", "avx512")
    kernels.apply_portable_env()
    assert os.environ["ATEN_CPU_CAPABILITY"] == "avx512"


def test_check_pinned_refuses_a_torch_running_other_kernels(monkeypatch):
    import torch

    monkeypatch.delenv("EMGUARD_KERNELS", raising=False)
    monkeypatch.setattr(torch.backends.cpu, "get_cpu_capability", lambda: "AVX512")
    with pytest.raises(kernels.KernelPinError, match="AVX512"):
        kernels.check_pinned()
    monkeypatch.setenv("EMGUARD_KERNELS", "native")
    assert kernels.check_pinned() == "AVX512"
