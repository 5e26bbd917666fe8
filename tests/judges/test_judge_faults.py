"""Judge-server faults on loopback: each one is an error row with a short reason, never a score and
never an exception; the rest of the batch is scored and cached as it completes; no key is kept.
"""

import email.utils
import json
import re
import socket
import time

import pytest
from fake_endpoint import Reply, completion, serving
from hypothesis import given
from hypothesis import strategies as st

from emguard.judged_metrics import judge_samples
from emguard.judges import build_judge
from emguard.judges.base import MAX_REASON_CHARS, Judge, Judgement, JudgeParams, make_fingerprint
from emguard.judges.cache import JudgeCache, cached_judge
from emguard.judges.redact import MASK, redact

KEY_ENV = "EMGUARD_TEST_JUDGE_KEY"
KEY = "sk-emguard-test-0123456789abcdef"
GOOD = completion("85", {"85": -0.1, "90": -2.5})
MAX_RETRIES = 2


def with_logprob(value) -> bytes:
    """A completion whose logprob is `value` as JSON writes it (NaN, Infinity, 1e+308, "abc")."""
    return json.dumps(completion("85", {"85": value})).encode()


def no_top_logprobs() -> dict:
    body = completion("85", {"85": -0.1})
    body["choices"][0]["logprobs"]["content"][0]["top_logprobs"] = []
    return body


def date_in(seconds: float) -> str:
    return email.utils.formatdate(time.time() + seconds, usegmt=True)


def echo_key(n: int, auth: str) -> Reply:
    message = f"Incorrect API key provided. Authorization: {auth}; key {KEY} is not valid."
    return Reply(401, {"error": {"message": message, "type": "invalid_request_error"}})


def always(reply: Reply):
    return lambda n, auth: reply


def first_then_good(reply: Reply):
    return lambda n, auth: reply if n == 1 else Reply(200, GOOD)


A = 1 + MAX_RETRIES  # requests made for a fault worth retrying
# case -> (the server's reply to the n-th request, a regex the error must match, requests expected)
FAULTS = {
    "malformed-json": (always(Reply(200, b'{"choices": [')), "not JSON", 1),
    "text-plain": (always(Reply(200, b"85", "text/plain")), "malformed response: body", 1),
    "html-502": (always(Reply(502, b"<html>Bad gateway</html>", "text/html")), "HTTP 502", A),
    "json-array": (always(Reply(200, b"[1, 2]")), "malformed response", 1),
    "empty-body": (always(Reply(200, b"")), "not JSON", 1),
    "cut-short": (always(Reply(200, GOOD, declared_length=10**4)), f"gave up after {A} attempts", A),
    "nan-logprob": (always(Reply(200, with_logprob(float("nan")))), "logprob", 1),
    "huge-logprob": (always(Reply(200, with_logprob(1e308))), "logprob", 1),
    "inf-logprob": (always(Reply(200, with_logprob(float("inf")))), "logprob", 1),
    "positive-logprob": (always(Reply(200, with_logprob(0.5))), "logprob", 1),
    "string-logprob": (always(Reply(200, with_logprob("abc"))), "logprob", 1),
    "http-500": (always(Reply(500, {"error": {"message": "boom"}})), f"gave up after {A} .*HTTP 500", A),
    "http-401-echoing-key": (echo_key, "HTTP 401", 1),
    "retry-after-too-long": (always(Reply(429, {}, headers={"Retry-After": "86400"})), "HTTP 429", 1),
    "timeout": (always(Reply(200, GOOD, delay_s=5)), f"gave up after {A} .*Timeout", A),
    "empty-choices": (always(Reply(200, {**GOOD, "choices": []})), "choices", 1),
    "no-choices": (always(Reply(200, {"id": "x"})), "choices", 1),
    "no-logprobs": (always(Reply(200, completion("85", None))), "no top_logprobs", 1),
    "empty-top-logprobs": (always(Reply(200, no_top_logprobs())), "no top_logprobs", 1),
}


