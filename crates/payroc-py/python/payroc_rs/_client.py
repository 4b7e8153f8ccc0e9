"""The clients. One implementation of the resources serves both :class:`Client`
and :class:`AsyncClient`; only their native half differs. The blocking one runs a
call on the calling thread with the GIL released (Ctrl-C still interrupts it); the
async one returns an asyncio awaitable of a Tokio future (no thread waits, and
cancelling the task drops the call). The resources are generated from the operation
table (``_resources.py``); the typed signatures of both clients are in
``_client.pyi``."""

from __future__ import annotations

import os

from ._base import AsyncPager, Pager, _AsyncRunner, _SyncRunner
from ._payroc import NativeAsyncClient, NativeAsyncPaytrace, NativeClient, NativePaytrace, operations as _operations
from ._resources import *  # noqa: F401,F403  (the resource classes, named in _client.pyi)
from ._resources import PayrocResources, PaytraceResources

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional, Type, Union

    from ._base import _Runner

    _Native = Union[NativeClient, NativeAsyncClient]


def operations() -> List[str]:
    """Every operation's name: the attribute paths of the clients (``payments.create``
    is ``client.payments.create``; ``recurrences.*`` are the PayTrace client's), the
    same names as C's ``payroc_operations()``."""
    return _operations()


class _ClientBase(PayrocResources):
    _runner: _Runner
    _native_class: Type[_Native]

    def __init__(self, api_key: Optional[str] = None, *, environment: str = "uat",
                 api_url: Optional[str] = None, identity_url: Optional[str] = None,
                 timeout: Optional[float] = None, max_retries: Optional[int] = None,
                 max_response_bytes: Optional[int] = None) -> None:
        key = api_key if api_key is not None else os.environ.get("PAYROC_API_KEY", "")
        native = self._native_class(key, environment, api_url, identity_url, timeout, max_retries,
                                    max_response_bytes)
        self._native = native
        self._environment = "custom" if api_url is not None else environment
        self._attach(native, self._runner)

    @property
    def api_url(self) -> str:
        return self._native.api_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(environment={self._environment!r}, api_url={self.api_url!r})"


class Client(_ClientBase):
    """The Payroc client. Safe to share between threads; each call releases the GIL
    while it waits on the network."""

    _runner = _SyncRunner()
    _native_class = NativeClient


class AsyncClient(_ClientBase):
    """The Payroc client for asyncio: the same resources, each call awaitable.
    Cancelling a call's task (``asyncio.wait_for``, ``task.cancel()``) stops it; a
    Cloud wait or sale cancels its instruction on the device on the way out."""

    _runner = _AsyncRunner()
    _native_class = NativeAsyncClient


class _PaytraceBase(PaytraceResources):
    _runner: _Runner
    _native_class: Type[Union[NativePaytrace, NativeAsyncPaytrace]]

    def __init__(self, username: str, password: str, *, base_url: Optional[str] = None,
                 integrator_id: Optional[str] = None, permalinks: Optional[str] = None,
                 timeout: Optional[float] = None, max_retries: Optional[int] = None,
                 max_response_bytes: Optional[int] = None) -> None:
        self._native = self._native_class(username, password, base_url, integrator_id, permalinks, timeout,
                                          max_retries, max_response_bytes)
        self._base_url = base_url
        self._attach(self._native, self._runner)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"


class PaytraceClient(_PaytraceBase):
    """PayTrace's recurring payments (its own credentials and token)."""

    _runner = _SyncRunner()
    _native_class = NativePaytrace


class AsyncPaytraceClient(_PaytraceBase):
    """PayTrace's recurring payments for asyncio."""

    _runner = _AsyncRunner()
    _native_class = NativeAsyncPaytrace
