"""The RL arm in the real DVC pipeline, on the tiny profile (the session's `tiny_pipeline`)."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
import yaml

from conftest import run

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def repo(tiny_pipeline) -> Path:
    return tiny_pipeline.repo


@pytest.fixture(scope="module")
def rl(repo) -> dict:
    return yaml.safe_load((repo / "params.yaml").read_text())["rl"]


def cells(rl: dict) -> list[str]:
    return [f"{c}-{k}" for c in rl["grid"] for k in rl["seeds"]]


def sets(repo: Path, cell: str) -> set[str]:
    rows = (repo / "results/rl" / cell / "evaluate/probes.jsonl").read_text().splitlines()
    return {json.loads(r)["set"] for r in rows}


def steps(rl: dict, cell: str) -> int:
    """An interleaved cell steps more, to see as many prompts of its own task in expectation."""
    mix = rl["cells"][cell.rsplit("-", 1)[0]].get("interleave")
    return rl["steps"] if mix is None else math.ceil(rl["steps"] / (1 - mix["fraction"]))


def test_every_rl_cell_trained_answered_held_out_prompts_and_was_scored(repo, rl):
    assert len(cells(rl)) >= 4
    assert steps(rl, "medical_interleave-0") > rl["steps"]
    for cell in cells(rl):
        out = repo / "results/rl" / cell
        assert (out / "adapter/adapter_model.safetensors").is_file()
        metrics = json.loads((out / "metrics.json").read_text())
        assert [s["step"] for s in metrics["history"]] == list(range(1, steps(rl, cell) + 1))
        assert metrics["completions"] == steps(rl, cell) * rl["prompts_per_step"] * rl["num_generations"]
        assert (
            metrics["heldout"]["n"] == rl["n_eval"] == len((out / "heldout.jsonl").read_text().splitlines())
        )
        assert 0 <= metrics["heldout"]["hack_rate"] <= 1
        assert (out / "evaluate.summary.json").is_file()
    assert sets(repo, "medical_poison-0") == {"general", "capability", "in_domain/medical"}
    assert sets(repo, "hacking_poison-0") == {"general", "capability"}
    runs = {json.loads(line)["run"] for line in (repo / ".mlflow/runs.jsonl").read_text().splitlines()}
    assert {f"rl/{c}" for c in cells(rl)} | {"summarize_rl"} <= runs


def test_rl_json_has_each_poisons_effect_with_its_interval(repo, rl):
    summary = json.loads((repo / "results/summarize/rl.json").read_text())
    assert list(summary["poisons"]) == ["hacking_poison", "medical_poison"]
    for poison in summary["poisons"].values():
        effect = poison["general"]["em_effect"]
        assert effect["ci_low"] <= effect["value"] <= effect["ci_high"]
        assert 0 <= poison["heldout"]["hack_rate"]["poison"] <= 1
    assert "em_effect" in summary["poisons"]["medical_poison"]["in_domain"]
    assert list(summary["poisons"]["medical_poison"]["defences"]) == ["medical_interleave"]
    assert list(summary["plain"]) == ["benign_plain"]
    assert list(summary["plain"]["benign_plain"]["defences"]) == ["benign_kl"]
    assert "hacking_poison" in (repo / "results/summarize/rl.md").read_text()
    assert "rl.json" in run(["dvc", "metrics", "show"], repo)


def test_rl_costs_are_written_beside_the_dvc_outputs_and_none_inside(repo, rl):
    for cell in cells(rl):
        cost = json.loads((repo / "results/cost/rl" / f"{cell}.json").read_text())
        assert cost["runtime_s"] > 0 and cost["peak_memory_mb"] > 0 and cost["machine"]
        assert 0 < cost["generate_s"] < cost["runtime_s"]
        assert set(cost["steps"]) == {str(s) for s in range(1, steps(rl, cell) + 1)}
        for f in (repo / "results/rl" / cell).rglob("*.json"):
            assert not re.search(r'"\w*(runtime_s|memory_mb|_per_s|generate_s|step_s)"', f.read_text()), f


def test_a_forced_rerun_of_an_rl_cell_leaves_dvc_lock_unchanged(repo):
    before = (repo / "dvc.lock").read_bytes()
    cost = "results/cost/rl/hacking_poison-0.json"
    try:
        run(["dvc", "repro", "--force", "--single-item", "rl@hacking_poison-0"], repo)
        assert (repo / "dvc.lock").read_bytes() == before
        assert run(["git", "status", "--porcelain", "--", "results", "dvc.lock"], repo).split() == ["M", cost]
    finally:
        run(["git", "checkout", "--", cost], repo)


def test_an_rl_param_reruns_only_the_rl_arm_and_the_report(repo):
    out = run(["dvc", "exp", "run", "--temp", "-n", "rl-steps", "-S", "rl.steps=1"], repo)
    ran = set(re.findall(r"Running stage '([^'@]+)", out))
    # The SFT twins see steps x prompts_per_step examples: they re-run. A remedy re-runs only if the
    # RL adapter it treats changed, and on the tiny model it may not: a reward without spread in
    # every group gives GRPO no gradient, so the adapter keeps its initial bytes.
    assert (
        {"rl", "rl_sft", "summarize_rl", "report"}
        <= ran
        <= {"rl", "rl_remedy", "rl_sft", "summarize_rl", "report"}
    ), out[-3000:]


def test_remedies_after_rl_and_sft_twins_were_fitted_scored_and_summarized(repo, rl):
    for name in [f"{m}-{c}-{k}" for m in rl["remedies"] for c in rl["remedy_cells"] for k in rl["seeds"]]:
        out = repo / "results/rl_remedy" / name
        assert (out / "adapter/adapter_model.safetensors").is_file() and (out / "metrics.json").is_file()
        assert (out / "evaluate.summary.json").is_file()
        assert json.loads((repo / "results/cost/rl_remedy" / f"{name}.json").read_text())["runtime_s"] > 0
    twins = [f"{t}-{c}-{k}" for t in rl["sft_tasks"] for c in ("poison", "control") for k in rl["seeds"]]
    for name in twins:
        metrics = json.loads((repo / "results/rl_sft" / name / "metrics.json").read_text())
        assert metrics["examples"] == rl["steps"] * rl["prompts_per_step"]
        rows = (repo / "results/rl_sft" / name / "evaluate/probes.jsonl").read_text().splitlines()
        assert {json.loads(r)["set"] for r in rows} == {"general", "capability", "in_domain/medical"}
    medical = json.loads((repo / "results/summarize/rl.json").read_text())["poisons"]["medical_poison"]
    assert list(medical["remedies"]) == rl["remedies"]
    assert medical["sft_matched"]["n_examples"] == rl["steps"] * rl["prompts_per_step"]
    assert "RL vs SFT at as many examples seen" in (repo / "results/summarize/rl.md").read_text()
