"""`make verify` (emguard.verify): exact values exactly, timings within a factor, on a one-stage DVC repo."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from emguard import verify

ROOT = Path(__file__).resolve().parents[1]
WRITER = """import json, random, sys
from pathlib import Path
Path("out").mkdir(exist_ok=True)
metrics = {"probe": {"general": {"mean_delta": 0.125, "n": 8}}, "runtime_s": random.uniform(10, 12)}
Path("out/metrics.json").write_text(json.dumps(metrics, sort_keys=True))
Path("out/table.md").write_text("## Scores\\n\\n| set | delta |\\n|---|---|\\n| general | +0.125 |\\n")
"""
DVC_YAML = """stages:
  score:
    cmd: python write.py
    deps: [write.py]
    metrics:
      - out/metrics.json:
          cache: false
    outs:
      - out/table.md:
          cache: false
"""

leaves = st.floats(allow_nan=False, allow_infinity=False, width=32) | st.integers() | st.text(max_size=3)
trees = st.recursive(
    leaves, lambda sub: st.dictionaries(st.text("abc_", min_size=1, max_size=4), sub), max_leaves=8
)


@given(st.dictionaries(st.text("abc", min_size=1, max_size=4), trees))
def test_a_file_compared_with_itself_is_exact(data):
    assert verify.compare(data, json.loads(json.dumps(data)), 2.0) == ("exact", True)


@pytest.mark.parametrize(
    ("key", "timing"),
    [
        ("runtime_s", True),
        ("remedy.kl.runtime_ratio", True),
        ("peak_memory_mb", True),
        ("tokens_per_s", True),
        ("general.mean_delta", False),
        ("general.n_seeds", False),
        ("train_loss", False),
        ("train_tokens", False),
    ],
)
def test_timing_keys(key, timing):
    assert verify.is_timing(key) is timing


def test_an_exact_value_must_match_and_a_timing_only_within_the_factor():
    old = {"general": {"mean_delta": 0.1}, "runtime_s": 10.0}
    assert verify.compare(old, {"general": {"mean_delta": 0.1}, "runtime_s": 19.0}, 2.0) == (
        "runtime_s x1.9",
        True,
    )
    assert not verify.compare(old, {"general": {"mean_delta": 0.1}, "runtime_s": 21.0}, 2.0)[1]
    assert not verify.compare(old, {"general": {"mean_delta": 0.1}, "runtime_s": 4.9}, 2.0)[1]
    result, ok = verify.compare(old, {"general": {"mean_delta": 0.1 + 1e-12}, "runtime_s": 10.0}, 2.0)
    assert not ok and result.startswith("general.mean_delta +1e-12")
    assert not verify.compare(old, {"runtime_s": 10.0}, 2.0)[1]  # a metric that went missing


def test_readme_blocks_must_equal_their_file(tmp_path):
    (tmp_path / "table.md").write_text("## Scores\n\n| a |\n|---|\n| 1 |\n")
    readme = tmp_path / "README.md"
    readme.write_text(
        "# x\n<!-- generated: table.md -->\n#### Scores\n\n| a |\n|---|\n| 1 |\n<!-- /generated -->\n"
    )
    assert [r.ok for r in verify.readme_blocks(readme, tmp_path)] == [True]  # heading levels may differ
    readme.write_text(readme.read_text().replace("| 1 |", "| 2 |"))
    assert [r.ok for r in verify.readme_blocks(readme, tmp_path)] == [False]
    readme.write_text("<!-- generated: gone.md -->\nx\n<!-- /generated -->\n")
    assert [r.result for r in verify.readme_blocks(readme, tmp_path)] == ["file missing"]


def test_an_estimate_quoted_in_prose_must_be_in_a_results_table(tmp_path):
    (tmp_path / "results/summarize").mkdir(parents=True)
    (tmp_path / "results/summarize/table.md").write_text("| medical | +0.030 [+0.019, +0.041] |\n")
    (tmp_path / "docs").mkdir()
    doc = tmp_path / "docs/results.md"
    doc.write_text("EM reproduces: +0.030 [+0.019, +0.041] on the general probes.\n")
    assert [(r.target, r.ok) for r in verify.quoted_estimates(tmp_path)] == [("docs/results.md", True)]
    doc.write_text("EM reproduces: +0.030 [+0.019, +0.042] on the general probes.\n")  # one digit off
    (row,) = verify.quoted_estimates(tmp_path)
    assert not row.ok and "+0.030 [+0.019, +0.042]" in row.result
    doc.write_text("EM reproduces: +0.030 [+0.019,\n  +0.042] on the general probes.\n")  # wrapped
    (row,) = verify.quoted_estimates(tmp_path)
    assert not row.ok and "+0.030 [+0.019, +0.042]" in row.result
    (tmp_path / "results/summarize/table.md").unlink()  # the evidence gone: the old quote is unsupported
    doc.write_text("EM reproduces: +0.030 [+0.019, +0.041].\n")
    assert [r.ok for r in verify.quoted_estimates(tmp_path)] == [False]


def sh(cmd: list[str], cwd: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env |= {"DVC_NO_ANALYTICS": "1", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A committed one-stage DVC repo whose README quotes its table."""
    (tmp_path / "write.py").write_text(WRITER)
    (tmp_path / "dvc.yaml").write_text(DVC_YAML)
    shutil.copy(ROOT / "params.yaml", tmp_path / "params.yaml")
    sh(["git", "init", "-q"], tmp_path)
    sh([sys.executable, "-m", "dvc", "init", "-q"], tmp_path)
    sh([sys.executable, "-m", "dvc", "repro", "-q"], tmp_path)
    table = (tmp_path / "out/table.md").read_text()
    (tmp_path / "README.md").write_text(
        f"# r\n<!-- generated: out/table.md -->\n{table}<!-- /generated -->\n"
    )
    sh(["git", "add", "-A"], tmp_path)
    sh(["git", "commit", "-qm", "run"], tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return tmp_path


def test_a_clean_checkout_verifies(repo, capsys):
    assert verify.main([]) == 0
    out = capsys.readouterr().out
    assert "| ok | dvc.lock hash | 2 git-tracked outputs | match |" in out
    assert "| ok | README block | out/table.md | equals the file |" in out


def test_an_edited_metric_fails_against_dvc_lock_and_head(repo, capsys):
    path = repo / "out/metrics.json"
    path.write_text(path.read_text().replace("0.125", "0.126"))
    assert verify.main([]) == 1
    out = capsys.readouterr().out
    assert "| MISMATCH | dvc.lock hash | out/metrics.json | modified |" in out
    assert "| MISMATCH | metrics vs HEAD | out/metrics.json | probe.general.mean_delta +0.001 |" in out


def test_an_edited_readme_number_fails(repo, capsys):
    readme = repo / "README.md"
    readme.write_text(readme.read_text().replace("+0.125", "+0.130"))
    assert verify.main([]) == 1
    assert "| MISMATCH | README block | out/table.md | differs from the file |" in capsys.readouterr().out


def test_cells_rerun_in_a_scratch_clone(repo, capsys):
    """The value is rebuilt exactly; the runtime only within the factor; the checkout is untouched."""
    before = (repo / "dvc.lock").read_text()
    assert verify.main(["--cells", "score"]) == 0
    out = capsys.readouterr().out
    assert "| ok | re-run | out/table.md | exact |" in out
    assert "| ok | re-run | out/metrics.json | runtime_s x" in out
    assert (repo / "dvc.lock").read_text() == before


def test_an_unknown_cell_is_one_line(repo):
    with pytest.raises(SystemExit, match="no stage 'nope' in dvc.yaml"):
        verify.main(["--cells", "nope"])


def test_an_undefined_value_written_twice_is_the_same_result():
    """DVC's metrics diff lists NaN as changed (NaN != NaN); a ratio over nothing, undefined in
    HEAD and in the rebuild alike, is no mismatch. A NaN where a number was is one."""
    nan = float("nan")
    assert verify.compare({"r": {"value": nan}}, {"r": {"value": nan}}, 2.0) == ("exact", True)
    result, ok = verify.compare({"r": {"value": 0.5}}, {"r": {"value": nan}}, 2.0)
    assert not ok and "r.value" in result
