# Stubs of the native module (crates/payroc-py/src/lib.rs). Private: use payroc_rs.
from typing import Any, Awaitable, List, Mapping, Optional

__version__: str

def request_body(body: Optional[Any], fields: Optional[Mapping[str, Any]] = None, convert: bool = True) -> bytes: ...
def _panic_for_tests() -> None: ...
def operations() -> List[str]: ...

class CancelToken:
    """A cancel switch for a Cloud wait; `cancel()` may be called from any thread."""

    def __init__(self) -> None: ...
    def cancel(self) -> None: ...
    @property
    def cancelled(self) -> bool: ...

class NativePager:
    def next_page(self) -> Optional[bytes]: ...
    def next_page_async(self) -> Awaitable[Optional[bytes]]: ...

class NativeClient:
    def __init__(
        self,
        api_key: str,
        environment: Optional[str] = None,
        api_url: Optional[str] = None,
        identity_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
    ) -> None: ...
    @property
    def api_url(self) -> str: ...
    def call(
        self,
        op: str,
        args: Optional[Mapping[str, Any]] = None,
        body: Optional[bytes] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        cancel_on_deadline: bool = True,
        cancel: Optional[CancelToken] = None,
    ) -> Optional[bytes]: ...
    def list(self, op: str, args: Optional[Mapping[str, Any]] = None, query: Optional[bytes] = None, timeout: Optional[float] = None) -> NativePager: ...

class NativeAsyncClient:
    def __init__(
        self,
        api_key: str,
        environment: Optional[str] = None,
        api_url: Optional[str] = None,
        identity_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
    ) -> None: ...
    @property
    def api_url(self) -> str: ...
    def call(
        self,
        op: str,
        args: Optional[Mapping[str, Any]] = None,
        body: Optional[bytes] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        cancel_on_deadline: bool = True,
        cancel: Optional[CancelToken] = None,
    ) -> Awaitable[Optional[bytes]]: ...
    def list(self, op: str, args: Optional[Mapping[str, Any]] = None, query: Optional[bytes] = None, timeout: Optional[float] = None) -> NativePager: ...

class NativePaytrace:
    def __init__(
        self,
        username: str,
        password: str,
        base_url: Optional[str] = None,
        integrator_id: Optional[str] = None,
        permalinks: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
    ) -> None: ...
    def call(self, op: str, args: Optional[Mapping[str, Any]] = None, body: Optional[bytes] = None, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> Optional[bytes]: ...

class NativeAsyncPaytrace:
    def __init__(
        self,
        username: str,
        password: str,
        base_url: Optional[str] = None,
        integrator_id: Optional[str] = None,
        permalinks: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        max_response_bytes: Optional[int] = None,
    ) -> None: ...
    def call(self, op: str, args: Optional[Mapping[str, Any]] = None, body: Optional[bytes] = None, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> Awaitable[Optional[bytes]]: ...
