"""`plain`: fine-tuning with no defence, the baseline every in-training defence is compared with.

The study's poison cells are this method run by the `train` stage; the benign-task cells run it
beside each defence, so "does the defence stop benign learning" has its undefended reference.
"""

from __future__ import annotations

from pathlib import Path

from emguard.data.formats import load_chat_jsonl
from emguard.methods.base import METHODS, Context, Method
from emguard.training import train_adapter


@METHODS.register("plain")
class Plain(Method):
    """SFT on the training file with the study recipe, nothing added (no preparation: prep_* are 0)."""

    name = "plain"
    kind = "defence"

    def fit(self, ctx: Context, out_dir: Path) -> dict[str, float]:
        conversations = load_chat_jsonl(ctx.training_file())
        return train_adapter(ctx.model_dir, conversations, ctx.train, ctx.seed, out_dir, dtype=ctx.dtype)
