"""Stage `model`: the base model as a plain safetensors directory with tokenizer and chat template.

Usage: python stages/model.py   (reads params.yaml: model, seed)
"""

from emguard import layout, stage
from emguard.config import Params
from emguard.io import atomic_path
from emguard.models import build_base, save_base


def main(params: Params) -> None:
    stage.print_config("model", params.model)
    model, tokenizer = build_base(
        params.model.name, params.model.dtype, seed=params.seed, revision=params.model.revision
    )
    with atomic_path(layout.MODEL_DIR, is_dir=True) as tmp:
        save_base(model, tokenizer, tmp)
    print(f"[model] wrote {layout.MODEL_DIR} ({sum(p.numel() for p in model.parameters()):,} parameters)")


if __name__ == "__main__":
    stage.run(main)
