# Stubs of the native module (crates/payroc-py/src/lib.rs). Private: use payroc_rs.
from typing import Any, Awaitable, Dict, List, Mapping, Optional, Tuple, Type, TypeVar, final

from typing_extensions import Self, disjoint_base

__all__ = [
    "__version__",
    "NativeClient",
    "NativeAsyncClient",
    "NativePaytrace",
    "NativeAsyncPaytrace",
    "NativePager",
    "CancelToken",
    "PayrocObject",
    "build",
    "build_page",
    "request_body",
    "operations",
    "webhook_verify",
    "_panic_for_tests",
]

__version__: str

_T = TypeVar("_T", bound="PayrocObject")

@disjoint_base
class PayrocObject:
    """A reply object: fields as snake_case attributes (``payment.order.amount``) or by
    their API name (``payment["order"]["amount"]``); ``to_dict()`` gives the JSON.
    Read-only; ``repr`` redacts secrets."""

    def __init__(self, data: Optional[Mapping[str, Any]] = None) -> None: ...
    # Any field the server sent, under its snake_case name.
    def __getattr__(self, name: str) -> Any: ...
    def __getitem__(self, key: str, /) -> Any: ...
    def __contains__(self, key: object, /) -> bool: ...
    def get(self, key: str, default: Any = None) -> Any: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

def build(data: bytes, cls: Type[_T]) -> Any: ...
def build_page(data: bytes, cls: Type[_T]) -> List[_T]: ...
def request_body(body: Optional[Any], fields: Optional[Mapping[str, Any]] = None, convert: bool = True) -> bytes: ...
def _panic_for_tests() -> None: ...
def operations() -> List[str]: ...
def webhook_verify(
    secret_header: Optional[bytes], body: bytes, secret: str, cls: Type[_T]
) -> Tuple[Optional[str], Any]: ...

@final
class CancelToken:
    """A cancel switch for a Cloud wait; `cancel()` may be called from any thread."""

    def __new__(cls) -> Self: ...
    def cancel(self) -> None: ...
    @property
    def cancelled(self) -> bool: ...

@final
class NativePager:
    def next_page(self) -> Optional[List[Any]]: ...
    def next_page_async(self) -> Awaitable[Optional[List[Any]]]: ...

@final
class NativeClient:
    def __new__(
        cls,
        api_key: str,
        environment: Optional[str] = None,
        api_url: Optional[str] = None,
        identity_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
    ) -> Self: ...
    @property
    def api_url(self) -> str: ...
    def call(
        self,
        op: str,
        cls: Optional[Type[PayrocObject]],
        args: Optional[Mapping[str, Any]] = None,
        body: Optional[bytes] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        cancel_on_deadline: bool = True,
        cancel: Optional[CancelToken] = None,
        file: Optional[Tuple[str, str, bytes]] = None,
        query: Optional[bytes] = None,
    ) -> Any: ...
    def list(self, op: str, cls: Type[PayrocObject], args: Optional[Mapping[str, Any]] = None, query: Optional[bytes] = None, timeout: Optional[float] = None) -> NativePager: ...

@final
class NativeAsyncClient:
    def __new__(
        cls,
        api_key: str,
        environment: Optional[str] = None,
        api_url: Optional[str] = None,
        identity_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
    ) -> Self: ...
    @property
    def api_url(self) -> str: ...
    def call(
        self,
        op: str,
        cls: Optional[Type[PayrocObject]],
        args: Optional[Mapping[str, Any]] = None,
        body: Optional[bytes] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        cancel_on_deadline: bool = True,
        cancel: Optional[CancelToken] = None,
        file: Optional[Tuple[str, str, bytes]] = None,
        query: Optional[bytes] = None,
    ) -> Awaitable[Any]: ...
    def list(self, op: str, cls: Type[PayrocObject], args: Optional[Mapping[str, Any]] = None, query: Optional[bytes] = None, timeout: Optional[float] = None) -> NativePager: ...

@final
class NativePaytrace:
    def __new__(
        cls,
        username: str,
        password: str,
        base_url: Optional[str] = None,
        integrator_id: Optional[str] = None,
        permalinks: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
    ) -> Self: ...
    def call(self, op: str, cls: Optional[Type[PayrocObject]], args: Optional[Mapping[str, Any]] = None, body: Optional[bytes] = None, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> Any: ...

@final
class NativeAsyncPaytrace:
    def __new__(
        cls,
        username: str,
        password: str,
        base_url: Optional[str] = None,
        integrator_id: Optional[str] = None,
        permalinks: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
    ) -> Self: ...
    def call(self, op: str, cls: Optional[Type[PayrocObject]], args: Optional[Mapping[str, Any]] = None, body: Optional[bytes] = None, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> Awaitable[Any]: ...
