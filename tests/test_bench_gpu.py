"""bench/gpu.py, the prepared GPU check: its arithmetic, its refusals, and its CPU run (tiny shape)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_gpu", ROOT / "bench" / "gpu.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


gpu = load_bench()


@pytest.mark.parametrize(
    ("name", "peak"),
    [
        ("NVIDIA H100 80GB HBM3", 989e12),  # H100 SXM
        ("NVIDIA H100 SXM5 80GB", 989e12),
        ("NVIDIA H200", 989e12),
        ("NVIDIA H200 NVL", None),  # a lower-clocked part: not known here
        ("NVIDIA H100 PCIe", None),
        ("NVIDIA A100-SXM4-80GB", None),
        ("cpu", None),
    ],
)
def test_peak_lookup_knows_h100_sxm_and_h200_only(name, peak):
    assert gpu.peak_bf16_flops(name) == peak


def test_lora_flops_and_mfu_by_hand():
    # 4*100*1000 (frozen body) + 4*10*400 (head, scored positions) + 6*2*1000 (LoRA) = 428,000
    assert gpu.lora_fit_flops(100, 10, 2, 1000, 400) == 428_000
    assert gpu.mfu(428_000, 2.0, 1e6) == pytest.approx(0.214)
    assert gpu.mfu(428_000, 2.0, None) is None


def test_mfu_of_a_qwen_05b_fit_by_hand():
    # Qwen2.5-0.5B: 357,897,216 decoder-layer and 136,134,656 head parameters; r=32 LoRA on the
    # seven projections: 24 * 32 * (2*(896+896) + 2*(896+128) + 3*(896+4864)) = 17,596,416.
    flops = gpu.lora_fit_flops(357_897_216, 136_134_656, 17_596_416, 100_000, 60_000)
    assert flops == 186_389_053_440_000
    h100 = gpu.peak_bf16_flops("NVIDIA H100 80GB HBM3")
    assert gpu.mfu(flops, 1.0, h100) == pytest.approx(0.188462, abs=1e-6)  # 1.8639e14 / 9.89e14


@given(
    flops=st.floats(1e3, 1e18),
    seconds=st.floats(1e-3, 1e4),
    peak=st.floats(1e9, 1e16),
)
def test_mfu_is_achieved_over_peak(flops, seconds, peak):
    assert gpu.mfu(flops, seconds, peak) * seconds * peak == pytest.approx(flops)


@given(st.lists(st.integers(0, 999), min_size=1, max_size=4), st.sampled_from(["", ".dev0", "rc1", "+cu130"]))
def test_release_reads_the_numeric_prefix(parts, suffix):
    assert gpu.release(".".join(map(str, parts)) + suffix) == tuple(parts)


def test_shapes_have_the_published_parameter_counts():
    torch = pytest.importorskip("torch")
    from transformers import AutoModelForCausalLM, Qwen2Config

    for shape, total in (("0.5b", 494_032_768), ("7b", 7_615_616_512)):
        with torch.device("meta"):
            config = Qwen2Config(**gpu.QWEN25_COMMON, **gpu.QWEN25_SHAPES[shape])
            model = AutoModelForCausalLM.from_config(config)
        assert sum(p.numel() for p in model.parameters()) == total, shape


def fake_versions(monkeypatch, **versions):
    def version(dist):
        if dist not in versions:
            raise importlib.metadata.PackageNotFoundError(dist)
        return versions[dist]

    monkeypatch.setattr(gpu.importlib.metadata, "version", version)


GOOD = {"transformers": "5.17.0", "peft": "0.21.2", "accelerate": "1.15.0", "trl": "1.16.0"}


def test_versions_that_fit_pass(monkeypatch):
    fake_versions(monkeypatch, **GOOD)
    assert gpu.version_problems() == []


@pytest.mark.parametrize(
    ("dist", "found", "says"),
    [
        ("transformers", "4.57.1", "transformers 4.57.1 found, 5.x needed"),
        ("transformers", "6.0.0", "transformers 6.0.0 found, 5.x needed"),
        ("peft", "0.12.0", "peft 0.12.0 found, >=0.13 needed"),
        ("accelerate", "1.10.0", "accelerate 1.10.0 found, >=1.10.1 needed"),
        ("trl", None, "trl is not installed"),
    ],
)
def test_a_version_that_does_not_fit_is_named(monkeypatch, dist, found, says):
    versions = {**GOOD, dist: found}
    fake_versions(monkeypatch, **{k: v for k, v in versions.items() if v is not None})
    problems = gpu.version_problems()
    assert len(problems) == 1 and problems[0].startswith(says)


def test_preflight_names_every_missing_wheel_in_one_line(monkeypatch):
    absent = {"trl", "datasets", "pydantic_core"}
    real = importlib.util.find_spec
    monkeypatch.setattr(gpu.importlib.util, "find_spec", lambda m: None if m in absent else real(m))
    with pytest.raises(SystemExit) as exit_:
        gpu.preflight()
    message = str(exit_.value)
    assert "\n" not in message
    assert "missing trl, datasets, pydantic-core" in message
    assert "bench/README.md" in message


PASSING = {
    "bit_identical": True,
    "fit": {"adapter_trained": True},
    "probes": {"finite": True},
    "judge": {"errors": 0},
}


@pytest.mark.parametrize(
    "broken",
    [
        {"bit_identical": False},
        {"fit": {"adapter_trained": False}},
        {"probes": {"finite": False}},
        {"judge": {"errors": 1}},
    ],
)
def test_each_broken_invariant_fails_the_run(broken):
    assert gpu.failures(PASSING) == []
    assert gpu.failures({**PASSING, "bit_identical": None}) == []  # the 7B shape fits once
    assert len(gpu.failures({**PASSING, **broken})) == 1


def test_readme_carries_every_wheel_the_preflight_checks():
    readme = (ROOT / "bench" / "README.md").read_text()
    for dist, _ in gpu.CARRIED:
        assert dist in readme, dist


def test_make_target_runs_the_script_with_device_and_shape():
    if shutil.which("make") is None:
        pytest.skip("no make")
    proc = subprocess.run(
        ["make", "-n", "bench-gpu", "DEVICE=cpu", "SHAPE=tiny"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert "bench/gpu.py --device cpu --shape tiny" in proc.stdout


@pytest.fixture(scope="module")
def cpu_run(tmp_path_factory) -> dict:
    """What `make bench-gpu DEVICE=cpu SHAPE=tiny` runs (~15 s of CPU)."""
    out = tmp_path_factory.mktemp("bench-gpu") / "gpu.json"
    cmd = [sys.executable, "bench/gpu.py", "--device", "cpu", "--shape", "tiny", "--out", str(out)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "bench-gpu tiny on cpu" in proc.stdout
    return json.loads(out.read_text())


@pytest.mark.slow
def test_cpu_run_reports_finite_positive_numbers(cpu_run):
    for key in ("tokens_per_s", "step_time_s", "peak_memory_mb", "generation_tokens_per_s"):
        assert math.isfinite(cpu_run[key]) and cpu_run[key] > 0, key
    for section, key in (("probes", "items_per_s"), ("judge", "prompts_per_s"), ("fit", "flops")):
        assert math.isfinite(cpu_run[section][key]) and cpu_run[section][key] > 0, section
    assert cpu_run["mfu"] is None and cpu_run["peak_bf16_flops"] is None  # no bf16 peak for a CPU
    assert cpu_run["fit"]["flops_formula"] == gpu.FLOPS_FORMULA


@pytest.mark.slow
def test_cpu_run_repeats_bit_identically_and_trains(cpu_run):
    assert cpu_run["bit_identical"] is True
    first, second = cpu_run["fit"]["adapter_sha256"]
    assert first == second and len(first) == 64
    assert cpu_run["fit"]["adapter_trained"] is True
    assert cpu_run["determinism"]["deterministic_algorithms"] is True


@pytest.mark.slow
def test_cpu_run_uses_the_profile_recipe_and_every_code_path(cpu_run):
    assert cpu_run["profile"] == "cuda-0.5b"
    assert cpu_run["recipe"]["lora"]["r"] == 32 and cpu_run["recipe"]["grad_accum"] == 8
    assert cpu_run["probes"]["finite"] is True
    assert cpu_run["judge"]["errors"] == 0
    assert cpu_run["generate"]["new_tokens"] > 0
