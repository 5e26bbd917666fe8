"""Run tracking behind one small interface: MLflow in real runs, disk or nothing in tests.

DVC metrics files stay the source of truth; MLflow mirrors them for browsing and comparison.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from emguard.config import TrackingConfig

MLFLOW_DIR = ".mlflow"  # inside the repo, git-ignored


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
    mlflow.set_experiment(cfg.experiment)
    with mlflow.start_run(run_name=run_name, tags=dict(tags)):
        yield MLflowLogger(mlflow)
