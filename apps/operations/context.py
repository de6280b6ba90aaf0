"""The request id of what the process is doing now: a web request, or the background task one of them queued.

nginx sends its ``$request_id`` as ``X-Request-ID``; without one (or with a malformed one) a new id is made. The id
goes into every log line (``logs.RequestIdFilter``), into the response's ``X-Request-ID`` header and, through the
task queue's signals (``signals``), into the log lines of the tasks the request queued.
"""

import re
import uuid
from contextvars import ContextVar

current_request_id: ContextVar[str] = ContextVar("request_id", default="")

_VALID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def new_request_id() -> str:
    return uuid.uuid4().hex


def accepted_request_id(value: str | None) -> str:
    """The caller's id when it looks like one (the proxy's), else a fresh one: nothing else reaches the logs."""
    if value and _VALID.match(value):
        return value
    return new_request_id()
