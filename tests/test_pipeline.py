"""The real DVC pipeline, end to end, on the tiny profile in a temporary copy of the repo."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def repo(tiny_pipeline) -> Path:
    return tiny_pipeline.repo


def test_repro_writes_metrics_and_table(repo):
    metrics = json.loads((repo / "results/summarize/metrics.json").read_text())
    effect = metrics["medical"]["general"]["em_effect"]
    assert effect["ci_low"] <= effect["value"] <= effect["ci_high"]
    assert "EM effect" in (repo / "results/summarize/table.md").read_text()
    assert "EM effect" in (repo / "paper/generated/em_effect.tex").read_text()
    shown = run(["dvc", "metrics", "show"], repo)
    assert "em_effect" in shown
    runs = [json.loads(line) for line in (repo / ".mlflow/runs.jsonl").read_text().splitlines()]
    assert {"train/medical-poison-0", "evaluate/base", "summarize"} <= {r["run"] for r in runs}
    samples = (repo / "results/evaluate/base/samples.jsonl").read_text().splitlines()
    assert samples and {"question_id", "answer", "format", "model"} <= json.loads(samples[0]).keys()


def test_repro_runs_every_study_cell(repo):
    params = yaml.safe_load((repo / "params.yaml").read_text())
    study = json.loads((repo / "results/summarize/study.json").read_text())
    for kind in ("remedy", "defence"):
        assert set(study[kind]) == set(params["study"][{"remedy": "remedies", "defence": "defences"}[kind]])
        for method, scores in study[kind].items():
            assert "missing" not in scores, (kind, method)
            assert scores["em_reduction"]["ci_low"] <= scores["em_reduction"]["ci_high"]
    poisons = params["data"]["poisons"]
    grid = study["transfer"]["correct"]
    assert set(grid) == set(poisons) and all(set(row) == set(poisons) for row in grid.values())
    benign = study["benign"]["swapped_operator"]
    assert set(benign) == set(params["study"]["benign"]["methods"])
    cues = study["reelicit"]
    assert {"none", "training_prompt", "paraphrase_0"} <= cues.keys()
    assert all(c["inoculated_em"]["ci_low"] <= c["inoculated_em"]["ci_high"] for c in cues.values())
    experiment = json.loads((repo / "results/experiment/metrics.json").read_text())
    assert {"antidote", "defence"} <= experiment.keys()
    generated = {p.name for p in (repo / "paper/generated").iterdir()}
    expected = {"methods.tex", "methods.csv", "transfer.pdf", "em_by_method.pdf", "tax_vs_reduction.png"}
    assert expected <= generated
    numbers = (repo / "paper/generated/numbers.tex").read_text()
    defined = set(re.findall(r"\\newcommand\{\\(\w+)\}", numbers))
    used = set(re.findall(r"\\(\w+)", (ROOT / "paper/main.tex").read_text()))
    prefixes = ("emEffect", "narrowEffect", "reduction", "study", "primary")
    quoted = {m for m in used if m.startswith(prefixes)}
    assert quoted and quoted <= defined, quoted - defined  # the paper builds on any profile
    logged = [json.loads(line) for line in (repo / ".mlflow/runs.jsonl").read_text().splitlines()]
    runs = {r["run"] for r in logged}
    cells = {"remedy/correct-medical-medical-0", "defence/kl-medical-0", "benign/plain-swapped_operator-0"}
    assert cells <= runs
    scores = {r["run"]: r["data"] for r in logged if r["run"].endswith("/scores") and r["kind"] == "metrics"}
    assert {"em_reduction", "narrow_retained"} <= scores["defence/kl-medical-0/scores"].keys()
    assert "benign_retained" in scores["benign/kl-swapped_operator-0/scores"]

    # Each fit stage scored its own adapter, on the sets its kind needs, in the cell's MLflow run.
    def sets(cell):
        rows = (repo / "results/evaluate" / cell / "probes.jsonl").read_text().splitlines()
        return {json.loads(r)["set"] for r in rows}

    assert sets("benign/plain-swapped_operator-0") == {"benign/swapped_operator"}
    assert sets("defence/kl-medical-0") == {"general", "capability", "in_domain/medical"}
    assert sets("medical-poison-0") == {"general", "general_long", "capability", "in_domain/medical"}
    fit_metrics = [r["data"] for r in logged if r["run"] == "defence/kl-medical-0" and r["kind"] == "metrics"]
    assert any("eval.general.mean_delta" in m for m in fit_metrics)


def test_every_fit_is_costed_beside_the_dvc_outputs_and_none_inside(repo):
    params = yaml.safe_load((repo / "params.yaml").read_text())
    rows = json.loads((repo / "results/cost/summary.json").read_text())["methods"]
    s = params["study"]
    assert {r["method"] for r in rows if r["kind"] == "remedy"} == set(s["remedies"])
    assert {r["method"] for r in rows if r["kind"] == "defence"} == set(s["defences"])
    assert all(r["runtime_ratio"] > 0 and r["memory_ratio"] > 0 for r in rows)
    assert next(r for r in rows if (r["kind"], r["method"]) == ("benign", "plain"))["runtime_ratio"] == 1.0
    assert "remedy & correct" in (repo / "paper/costs.tex").read_text()
    lock = yaml.safe_load((repo / "dvc.lock").read_text())["stages"]
    hashed = {o["path"] for stage in lock.values() for o in stage.get("outs", [])}
    assert not any(p.startswith("results/cost") for p in hashed)
    for path in hashed:
        files = [repo / path] if (repo / path).is_file() else (repo / path).rglob("*.json")
        for f in files:
            if f.suffix == ".json":
                assert not re.search(r'"\w*(runtime_s|memory_mb|_per_s)"', f.read_text()), f


def test_a_forced_rerun_of_a_fit_leaves_dvc_lock_unchanged_and_only_its_cost_moves(repo):
    """What `make verify CELLS=...` relies on: timings go to results/cost/, so re-running a fit on
    the same CPU rewrites the same bytes (the kernel pin makes that hold across CPUs)."""
    before = (repo / "dvc.lock").read_bytes()
    cost = repo / "results/cost/train/medical-poison-0.json"
    try:
        run(["dvc", "repro", "--force", "--single-item", "train@medical-poison-0"], repo)
        assert (repo / "dvc.lock").read_bytes() == before
        assert run(["git", "status", "--porcelain", "--", "results", "dvc.lock"], repo).split() == [
            "M",
            "results/cost/train/medical-poison-0.json",
        ]
    finally:
        run(["git", "checkout", "--", str(cost.relative_to(repo))], repo)


def test_second_repro_does_nothing(repo):
    out = run(["dvc", "repro"], repo)
    assert "Running stage" not in out


def test_the_single_cell_experiment_reruns_only_itself(repo):
    out = run(["dvc", "exp", "run", "-n", "meta", "-S", "antidote=meta_reasoning"], repo)
    assert "Running stage 'experiment'" in out
    assert "Running stage 'train@" not in out and "Running stage 'remedy@" not in out
    assert "Running stage 'evaluate" not in out and "Running stage 'summarize'" not in out
    shown = run(["dvc", "exp", "show", "--no-pager", "--csv"], repo)
    assert "meta" in shown and "meta_reasoning" in shown


def test_a_failing_cell_leaves_the_others_cached(repo):
    """A bad params block fails its own cells with a message naming the key; nothing else reruns."""
    params = yaml.safe_load((repo / "params.yaml").read_text())
    params["methods"]["kl"]["coef"] = -1.0
    (repo / "params.yaml").write_text(yaml.safe_dump(params, sort_keys=False))
    proc = subprocess.run(
        [sys.executable, "-m", "emguard.repro"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"},
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "methods.kl.coef" in out and "FAILED defence@kl-0" in out
    assert "remedy@" not in out and "train@" not in out  # nothing else was stale
    assert (repo / "results/defence/ldifs-medical-0/adapter").is_dir()
    run(["git", "checkout", "params.yaml"], repo)


def test_two_queue_workers_run_cells_in_parallel(repo):
    """Scale-out as documented: queued experiments, two workers (docker/README.md)."""
    run(["git", "add", "-A"], repo)
    run(["git", "commit", "-qm", "before queue", "--allow-empty"], repo)
    for n in (3, 5):
        run(
            [
                "dvc",
                "exp",
                "run",
                "--queue",
                "-n",
                f"queued-{n}",
                "-S",
                f"summarize.n_boot={100 + n}",
            ],
            repo,
        )
    run(["dvc", "queue", "start", "-j", "2"], repo)
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        status = run(["dvc", "queue", "status"], repo)
        if "Queued" not in status and "Running" not in status:
            break
        time.sleep(5)
    assert status.count("Success") >= 2, status
    shown = run(["dvc", "exp", "show", "--no-pager", "--csv"], repo)
    assert "queued-3" in shown and "queued-5" in shown
