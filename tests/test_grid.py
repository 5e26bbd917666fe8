"""emguard.grid and dvc.yaml's matrices describe the same cells, with the same paths."""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest
import yaml

from emguard import grid, layout
from emguard.config import parse_params
from emguard.grid import BenignCell, DefenceCell, Grid, RemedyCell, TrainCell, TransferCell
from emguard.profiles import resolve
from emguard.rl.config import rl_params

ROOT = Path(__file__).resolve().parents[1]
RAW = yaml.safe_load((ROOT / "params.yaml").read_text())
NOT_CELLS = {"model", "data", "experiment", "judge", "summarize", "report"}  # one stage each, no grid


def raw_params(profile: str | None) -> dict:
    return copy.deepcopy(RAW) if profile is None else resolve(RAW, profile)


def params_of(profile: str | None):
    return parse_params(raw_params(profile))


def dvc_stages(tmp_path: Path, raw: dict) -> dict:
    """dvc.yaml's stages, matrices expanded by DVC itself, under the given params."""
    from dvc.repo import Repo

    shutil.copyfile(ROOT / "dvc.yaml", tmp_path / "dvc.yaml")
    (tmp_path / "params.yaml").write_text(yaml.safe_dump(raw, sort_keys=False))
    Repo.init(str(tmp_path), no_scm=True)
    with Repo(str(tmp_path)) as repo:
        return {s.name: s for s in repo.index.stages}


def rl_arm(stages: dict) -> set[str]:
    """The RL arm's stages: its own grid (emguard.rl.config), not a kind of emguard.grid."""
    return {"summarize_rl"} | {name for name in stages if name.startswith(("rl@", "rl_remedy@", "rl_sft@"))}


@pytest.mark.parametrize("profile", [None, "tiny", "full-cpu"])
def test_dvc_matrices_and_the_grid_expand_to_the_same_stages_and_paths(tmp_path, profile):
    params = params_of(profile)
    stages, cells = dvc_stages(tmp_path, raw_params(profile)), Grid(params).stages()
    rl = rl_params(params)
    expected = {f"rl@{c}-{k}" for c in rl.grid for k in rl.seeds}
    expected |= {f"rl_remedy@{m}-{c}-{k}" for m in rl.remedies for c in rl.remedy_cells for k in rl.seeds}
    expected |= {f"rl_sft@{t}-{c}-{k}" for t in rl.sft_tasks for c in ("poison", "control") for k in rl.seeds}
    assert rl_arm(stages) == {"summarize_rl"} | expected
    assert set(stages) - NOT_CELLS - rl_arm(stages) == set(cells)
    for name, cell in cells.items():
        outs = {o.def_path for o in stages[name].outs}
        deps = {d.def_path for d in stages[name].deps}
        if isinstance(cell, grid.ReelicitCell):
            expected = {str(cell.out_dir)}
        else:
            expected = {str(cell.eval_dir), f"{cell.eval_dir}.summary.json"}
        if isinstance(cell, TrainCell | grid.MethodCell):
            expected |= {str(cell.fit_dir / "adapter"), str(cell.metrics_file)}
        assert outs == expected, name
        start = cell.poisoned_model(params.study.primary)
        assert start is None or str(start.fit_dir / "adapter") in deps, name


def test_the_method_kinds_are_the_study_kinds_the_fit_stages_know():
    assert set(grid.method_kinds()) == set(layout.STUDY_KINDS)
    assert grid.method_kinds() == layout.STUDY_KINDS  # the cost table's order


def test_every_named_cell_parses_back_from_its_name():
    for cell in Grid(params_of(None)):
        if not isinstance(cell, grid.ReelicitCell):
            assert grid.parse(cell.kind, cell.name) == cell
    with pytest.raises(ValueError, match="unknown cell kind 'rl'"):
        grid.parse("rl", "x-0")


def test_each_cell_is_compared_with_the_same_seed_of_its_reference():
    transfer = TransferCell("correct", "financial", "medical", 1)
    assert transfer.reference == TrainCell("medical", "poison", 1)
    assert transfer.control == TrainCell("medical", "control", 1)
    assert transfer.narrow_set == "in_domain/medical"
    assert transfer.eval_dir == layout.EVALUATE_DIR / "transfer/correct-financial-medical-1"
    assert transfer.cost_file == layout.COST_DIR / "transfer/correct-financial-medical-1.json"
    assert transfer != RemedyCell("correct", "financial", "medical", 1)  # same name, another kind
    defence = DefenceCell("kl", "financial", 2)
    assert (defence.reference, defence.control) == (
        TrainCell("financial", "poison", 2),
        TrainCell("financial", "control", 2),
    )
    benign = BenignCell("kl", "swapped_operator", 0)
    assert benign.reference == BenignCell("plain", "swapped_operator", 0)
    assert benign.control is None and benign.narrow_set == "benign/swapped_operator"
    assert benign.poisoned_model("medical") == TrainCell("medical", "poison", 0)


def test_groups_hold_one_setting_over_its_seeds_in_params_order():
    params = params_of(None)
    g = Grid(params)
    remedies = g.groups("remedy")
    assert [cells[0].method for cells in remedies] == params.study.remedies
    assert all([c.seed for c in cells] == params.study.seeds for cells in remedies)
    benign = g.groups("benign")
    assert [cells[0].group for cells in benign] == [
        (t, m) for t in params.data.benign_tasks for m in params.study.benign.methods
    ]
    transfer = g.groups("transfer")
    assert len(transfer) == len(params.study.transfer.antidotes) * len(params.data.poisons) ** 2


def test_train_cells_of_the_primary_run_over_study_seeds_the_others_over_train_seeds():
    params = params_of(None)
    g = Grid(params)
    assert [c.seed for c in g.train("medical", "poison")] == params.study.seeds
    assert [c.seed for c in g.train("financial", "control")] == params.train.seeds
    assert g.stage(TrainCell("financial", "poison", 0)) == "train_other@financial-poison-0"
    assert g.stage(TrainCell("medical", "poison", 0)) == "train@medical-poison-0"


def test_a_new_kind_is_one_registered_class(monkeypatch):
    """What the RL arm will do: one class, and every consumer of the grid lists its cells."""

    @dataclass(frozen=True)
    class ToyCell(grid.TreatedCell):
        method: str
        poison: str
        seed: int
        kind: ClassVar[str] = "toy"
        matrix: ClassVar[str] = "toy"
        seeds_key: ClassVar[str] = "study.seeds"
        methods_key: ClassVar[str] = "study.defences"

        @property
        def name(self) -> str:
            return f"{self.method}-{self.poison}-{self.seed}"

        @property
        def matrix_item(self) -> str:
            return self.name

        @property
        def group(self) -> tuple[str, ...]:
            return (self.method,)

        @classmethod
        def from_name(cls, name: str):
            method, poison, seed = name.split("-")
            return cls(method, poison, int(seed))

        @classmethod
        def expand(cls, params):
            yield from (cls("grpo", params.study.primary, k) for k in params.study.seeds)

    monkeypatch.setitem(grid.KINDS, "toy", ToyCell)
    g = Grid(params_of(None))
    assert "toy@grpo-medical-0" in g.stages()
    assert "toy" in grid.method_kinds()
    assert ToyCell("grpo", "medical", 0) in g.method_cells()
    assert grid.parse("toy", "grpo-medical-1").reference == TrainCell("medical", "poison", 1)