@pytest.fixture(scope="module")
def endpoint():
    """One server and one judge for the module: a client costs ~0.3 s to build (its TLS context)."""
    with serving() as server, pytest.MonkeyPatch.context() as mp:
        mp.setenv(KEY_ENV, KEY)
        params = {
            "base_url": server.base_url,
            "model": "scripted-judge",
            "api_key_env": KEY_ENV,
            "max_retries": MAX_RETRIES,
            "timeout_s": 0.3,
            "concurrency": 4,
        }
        yield server, build_judge("openai", params)


@pytest.fixture
def server(endpoint, sleeps):
    server, _ = endpoint
    with server.lock:
        server.calls.clear()
        server.auth.clear()
        server.requests.clear()
    server.script = {case: reply for case, (reply, _, _) in FAULTS.items()}
    server.script["good"] = always(Reply(200, GOOD))
    server.on_request = lambda case: None
    return server


@pytest.fixture
def judge(endpoint, server):
    return endpoint[1]


@pytest.mark.parametrize("case", FAULTS)
def test_each_fault_is_an_error_row_with_a_short_reason(judge, server, case):
    _, pattern, requests = FAULTS[case]
    (j,) = judge.judge([f"Rate this. case:{case}"])
    assert (j.score, j.label, j.raw) == (None, None, {})
    assert j.error is not None and len(j.error) <= MAX_REASON_CHARS
    assert re.search(pattern, j.error), j.error
    assert server.calls[case] == requests  # retried only what asking again can fix
    assert KEY not in j.error


def test_one_batch_with_every_fault_keeps_the_good_answers(judge):
    cases = [*FAULTS, "good", "good"]
    judgements = judge.judge([f"case:{c}" for c in cases])
    assert [j.error is None for j in judgements] == [c == "good" for c in cases]
    assert [j.score for j in judgements[-2:]] == [pytest.approx(judgements[-1].score)] * 2


def test_retry_after_seconds_is_honoured(judge, server, sleeps):
    server.script["limited"] = first_then_good(Reply(429, {}, headers={"Retry-After": "2"}))
    (j,) = judge.judge(["case:limited"])
    assert j.error is None and j.score is not None
    assert sleeps == [2.0]


def test_retry_after_http_date_is_honoured(judge, server, sleeps):
    server.script["busy"] = first_then_good(Reply(503, {}, headers={"Retry-After": date_in(3)}))
    (j,) = judge.judge(["case:busy"])
    assert j.error is None
    (wait,) = sleeps
    assert 1.5 < wait <= 3.0


def test_connection_refused_is_an_error_row(sleeps, monkeypatch):
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv(KEY_ENV, KEY)
    params = {"base_url": f"http://127.0.0.1:{port}/v1", "model": "m", "api_key_env": KEY_ENV}
    params["max_retries"] = 1
    (j,) = build_judge("openai", params).judge(["case:good"])
    assert j.score is None and "gave up after 2 attempts" in j.error and "APIConnectionError" in j.error
    assert len(sleeps) == 1


def test_the_key_is_redacted_from_errors_and_raw_output(judge, server):
    server.script["echo-ok"] = lambda n, a: Reply(200, completion(f"{a} {KEY}", {"85": -0.1}))
    denied, echoed = judge.judge(["case:http-401-echoing-key", "case:echo-ok"])
    assert "Bearer [REDACTED]" in denied.error and KEY not in denied.error
    assert echoed.score == pytest.approx(85) and KEY not in json.dumps(echoed.to_dict())
    assert server.auth[0] == f"Bearer {KEY}"  # the key was sent, only never kept


@given(st.text(), st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1))
def test_redact_removes_every_copy_of_the_secret(text, secret):
    out = redact(f"{text}{secret}{text}Bearer {secret}", [secret])
    assert secret not in out.replace(MASK, "\0")


@pytest.mark.parametrize(
    "text",
    [
        "Authorization: Bearer abc.def-123",
        "authorization: bearer abc.def-123",
        '{"Authorization": "Bearer abc.def-123"}',
        "your key sk-proj-abcdef123456 is invalid",
    ],
)
def test_bearer_tokens_and_sk_keys_are_redacted_without_knowing_them(text):
    out = redact(text)
    assert "abc.def-123" not in out and "sk-proj-abcdef123456" not in out and MASK in out


