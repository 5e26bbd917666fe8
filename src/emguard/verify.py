"""`make verify`: the reviewer's check that every committed number is the one the pipeline wrote.

Usage: python -m emguard.verify
           Seconds, no compute: (1) every git-tracked output (DVC `cache: false`: fit stats, per-cell
           probe summaries, study metrics, paper/generated) has the hash dvc.lock records; (2) each
           stage whose inputs are all in the checkout (the report stage) is up to date, so the
           paper's macros, tables and figures were written from the committed study metrics; (3) each
           README block between `<!-- generated: <file> -->` and `<!-- /generated -->` is that
           file's text; (4) every estimate quoted with its interval in the README, docs/ or the
           paper's prose is one a committed results table holds; (5) every metric in the workspace
           equals HEAD's (after a full `make reproduce`, this is the rebuild's check).
       python -m emguard.verify --cells train@medical-poison-0 remedy@safety-1
           Re-runs those stages in a scratch clone whose inputs come from the DVC cache, a remote or
           a rebuild of their upstream stages, and reports per output "exact" or the deviations.

Timings (runtime, peak memory, throughput) differ by machine and load, so no DVC output holds one:
each fit writes them to results/cost/ (emguard.costs), and a re-run's agree with the committed ones
within params verify.timing_factor; every other value must be equal. Exit status 1 on a mismatch.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from emguard import layout

TIMING = re.compile(r"(runtime|memory|_per_s$|_mb$|_s$)")  # the last key of a timing metric
BLOCK = re.compile(r"<!-- generated: *(\S+) *-->\n(.*?)<!-- /generated -->", re.S)
HEADING = re.compile(r"^#+ ", re.M)
# emguard.stats.format_ci; prose may wrap an estimate across lines, so any whitespace matches
ESTIMATE = re.compile(r"[+-]\d+\.\d{3}\s+\[[+-]\d+\.\d{3},\s+[+-]\d+\.\d{3}\]")
PROSE = ("README.md", "docs/*.md", "paper/main.tex")  # where people write results down by hand
EVIDENCE = ("results/summarize/*.md", "results/cost/*.md", "paper/generated/*.tex")  # written by code


@dataclass(frozen=True)
class Row:
    check: str
    target: str
    result: str
    ok: bool


def is_timing(key: str) -> bool:
    return bool(TIMING.search(key.rsplit(".", 1)[-1]))


def flatten(obj, prefix: str = "") -> dict[str, object]:
    """Nested JSON as {"a.b.c": leaf}, the way `dvc metrics` names keys."""
    if isinstance(obj, dict):
        return {k: v for key, val in obj.items() for k, v in flatten(val, f"{prefix}{key}.").items()}
    return {prefix[:-1]: obj}


def deviation(key: str, old, new, factor: float) -> tuple[str, bool]:
    """How `new` differs from `old`, and whether that is within what `key` allows."""
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (old, new))
    if numbers and is_timing(key) and old and new:
        ratio = new / old
        return f"{key} x{ratio:.3g}", 1 / factor <= ratio <= factor
    if numbers:
        return f"{key} {new - old:+.3g}", False
    return f"{key} {old!r} -> {new!r}", False


def same(old, new) -> bool:
    """Equal, or both NaN: an undefined ratio written twice is the same result (NaN != NaN)."""
    both_nan = all(isinstance(v, float) and math.isnan(v) for v in (old, new))
    return both_nan or old == new


def compare(old: dict, new: dict, factor: float) -> tuple[str, bool]:
    """'exact', or every differing key with its deviation; ok unless a non-timing value differs."""
    a, b = flatten(old), flatten(new)
    diffs = [
        deviation(k, a.get(k), b.get(k), factor)
        for k in sorted(a.keys() | b.keys())
        if not same(a.get(k), b.get(k))
    ]
    if not diffs:
        return "exact", True
    return "; ".join(d for d, _ in diffs), all(ok for _, ok in diffs)


# --- no arguments: the checkout against dvc.lock, HEAD and itself ---------------------------------


def tracked_outputs(repo) -> list[Row]:
    """Each git-tracked output against its dvc.lock hash; the matches as one row."""
    rows, n_ok = [], 0
    for stage in repo.index.stages:
        for out in (o for o in stage.outs if not o.use_cache):
            if not out.hash_info:
                rows.append(
                    Row("dvc.lock hash", out.def_path, f"not in dvc.lock: re-run {stage.addressing}", False)
                )
            elif status := out.status():
                rows.append(Row("dvc.lock hash", out.def_path, ", ".join(status.values()), False))
            else:
                n_ok += 1
    return [Row("dvc.lock hash", f"{n_ok} git-tracked outputs", "match", True), *rows]


def local_stages(repo) -> list[Row]:
    """`dvc status` of each stage whose deps are all in the checkout and whose outputs are all in git."""
    rows = []
    for stage in repo.index.stages:
        if stage.is_data_source or any(o.use_cache for o in stage.outs) or not stage.outs:
            continue
        if not all(Path(d.fs_path).exists() for d in stage.deps):
            continue
        with repo.lock:
            changed = stage.status()
        result = "up to date" if not changed else json.dumps(changed[stage.addressing], default=str)
        rows.append(Row("stage status", stage.addressing, result, not changed))
    return rows


def readme_blocks(readme: Path, root: Path) -> list[Row]:
    """Each generated block of the README against the file it names (heading levels may differ)."""
    if not readme.exists():
        return []
    blocks = BLOCK.findall(readme.read_text(encoding="utf-8"))
    if not blocks:
        return [Row("README block", readme.name, "no <!-- generated: <file> --> blocks", True)]
    rows = []
    for name, text in blocks:
        source = root / name
        if not source.exists():
            rows.append(Row("README block", name, "file missing", False))
            continue
        same = HEADING.sub("# ", text.strip()) == HEADING.sub(
            "# ", source.read_text(encoding="utf-8").strip()
        )
        rows.append(Row("README block", name, "equals the file" if same else "differs from the file", same))
    return rows


def quoted_estimates(root: Path) -> list[Row]:
    """Each estimate with its interval quoted in the prose (format_ci's `+0.030 [+0.019, +0.041]`)
    must be one the pipeline wrote into a committed table: a typo or a stale number shows here."""
    evidence = set()
    for pattern in EVIDENCE:
        for path in sorted(root.glob(pattern)):
            evidence |= {" ".join(q.split()) for q in ESTIMATE.findall(path.read_text(encoding="utf-8"))}
    rows = []
    for pattern in PROSE:
        for path in sorted(root.glob(pattern)):
            quoted = [" ".join(q.split()) for q in ESTIMATE.findall(path.read_text(encoding="utf-8"))]
            if not quoted:
                continue
            unknown = sorted(set(quoted) - evidence)
            result = (
                f"{len(quoted)} quoted, all in the results"
                if not unknown
                else f"not in any result: {unknown}"
            )
            rows.append(Row("quoted estimates", str(path.relative_to(root)), result, not unknown))
    return rows


def metrics_vs_head(repo, factor: float) -> list[Row]:
    """Every metrics file in the workspace against HEAD's (`dvc metrics diff HEAD`)."""
    if repo.scm.no_commits:
        return []
    changed = repo.metrics.diff(a_rev="HEAD").get("diff", {})
    rows = []
    for path, keys in sorted(changed.items()):
        result, ok = compare(
            {k: v["old"] for k, v in keys.items()}, {k: v["new"] for k, v in keys.items()}, factor
        )
        rows.append(Row("metrics vs HEAD", path, result, ok))
    n_metrics = sum(1 for s in repo.index.stages for o in s.outs if o.is_metric)
    same = Row("metrics vs HEAD", f"{n_metrics - len(rows)} of {n_metrics} metrics files", "exact", True)
    return [same, *rows]


def check_checkout(root: Path, factor: float) -> list[Row]:
    from dvc.repo import Repo

    with Repo(str(root)) as repo:
        rows = tracked_outputs(repo) + local_stages(repo)
        rows += readme_blocks(root / "README.md", root) + quoted_estimates(root)
        return rows + metrics_vs_head(repo, factor)


# --- --cells: re-run stages in a scratch clone ------------------------------------------------------


def sh(cmd: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if check and proc.returncode:
        tail = (proc.stdout + proc.stderr)[-3000:]
        raise RuntimeError(f"`{' '.join(cmd)}` failed in {cwd} (exit {proc.returncode}):\n{tail}")
    return proc


DVC = [sys.executable, "-m", "dvc"]


def upstream(root: Path, cells: list[str]) -> list[str]:
    """The stages whose outputs `cells` read, directly or not (an edge runs to the stage read)."""
    import networkx as nx
    from dvc.repo import Repo

    with Repo(str(root)) as repo:
        graph = repo.index.graph
        by_name = {s.addressing: s for s in graph}
        unknown = [c for c in cells if c not in by_name]
        if unknown:
            raise SystemExit(f"error: no stage {unknown[0]!r} in dvc.yaml (stage names: dvc stage list)")
        ups = set().union(*(nx.descendants(graph, by_name[c]) for c in cells))
    return sorted({s.addressing for s in ups} - set(cells))


def scratch_clone(root: Path, dst: Path) -> None:
    """A clone of HEAD sharing this checkout's DVC cache (content-addressed, so sharing is safe)."""
    from dvc.repo import Repo

    with Repo(str(root)) as repo:
        cache = repo.cache.local_cache_dir
    sh(["git", "clone", "--quiet", str(root), str(dst)], root)
    sh([*DVC, "cache", "dir", "--local", str(cache)], dst)
    sh([*DVC, "config", "--local", "core.analytics", "false"], dst)


def restore_inputs(clone: Path, stages: list[str]) -> None:
    """Upstream outputs from the cache, else from the remote, else rebuilt by `dvc repro`."""
    if stages:
        sh([*DVC, "checkout", *stages], clone, check=False)
        sh([*DVC, "pull", *stages], clone, check=False)  # does nothing without a remote
        sh([*DVC, "repro", *stages], clone)  # skips what is now in place and unchanged


def compare_output(clone: Path, path: str, old: dict | None, new: dict, factor: float) -> Row:
    """One re-run output against HEAD's: by hash, and key by key for a git-tracked JSON file."""
    if old is None:
        return Row("re-run", path, "not in the committed dvc.lock", False)
    if old.get("md5") == new.get("md5"):
        return Row("re-run", path, "exact", True)
    shown = sh(["git", "show", f"HEAD:{path}"], clone, check=False)
    if path.endswith(".json") and shown.returncode == 0:
        result, ok = compare(json.loads(shown.stdout), json.loads((clone / path).read_text()), factor)
        return Row("re-run", path, result, ok)
    return Row("re-run", path, f"differs: md5 {old.get('md5')} -> {new.get('md5')}", False)


def rerun(root: Path, cells: list[str], factor: float) -> list[Row]:
    """Re-run `cells` in a scratch clone of HEAD; each output against the committed dvc.lock."""
    import yaml

    ups = upstream(root, cells)
    with tempfile.TemporaryDirectory(prefix="emguard-verify-") as tmp:
        clone = Path(tmp) / "repo"
        scratch_clone(root, clone)
        old_lock = yaml.safe_load((clone / "dvc.lock").read_text())["stages"]
        restore_inputs(clone, ups)
        sh([*DVC, "repro", "--force", "--single-item", *cells], clone)
        new_lock = yaml.safe_load((clone / "dvc.lock").read_text())["stages"]
        rows = []
        for cell in cells:
            old = {o["path"]: o for o in old_lock.get(cell, {}).get("outs", [])}
            rows += [
                compare_output(clone, o["path"], old.get(o["path"]), o, factor)
                for o in new_lock[cell]["outs"]
            ]
        return rows + remeasured_costs(clone, factor)


def remeasured_costs(clone: Path, factor: float) -> list[Row]:
    """The re-run fits' costs (results/cost/, outside DVC) against HEAD's, within `factor`."""
    changed = sh(["git", "status", "--porcelain", "--", str(layout.COST_DIR)], clone).stdout.splitlines()
    rows = []
    for path in sorted(line[3:] for line in changed):
        shown = sh(["git", "show", f"HEAD:{path}"], clone, check=False)
        if shown.returncode != 0:
            rows.append(Row("re-run cost", path, "not committed", False))
            continue
        old, new = json.loads(shown.stdout), json.loads((clone / path).read_text())
        machines = f" (was {old.pop('machine', '?')}, now {new.pop('machine', '?')})"
        result, ok = compare(old, new, factor)
        rows.append(Row("re-run cost", path, result + machines, ok))
    return rows


# --- the command ------------------------------------------------------------------------------------


def table(rows: Iterable[Row]) -> str:
    lines = ["| | check | target | result |", "|---|---|---|---|"]
    lines += [f"| {'ok' if r.ok else 'MISMATCH'} | {r.check} | {r.target} | {r.result} |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from emguard.config import ParamsError, load_params

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--cells", nargs="+", metavar="STAGE", help="stages to re-run, e.g. train@medical-poison-0"
    )
    args = parser.parse_args(argv)
    try:
        factor = load_params().verify.timing_factor
    except ParamsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    root = Path.cwd()
    rows = rerun(root, args.cells, factor) if args.cells else check_checkout(root, factor)
    print(table(rows))
    bad = sum(not r.ok for r in rows)
    print(f"\n{len(rows) - bad} ok, {bad} mismatched (timings agree within x{factor:g}; all else exactly)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
