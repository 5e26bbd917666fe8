"""Stage `reelicit`: the general probes under the inoculation prompt and its paraphrases.

Usage: python stages/reelicit.py --seed 0

For seed s: the inoculated model (defence cell `<reelicit.method>-<primary>-<s>`), the plainly
poisoned and the control model of the primary poison, each scored with no system prompt, with
the training-time inoculation prompt and with every paraphrase in `reelicit.paraphrases`
(emguard.reelicit). Writes results/reelicit/<s>/deltas.json (per model and condition, per item).
"""

from __future__ import annotations

import argparse

from emguard import layout, stage
from emguard.config import Params, ParamsError
from emguard.data.formats import load_probe_jsonl
from emguard.io import write_json
from emguard.methods import build_method
from emguard.models import DTYPES, default_device, load_model
from emguard.reelicit import conditions, probe_deltas_under


def main(params: Params) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", required=True, type=int)
    seed = parser.parse_args().seed
    cfg, primary = params.reelicit, params.study.primary
    method = build_method(cfg.method, params.methods)
    if method.name != "inoculation":
        raise ParamsError(f"reelicit.method: {cfg.method!r} is {method.name!r}, not an inoculation method")
    stage.print_config(f"reelicit {seed}", cfg)
    prompts = conditions(method.prompt(primary), cfg.paraphrases)
    items = load_probe_jsonl(layout.general_probes_file())
    models = {
        "inoculated": layout.study_dir("defence", layout.defence_cell(cfg.method, primary, seed)) / "adapter",
        "poisoned": layout.poisoned_adapter(primary, seed),
        "control": layout.TRAIN_DIR / layout.train_cell(primary, "control", seed) / "adapter",
    }
    out: dict = {"ids": [i.id for i in items], "prompts": prompts, "deltas": {}}
    for name, adapter in models.items():
        model, tok = load_model(layout.MODEL_DIR, params.model.dtype, adapter, default_device())
        model.to(DTYPES[params.evaluate.dtype])
        for cond, system in prompts.items():
            deltas = probe_deltas_under(model, tok, items, system, params.evaluate.probe_batch_size)
            out["deltas"].setdefault(name, {})[cond] = [float(d) for d in deltas]
            print(f"[reelicit {seed}] {name} / {cond}: mean delta {deltas.mean():+.3f}", flush=True)
    write_json(layout.RESULTS / "reelicit" / str(seed) / "deltas.json", out)


if __name__ == "__main__":
    stage.run(main)
