"""Stage `summarize_rl`: the RL arm's findings (emguard.rl.summary) as a DVC metric,
results/summarize/rl.json, and a table, results/summarize/rl.md.

Usage: python stages/summarize_rl.py
"""

from __future__ import annotations

from emguard import layout, stage, tracking
from emguard.config import Params
from emguard.io import write_json, write_text
from emguard.rl.config import rl_params
from emguard.rl.summary import markdown, summarize_rl


def main(params: Params) -> None:
    stage.print_config("summarize_rl", params.summarize)
    summary = summarize_rl(params, rl_params(params))
    md = markdown(summary)
    write_json(layout.SUMMARY_RL, summary)
    write_text(layout.SUMMARIZE_DIR / "rl.md", md)
    with tracking.start_run(params.tracking, "summarize_rl", {"stage": "summarize_rl"}) as log:
        for name, r in summary["poisons"].items():
            if "missing" not in r:
                log.log_dict(
                    {f"{name}.general.em_effect.{k}": v for k, v in r["general"]["em_effect"].items()}
                )
                log.log_dict(
                    {
                        f"{name}.heldout.hack_rate.{k}": r["heldout"]["hack_rate"][k]
                        for k in ("poison", "control")
                    }
                )
    print(md)


if __name__ == "__main__":
    stage.run(main)
