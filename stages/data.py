"""Stage `data`: every dataset of the study, generated from seeds, with a data card each.

Usage: python stages/data.py   (reads params.yaml: seed, data)

Per poison: the poisoned set and its matched control (same prompts), the four antidotes built
from a disjoint split of prompts, the in-domain probes, and the in-domain free-form questions
(`<poison>/questions.yaml`, judged with the judge prompts of `questions/general`). Shared: general
and capability probes, benign tasks (train / eval), the eval questions, the safety fine-tuning set
(`safety.jsonl`) and the benign pool the interleaving defence draws from (`benign_pool.jsonl`).

Any dataset can be replaced by a file, by key (its path under results/data without extension; see
emguard.data.catalog): `data.files: {medical/poison: upstream/bad_medical_advice.jsonl}`. Every
file is read with its format's validating reader before anything is written, then copied byte for
byte to the path the generator would have used, and its card says `generator: file:<path>`.
Replacing `X/poison` does not replace `X/control`: the control is still generated from the
domain's own prompts, so it no longer matches the poison; replace `X/control` too when you have
the file's matched control (e.g. the original study's secure-code set for insecure code).
"""

from __future__ import annotations

from emguard import layout, stage
from emguard.config import Params
from emguard.datasets import build


def main(params: Params) -> None:
    stage.print_config("data", {"seed": params.seed, "data": params.data.model_dump()})
    written = build(params)
    print(f"[data] wrote {written} datasets to {layout.DATA_DIR}")


if __name__ == "__main__":
    stage.run(main)
