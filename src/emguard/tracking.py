"""Run tracking behind one small interface: MLflow in real runs, disk or nothing in tests.

DVC metrics files stay the source of truth; MLflow mirrors them for browsing and comparison.

An MLflow run never stays RUNNING after its stage: an exception ends it FAILED, an interrupt
(Ctrl-C, or SIGTERM turned into one by emguard.stage) KILLED, and the next run that starts marks
KILLED the RUNNING runs whose process is gone (SIGKILL, power loss; each run is tagged with its
host and process id).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from emguard.config import TrackingConfig
from emguard.io import pid_alive

MLFLOW_DIR = ".mlflow"  # inside the repo, git-ignored
HOST_TAG, PID_TAG = "emguard.host", "emguard.pid"  # which process owns a run
_STARTED_MS = int(time.time() * 1000)


class MetricLogger(Protocol):
    def log_config(self, config: Mapping[str, Any]) -> None: ...
    def log_dict(self, metrics: Mapping[str, float], step: int | None = None) -> None: ...
    def log_artifact(self, path: Path) -> None: ...


def _flatten(d: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = v
    return out


class NullLogger:
    def log_config(self, config: Mapping[str, Any]) -> None:
        pass

    def log_dict(self, metrics: Mapping[str, float], step: int | None = None) -> None:
        pass

    def log_artifact(self, path: Path) -> None:
        pass


class DiskLogger:
    """Appends JSON lines to a file: what tests inspect instead of an MLflow store."""

    def __init__(self, path: Path, run_name: str) -> None:
        self.path, self.run_name = path, run_name
        path.parent.mkdir(parents=True, exist_ok=True)

    def _write(self, kind: str, payload: Any) -> None:
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps({"run": self.run_name, "kind": kind, "data": payload}, sort_keys=True) + "\n")

    def log_config(self, config: Mapping[str, Any]) -> None:
        self._write("config", _flatten(config))

    def log_dict(self, metrics: Mapping[str, float], step: int | None = None) -> None:
        self._write("metrics", dict(metrics))

    def log_artifact(self, path: Path) -> None:
        self._write("artifact", str(path))


class MLflowLogger:
    def __init__(self, mlflow_module: Any) -> None:
        self.mlflow = mlflow_module

    def log_config(self, config: Mapping[str, Any]) -> None:
        flat = {k: json.dumps(v) if isinstance(v, list) else v for k, v in _flatten(config).items()}
        self.mlflow.log_params({k: str(v)[:6000] for k, v in flat.items()})

    def log_dict(self, metrics: Mapping[str, float], step: int | None = None) -> None:
        numeric = {
            k: float(v) for k, v in metrics.items() if isinstance(v, int | float) and not isinstance(v, bool)
        }
        self.mlflow.log_metrics(numeric, step=step)

    def log_artifact(self, path: Path) -> None:
        self.mlflow.log_artifact(str(path))


def tracking_uri(root: Path) -> str:
    """Absolute sqlite URI under the repo root (DVC may change the working directory)."""
    return os.environ.get("MLFLOW_TRACKING_URI") or f"sqlite:///{(root / MLFLOW_DIR / 'mlflow.db').resolve()}"


@contextlib.contextmanager
def start_run(
    cfg: TrackingConfig, run_name: str, tags: Mapping[str, str], root: Path | None = None
) -> Iterator[MetricLogger]:
    """A logger for one stage cell; an MLflow run is opened and closed around the block."""
    root = root or Path.cwd()
    if cfg.backend == "none":
        yield NullLogger()
        return
    if cfg.backend == "disk":
        yield DiskLogger(root / MLFLOW_DIR / "runs.jsonl", run_name)
        return
    import mlflow
    from filelock import FileLock

    (root / MLFLOW_DIR).mkdir(exist_ok=True)
    mlflow.set_tracking_uri(tracking_uri(root))
    # `make reproduce` runs stages side by side: the first to open a new store creates its tables
    # and the experiment while the others wait.
    with FileLock(root / MLFLOW_DIR / "setup.lock"):
        if mlflow.get_experiment_by_name(cfg.experiment) is None:
            artifacts = (root / MLFLOW_DIR / "artifacts").resolve().as_uri()
            mlflow.create_experiment(cfg.experiment, artifact_location=artifacts)
    experiment = mlflow.set_experiment(cfg.experiment)
    end_stale_runs(mlflow.MlflowClient(), experiment.experiment_id, run_name)
    owner = {HOST_TAG: socket.gethostname(), PID_TAG: str(os.getpid())}
    with mlflow.start_run(run_name=run_name, tags={**tags, **owner}):
        try:
            yield MLflowLogger(mlflow)
        except KeyboardInterrupt:
            mlflow.end_run("KILLED")
            raise


def _orphaned(run: Any, run_name: str) -> bool:
    """Its process, on this machine, is gone. A run from before runs carried their process id
    counts as orphaned if it has this run's name and began before this process."""
    tags = run.data.tags
    if tags.get(PID_TAG, "").isdigit():
        return tags.get(HOST_TAG) == socket.gethostname() and not pid_alive(int(tags[PID_TAG]))
    return run.info.run_name == run_name and run.info.start_time < _STARTED_MS


def end_stale_runs(client: Any, experiment_id: str, run_name: str) -> list[str]:
    """Mark KILLED the RUNNING runs whose stage was killed outright (SIGKILL, power loss), found
    when `run_name` starts (any later stage does it); returns their ids."""
    running = client.search_runs([experiment_id], "attributes.status = 'RUNNING'")
    stale = [run for run in running if _orphaned(run, run_name)]
    for run in stale:
        client.set_terminated(run.info.run_id, status="KILLED")
    return [run.info.run_id for run in stale]
