"""Which probe sets each kind of cell is scored on (what its summary reads, nothing more)."""

from pathlib import Path

import pytest

from emguard.config import load_params
from emguard.evaluation import ProbeSets

ROOT = Path(__file__).resolve().parents[1]
PARAMS = load_params(ROOT / "params.yaml")


def test_the_base_model_gets_every_set_and_free_form_answers():
    sets = ProbeSets.for_cell(PARAMS, "base")
    assert sets.general and sets.long_prompts and sets.capability and sets.free_form
    assert sets.poisons == tuple(PARAMS.data.poisons)
    assert sets.benign_tasks == tuple(PARAMS.data.benign_tasks)


def test_reproduction_cells_add_the_long_context_probes_of_their_own_poison():
    sets = ProbeSets.for_cell(PARAMS, "train", "financial")
    assert sets.general and sets.long_prompts and sets.capability
    assert sets.poisons == ("financial",) and sets.benign_tasks == ()


@pytest.mark.parametrize("kind", ["remedy", "transfer", "defence"])
def test_method_cells_get_em_narrow_and_capability_probes(kind):
    sets = ProbeSets.for_cell(PARAMS, kind, "medical")
    assert sets.general and sets.capability and not sets.long_prompts
    assert sets.poisons == ("medical",) and sets.benign_tasks == ()
    assert sets.free_form == PARAMS.study.sample_free_form


def test_benign_cells_get_their_task_only():
    sets = ProbeSets.for_cell(PARAMS, "benign", "swapped_operator")
    assert sets == ProbeSets(general=False, capability=False, benign_tasks=("swapped_operator",))


def test_an_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="unknown cell kind 'judge'"):
        ProbeSets.for_cell(PARAMS, "judge")
