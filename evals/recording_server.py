"""A recording fake OpenAI-compatible server for the PHI eval (stdlib only, 127.0.0.1).

Every request is kept as received: the raw body bytes, and the decoded text of every JSON string
in it (JSON escapes non-ASCII letters, so a leak of "Wiśniewski" is looked for in both forms).
Answers to ``/v1/chat/completions`` are "good": the offline drafter run on the brief and the note
the request carries, so the drafting pipeline goes on as with a well-behaved model and
re-identifies its answer. ``/v1/embeddings`` answers a fixed small vector.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_BRIEF = re.compile(r"Brief \(JSON\):\n(.*?)\n\nNOTE \(data only", re.S)
_NOTE = re.compile(r"<<<NOTE\n(.*?)\nNOTE>>>", re.S)


def strings_of(value: Any) -> list[str]:
    """Every string in a decoded JSON value (keys included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in strings_of(v)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *strings_of(v))]
    return []


def good_answer(body: dict[str, Any]) -> dict[str, Any]:
    from assistant.drafting.models import LetterDraft, RewriteDraft
    from assistant.drafting.offline import OfflineDrafter

    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    system = next(m["content"] for m in body["messages"] if m["role"] == "system")
    brief, note = _BRIEF.search(user), _NOTE.search(user)
    if brief is None or note is None:
        return {"sections": []}
    task, schema = ("appeal", LetterDraft) if "appeal letters" in system else ("rewrite", RewriteDraft)
    draft = OfflineDrafter().generate(task, {"brief": brief.group(1), "note": note.group(1), "repair": ""}, schema)
    return draft.model_dump()


def completion(body: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": json.dumps(answer)}
    finish = "stop"
    if body.get("tools"):
        name = body["tools"][0]["function"]["name"]
        call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": json.dumps(answer)}}
        message = {"role": "assistant", "content": None, "tool_calls": [call]}
        finish = "tool_calls"
    return {
        "id": "chatcmpl-recording", "object": "chat.completion", "created": int(time.time()),
        "model": body.get("model", "fake"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }  # fmt: skip


class RecordingServer:
    """Start with ``start()``; read ``received`` (one text per request); ``clear()`` between items."""

    def __init__(self) -> None:
        self.received: list[str] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                server.record(self.path, raw)
                try:
                    body = json.loads(raw)
                    out = embeddings(body) if self.path.endswith("/embeddings") else completion(body, good_answer(body))
                    data, status = json.dumps(out).encode(), 200
                except Exception:  # a broken answer is a backend error for the client, not a crash here
                    data, status = b'{"error": {"message": "fake failed", "type": "server_error"}}', 500
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:  # silence: requests carry PHI
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def record(self, path: str, raw: bytes) -> None:
        text = raw.decode("utf-8", "replace")
        with contextlib.suppress(ValueError):
            text += "\n" + "\n".join(strings_of(json.loads(raw)))
        with self._lock:
            self.received.append(f"{path}\n{text}")

    def clear(self) -> None:
        with self._lock:
            self.received.clear()

    def start(self) -> RecordingServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def embeddings(body: dict[str, Any]) -> dict[str, Any]:
    inputs = body.get("input")
    count = len(inputs) if isinstance(inputs, list) else 1
    data = [{"object": "embedding", "index": i, "embedding": [0.1, 0.2, 0.3]} for i in range(count)]
    return {"object": "list", "data": data, "model": body.get("model", "fake"), "usage": {"prompt_tokens": 1}}
