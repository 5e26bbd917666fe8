import pytest

from emguard import layout


def test_train_cell_names_round_trip():
    name = layout.train_cell("insecure_code", "poison", 2)
    assert layout.parse_train_cell(name) == ("insecure_code", "poison", 2)


@pytest.mark.parametrize("bad", ["base", "medical-poisoned-0", "medical-poison"])
def test_bad_cell_names_are_rejected(bad):
    with pytest.raises(ValueError):
        layout.parse_train_cell(bad)
