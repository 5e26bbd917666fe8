"""The parallel stage runner behind `make reproduce`: DAG order, failures, and a real DVC project."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import networkx as nx
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard import checks, config, repro

ROOT = Path(__file__).resolve().parents[1]


@st.composite
def dags(draw) -> tuple[nx.DiGraph, set[str]]:
    """A random stage graph (edge: stage -> a stage it reads from) and the stages that fail."""
    n = draw(st.integers(1, 12))
    names = [f"s{i}" for i in range(n)]
    graph = nx.DiGraph()
    graph.add_nodes_from(names)
    for i in range(n):
        for j in range(i):  # only to earlier stages: acyclic
            if draw(st.booleans()):
                graph.add_edge(names[i], names[j])
    failing = set(draw(st.lists(st.sampled_from(names), max_size=3)))
    return graph, failing


class Recorder:
    """A fake `dvc repro -s`: records start and end order, checks the concurrency limit."""

    def __init__(self, graph: nx.DiGraph, failing: set[str], jobs: int) -> None:
        self.graph, self.failing, self.jobs = graph, failing, jobs
        self.lock = threading.Lock()
        self.started: list[str] = []
        self.finished_ok: set[str] = set()
        self.active = 0
        self.max_active = 0

    def __call__(self, stage: str) -> bool:
        with self.lock:
            assert stage not in self.started, f"{stage} ran twice"
            for upstream in self.graph.successors(stage):
                assert upstream in self.finished_ok, f"{stage} started before {upstream} succeeded"
            self.started.append(stage)
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        time.sleep(0.001)
        with self.lock:
            self.active -= 1
            ok = stage not in self.failing
            if ok:
                self.finished_ok.add(stage)
        return ok


@settings(max_examples=60, deadline=None)
@given(dags(), st.integers(1, 3))
def test_schedule_respects_the_graph_and_stops_only_below_failures(case, jobs):
    graph, failing = case
    runner = Recorder(graph, failing, jobs)
    outcome = repro.schedule(graph, set(graph), jobs, runner)
    ran = set(runner.started)
    assert runner.max_active <= jobs
    assert ran == {s for s in graph if not nx.descendants(graph, s) & failing}  # nothing failed upstream
    assert set(outcome.failed) == ran & failing
    assert set(outcome.done) == ran - failing
    assert set(outcome.skipped) == set(graph) - ran
    assert not set(outcome.skipped) & set(outcome.done)


def test_schedule_runs_independent_stages_side_by_side():
    graph = nx.DiGraph()
    graph.add_edges_from([("a", "root"), ("b", "root"), ("c", "a"), ("c", "b")])
    barrier = threading.Barrier(2, timeout=5)

    def run_stage(stage: str) -> bool:
        if stage in ("a", "b"):
            barrier.wait()  # would time out if a and b ran one after the other
        return True

    outcome = repro.schedule(graph, set(graph), 2, run_stage)
    assert outcome.done[0] == "root" and outcome.done[-1] == "c" and not outcome.failed


def test_schedule_only_touches_the_stages_asked_for():
    graph = nx.DiGraph()
    graph.add_edges_from([("b", "a"), ("c", "b")])
    seen: list[str] = []
    outcome = repro.schedule(graph, {"b", "c"}, 2, lambda s: seen.append(s) or True)
    assert seen == ["b", "c"] and outcome.done == ["b", "c"]


def test_a_runner_that_raises_fails_its_stage_only():
    graph = nx.DiGraph()
    graph.add_edges_from([("b", "a"), ("c", "x")])

    def run_stage(stage: str) -> bool:
        if stage == "a":
            raise OSError("dvc not found")
        return True

    outcome = repro.schedule(graph, set(graph), 1, run_stage)
    assert outcome.failed == ["a"] and outcome.skipped == ["b"] and sorted(outcome.done) == ["c", "x"]


def test_bad_jobs_is_refused(capsys):
    with pytest.raises(SystemExit):
        repro.main(["--jobs", "-1"])
    assert "--jobs must be at least 1" in capsys.readouterr().err


DVC_YAML = """\
stages:
  base:
    cmd: python -c "open('base.txt', 'w').write('b')"
    outs: [base.txt]
  leaf:
    foreach: [x, y]
    do:
      cmd: >-
        python -c "import time; time.sleep(1);
        open('${item}.txt', 'w').write(open('base.txt').read() + '${item}')"
      deps: [base.txt]
      outs: ['${item}.txt']
  broken:
    cmd: python -c "raise SystemExit('broken on purpose')"
    deps: [base.txt]
    outs: [broken.txt]
  below_broken:
    cmd: python -c "open('never.txt', 'w')"
    deps: [broken.txt]
    outs: [never.txt]
  join:
    cmd: python -c "open('join.txt', 'w').write(open('x.txt').read() + open('y.txt').read())"
    deps: [x.txt, y.txt]
    outs: [join.txt]
