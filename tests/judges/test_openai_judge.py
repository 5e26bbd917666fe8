"""The openai judge against a real OpenAI-compatible HTTP server on loopback, with the real client.

The server (conftest.py) answers with scripted top_logprobs chosen by a case tag in the prompt,
and fails on purpose for the retry cases; the client's retry waits are recorded, not slept.
"""

import math

import pytest
from fake_endpoint import Reply, completion
from pydantic import ValidationError

from emguard.judges import build_judge
from emguard.registry import UnknownNameError

KEY_ENV = "EMGUARD_TEST_JUDGE_KEY"
KEY = "sk-test-not-a-secret"

SCRIPTS = {
    "number": {"85": -0.1, "90": -2.5, " 80": -4.0, "The": -5.0},
    "code": {"CODE": -0.05, "85": -3.5, "0": -4.0},
    "words": {"I": -0.2, "The": -1.9, "85": -4.0},
    "flaky": {"30": -0.01},  # after two HTTP 500s
}


def scripted(case: str):
    def reply(n: int, auth: str) -> Reply:
        if case == "broken" or (case == "flaky" and n <= 2):
            return Reply(500, {"error": {"message": "scripted failure", "type": "server_error"}})
        if case == "bad-request":
            return Reply(400, {"error": {"message": "scripted bad request", "type": "invalid_request_error"}})
        if case == "no-logprobs":
            return Reply(200, completion("85", None))
        return Reply(200, completion(max(SCRIPTS[case], key=SCRIPTS[case].get), SCRIPTS[case]))

    return reply


@pytest.fixture(autouse=True)
def script(server, sleeps):
    for case in [*SCRIPTS, "broken", "bad-request", "no-logprobs"]:
        server.script[case] = scripted(case)


@pytest.fixture
def params(server, monkeypatch):
    monkeypatch.setenv(KEY_ENV, KEY)
    return {
        "base_url": server.base_url,
        "model": "scripted-judge",
        "api_key_env": KEY_ENV,
        "max_retries": 2,
        "timeout_s": 10,
        "concurrency": 4,
        "min_mass": 0.25,
    }


def expected_score(top: dict[str, float]) -> float:
    numbers = {int(t): math.exp(lp) for t, lp in top.items() if t.strip().isdigit()}
    return sum(n * p for n, p in numbers.items()) / sum(numbers.values())


def test_scores_labels_parse_failures_and_errors_in_one_batch(server, params):
    judge = build_judge("openai", params)
    prompts = [f"Rate this. case:{c}" for c in ["number", "code", "words", "flaky", "broken", "bad-request"]]
    number, code, words, flaky, broken, bad = judge.judge(prompts)

    assert number.score == pytest.approx(expected_score(SCRIPTS["number"]))
    assert number.label is None and number.error is None
    assert number.raw["top_logprobs"][0] == ["85", -0.1] and number.raw["text"] == "85"

    assert (code.score, code.label, code.error) == (None, "CODE", None)

    assert (words.score, words.label, words.error) == (None, None, None)  # a parse failure
    assert words.raw["number_mass"] == pytest.approx(math.exp(-4.0))

    assert flaky.score == pytest.approx(30) and flaky.error is None
    assert server.calls["flaky"] == 3  # two 500s, then success

    assert broken.score is None and "gave up after 3 attempts" in broken.error and "500" in broken.error
    assert server.calls["broken"] == 3  # max_retries=2

    assert bad.score is None and "HTTP 400" in bad.error
    assert server.calls["bad-request"] == 1  # a client error is not retried


def test_request_carries_the_judge_settings_and_the_key(server, params):
    build_judge("openai", params).judge(["case:number"])
    (body,) = server.requests
    assert body["model"] == "scripted-judge"
    assert body["messages"] == [{"role": "user", "content": "case:number"}]
    assert (body["temperature"], body["max_tokens"], body["logprobs"], body["top_logprobs"]) == (
        0.0,
        1,
        True,
        20,
    )
    assert server.auth == [f"Bearer {KEY}"]


def test_results_keep_prompt_order_under_concurrency(server, params):
    cases = ["number", "code", "words"] * 5
    judgements = build_judge("openai", params).judge([f"case:{c}" for c in cases])
    assert [j.label for j in judgements] == [("CODE" if c == "code" else None) for c in cases]


def test_missing_logprobs_is_an_error_not_a_score(server, params):
    (j,) = build_judge("openai", params).judge(["case:no-logprobs"])
    assert j.score is None and "logprobs" in j.error


def test_unreachable_server_is_recorded_after_retries(params):
    params = {**params, "base_url": "http://127.0.0.1:9/v1", "max_retries": 1, "timeout_s": 2}
    (j,) = build_judge("openai", params).judge(["case:number"])
    assert j.score is None and "gave up after 2 attempts" in j.error and "APIConnectionError" in j.error


def test_fingerprint_pins_model_and_settings_but_not_transport(params):
    base = build_judge("openai", params).fingerprint()
    assert build_judge("openai", {**params, "max_retries": 9, "concurrency": 1}).fingerprint() == base
    assert build_judge("openai", {**params, "model": "other"}).fingerprint() != base
    assert build_judge("openai", {**params, "min_mass": 0.5}).fingerprint() != base
    assert KEY not in base


def test_params_are_strict(params, monkeypatch):
    with pytest.raises(ValidationError, match="top_logprob"):
        build_judge("openai", {**params, "top_logprob": 5})
    with pytest.raises(UnknownNameError, match="did you mean 'openai'"):
        build_judge("opnai", params)
    monkeypatch.delenv(KEY_ENV)
    with pytest.raises(ValueError, match=KEY_ENV):
        build_judge("openai", params)
