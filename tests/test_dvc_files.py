"""dvc.lock holds only stages that dvc.yaml still defines.

`dvc repro` never drops the entry of a stage removed from dvc.yaml, and it reads and rewrites the
whole lock file after every stage: the 84 entries the removed evaluate stages left doubled that
cost (~2.5 s a stage, ~4 min a study) and pinned outputs nothing produces any more.
"""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_lock_lists_only_stages_dvc_yaml_defines():
    from dvc.repo import Repo

    with Repo(str(ROOT)) as repo:
        defined = {stage.addressing for stage in repo.index.stages}
    locked = set(yaml.safe_load((ROOT / "dvc.lock").read_text())["stages"])
    stale = sorted(locked - defined)
    assert not stale, f"dvc.lock has entries for stages dvc.yaml no longer defines; delete them: {stale}"