"""


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "DVC_NO_ANALYTICS": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_a_real_dvc_project_runs_two_at_a_time_and_leaves_a_clean_lock(tmp_path):
    (tmp_path / "dvc.yaml").write_text(DVC_YAML)
    (tmp_path / "params.yaml").write_text((ROOT / "params.yaml").read_text())  # passes the preflight
    for cmd in (["git", "init", "-q"], ["dvc", "init", "-q"], ["dvc", "config", "core.autostage", "true"]):
        assert _run(cmd, tmp_path).returncode == 0
    proc = _run([sys.executable, "-m", "emguard.repro", "--jobs", "2"], tmp_path)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "FAILED broken" in out and "broken on purpose" in out  # its log's tail is printed
    assert "1 failed, 1 skipped" in out
    assert (tmp_path / "join.txt").read_text() == "bxby"
    assert not (tmp_path / "never.txt").exists()
    status = _run(["dvc", "status", "--json"], tmp_path).stdout
    assert '"base"' not in status and '"join"' not in status and '"leaf@x"' not in status
    assert '"broken"' in status  # still stale: the next run retries it
    # fixed, a second run does only the failed stage and what it unblocks
    fixed = DVC_YAML.replace("raise SystemExit('broken on purpose')", "open('broken.txt', 'w')")
    (tmp_path / "dvc.yaml").write_text(fixed)
    proc = _run([sys.executable, "-m", "emguard.repro", "--jobs", "2"], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 of 6 stages to check" in proc.stdout
    assert _run(["dvc", "status", "-q"], tmp_path).returncode == 0


def test_zero_jobs_is_refused_not_read_as_the_default(capsys):
    with pytest.raises(SystemExit):
        repro.main(["--jobs", "0"])
    assert "--jobs must be at least 1, got 0" in capsys.readouterr().err


# --- the preflight: what is checked before DVC deletes an output or runs a command ------------

GOOD_CHAT = '{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}\n'


def _project_with_files(tmp_path: Path, monkeypatch, files: dict[str, str]) -> None:
    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    raw["data"]["files"] = files
    (tmp_path / "params.yaml").write_text(yaml.safe_dump(raw))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(repro, "pipeline", lambda: pytest.fail("DVC ran before the preflight refused"))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "data.files.medical/poison: no such file: bad.jsonl"),
        (GOOD_CHAT + '{"oops"\n', "bad.jsonl:2"),
    ],
    ids=["missing", "malformed"],
)
def test_a_file_the_data_stage_would_reject_stops_repro_before_dvc(
    tmp_path, monkeypatch, capsys, content, expected
):
    if content is not None:
        (tmp_path / "bad.jsonl").write_text(content)
    _project_with_files(tmp_path, monkeypatch, {"medical/poison": "bad.jsonl"})
    assert repro.main(["--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_the_shell_safety_check_runs_before_dvc(tmp_path, monkeypatch, capsys):
    _project_with_files(tmp_path, monkeypatch, {})
    seen = []

    def refuse(params, *rest):
        seen.append(params)
        raise config.ParamsError("params.yaml: launcher: not a launcher emguard knows")

    monkeypatch.setattr(checks, "check_shell_safe", refuse)
    assert repro.main(["--jobs", "1"]) == 2
    assert seen and "launcher: not a launcher" in capsys.readouterr().err


def test_a_bad_rl_block_stops_repro_before_dvc(tmp_path, monkeypatch, capsys):
    """The RL arm's block is untyped in Params: the preflight validates it, so a typo in a remedy's
    name fails in a second, not after the RL cells have run."""
    _project_with_files(tmp_path, monkeypatch, {})
    raw = yaml.safe_load((tmp_path / "params.yaml").read_text())
    raw["rl"]["remedies"] = ["corect"]
    (tmp_path / "params.yaml").write_text(yaml.safe_dump(raw))
    assert repro.main(["--jobs", "1"]) == 2
    assert (
        "rl.remedies[0]: 'corect' is not a block of methods; did you mean 'correct'"
        in capsys.readouterr().err
    )
