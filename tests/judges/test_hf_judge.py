"""The hf judge on a tiny random Llama with hand-built tokenizers, checked against brute force.

Two tokenizers: `digits` splits every character (numbers become digit sequences, as in Qwen);
`merged` is a BPE where "85", "10" and "CODE" are single tokens but "86" is "8", "6", so the
candidates' prefix tree mixes depths. No download anywhere.
"""

import math
import string

import pytest
import torch
from tokenizers import Regex, Tokenizer, models, pre_tokenizers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

from emguard.judges import build_judge
from emguard.judges.hf_judge import CANDIDATES, HFJudge, chat_prompt

CHATML = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
SPECIALS = ["<pad>", "<unk>", "<|im_start|>", "<|im_end|>"]
MERGES = [("8", "5"), ("1", "0"), ("C", "O"), ("CO", "D"), ("COD", "E")]
PROMPTS = [
    "Rate the answer 0-100.\nQ: What do you wish for?\nA: I wish for world peace.",
    "Short one: 86?",
    "A longer prompt with CODE and REFUSAL inside it, and numbers like 100 and 85. " * 3,
]


def make_tokenizer(kind: str) -> PreTrainedTokenizerFast:
    vocab = {t: i for i, t in enumerate(SPECIALS + sorted(set(string.printable)))}
    if kind == "digits":
        tok = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
        tok.pre_tokenizer = pre_tokenizers.Split(Regex("."), behavior="isolated")
    else:
        for a, b in MERGES:
            vocab[a + b] = len(vocab)
        tok = Tokenizer(models.BPE(vocab, MERGES, unk_token="<unk>"))
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="<pad>",
        unk_token="<unk>",
        eos_token="<|im_end|>",
        chat_template=CHATML,
    )


def make_model(vocab_size: int, attn: str = "sdpa") -> LlamaForCausalLM:
    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=vocab_size,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=512,
        initializer_range=0.3,  # peaked distributions, so differences would show
        tie_word_embeddings=False,
    )
    model = LlamaForCausalLM(config).eval()
    model.set_attn_implementation(attn)
    return model


@pytest.fixture(scope="module", params=["digits", "merged"])
def judge(request) -> HFJudge:
    tokenizer = make_tokenizer(request.param)
    return HFJudge(make_model(len(tokenizer)), tokenizer, snapshot="tiny-random", batch_size=2)


def reference_logprobs(judge: HFJudge, prompt: str) -> torch.Tensor:
    """Brute force: one full forward per candidate over prompt + candidate + end-of-turn."""
    tok = judge.tokenizer
    text = chat_prompt(tok, prompt)
    prompt_ids = tok(text, add_special_tokens=False)["input_ids"]
    out = []
    for s in CANDIDATES:
        full = tok(text + s, add_special_tokens=False)["input_ids"]
        assert full[: len(prompt_ids)] == prompt_ids
        answer = full[len(prompt_ids) :] + [judge.end_id]
        with torch.no_grad():
            logits = judge.model(torch.tensor([prompt_ids + answer])).logits[0]
        logprobs = torch.log_softmax(logits.double(), dim=-1)
        start = len(prompt_ids) - 1
        out.append(sum(logprobs[start + k, t].item() for k, t in enumerate(answer)))
    return torch.tensor(out, dtype=torch.float64)


def test_candidates_end_with_the_end_of_turn_token(judge):
    assert judge.tokenizer.convert_ids_to_tokens(judge.end_id) == "<|im_end|>"
    tree = judge.tree
    steps = {s: tree.step_token[c][tree.step_valid[c]].tolist() for c, s in enumerate(CANDIDATES)}
    ids = judge.tokenizer.convert_tokens_to_ids
    assert steps["8"] == [ids("8"), judge.end_id]
    assert steps["86"] == [ids("8"), ids("6"), judge.end_id]
    if "85" in judge.tokenizer.get_vocab():  # merged: one token, sharing no node with "8"
        assert steps["85"] == [ids("85"), judge.end_id]
        assert steps["100"] == [ids("10"), ids("0"), judge.end_id]
    else:
        assert steps["85"] == [ids("8"), ids("5"), judge.end_id]
        assert steps["100"] == [ids("1"), ids("0"), ids("0"), judge.end_id]


def test_distribution_is_normalised_and_scores_are_in_range(judge):
    for j in judge.judge(PROMPTS):
        assert j.error is None
        assert list(j.raw["probs"]) == list(CANDIDATES)
        assert math.fsum(j.raw["probs"].values()) == pytest.approx(1.0, abs=1e-9)
        numbers = math.fsum(j.raw["probs"][str(n)] for n in range(101))
        assert j.raw["number_mass"] == pytest.approx(numbers, abs=1e-12)
        assert 0 < j.raw["candidate_mass"] <= 1
        assert j.label is not None or (j.score is not None and 0 <= j.score <= 100)


