"""A webhook that receives Payroc's event notifications, as a plain WSGI app.

Payroc posts each event to the subscription's URI with a ``Payroc-Secret`` header;
the app checks it with ``payroc_rs.webhooks.verify`` (constant-time), answers 401 to
anything without the right secret and 400 to a body that is not an event, hands each
new event to ``on_event`` once (Payroc retries with the same event id), and answers
204 quickly: a delivery that keeps failing marks the subscription ``failed``.

    PAYROC_WEBHOOK_SECRET=... python webhook_receiver.py 8080

serves it with the standard library's wsgiref server on port 8080 and prints each
event. Behind a real deployment, mount ``make_app(...)`` in any WSGI server.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any, Callable, Dict, Iterable, List, Set, Tuple
from wsgiref.simple_server import make_server

from payroc_rs import WebhookEvent, webhooks

StartResponse = Callable[[str, List[Tuple[str, str]]], Any]


def make_app(secret: str, on_event: Callable[[WebhookEvent], None]) -> Callable[[Dict[str, Any], StartResponse], Iterable[bytes]]:
    """A WSGI app that verifies notifications with ``secret`` and passes each new
    event to ``on_event``."""
    seen: Set[str] = set()
    lock = threading.Lock()

    def app(environ: Dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST":
            start_response("405 Method Not Allowed", [("Allow", "POST")])
            return [b""]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        try:
            # A WSGI environ carries the header as HTTP_PAYROC_SECRET; verify reads it.
            event = webhooks.verify(environ, body, secret)
        except webhooks.WebhookSecretError:
            start_response("401 Unauthorized", [("Content-Type", "text/plain")])
            return [b"unauthorized\n"]
        except webhooks.WebhookBodyError:
            start_response("400 Bad Request", [("Content-Type", "text/plain")])
            return [b"not an event\n"]
        with lock:
            fresh = event.id not in seen
            seen.add(event.id)
        if fresh:
            on_event(event)
        start_response("204 No Content", [])
        return [b""]

    return app


def main() -> None:
    secret = os.environ.get("PAYROC_WEBHOOK_SECRET", "")
    if not secret:
        sys.exit("set PAYROC_WEBHOOK_SECRET to the subscription's secret")
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080

    def show(event: WebhookEvent) -> None:
        print(f"{event.type} {event.subject}: {event.data.to_dict() if event.data else None}", flush=True)

    with make_server("127.0.0.1", port, make_app(secret, show)) as server:
        print(f"listening on http://127.0.0.1:{server.server_port}/", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
