"""Event subscriptions and webhooks against payroc-mock over HTTP: every
event-subscription operation with a real request (table-driven) and its refusals;
``payroc_rs.webhooks.verify`` (table-driven: the secret, malformed bodies, unknown
event types); the emulator's deliveries to the WSGI receiver example; and the boarding
example, which takes a merchant's approval by webhook."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest

import payroc_rs
from payroc_rs import webhooks
from conftest import API_KEY, Mock

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
sys.path.insert(0, str(EXAMPLES))
from webhook_receiver import make_app  # noqa: E402

SECRET = "py-hook-secret-0123456789-abcdef"


@pytest.fixture(scope="module")
def emock() -> Iterator[Mock]:
    m = Mock("--delivery-backoff-ms", "10")
    yield m
    m.stop()


@pytest.fixture()
def eclient(emock: Mock) -> payroc_rs.Client:
    return payroc_rs.Client(api_key=API_KEY, api_url=emock.base + "/v1", identity_url=emock.base, max_retries=0)


def subscription(uri: str = "https://example.com/hook", *types: str) -> Dict[str, Any]:
    return {
        "enabled": True,
        "event_types": list(types) or ["processingAccount.status.changed"],
        "notifications": [{"type": "webhook", "uri": uri, "secret": SECRET,
                           "support_email_address": "ops@example.com"}],
        "metadata": {"yourCustomField": "abc123"},
    }


def test_every_event_subscription_operation_runs_against_the_emulator(emock: Mock, eclient: payroc_rs.Client) -> None:
    emock.control("POST", "/_mock/reset")
    c = eclient.event_subscriptions
    state: Dict[str, str] = {}

    def create() -> Any:
        s = c.create(**subscription())
        state["id"] = str(s.id)
        return s

    table: List[Tuple[str, Callable[[], Any], Callable[[Any], bool]]] = [
        ("event_subscriptions.create", create,
         lambda s: isinstance(s, payroc_rs.EventSubscription) and s.status == "registered"
         and s.notifications[0].secret == "**********abcdef"),
        ("event_subscriptions.retrieve", lambda: c.retrieve(state["id"]),
         lambda s: s.event_types == ["processingAccount.status.changed"] and s.metadata["yourCustomField"] == "abc123"),
        ("event_subscriptions.list", lambda: list(c.list(event="processingAccount.status.changed", status="registered")),
         lambda items: [str(s.id) for s in items] == [state["id"]]),
        ("event_subscriptions.replace",
         lambda: c.replace(state["id"], subscription("https://example.com/other", "terminalOrder.status.changed")),
         lambda r: r is None and c.retrieve(state["id"]).event_types == ["terminalOrder.status.changed"]),
        ("event_subscriptions.update", lambda: c.update(state["id"], [{"op": "replace", "path": "/enabled", "value": False}]),
         lambda s: s.enabled is False),
        ("event_subscriptions.delete", lambda: c.delete(state["id"]), lambda r: r is None and list(c.list()) == []),
    ]
    ran = []
    for name, call, check in table:
        reply = call()
        assert check(reply), (name, reply)
        ran.append(name)
    ops = [op for op in payroc_rs.operations() if op.startswith("event_subscriptions.")]
    assert sorted(ran) == sorted(ops) and len(ran) == 6


def test_refusals(emock: Mock, eclient: payroc_rs.Client) -> None:
    before = emock.requests()
    bad = subscription("ftp://example.com")
    bad["event_types"] = []
    with pytest.raises(payroc_rs.ValidationError) as info:
        eclient.event_subscriptions.create(**bad)
    assert [e.path for e in info.value.errors] == ["eventTypes", "notifications[0].uri"]
    assert SECRET not in str(info.value)
    assert emock.requests() == before
    with pytest.raises(payroc_rs.BadRequestError) as bad_request:
        eclient.event_subscriptions.create(**subscription("https://example.com/h", "merchant.made.up"))
    assert bad_request.value.errors[0].path == "eventTypes[0]"
    with pytest.raises(payroc_rs.ValidationError) as info:
        list(eclient.event_subscriptions.list(status="sleeping"))
    assert [e.path for e in info.value.errors] == ["status"]
    with pytest.raises(payroc_rs.NotFoundError):
        eclient.event_subscriptions.retrieve("424242")
    with pytest.raises(payroc_rs.NotFoundError):
        eclient.event_subscriptions.replace("424242", subscription())
    with pytest.raises(payroc_rs.NotFoundError):
        eclient.event_subscriptions.delete("424242")
    s = eclient.event_subscriptions.create(**subscription())
    with pytest.raises(payroc_rs.BadRequestError):
        eclient.event_subscriptions.update(str(s.id), [{"op": "replace", "path": "/status", "value": "failed"}])
    assert SECRET not in repr(s)


EVENT = {"specversion": "1.0", "id": "evt-py-1", "source": "/payroc", "type": "processingAccount.status.changed",
         "subject": "38765", "data": {"processingAccountId": "38765", "status": "approved"}}
BODY = json.dumps(EVENT).encode()


@pytest.mark.parametrize("headers, body, secret, error, code", [
    ({"Payroc-Secret": SECRET}, BODY, SECRET, None, None),
    ([("payroc-secret", SECRET)], BODY, SECRET, None, None),
    ({"HTTP_PAYROC_SECRET": SECRET}, BODY.decode(), SECRET, None, None),
    ({}, BODY, SECRET, webhooks.WebhookSecretError, "missing_secret"),
    ({"Payroc-Secret": SECRET + "x"}, BODY, SECRET, webhooks.WebhookSecretError, "wrong_secret"),
    ({"Payroc-Secret": SECRET[:-1] + "F"}, BODY, SECRET, webhooks.WebhookSecretError, "wrong_secret"),
    ([("Payroc-Secret", SECRET), ("Payroc-Secret", SECRET)], BODY, SECRET, webhooks.WebhookSecretError, "wrong_secret"),
    ({"Payroc-Secret": SECRET}, b"{not json", SECRET, webhooks.WebhookBodyError, "malformed_body"),
    ({"Payroc-Secret": SECRET}, b'{"specversion":"0.3","id":"x","source":"s","type":"t"}', SECRET,
     webhooks.WebhookBodyError, "malformed_body"),
    ({"Payroc-Secret": ""}, BODY, "", webhooks.WebhookError, "no_expected_secret"),
])
def test_verify(headers: Any, body: Any, secret: str, error: Optional[type], code: Optional[str]) -> None:
    if error is None:
        event = webhooks.verify(headers, body, secret)
        assert isinstance(event, payroc_rs.WebhookEvent)
        assert (event.id, event.type, event.subject, event.data["status"]) == (
            "evt-py-1", "processingAccount.status.changed", "38765", "approved")
        return
    with pytest.raises(error) as info:
        webhooks.verify(headers, body, secret)
    assert isinstance(info.value, payroc_rs.PayrocError)
    assert info.value.code == code
    assert "py-hook-secret" not in str(info.value)


def test_verify_keeps_an_unknown_event_type_whole() -> None:
    body = {"specversion": "1.0", "id": "e2", "source": "/payroc", "type": "merchant.brandNew.event",
            "data": {"x": [1, 2]}, "ext": "kept"}
    event = webhooks.verify({"Payroc-Secret": "k"}, json.dumps(body).encode(), "k")
    assert event.type == "merchant.brandNew.event"
    assert event.to_dict() == body


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_the_emulator_delivers_to_the_wsgi_example_once_per_event(emock: Mock, eclient: payroc_rs.Client) -> None:
    emock.control("POST", "/_mock/reset")
    got: List[payroc_rs.WebhookEvent] = []
    server = make_server("127.0.0.1", 0, make_app(SECRET, got.append), handler_class=_Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/hook"
    try:
        eclient.event_subscriptions.create(**subscription(url, "terminalOrder.status.changed"))
        emitted = emock.control("POST", "/_mock/events", {"type": "terminalOrder.status.changed", "subject": "77",
                                                          "data": {"terminalOrderId": "77", "status": "shipped"}})
        assert emitted["deliveries"] == 1
        deadline = time.time() + 10
        while not got and time.time() < deadline:
            time.sleep(0.02)
        assert [(e.id, e.type, e.data["status"]) for e in got] == [
            (emitted["eventId"], "terminalOrder.status.changed", "shipped")]
        # The same event again (as a retry would send it) is acknowledged, not handled twice.
        delivered = emock.control("GET", "/_mock/deliveries")[0]
        again = urllib.request.Request(url, data=json.dumps(delivered["event"]).encode(), method="POST",
                                       headers={"Payroc-Secret": SECRET, "content-type": "application/json"})
        with urllib.request.urlopen(again) as reply:
            assert reply.status == 204
        assert len(got) == 1
        # Without the secret: 401, nothing handled.
        forged = urllib.request.Request(url, data=b"{}", method="POST", headers={"Payroc-Secret": "guess"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(forged)
        assert refused.value.code == 401 and len(got) == 1
    finally:
        server.shutdown()


def test_a_dead_webhook_fails_the_subscription_after_five_retries(emock: Mock, eclient: payroc_rs.Client) -> None:
    emock.control("POST", "/_mock/reset")
    s = eclient.event_subscriptions.create(**subscription("http://127.0.0.1:9/closed"))
    emock.control("POST", "/_mock/events", {"type": "processingAccount.status.changed", "subject": "1"})
    deadline = time.time() + 10
    while time.time() < deadline and eclient.event_subscriptions.retrieve(str(s.id)).status != "failed":
        time.sleep(0.05)
    assert eclient.event_subscriptions.retrieve(str(s.id)).status == "failed"
    (delivery,) = emock.control("GET", "/_mock/deliveries")
    assert delivery["state"] == "failed" and len(delivery["attempts"]) == 6


def test_boarding_example(emock: Mock) -> None:
    env = {**os.environ, "PAYROC_API_KEY": API_KEY, "PAYROC_API_URL": emock.base + "/v1",
           "PAYROC_IDENTITY_URL": emock.base, "PAYROC_MOCK_CONTROLS": "1"}
    run = subprocess.run([sys.executable, str(EXAMPLES / "boarding.py")], env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[-1] == "boarded", run.stdout
    assert any(line.startswith("webhook: processingAccount.status.changed") and line.endswith("-> approved")
               for line in lines), run.stdout
    assert any(line.startswith("webhook: terminalOrder.status.changed") and line.endswith("-> fulfilled")
               for line in lines), run.stdout
    assert "1234567890" not in run.stdout + run.stderr
