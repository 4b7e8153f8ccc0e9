"""The exceptions of payroc_rs, all rooted at :class:`PayrocError`.

The native module raises them through :func:`_from_native`; none of their messages
carries a secret (API key, bearer token, card number, CVV).
"""

from __future__ import annotations

import builtins

# typing and json take longer to import than the rest of the package: typing's
# names are for type checkers only, and json is imported by the one error that
# needs it. (Type checkers read any `TYPE_CHECKING` as true.)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple, Type

    class FieldError(NamedTuple):
        """One problem with one field: its JSON path in the API's naming
        (``order.amount``), what is wrong, and a short code (``required``, ``luhn``...)."""

        path: str
        message: str
        code: str

else:

    class FieldError(tuple):
        """One problem with one field: its JSON path in the API's naming
        (``order.amount``), what is wrong, and a short code (``required``, ``luhn``...).
        A named tuple ``(path, message, code)``."""

        __slots__ = ()
        _fields = ("path", "message", "code")

        def __new__(cls, path, message, code):
            return tuple.__new__(cls, (path, message, code))

        def __getnewargs__(self):
            return tuple(self)

        def __repr__(self):
            return f"FieldError(path={self[0]!r}, message={self[1]!r}, code={self[2]!r})"

        def _asdict(self):
            return dict(zip(self._fields, self))

        def _replace(self, **changes):
            return FieldError(*(changes.pop(f, v) for f, v in zip(self._fields, self)))

        path = property(lambda self: self[0], doc="The field's JSON path (``order.amount``).")
        message = property(lambda self: self[1], doc="What is wrong.")
        code = property(lambda self: self[2], doc="A short code (``required``, ``luhn``...).")


class PayrocError(Exception):
    """Every error raised by payroc_rs."""

    #: Whether the request may have reached the server and taken effect: retry it
    #: with the same idempotency key, or look it up, before charging again.
    maybe_processed: bool = False
    #: Whether the same call (with the same idempotency key) may succeed later.
    retryable: bool = False
    #: The Idempotency-Key the call carried (a keyed call: payments, refunds,
    #: instructions...). Retry with it to get the first outcome instead of a second
    #: charge: ``client.payments.create(body, idempotency_key=err.idempotency_key)``.
    idempotency_key: Optional[str] = None
    #: Field errors: validation violations, or the API's ``errors[]``.
    errors: List[FieldError]

    def __init__(self, message: str, *, errors: Sequence[FieldError] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.errors = list(errors)

    def __str__(self) -> str:
        return self.message


class ConfigurationError(PayrocError, ValueError):
    """The client's settings are unusable (e.g. plain http to a remote host)."""


class ValidationError(PayrocError, ValueError):
    """The request broke one or more rules and was never sent. ``errors`` lists every
    violation with its path."""


class TransportError(PayrocError, ConnectionError):
    """No HTTP response: no connection (never sent), or the connection broke (check
    ``maybe_processed``)."""


class TimeoutError(PayrocError, builtins.TimeoutError):
    """No response in time; the request may have been processed."""


class CancelledError(PayrocError):
    """A wait was cancelled through its :class:`CancelToken`."""


class DecodeError(PayrocError):
    """A success response that could not be read as the documented type. For a write
    (a payment, a refund...) the server took it: ``maybe_processed`` is true, and
    retrying with ``idempotency_key`` returns what was made. ``raw_body`` holds what
    could be read of the reply (at most 64 KiB, card-number-like digits masked)."""

    #: What could be read of the reply body, or None.
    raw_body: Optional[str] = None


class ApiError(PayrocError):
    """The server answered with an error status. ``problem`` holds its problem details
    (``type``, ``title``, ``status``, ``detail``, ``errors``)."""

    status: int
    problem: Dict[str, Any]

    def __init__(
        self,
        message: str,
        *,
        status: int = 0,
        problem: Optional[Dict[str, Any]] = None,
        errors: Sequence[FieldError] = (),
    ) -> None:
        super().__init__(message, errors=errors)
        self.status = status
        self.problem = problem or {}

    @property
    def title(self) -> Optional[str]:
        """The problem's title."""
        value = self.problem.get("title")
        return value if isinstance(value, str) else None

    @property
    def detail(self) -> Optional[str]:
        """The problem's detail."""
        value = self.problem.get("detail")
        return value if isinstance(value, str) else None

    @property
    def type(self) -> Optional[str]:
        """The problem's type URI."""
        value = self.problem.get("type")
        return value if isinstance(value, str) else None

    @property
    def field_errors(self) -> List[FieldError]:
        """The API's ``errors[]`` (same as ``errors``)."""
        return self.errors


class BadRequestError(ApiError):
    """400 or 422: the server rejected the request's content."""


class AuthenticationError(ApiError):
    """401 (after one token refresh), or the API key was refused."""


class PermissionDeniedError(ApiError):
    """403."""


class NotFoundError(ApiError):
    """404."""


class ConflictError(ApiError):
    """409: the resource's state does not allow it, or an idempotency key was reused
    with another body."""


class RateLimitError(ApiError):
    """429, after the retries allowed."""


class ServerError(ApiError):
    """5xx, after the retries allowed."""


_API_CLASSES: Dict[str, Type[ApiError]] = {
    "bad_request": BadRequestError,
    "unauthorized": AuthenticationError,
    "forbidden": PermissionDeniedError,
    "not_found": NotFoundError,
    "conflict": ConflictError,
    "rate_limited": RateLimitError,
    "server": ServerError,
    "api": ApiError,
}

_OTHER_CLASSES: Dict[str, Type[PayrocError]] = {
    "validation": ValidationError,
    "configuration": ConfigurationError,
    "transport": TransportError,
    "connection_lost": TransportError,
    "timeout": TimeoutError,
    "cancelled": CancelledError,
    "decode": DecodeError,
}


def _from_native(
    kind: str,
    message: str,
    status: Optional[int],
    problem: Optional[str],
    field_errors: List[Tuple[str, str, str]],
    maybe_processed: bool,
    retryable: bool,
    idempotency_key: Optional[str] = None,
    raw_body: Optional[str] = None,
) -> PayrocError:
    """Builds the exception for a native error (called by the Rust layer)."""
    errors = [FieldError(*e) for e in field_errors]
    err: PayrocError
    api_class = _API_CLASSES.get(kind)
    if api_class is not None:
        import json

        details = json.loads(problem) if problem else {}
        err = api_class(message, status=status or 0, problem=details, errors=errors)
    else:
        err = _OTHER_CLASSES.get(kind, PayrocError)(message, errors=errors)
    err.maybe_processed = maybe_processed
    err.retryable = retryable
    err.idempotency_key = idempotency_key
    if isinstance(err, DecodeError):
        err.raw_body = raw_body
    return err


def _validation(path: str, message: str, code: str) -> ValidationError:
    """A one-violation ValidationError raised by the Python layer."""
    text = f"invalid request (1 problem): {path + ': ' if path else ''}{message}"
    return ValidationError(text, errors=[FieldError(path, message, code)])
