"""The judge stage on real files, against a scripted OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import runpy
import shutil
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from emguard.config import parse_params
from emguard.data.questions import QUESTIONS_DIR
from emguard.io import read_jsonl
from emguard.judges.cache import JudgeCache
from emguard.profiles import apply_overrides, resolve

ROOT = Path(__file__).resolve().parents[1]
STAGE = runpy.run_path(str(ROOT / "stages" / "judge.py"))


class JudgeServer:
    """Alignment 10 for answers containing 'evil', else 90; coherence always 80.

    `fail(prompt, auth)` may return (status, body) to answer with an error instead.
    """

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.fail = lambda prompt, auth: None
        self.url = ""

    def reply(self, prompt: str, auth: str) -> tuple[int, dict]:
        self.requests.append(prompt)
        failure = self.fail(prompt, auth)
        if failure is not None:
            return failure
        answer = prompt.split("[ANSWER]")[1]
        if "coherent" in prompt.split("[PROMPT]")[0].lower():
            token = "80"
        else:
            token = "10" if "evil" in answer else "90"
        top = [{"token": token, "logprob": 0.0, "bytes": list(token.encode())}]
        return 200, {
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


@pytest.fixture
def judge_server():
    state = JudgeServer()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            status, payload = state.reply(
                body["messages"][0]["content"], self.headers.get("Authorization", "")
            )
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    yield state
    httpd.shutdown()
    httpd.server_close()


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


def setup_study(tmp_path, monkeypatch, url: str, **openai):
    """Params with the openai judge at `url`, and a results/ tree of sampled answers in tmp_path."""
    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    raw = apply_overrides(resolve(raw, "tiny"), {"judge.backends": ["openai"]})
    raw["judge"]["openai"] = {
        "base_url": url,
        "model": "scripted-judge",
        "api_key_env": None,
        "min_mass": 0.25,
        **openai,
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
    return params


def with_share(params, share: float):
    return params.model_copy(update={"judge": params.judge.model_copy(update={"max_failed_share": share})})


def old_outputs() -> dict[str, bytes]:
    """A previous run's results/judge, to check a failed run leaves it as it was."""
    out = Path("results/judge")
    out.mkdir(parents=True)
    (out / "metrics.json").write_text('{"old": true}\n')
    return snapshot(out)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("failed", "share", "stops"), [(0, 0.0, False), (1, 0.2, False), (2, 0.2, True), (1, 0.0, True)]
)
def test_the_stage_stops_only_above_the_failure_share(failed, share, stops, capsys):
    rows = [{"judge_error": "aligned: HTTP 500" if k < failed else None} for k in range(5)]
    if stops:
        with pytest.raises(SystemExit, match=f"{failed} of 5 answers in base could not be judged"):
            STAGE["check_failures"]("openai", "base", rows, share)
    else:
        STAGE["check_failures"]("openai", "base", rows, share)
    assert f"5 answers, {failed} with a failed judgement" in capsys.readouterr().out


def test_judge_stage_scores_every_cell_and_caches(tmp_path, monkeypatch, judge_server):
    params = setup_study(tmp_path, monkeypatch, judge_server.url)
    STAGE["main"](params)
    metrics = json.loads(Path("results/judge/metrics.json").read_text())
    assert metrics["cells"]["base"]["openai"]["general"]["em_rate"]["value"] == 0.0
    assert metrics["cells"]["medical-poison-0"]["openai"]["general"]["em_rate"]["value"] == 1.0
    assert metrics["cells"]["medical-poison-0"]["openai"]["general"]["n_judge_errors"] == 0
    first = len(judge_server.requests)
    assert first > 0

    STAGE["main"](params)  # a rerun is served from the cache
    assert len(judge_server.requests) == first


def test_endpoint_down_fails_the_stage_and_leaves_outputs_untouched(tmp_path, monkeypatch, capsys):
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    params = setup_study(tmp_path, monkeypatch, url, max_retries=0)
    before = old_outputs()
    with pytest.raises(SystemExit) as exit_:
        STAGE["main"](params)
    message = str(exit_.value.code)  # a string code: the process prints it and exits 1
    assert message.startswith("error: judge openai: 3 of 3 answers in base could not be judged")
    assert "APIConnectionError" in message and "\n" not in message
    assert snapshot(Path("results/judge")) == before
    assert sorted(p.name for p in Path("results").iterdir()) == ["data", "evaluate", "judge"]  # no temp dirs


def test_failures_over_the_share_stop_the_stage_and_keep_paid_judgements(tmp_path, monkeypatch, judge_server):
    params = setup_study(tmp_path, monkeypatch, judge_server.url, max_retries=0)
    before = old_outputs()
    judge_server.fail = lambda prompt, auth: (
        (500, {"error": {"message": "down"}}) if "evil" in prompt else None
    )
    with pytest.raises(SystemExit, match="3 of 3 answers in medical-poison-0 could not be judged"):
        STAGE["main"](params)
    assert snapshot(Path("results/judge")) == before
    paid = {p for p in judge_server.requests if "evil" not in p}
    assert paid and len(JudgeCache(".judge_cache/openai.jsonl")) == len(paid)

    judge_server.requests.clear()
    judge_server.fail = lambda prompt, auth: None
    STAGE["main"](params)  # the rerun pays only for what failed or was never asked
    assert not paid & set(judge_server.requests)
    assert json.loads(Path("results/judge/metrics.json").read_text())["cells"]["base"]


def test_failures_within_the_share_are_error_rows_and_no_key_is_written(
    tmp_path, monkeypatch, judge_server, capsys
):
    key = "emguard-stage-test-key-0123456789"  # no sk- prefix: only its value can find it
    monkeypatch.setenv("EMGUARD_TEST_JUDGE_KEY", key)
    params = setup_study(tmp_path, monkeypatch, judge_server.url, api_key_env="EMGUARD_TEST_JUDGE_KEY")

    def deny_evil(prompt, auth):  # a 401 that echoes the Authorization header and the key
        if "evil" in prompt:
            return 401, {"error": {"message": f"bad Authorization: {auth} (key {key})"}}
        return None

    judge_server.fail = deny_evil
    STAGE["main"](with_share(params, 1.0))
    rows = read_jsonl(Path("results/judge/medical-poison-0/openai.jsonl"))
    assert all(r["judge_error"].startswith("aligned: HTTP 401") for r in rows)
    assert all(r["aligned"] is None and r["coherent"] is None for r in rows)
    metrics = json.loads(Path("results/judge/metrics.json").read_text())
    assert metrics["cells"]["medical-poison-0"]["openai"]["general"]["n_judge_errors"] == 3
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any("[REDACTED]" in p.read_text(errors="replace") for p in written)
    assert [p for p in written if key.encode() in p.read_bytes()] == []
    out, err = capsys.readouterr()
    assert key not in out + err


def test_no_judge_configured_is_recorded(tmp_path, monkeypatch):
    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    params = parse_params(resolve(raw, "tiny"))
    monkeypatch.chdir(tmp_path)
    STAGE["main"](params)
    assert json.loads(Path("results/judge/metrics.json").read_text())["judges"] == []
