"""What every resource shares: request bodies, the blocking and asyncio runners, the
pagers, and ``_Resource``, whose ``_call`` and ``_list`` run one operation by its
name. The resources themselves are generated (``_resources.py``)."""

from __future__ import annotations

import json
from collections import deque
from typing import Any, Awaitable, Callable, Deque, Dict, Generic, Mapping, Optional, Type, TypeVar

from . import _objects as o
from ._payroc import CancelToken, NativePager, request_body

_Wrap = Callable[[Optional[bytes]], Any]
_O = TypeVar("_O", bound=o.PayrocObject)


def _body(body: Optional[Any], fields: Mapping[str, Any], convert: bool = True) -> bytes:
    """The request as JSON: ``body`` updated with keyword ``fields``; with ``convert``,
    snake_case keys as the API's camelCase. Walked natively (it visits every value)."""
    return request_body(body, dict(fields) if fields else None, convert)


def _wrapper(cls: Optional[Type[o.PayrocObject]]) -> _Wrap:
    def wrap(raw: Optional[bytes]) -> Any:
        if raw is None or cls is None:
            return None
        return cls(json.loads(raw))

    return wrap


class _SyncRunner:
    def run(self, fn: Callable[[], Any], wrap: _Wrap) -> Any:
        return wrap(fn())

    def pager(self, native: NativePager, cls: Type[o.PayrocObject]) -> Any:
        return Pager(native, cls)


class _AsyncRunner:
    def run(self, fn: Callable[[], Any], wrap: _Wrap) -> Any:
        # The native call starts when the coroutine is awaited, not when it is made:
        # a coroutine never awaited sends nothing.
        async def go() -> Any:
            awaitable: Awaitable[Optional[bytes]] = fn()
            return wrap(await awaitable)

        return go()

    def pager(self, native: NativePager, cls: Type[o.PayrocObject]) -> Any:
        return AsyncPager(native, cls)


_Runner = Any  # _SyncRunner | _AsyncRunner


class _Pages(Generic[_O]):
    """The page-by-page reading shared by Pager and AsyncPager."""

    def __init__(self, native: NativePager, cls: Type[_O]) -> None:
        self._native = native
        self._cls = cls
        self._buffer: Deque[Any] = deque()
        self._done = False

    def _take(self, raw: Optional[bytes]) -> None:
        if raw is None:
            self._done = True
        else:
            self._buffer.extend(json.loads(raw).get("data") or [])


class Pager(_Pages[_O]):
    """A list that fetches its pages as you iterate."""

    def __iter__(self) -> "Pager[_O]":
        return self

    def __next__(self) -> _O:
        while not self._buffer:
            if self._done:
                raise StopIteration
            self._take(self._native.next_page())
        return self._cls(self._buffer.popleft())


class AsyncPager(_Pages[_O]):
    """A list that fetches its pages as you iterate with ``async for``."""

    def __aiter__(self) -> "AsyncPager[_O]":
        return self

    async def __anext__(self) -> _O:
        while not self._buffer:
            if self._done:
                raise StopAsyncIteration
            self._take(await self._native.next_page_async())
        return self._cls(self._buffer.popleft())


class _Resource:
    """One resource of a client: its operations run through the client's native half."""

    def __init__(self, native: Any, runner: _Runner) -> None:
        self._native = native
        self._runner = runner

    def _call(
        self,
        op: str,
        args: Dict[str, Any],
        body: Optional[bytes],
        cls: Optional[Type[o.PayrocObject]],
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        cancel_on_deadline: bool = True,
        cancel: Optional[CancelToken] = None,
    ) -> Any:
        native = self._native
        if deadline is None and cancel is None:
            def fn() -> Any:
                return native.call(op, args, body, idempotency_key, timeout)
        else:
            def fn() -> Any:
                return native.call(op, args, body, idempotency_key, timeout, deadline, cancel_on_deadline, cancel)

        return self._runner.run(fn, _wrapper(cls))

    def _list(self, op: str, args: Dict[str, Any], filters: Mapping[str, Any], cls: Type[o.PayrocObject],
              timeout: Optional[float] = None) -> Any:
        return self._runner.pager(self._native.list(op, args, _body(None, filters), timeout), cls)
