"""Receiving Payroc's event notifications on your webhook.

Payroc posts each event (a CloudEvents 1.0 JSON envelope) to the webhook of every
subscription to its type, with a ``Payroc-Secret`` header holding the subscription's
secret; it retries a delivery that fails (same event ``id``) and, after five failed retries,
marks the subscription ``failed``. :func:`verify` checks the secret in constant time
and reads the event:

    from payroc_rs import webhooks
    try:
        event = webhooks.verify(request_headers, request_body, secret)
    except webhooks.WebhookSecretError:
        ...  # answer 401 and ignore it
    except webhooks.WebhookBodyError:
        ...  # answer 400
    if event.id not in seen:  # Payroc retries with the same id
        seen.add(event.id)
        handle(event.type, event.data)

An event type this library does not know yet is kept as sent (``event.type`` is the
string, ``event.data`` the data), so a new event never breaks a receiver.
"""

from __future__ import annotations

from . import _payroc
from ._errors import PayrocError
from ._objects import WebhookEvent

__all__ = [
    "SECRET_HEADER",
    "WebhookBodyError",
    "WebhookError",
    "WebhookEvent",
    "WebhookSecretError",
    "verify",
]

#: The header that carries the subscription's secret.
SECRET_HEADER = "Payroc-Secret"

# typing takes longer to import than this package: its names are for type checkers only.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Mapping, Optional, Tuple, Union

    _Headers = Union[Mapping[str, Union[str, bytes]], Iterable[Tuple[str, Union[str, bytes]]]]


class WebhookError(PayrocError, ValueError):
    """A notification was refused. ``code`` says why: ``missing_secret``,
    ``wrong_secret``, ``malformed_body`` or ``no_expected_secret`` (an empty expected
    secret). The message never holds a secret."""

    code: str

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


class WebhookSecretError(WebhookError):
    """The ``Payroc-Secret`` header is missing or does not hold the secret: the
    notification is not from Payroc (answer 401)."""


class WebhookBodyError(WebhookError):
    """The secret matched but the body is not a CloudEvents 1.0 JSON event (answer 400)."""


def _secret_header(headers: _Headers) -> Tuple[Optional[bytes], bool]:
    """The ``Payroc-Secret`` value (names in any case; WSGI's ``HTTP_PAYROC_SECRET``
    too) and whether it came more than once."""
    items = headers.items() if hasattr(headers, "items") else headers
    found: Optional[bytes] = None
    repeated = False
    for name, value in items:
        folded = str(name).strip().lower().replace("_", "-")
        if folded in ("payroc-secret", "http-payroc-secret"):
            repeated = repeated or found is not None
            found = value.encode("latin-1") if isinstance(value, str) else bytes(value)
    return found, repeated


def verify(headers: _Headers, body: Union[bytes, bytearray, memoryview, str], secret: str) -> WebhookEvent:
    """Checks a notification and returns its event.

    ``headers``: the request's headers (a mapping or ``(name, value)`` pairs, names in
    any case; a WSGI ``environ`` works too); ``body``: the raw request body, as
    received (bytes); ``secret``: the secret you gave the subscription. Raises
    :class:`WebhookSecretError` or :class:`WebhookBodyError` (both
    :class:`WebhookError`)."""
    header, repeated = _secret_header(headers)
    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    code, result = _payroc.webhook_verify(header, raw, secret, WebhookEvent)
    if code is None and repeated:
        code, result = "wrong_secret", f"the {SECRET_HEADER} header appears more than once"
    if code is None:
        event: WebhookEvent = result
        return event
    message = str(result)
    if code in ("missing_secret", "wrong_secret"):
        raise WebhookSecretError(message, code=code)
    if code == "malformed_body":
        raise WebhookBodyError(message, code=code)
    raise WebhookError(message, code=code)
