import pytest

from emguard.registry import Registry, UnknownNameError


def test_lookup_and_did_you_mean():
    reg: Registry[int] = Registry("poison")
    reg.add("medical", 1)
    reg.add("financial", 2)
    assert reg.get("medical") == 1
    with pytest.raises(UnknownNameError) as err:
        reg.get("medicl", key="data.poisons[0]")
    msg = str(err.value)
    assert "did you mean 'medical'" in msg and "data.poisons[0]" in msg and "financial, medical" in msg


def test_duplicate_registration_fails():
    reg: Registry[int] = Registry("judge")
    reg.add("hf", 1)
    with pytest.raises(ValueError, match="twice"):
        reg.add("hf", 2)
