import pytest

from emguard.registry import Registry, UnknownNameError, did_you_mean, suggest


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


def test_suggest_is_the_one_did_you_mean():
    assert suggest("corect", ["correct", "contrastive"]) == "correct"
    assert suggest("zzz", ["correct"]) is None and suggest(3, ["correct"]) is None
    assert did_you_mean("lrr", ["lr", "epochs"]) == " did you mean 'lr'?"
    assert did_you_mean("zzz", ["lr"]) == ""
    assert suggest("medical" + "x" * 1_000_000, ["medical"]) is None  # compared on a prefix: fast


def test_unknown_name_is_quoted_briefly():
    reg: Registry[int] = Registry("poison")
    reg.add("medical", 1)
    with pytest.raises(UnknownNameError) as err:
        reg.get("y" * 1_000_000)
    assert len(str(err.value)) < 300 and "1,000,000 chars" in str(err.value)
