"""The operation table, from Python: every operation C lists is an attribute path of a
client here (one name per operation), each one runs, and a reply's fields this SDK does
not know reach the caller."""

from __future__ import annotations

import ctypes
import inspect
import json
import os
from pathlib import Path
from typing import Any, Callable

import pytest

import payroc_rs
from conftest import REPO, Mock, card_payment


def _libpayroc() -> ctypes.CDLL:
    explicit = os.environ.get("PAYROC_LIB")
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    path = explicit or str(target / "debug" / "libpayroc.so")
    assert Path(path).exists(), f"{path} is missing: scripts/test-python.sh builds it (cargo build -p payroc-ffi)"
    return ctypes.CDLL(path)


def test_python_and_c_list_the_same_operations() -> None:
    lib = _libpayroc()
    lib.payroc_operations.restype = ctypes.c_void_p
    lib.payroc_string_free.argtypes = [ctypes.c_void_p]
    raw = lib.payroc_operations()
    try:
        from_c = json.loads(ctypes.string_at(raw).decode())
    finally:
        lib.payroc_string_free(raw)
    assert payroc_rs.operations() == from_c
    assert len(from_c) == len(set(from_c)) >= 50


def _method(client: payroc_rs.Client, paytrace: payroc_rs.PaytraceClient, name: str) -> Callable[..., Any]:
    target: Any = paytrace if name.startswith("recurrences.") else client
    for part in name.split("."):
        target = getattr(target, part)
    assert callable(target), name
    return target  # type: ignore[no-any-return]


def test_every_operation_is_its_name_and_runs(client: payroc_rs.Client, mock: Mock) -> None:
    paytrace = payroc_rs.PaytraceClient("pt-user", "pt-pass-SECRET", base_url=mock.base)
    for name in payroc_rs.operations():
        method = _method(client, paytrace, name)
        # Blank ids are refused before anything is sent, naming the parameter; PayTrace's
        # integer ids and lists without ids reach the emulator.
        params = [p for p in inspect.signature(method).parameters.values()
                  if p.kind is p.POSITIONAL_OR_KEYWORD and p.default is p.empty]
        # An upload's file is bytes.
        args: list[Any] = [0 if p.annotation == "int" else b"%PDF" if p.name == "file" else " "
                           for p in params if p.name != "patch"]
        if any(p.name == "patch" for p in params):
            args.append([])
        # A required keyword (a series' next `order`) gets an empty object.
        kwargs = {p.name: {} for p in inspect.signature(method).parameters.values()
                  if p.kind is p.KEYWORD_ONLY and p.default is p.empty}
        before = mock.requests()
        try:
            result = method(*args, **kwargs)
        except payroc_rs.ValidationError as err:
            assert mock.requests() == before, f"{name}: sent before its validation failed"
            assert err.errors, name
            continue
        except payroc_rs.ApiError:
            # PayTrace's id 0 is a real request the emulator refuses.
            assert name.startswith("recurrences."), name
            continue
        if isinstance(result, payroc_rs.Pager):
            list(result)


def test_a_new_field_from_the_server_reaches_python(client: payroc_rs.Client, mock: Mock) -> None:
    mock.control("POST", "/_mock/faults/next",
                 [{"fault": "newFields", "method": "POST", "pathPrefix": "/v1/payments"}])
    payment = client.payments.create(card_payment())
    assert payment["futureField"]["since"] == "v2"
    assert payment.future_field["count"] == 3
    assert payment.order.future_field == "nested"
    assert payment.order["futureField"] == "nested"
    data = payment.to_dict()
    assert data["futureField"]["since"] == "v2" and data["order"]["futureField"] == "nested"
    assert data["order"]["amount"] == 4999