def test_cached_judgements_are_on_disk_before_the_next_request(judge, server, tmp_path):
    """A kill at any moment keeps every judgement paid for before it: each is written (and
    fsynced) before the next request goes out."""
    path = tmp_path / "cache.jsonl"
    on_disk = []
    server.on_request = lambda case: on_disk.append(path.exists() and len(path.read_text().splitlines()))
    sequential = build_judge("openai", {**judge.params.model_dump(), "concurrency": 1})
    cached_judge(sequential, [f"case:good #{k}" for k in range(5)], JudgeCache(path))
    assert on_disk == [False, 1, 2, 3, 4]


def test_a_mid_batch_failure_keeps_the_successes_in_the_cache(judge, tmp_path):
    path = tmp_path / "cache.jsonl"
    prompts = [f"case:{c} #{k}" for k, c in enumerate(["good", "nan-logprob", "good", "http-500", "good"])]
    out = cached_judge(judge, prompts, JudgeCache(path))
    assert [j.error is None for j in out] == [True, False, True, False, True]
    assert len(JudgeCache(path)) == 3 and KEY not in path.read_text()


class Crashing(Judge):
    """Gives `ok` judgements, then raises `error` (a backend bug, or a signal's KeyboardInterrupt)."""

    name, Params = "crashing", JudgeParams

    def __init__(self, ok: int, error: BaseException) -> None:
        self.ok, self.error = ok, error

    @classmethod
    def from_params(cls, params):
        raise NotImplementedError

    def fingerprint(self) -> str:
        return make_fingerprint(self.name)

    def judge(self, prompts):
        raise AssertionError("the cache asks iter_judge")

    def iter_judge(self, prompts):
        for i in range(self.ok):
            yield i, Judgement(score=float(i), label=None, raw={})
        raise self.error


def test_a_backend_exception_becomes_error_rows_after_the_kept_ones(tmp_path):
    crashing = Crashing(2, RuntimeError("sent Bearer tok-123\n" + "x" * 10_000))
    out = cached_judge(crashing, ["a", "b", "c", "d"], JudgeCache(tmp_path / "c"))
    assert [j.score for j in out] == [0.0, 1.0, None, None]
    assert out[2].error.startswith("RuntimeError: sent Bearer [REDACTED] xxx")
    assert len(out[2].error) == MAX_REASON_CHARS and out[3].error == out[2].error
    assert len(JudgeCache(tmp_path / "c")) == 2


def test_an_interrupt_propagates_and_the_paid_judgements_stay_cached(tmp_path):
    with pytest.raises(KeyboardInterrupt):
        cached_judge(Crashing(3, KeyboardInterrupt()), list("abcdef"), JudgeCache(tmp_path / "c"))
    assert len(JudgeCache(tmp_path / "c")) == 3


def test_an_interrupted_batch_stops_asking_at_once(judge, server):
    """The caller stops (a signal, a failed write): queued prompts are never sent, the stop does
    not wait for the hung requests, and the judge keeps working with a fresh client."""
    server.script["hung"] = always(Reply(200, GOOD, delay_s=30))  # ended when the module's server stops
    patient = build_judge("openai", {**judge.params.model_dump(), "timeout_s": 20})
    batch = patient.iter_judge(["case:good"] + [f"case:hung #{k}" for k in range(12)])
    assert next(batch)[1].error is None
    old_client, started = patient._client, time.monotonic()
    batch.close()
    assert time.monotonic() - started < 10  # waiting for a hung request would take 20 s
    assert server.calls["hung"] <= patient.params.concurrency
    assert patient._client is not old_client and patient.judge(["case:good"])[0].error is None


def test_judge_samples_counts_failed_rows_and_keeps_their_reason(judge):
    questions = {"q": {"aligned": "case:good A={answer}", "coherent": "case:{answer}"}}
    samples = [
        {"question_id": "q", "format": "plain", "sample_index": k, "question": "?", "answer": answer}
        for k, answer in enumerate(["good", "nan-logprob", "text-plain"])
    ]
    rows = judge_samples(judge, samples, questions)
    assert [r["judge_error"] is None for r in rows] == [True, False, False]
    assert rows[1]["judge_error"].startswith("coherent: malformed response") and rows[1]["coherent"] is None
