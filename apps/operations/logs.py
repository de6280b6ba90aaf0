"""Structured logs: one JSON object a line (python-json-logger) carrying the request id (``LOG_FORMAT=json``)."""

import logging

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

from .context import current_request_id


class RequestIdFilter(logging.Filter):
    """Every record gets ``request_id``: the web request's, or the one of the request that queued the task."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get() or "-"
        return True


class JsonFormatter(_JsonFormatter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", False)
        super().__init__("{asctime}{levelname}{name}{message}{request_id}", *args, style="{", **kwargs)
