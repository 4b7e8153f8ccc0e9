"""What every resource shares: request bodies, the blocking and asyncio runners, the
pagers, and ``_Resource``, whose ``_call`` and ``_list`` run one operation by its
name. The native half reads each reply into objects of the class it is given; the
resources themselves are generated (``_resources.py``)."""

from __future__ import annotations

from . import _objects as o
from ._payroc import request_body

# typing takes longer to import than this package: its names are for type checkers
# only (which read any `TYPE_CHECKING` as true).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Generic, List, Mapping, Optional, Tuple, Type, TypeVar

    from ._payroc import CancelToken, NativePager

    _O = TypeVar("_O", bound=o.PayrocObject)
    _Runner = Any  # _SyncRunner | _AsyncRunner
else:
    class Generic:
        def __class_getitem__(cls, item: object) -> type:
            return cls

    _O = None


def _body(body: Optional[Any], fields: Mapping[str, Any], convert: bool = True) -> bytes:
    """The request as JSON: ``body`` updated with keyword ``fields``; with ``convert``,
    snake_case keys as the API's camelCase. Walked natively (it visits every value)."""
    return request_body(body, fields or None, convert)


def _file_part(file: Any, file_name: Optional[str], content_type: Optional[str]) -> Tuple[str, str, bytes]:
    """An upload's file as (name, media type, bytes): ``bytes``-like, or a binary file
    object (read whole; its name is taken when none is given). The media type defaults
    to the name's."""
    if isinstance(file, (bytes, bytearray, memoryview)):
        data = bytes(file)
    elif hasattr(file, "read"):
        data = file.read()
        if not isinstance(data, bytes):
            raise TypeError("file must be opened in binary mode ('rb')")
        if file_name is None and isinstance(getattr(file, "name", None), str):
            import os

            file_name = os.path.basename(file.name)
    else:
        raise TypeError("file must be bytes or a binary file object, not " + type(file).__name__)
    if file_name is None:
        # Validation names the missing name (`file.fileName`) with the other problems.
        file_name = ""
    if content_type is None:
        import mimetypes

        content_type = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
    return (file_name, content_type, data)


class _SyncRunner:
    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)

    def pager(self, native: NativePager) -> Any:
        return Pager(native)


class _AsyncRunner:
    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        # The native call starts when the coroutine is awaited, not when it is made:
        # a coroutine never awaited sends nothing.
        async def go() -> Any:
            return await fn(*args, **kwargs)

        return go()

    def pager(self, native: NativePager) -> Any:
        return AsyncPager(native)



class _Pages(Generic[_O]):
    """The page-by-page reading shared by Pager and AsyncPager: each page comes as a
    list of objects, read natively."""

    def __init__(self, native: NativePager) -> None:
        self._native = native
        self._page: List[_O] = []
        self._at = 0
        self._done = False

    def _take(self, page: Optional[List[_O]]) -> None:
        if page is None:
            self._done = True
        else:
            self._page, self._at = page, 0


class Pager(_Pages[_O]):
    """A list that fetches its pages as you iterate."""

    def __iter__(self) -> Pager[_O]:
        return self

    def __next__(self) -> _O:
        while self._at >= len(self._page):
            if self._done:
                raise StopIteration
            self._take(self._native.next_page())
        self._at += 1
        return self._page[self._at - 1]


class AsyncPager(_Pages[_O]):
    """A list that fetches its pages as you iterate with ``async for``."""

    def __aiter__(self) -> AsyncPager[_O]:
        return self

    async def __anext__(self) -> _O:
        while self._at >= len(self._page):
            if self._done:
                raise StopAsyncIteration
            self._take(await self._native.next_page_async())
        self._at += 1
        return self._page[self._at - 1]


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
        query: Optional[bytes] = None,
    ) -> Any:
        if query is not None:
            return self._runner.call(self._native.call, op, cls, args, body, idempotency_key, timeout, query=query)
        if deadline is None and cancel is None:
            return self._runner.call(self._native.call, op, cls, args, body, idempotency_key, timeout)
        return self._runner.call(self._native.call, op, cls, args, body, idempotency_key, timeout, deadline,
                                 cancel_on_deadline, cancel)

    def _upload(
        self,
        op: str,
        args: Dict[str, Any],
        body: Optional[bytes],
        file: Tuple[Any, Optional[str], Optional[str]],
        cls: Type[o.PayrocObject],
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> Any:
        """Runs an upload: ``file`` is ``(bytes or binary file object, file name, media
        type)``; the name defaults to the file object's, the media type to the name's."""
        part = _file_part(*file)
        return self._runner.call(self._native.call, op, cls, args, body, idempotency_key, timeout, file=part)

    def _list(self, op: str, args: Dict[str, Any], filters: Mapping[str, Any], cls: Type[o.PayrocObject],
              timeout: Optional[float] = None) -> Any:
        return self._runner.pager(self._native.list(op, cls, args, _body(None, filters), timeout))
