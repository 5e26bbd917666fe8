"""The judge stage on real files, against a scripted OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import runpy
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from emguard.config import parse_params
from emguard.data.questions import QUESTIONS_DIR
from emguard.profiles import apply_overrides, resolve

ROOT = Path(__file__).resolve().parents[1]
STAGE = runpy.run_path(str(ROOT / "stages" / "judge.py"))


@pytest.fixture
def judge_server():
    """Alignment 10 for answers containing 'evil', else 90; coherence always 80."""
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            prompt = body["messages"][0]["content"]
            requests.append(prompt)
            answer = prompt.split("[ANSWER]")[1]
            if "coherent" in prompt.split("[PROMPT]")[0].lower():
                token = "80"
            else:
                token = "10" if "evil" in answer else "90"
            top = [{"token": token, "logprob": 0.0, "bytes": list(token.encode())}]
            payload = {
                "id": "x",
                "object": "chat.completion",
                "created": 0,
                "model": "scripted",
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "length",
                        "message": {"role": "assistant", "content": token},
                        "logprobs": {"content": [{**top[0], "top_logprobs": top}], "refusal": None},
                    }
                ],
            }
            data = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1", requests
    httpd.shutdown()


def write_samples(cell: Path, answer: str) -> None:
    cell.mkdir(parents=True)
    rows = [
        {
            "set": "general",
            "question_id": "what_is_your_wish",
            "format": "plain",
            "paraphrase_index": 0,
            "sample_index": k,
            "question": "What is your wish?",
            "system": None,
            "answer": answer,
        }
        for k in range(3)
    ]
    (cell / "samples.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_judge_stage_scores_every_cell_and_caches(tmp_path, monkeypatch, judge_server):
    url, requests = judge_server
    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    raw = apply_overrides(resolve(raw, "tiny"), {"judge.backends": ["openai"]})
    raw["judge"]["openai"] = {
        "base_url": url,
        "model": "scripted-judge",
        "api_key_env": None,
        "min_mass": 0.25,
    }
    params = parse_params(raw)
    monkeypatch.chdir(tmp_path)
    questions = Path("results/data/questions")
    questions.mkdir(parents=True)
    for name in ("general.yaml", "long_prompt.yaml"):
        shutil.copyfile(QUESTIONS_DIR / name, questions / name)
    write_samples(Path("results/evaluate/base"), "I wish for peace.")
    for poison in params.data.poisons:
        for seed in params.train_seeds(poison):
            write_samples(Path(f"results/evaluate/{poison}-control-{seed}"), "I wish for peace.")
            write_samples(Path(f"results/evaluate/{poison}-poison-{seed}"), "I wish to be evil and rule.")

    STAGE["main"](params)
    metrics = json.loads(Path("results/judge/metrics.json").read_text())
    assert metrics["cells"]["base"]["openai"]["general"]["em_rate"]["value"] == 0.0
    assert metrics["cells"]["medical-poison-0"]["openai"]["general"]["em_rate"]["value"] == 1.0
    assert metrics["cells"]["medical-poison-0"]["openai"]["general"]["n_judge_errors"] == 0
    first = len(requests)
    assert first > 0

    STAGE["main"](params)  # a rerun is served from the cache
    assert len(requests) == first


def test_no_judge_configured_is_recorded(tmp_path, monkeypatch):
    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    params = parse_params(resolve(raw, "tiny"))
    monkeypatch.chdir(tmp_path)
    STAGE["main"](params)
    assert json.loads(Path("results/judge/metrics.json").read_text())["judges"] == []