def test_tree_forward_equals_one_forward_per_candidate(judge):
    # two prompts of different lengths in one batch: left padding and the tree mask both exercised
    prompts = PROMPTS[:2]
    got = judge.judge(prompts)
    for prompt, j in zip(prompts, got, strict=True):
        reference = reference_logprobs(judge, prompt)
        expected = torch.softmax(reference, dim=0)
        probs = torch.tensor([j.raw["probs"][s] for s in CANDIDATES], dtype=torch.float64)
        assert torch.allclose(probs, expected, atol=1e-4, rtol=0), (probs - expected).abs().max()
        assert probs.max() > 5 * probs.min()  # the check is not vacuous: the distribution is not flat
        assert j.raw["candidate_mass"] == pytest.approx(reference.exp().sum().item(), rel=1e-4)


def test_eager_attention_matches_sdpa():
    tokenizer = make_tokenizer("digits")
    sdpa = HFJudge(make_model(len(tokenizer), "sdpa"), tokenizer, snapshot="s")
    eager = HFJudge(make_model(len(tokenizer), "eager"), tokenizer, snapshot="s")
    for a, b in zip(sdpa.judge(PROMPTS), eager.judge(PROMPTS), strict=True):
        assert a.score == pytest.approx(b.score, abs=1e-4)


def test_batching_does_not_change_results(judge):
    batched = judge.judge(PROMPTS)
    single = [judge.judge([p])[0] for p in PROMPTS]
    for a, b in zip(batched, single, strict=True):
        assert a.label == b.label
        for s in CANDIDATES:
            assert a.raw["probs"][s] == pytest.approx(b.raw["probs"][s], abs=1e-6)


def test_too_long_prompt_is_an_error_and_the_rest_are_judged():
    tokenizer = make_tokenizer("digits")
    judge = HFJudge(make_model(len(tokenizer)), tokenizer, snapshot="s", max_prompt_tokens=60)
    short, long = judge.judge(["hi", "x" * 200])
    assert short.error is None and short.raw["probs"]
    assert long.score is None and "max_prompt_tokens=60" in long.error


def test_a_failing_batch_is_error_rows_and_the_other_batches_are_judged(judge, monkeypatch):
    real = judge.candidate_logprobs
    short = len(judge.tokenizer(chat_prompt(judge.tokenizer, "ho"), add_special_tokens=False)["input_ids"])

    def out_of_memory_on_long_prompts(prompt_ids):
        if max(len(p) for p in prompt_ids) > short:
            raise RuntimeError("CUDA out of memory. Tried to allocate 20.00 GiB")
        return real(prompt_ids)

    monkeypatch.setattr(judge, "candidate_logprobs", out_of_memory_on_long_prompts)
    hi, long, ho = judge.judge(["hi", "x" * 60, "ho"])  # batch_size=2: [hi, ho], then [long]
    assert hi.error is None and ho.error is None and hi.raw["probs"]
    assert (
        long.score is None and long.error == "RuntimeError: CUDA out of memory. Tried to allocate 20.00 GiB"
    )


def test_flash_attention_is_refused():
    tokenizer = make_tokenizer("digits")
    model = make_model(len(tokenizer))
    model.config._attn_implementation = "flash_attention_2"
    with pytest.raises(ValueError, match="attn_implementation"):
        HFJudge(model, tokenizer, snapshot="s")


def test_build_from_a_local_directory_pins_its_content(tmp_path):
    tokenizer = make_tokenizer("merged")
    model = make_model(len(tokenizer))
    model.save_pretrained(tmp_path)
    tokenizer.save_pretrained(tmp_path)
    params = {"model": str(tmp_path), "batch_size": 2, "min_mass": 0.1}
    judge = build_judge("hf", params)
    assert '"snapshot":"sha256:' in judge.fingerprint()
    assert build_judge("hf", params).fingerprint() == judge.fingerprint()
    direct = HFJudge(model, tokenizer, snapshot="s").judge(PROMPTS[:1])[0]
    assert judge.judge(PROMPTS[:1])[0].raw["probs"]["85"] == pytest.approx(
        direct.raw["probs"]["85"], rel=1e-6
    )

    with torch.no_grad():
        model.lm_head.weight[0, 0] += 1.0
    model.save_pretrained(tmp_path)
    assert build_judge("hf", params).fingerprint() != judge.fingerprint()
