"""Eval question files in the original EM study's YAML format (see `general.yaml` for the schema).

`general.yaml` holds the eight canonical questions in plain, JSON and template formats;
`long_prompt.yaml` embeds the same questions at the end of a long, realistic preamble.
"""

from pathlib import Path

QUESTIONS_DIR = Path(__file__).parent
