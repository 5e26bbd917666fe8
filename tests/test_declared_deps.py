"""Every file a stage reads is a dependency in dvc.yaml: the tiny pipeline runs with an audit hook
(tests/fixtures/trace_opens/sitecustomize.py) that logs each file a stage opens and each directory
it lists, and every logged path under the repository must be covered by one of the stage's deps
(a directory dep covers what is under it) or be one of its own outputs.

Imported library code counts too (a stage that imports a module depends on it, compiled or not),
except the `SHELL` modules below, which read params, name paths, write files atomically and log
runs, but compute nothing a result depends on. `grid` is among them because every stage loads it
to check params (emguard.checks: each cell's seed has a model to start from); the stages whose
results depend on which cells exist (judge, summarize, report) declare it all the same.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

CHECKED = ("results", "src", "stages", "data", "params.yaml")  # what a stage may depend on
# the stage shell (params, signals, timing log, run tracking), output plumbing and path names
SHELL = {
    f"src/emguard/{m}.py"
    for m in ("stage", "timing", "tracking", "io", "layout", "registry", "safe_load", "checks", "grid")
}
CODE = ("src", "stages")  # listed by the import system while it searches sys.path: not a read
PYC = re.compile(r"(?P<dir>.*)/__pycache__/(?P<mod>[^/.]+)\.[^/]+\.pyc")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def traced(tiny_pipeline) -> tuple[Path, list[dict]]:
    """The tiny pipeline, run as `make reproduce` runs it, with every stage's file accesses logged."""
    return tiny_pipeline.repo, tiny_pipeline.opens


def source_of(path: str) -> str:
    """A compiled module stands for its source file."""
    m = PYC.fullmatch(path)
    return f"{m['dir']}/{m['mod']}.py" if m else path


def declared(repo: Path) -> dict[str, tuple[list[Path], list[Path]]]:
    """(deps, outs) of every stage, as absolute paths."""
    from dvc.repo import Repo

    with Repo(str(repo)) as dvc:
        return {
            s.name: ([Path(d.fs_path) for d in s.deps], [Path(o.fs_path) for o in s.outs])
            for s in dvc.index.stages
        }


def covered(path: Path, roots: list[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


def own_output(path: Path, event: str, outs: list[Path]) -> bool:
    """An output, its temporary sibling (emguard.io.atomic_path) or, listed, a folder holding one."""
    if covered(path, outs) or (event == "list" and any(path in o.parents for o in outs)):
        return True
    chain = (path, *path.parents)
    return any(p.parent == o.parent and p.name.startswith(f".{o.name}.") for o in outs for p in chain)


def cost_files(repo: Path, events: list[dict]) -> dict[str, list[Path]]:
    """Per stage, the results/cost/ files it wrote: a fit's timings, kept outside DVC's outputs so
    that its hashes are the same on every CPU (emguard.costs); a stage may write, never read, them."""
    written = defaultdict(list)
    for e in events:
        path = Path(e["path"])
        if e["write"] and (repo / "results/cost") in path.parents:
            box = path.parent  # emguard.io.atomic_path writes in a hidden sibling, then renames
            written[e["stage"]].append(box.parent / path.name if box.name.startswith(".") else path)
    return written


def undeclared(repo: Path, events: list[dict]) -> dict[str, set[str]]:
    """Per stage, the repository paths it read without declaring them."""
    stages, found, costs = declared(repo), defaultdict(set), cost_files(repo, events)
    for e in events:
        path = Path(source_of(e["path"]))
        if repo not in path.parents or e["write"]:
            continue
        rel = path.relative_to(repo)
        if rel.parts[0] not in CHECKED or rel.as_posix() in SHELL:
            continue
        if "__pycache__" in rel.parts or (e["event"] == "list" and rel.parts[0] in CODE):
            continue
        deps, outs = stages[e["stage"]]
        outs = outs + costs[e["stage"]]
        if not covered(path, deps) and not own_output(path, e["event"], outs):
            found[e["stage"]].add(rel.as_posix())
    return dict(found)


def test_every_stage_was_traced(traced):
    repo, events = traced
    assert set(declared(repo)) == {e["stage"] for e in events}


def test_fit_stages_write_their_cost_and_nothing_else_under_results_cost(traced):
    repo, events = traced
    written = cost_files(repo, events)
    assert written["train@medical-poison-0"] == [repo / "results/cost/train/medical-poison-0.json"]
    assert written["defence@kl-0"] == [repo / "results/cost/defence/kl-medical-0.json"]
    assert "summarize" not in written and "evaluate_base" not in written


def test_stages_read_only_what_dvc_yaml_declares(traced):
    repo, events = traced
    missing = undeclared(repo, events)
    assert not missing, "read but not declared in dvc.yaml:\n" + yaml.safe_dump(
        {k: sorted(v) for k, v in missing.items()}
    )
