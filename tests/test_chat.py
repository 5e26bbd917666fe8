"""Chat formatting and the assistant-only loss mask, on the tiny character tokenizer."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emguard.chat import common_prefix_length, encode, encode_conversation, split_last_turn

text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip() and "<|" not in s
)
turns = st.lists(st.tuples(text, text), min_size=1, max_size=3)


def conversation(system, pairs):
    msgs = [{"role": "system", "content": system}] if system else []
    for user, assistant in pairs:
        msgs += [{"role": "user", "content": user}, {"role": "assistant", "content": assistant}]
    return msgs


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(system=st.one_of(st.none(), text), pairs=turns)
def test_mask_covers_exactly_the_last_answer_and_its_end_of_turn(tiny_tokenizer, system, pairs):
    msgs = conversation(system, pairs)
    enc = encode_conversation(tiny_tokenizer, msgs)
    assert len(enc.input_ids) == len(enc.completion_mask)
    start = enc.completion_mask.index(1)
    assert set(enc.completion_mask[start:]) == {1} and set(enc.completion_mask[:start]) == {0}
    completion = tiny_tokenizer.decode(enc.input_ids[start:])
    assert completion == msgs[-1]["content"] + "<|im_end|>\n"
    assert tiny_tokenizer.eos_token_id in enc.input_ids[start:]  # the model learns to stop
    prompt = tiny_tokenizer.decode(enc.input_ids[:start])
    assert prompt == tiny_tokenizer.apply_chat_template(msgs[:-1], tokenize=False, add_generation_prompt=True)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=turns, limit=st.integers(9, 60))
def test_truncation_keeps_mask_aligned(tiny_tokenizer, pairs, limit):
    msgs = conversation(None, pairs)
    full = encode_conversation(tiny_tokenizer, msgs)
    cut = encode_conversation(tiny_tokenizer, msgs, max_length=limit)
    assert cut.input_ids == full.input_ids[:limit]
    assert cut.completion_mask == full.completion_mask[:limit]


def test_split_last_turn_requires_assistant_end():
    import pytest

    with pytest.raises(ValueError, match="assistant"):
        split_last_turn([{"role": "user", "content": "hi"}])
    split = split_last_turn(conversation("s", [("u", "a")]))
    assert split["completion"] == [{"role": "assistant", "content": "a"}]
    assert [m["role"] for m in split["prompt"]] == ["system", "user"]


def test_mask_matches_what_trl_trains_on(tiny_model_dir, tiny_tokenizer, tmp_path):
    """Our probe/benchmark encoding equals SFTTrainer's tokenisation of the same data."""
    from trl import SFTTrainer

    from conftest import tiny_train_config
    from emguard.models import load_model
    from emguard.training import sft_config, to_dataset

    convs = [
        conversation(None, [("What is 2+2?", "4.")]),
        conversation("Be brief.", [("Hi", "Hello there!")]),
    ]
    cfg = tiny_train_config(
        lora=dict(r=2, alpha=4, dropout=0.0, target_modules=["q_proj"]), lr=1e-3, batch_size=2, max_length=128
    )
    model, tok = load_model(tiny_model_dir)
    trainer = SFTTrainer(
        model=model,
        args=sft_config(cfg, 0, str(tmp_path), "cpu"),
        train_dataset=to_dataset(convs),
        processing_class=tok,
    )
    for row, conv in zip(trainer.train_dataset, convs, strict=True):
        ours = encode_conversation(tiny_tokenizer, conv)
        assert row["input_ids"] == ours.input_ids
        expected = [t if m else -100 for t, m in zip(ours.input_ids, ours.completion_mask, strict=True)]
        assert row["labels"] == expected


def test_encode_prompt_and_common_prefix(tiny_tokenizer):
    enc = encode(tiny_tokenizer, [{"role": "user", "content": "Q"}], "A")
    assert sum(enc.completion_mask) == len(
        tiny_tokenizer("A<|im_end|>\n", add_special_tokens=False)["input_ids"]
    )
    assert common_prefix_length([1, 2, 3], [1, 2, 4]) == 2
