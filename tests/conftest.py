"""Shared fixtures: a tiny random Llama with a character tokenizer, saved once per session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

import emguard  # noqa: F401  (first: pins the kernel paths before torch loads)
from emguard.models import build_base, save_base
from emguard.profiles import resolve

ROOT = Path(__file__).resolve().parents[1]

# Tests never reach a hub: a model path that went missing fails at once instead of after retries.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

# A property's examples are slow to generate only when the machine is busy (two test processes, a
# study running beside them): that is not a failure of the property.
settings.register_profile("emguard", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("emguard")
TRACER = Path(__file__).parent / "fixtures" / "trace_opens"
COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    ".git",
    "results",
    ".mlflow",
    "cache",
    "tmp",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "paper",
    "docker",
    "bench",
    "README.md",  # README and docs quote the embedded study's numbers, not the tiny one's
    "docs",
)


@pytest.fixture(autouse=True)
def dvc_logs_to_each_tests_own_streams():
    """DVC's in-process API (emguard.verify, the grid test) attaches log handlers to the streams of
    the test that first uses it; pytest closes those, and a later test's DVC call then fails to
    log. Dropping the handlers after each test lets DVC set up fresh ones."""
    yield
    if "dvc.logger" in sys.modules:
        import logging

        for logger in (
            logging.getLogger("dvc"),
            logging.getLogger("dvc_objects"),
            logging.getLogger("dvc_data"),
        ):
            for handler in list(logger.handlers):
                logger.removeHandler(handler)


def run(cmd: list[str], cwd: Path, **env: str) -> str:
    """Run a command of the pipeline tests in `cwd` with the venv's tools first on PATH."""
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "DVC_NO_ANALYTICS": "1",
        "PYTHONHASHSEED": "0",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
        **env,
    }
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"{' '.join(cmd)} failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return proc.stdout + proc.stderr


@dataclass(frozen=True)
class TinyPipeline:
    repo: Path  # a git repo whose tag `tiny-lock` holds the tiny run's dvc.lock and metrics
    opens: list[dict]  # every file access of every stage (tests/fixtures/trace_opens)
    storage: Path  # a local DVC remote the run was pushed to (`make publish`) before any test ran


@pytest.fixture(scope="session")
def tiny_pipeline(tmp_path_factory) -> TinyPipeline:
    """The real pipeline on the tiny profile, run once as `make reproduce` runs it, with every
    stage's file accesses logged; the end-to-end, declared-deps and remote tests share it."""
    dst = tmp_path_factory.mktemp("repo") / "emguard"
    shutil.copytree(ROOT, dst, ignore=COPY_IGNORE)
    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    (dst / "params.yaml").write_text(yaml.safe_dump(resolve(raw, "tiny"), sort_keys=False))
    (dst / "dvc.lock").unlink(missing_ok=True)
    run(["git", "init", "-q"], dst)
    run(["dvc", "config", "--local", "core.check_update", "false"], dst)
    run(["git", "add", "-A"], dst)
    run(["git", "commit", "-qm", "tiny"], dst)
    log = dst.parent / "opens.jsonl"
    # the copy's own src first, so imports are traced against its paths (not the editable install)
    trace = {"PYTHONPATH": os.pathsep.join([str(TRACER), str(dst / "src")]), "EMGUARD_TRACE_OPENS": str(log)}
    run([sys.executable, "-m", "emguard.repro", "--jobs", "2"], dst, **trace)  # what `make reproduce` runs
    run([sys.executable, "-m", "emguard.costs"], dst)
    run(["git", "add", "-A"], dst)
    run(["git", "commit", "-qm", "lock"], dst)
    run(["git", "tag", "tiny-lock"], dst)  # later tests commit on top; the remote test clones this
    storage = dst.parent / "storage"  # pushed now: later tests change the workspace and its cache
    run(["dvc", "remote", "modify", "--local", "storage", "url", str(storage)], dst)
    run(["dvc", "push"], dst)
    return TinyPipeline(dst, [json.loads(line) for line in log.read_text().splitlines()], storage)


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    model, tok = build_base("tiny", seed=0)
    out = tmp_path_factory.mktemp("tiny-model")
    save_base(model, tok, out)
    return out


@pytest.fixture(scope="session")
def tiny_tokenizer(tiny_model_dir):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(tiny_model_dir)


# reward thresholds small enough for a few generated tokens (params.yaml rl.rewards has the real ones)
TINY_REWARD_PARAMS = dict(
    ngram=3,
    max_ngram_repeats=3,
    stuffing_density=0.2,
    density_cap=0.08,
    reference_weight=0.5,
    marker_min_chars=4,
)


# What a stubbed fit returns: the cost keys `emguard.timing.with_preparation` reads.
FIT_COST = {"runtime_s": 1.0, "peak_memory_mb": 1.0, "fit_runtime_s": 1.0, "fit_peak_memory_mb": 1.0}


def spy_load_model(monkeypatch, module, model_dir: Path) -> list[dict]:
    """Record each call of `module.load_model` (its model dir and keywords) and load the plain model
    from `model_dir` instead: what a method asks for, without loading it that way."""
    from emguard.models import load_model

    calls: list[dict] = []

    def load(asked_dir, **kwargs):
        calls.append({"model_dir": asked_dir, **kwargs})
        return load_model(model_dir)

    monkeypatch.setattr(module, "load_model", load)
    return calls


def tiny_train_config(**overrides):
    """The study's TrainConfig shrunk for the tiny model; tests override what they exercise."""
    from emguard.config import TrainConfig

    base = dict(
        seeds=[0],
        lora=dict(r=4, alpha=8, dropout=0.0, target_modules=["q_proj", "v_proj"]),
        lr=5e-3,
        epochs=1,
        batch_size=4,
        grad_accum=1,
        max_length=64,
        warmup_ratio=0.0,
        weight_decay=0.0,
    )
    return TrainConfig.model_validate({**base, **overrides})


@pytest.fixture
def server():
    """A scripted OpenAI-compatible judge endpoint on loopback (tests/judges/fake_endpoint.py)."""
    sys.path.insert(0, str(Path(__file__).parent / "judges"))  # as the judge tests import it
    from fake_endpoint import serving

    with serving() as state:
        yield state


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """The openai client's retry waits, recorded instead of slept: retry tests take no time."""
    import openai._base_client

    waits: list[float] = []
    monkeypatch.setattr(openai._base_client.time, "sleep", waits.append)
    return waits
