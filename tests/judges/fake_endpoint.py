"""A scripted OpenAI-compatible chat endpoint on loopback (127.0.0.1 only), for the judge tests.

The server answers POST /v1/chat/completions with what the test's script says for the case tag
in the prompt ("... case:<name>"), counting calls per case; it serves a bounded number of
requests and stops with the test, or after SERVE_S.

    with serving() as server:
        server.script["ok"] = lambda n, auth: Reply(200, completion("85", {"85": -0.1}))
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_REQUESTS = 500  # a runaway retry loop gets dropped connections instead of spinning
SERVE_S = 60.0


@dataclass
class Reply:
    status: int = 200
    body: bytes | dict | list = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # wait before answering: a hung server (cut short when the test ends)
    declared_length: int | None = None  # a Content-Length that lies: the body is cut short


def completion(text: str, top: dict[str, float] | None) -> dict:
    """A chat completion whose first token has `top` as its top_logprobs (None: no logprobs)."""
    logprobs = None
    if top is not None:
        entries = [{"token": t, "logprob": lp, "bytes": list(t.encode())} for t, lp in top.items()]
        logprobs = {"content": [{**entries[0], "top_logprobs": entries}], "refusal": None}
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "scripted-judge",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "length",
                "logprobs": logprobs,
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 1, "total_tokens": 11},
    }


class Server:
    """Records every request body and auth header; `script[case](n, auth)` gives the n-th reply."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.auth: list[str] = []
        self.calls: dict[str, int] = {}
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.script: dict[str, Callable[[int, str], Reply]] = {}
        self.on_request: Callable[[str], None] = lambda case: None
        self.base_url = ""

    def reply(self, body: dict, auth: str) -> Reply:
        case = body["messages"][0]["content"].split("case:")[1].split()[0]
        with self.lock:
            if len(self.requests) >= MAX_REQUESTS:
                raise ConnectionAbortedError("the scripted server's request budget is spent")
            self.requests.append(body)
            self.auth.append(auth)
            self.calls[case] = n = self.calls.get(case, 0) + 1
        self.on_request(case)
        return self.script[case](n, auth)


def _handler(state: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if self.path != "/v1/chat/completions":
                reply = Reply(404, {"error": {"message": f"no route {self.path}"}})
            else:
                reply = state.reply(body, self.headers.get("Authorization", ""))
            if reply.delay_s and state.stop.wait(reply.delay_s):
                self.close_connection = True  # hang up: the client waiting on it stops at once
                return
            data = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(reply.declared_length or len(data)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
            if reply.declared_length:
                self.close_connection = True

        def log_message(self, *args):  # keep test output clean
            pass

    return Handler


def _serve(httpd: ThreadingHTTPServer, state: Server) -> None:
    """Serve until the test ends, or SERVE_S at most: a stuck test cannot keep a server running."""
    httpd.timeout = 0.05
    deadline = time.monotonic() + SERVE_S
    while not state.stop.is_set() and time.monotonic() < deadline:
        httpd.handle_request()


@contextlib.contextmanager
def serving() -> Iterator[Server]:
    state = Server()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads, httpd.block_on_close = True, False
    httpd.handle_error = lambda request, address: None  # a client that hung up is no test failure
    thread = threading.Thread(target=_serve, args=(httpd, state), daemon=True)
    thread.start()
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    try:
        yield state
    finally:
        state.stop.set()
        thread.join(timeout=5)
        httpd.server_close()
