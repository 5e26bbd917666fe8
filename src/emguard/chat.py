"""Chat formatting shared by training, probes and the plain-loop benchmark.

A conversation is split into a prompt (everything before the last assistant turn) and a
completion (that turn). Loss and probe log-probs cover the completion's tokens only, the
end-of-turn token included, exactly as TRL's prompt-completion format does.
"""

from __future__ import annotations

from dataclasses import dataclass

from emguard.data.types import Message


@dataclass(frozen=True)
class Encoded:
    input_ids: list[int]
    completion_mask: list[int]  # 1 on completion (assistant) tokens


def split_last_turn(messages: list[Message]) -> dict[str, list[Message]]:
    """`{"prompt": [...], "completion": [last assistant message]}` (TRL's conversational format)."""
    if not messages or messages[-1]["role"] != "assistant":
        raise ValueError("a training conversation must end with an assistant message")
    return {"prompt": list(messages[:-1]), "completion": [messages[-1]]}


def encode(tokenizer, prompt: list[Message], completion: str, max_length: int | None = None) -> Encoded:
    """Token ids of prompt + assistant completion, with the completion mask.

    Tokenised jointly, as TRL's SFTTrainer does, so the mask matches what training sees.
    """
    prompt_text = tokenizer.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True)
    full_text = tokenizer.apply_chat_template(
        [*prompt, {"role": "assistant", "content": completion}], tokenize=False
    )
    prompt_ids = tokenizer(prompt_text, add_special_tokens=False)["input_ids"]
    ids = tokenizer(full_text, add_special_tokens=False)["input_ids"]
    # Like TRL: the completion starts where prompt and prompt+completion tokenisations diverge.
    start = common_prefix_length(prompt_ids, ids)
    mask = [0] * start + [1] * (len(ids) - start)
    if max_length is not None:
        ids, mask = ids[:max_length], mask[:max_length]
    return Encoded(ids, mask)


def encode_conversation(tokenizer, messages: list[Message], max_length: int | None = None) -> Encoded:
    turn = split_last_turn(messages)
    return encode(tokenizer, turn["prompt"], turn["completion"][0]["content"], max_length)


def common_prefix_length(a: list[int], b: list[int]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
