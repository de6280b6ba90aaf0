import time

from .context import accepted_request_id, current_request_id
from .metrics import REQUEST_LATENCY


class RequestIdMiddleware:
    """First in the chain: the request id for the logs and the response, and each request's server time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = accepted_request_id(request.headers.get("X-Request-ID"))
        request.request_id = request_id
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        match = getattr(request, "resolver_match", None)
        # Labels by view name, never by path: a path holds ids and would make a series per object.
        view = (match.view_name or match._func_path) if match else "<unresolved>"
        REQUEST_LATENCY.labels(view=view, method=request.method, status=str(response.status_code)).observe(
            time.perf_counter() - started
        )
        response["X-Request-ID"] = request_id
        return response
