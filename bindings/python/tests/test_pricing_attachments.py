"""Pricing intents and attachments over HTTP against payroc-mock: every operation with
a real request (table-driven; a real upload of a small PDF and PNG, as bytes and as a
binary file object, blocking and asyncio), the review on the emulator's clock, and the
refusals (validation before the network with field paths, 404, 409, and what a file
may be). The emulator is this module's own: moving its clock must not reach the other
modules' tests."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest

import payroc_rs
from conftest import API_KEY, Mock

# A merchant platform with one processing account, as boarding takes it.
PLATFORM = json.loads((Path(__file__).resolve().parents[3] / "tests/fixtures/merchant_platform.json").read_text())
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.fixture(scope="module")
def pmock() -> Iterator[Mock]:
    m = Mock()
    yield m
    m.stop()


@pytest.fixture()
def pclient(pmock: Mock) -> payroc_rs.Client:
    return payroc_rs.Client(api_key=API_KEY, api_url=pmock.base + "/v1", identity_url=pmock.base, max_retries=0)


def board(client: payroc_rs.Client) -> str:
    """Boards a merchant platform; its processing account's id."""
    return str(client.merchant_platforms.create(PLATFORM).processing_accounts[0].processing_account_id)


def intent(key: str = "base", maintenance: int = 500) -> Dict[str, Any]:
    return {
        "key": key, "country": "US", "version": "5.0",
        "base": {"annual_fee": {"bill_in_month": "june", "amount": 9900}, "maintenance": maintenance,
                 "minimum": 100, "batch": 1000,
                 "platinum_security": {"billing_frequency": "monthly", "amount": 1295}},
        "processor": {"card": {"plan_type": "interchangePlus",
                               "fees": {"mastercard_visa_discover": {"volume": 1.25, "transaction": 10},
                                        "amex": {"type": "optBlue", "volume": 1.25, "transaction": 1}}}},
        "gateway": {"fees": {"monthly": 1000, "setup": 25000, "per_transaction": 0, "per_device_monthly": 0}},
        "services": [{"name": "hardwareAdvantagePlan", "enabled": True}],
        "metadata": {"team": "boarding"},
    }


def test_every_operation_runs_against_the_emulator(pmock: Mock, pclient: payroc_rs.Client) -> None:
    pmock.control("POST", "/_mock/reset")
    account = board(pclient)
    state: Dict[str, Any] = {}
    c = pclient

    def create() -> Any:
        i = c.pricing_intents.create(**intent("base"))
        state["intent"] = i.id
        return i

    def replace() -> Any:
        return c.pricing_intents.replace(state["intent"], intent("base-2", maintenance=700))

    def upload() -> Any:
        a = c.attachments.upload(account, PDF, file_name="statement.pdf",
                                 attachment={"type": "bankingEvidence", "description": "Bank letter"})
        state["attachment"] = a.attachment_id
        return a

    # (operation, call, check of the reply), in an order that builds what the next needs.
    table: List[Tuple[str, Callable[[], Any], Callable[[Any], bool]]] = [
        ("pricing_intents.create", create,
         lambda i: isinstance(i, payroc_rs.PricingIntent) and i.status == "pendingReview"
         and i.processor.card.plan_type == "interchangePlus"),
        ("pricing_intents.list", lambda: list(c.pricing_intents.list(limit=1)),
         lambda items: [i.id for i in items] == [state["intent"]]),
        ("pricing_intents.retrieve", lambda: c.pricing_intents.retrieve(state["intent"]),
         lambda i: i.key == "base" and i.base.maintenance == 500 and i.metadata.team == "boarding"),
        ("pricing_intents.replace", replace,
         lambda r: r is None and c.pricing_intents.retrieve(state["intent"]).base.maintenance == 700),
        ("pricing_intents.update",
         lambda: c.pricing_intents.update(state["intent"], [{"op": "replace", "path": "/base/minimum", "value": 250}]),
         lambda i: i.base.minimum == 250 and i.key == "base-2"),
        ("attachments.upload", upload,
         lambda a: isinstance(a, payroc_rs.Attachment) and a.upload_status == "pending"
         and a.file_name == "statement.pdf" and a.content_type == "application/pdf"
         and a.entity.id == account and a.type == "bankingEvidence"),
        ("attachments.retrieve", lambda: c.attachments.retrieve(state["attachment"]),
         lambda a: a.description == "Bank letter" and a.upload_status == "pending"),
        ("pricing_intents.delete", lambda: c.pricing_intents.delete(state["intent"]),
         lambda r: r is None and list(c.pricing_intents.list()) == []),
    ]
    ran = []
    for name, call, check in table:
        reply = call()
        assert check(reply), (name, reply)
        ran.append(name)
    ops = [op for op in payroc_rs.operations() if op.split(".")[0] in ("pricing_intents", "attachments")]
    assert sorted(ran) == sorted(ops) and len(ran) == 8


def test_review_follows_the_clock(pmock: Mock, pclient: payroc_rs.Client) -> None:
    pmock.control("POST", "/_mock/reset")
    account = board(pclient)
    i = pclient.pricing_intents.create(**intent("clocked"))
    good = pclient.attachments.upload(account, io.BytesIO(PNG), file_name="logo.png", attachment={"type": "other"})
    assert good.content_type == "image/png"
    fake = pclient.attachments.upload(account, b"not a png", file_name="fake.png", attachment={"type": "other"})
    pmock.control("POST", "/_mock/clock", {"days": 1})
    assert pclient.pricing_intents.retrieve(i.id).status == "active"
    assert pclient.attachments.retrieve(good.attachment_id).upload_status == "accepted"
    assert pclient.attachments.retrieve(fake.attachment_id).upload_status == "rejected"


def test_a_binary_file_object_gives_its_name(pmock: Mock, pclient: payroc_rs.Client, tmp_path: Any) -> None:
    account = board(pclient)
    path = tmp_path / "Passport.PDF"
    path.write_bytes(PDF)
    with open(path, "rb") as f:
        a = pclient.attachments.upload(account, f, attachment={"type": "personalIdentification"},
                                       idempotency_key="0b7e9c36-4d4f-4f5e-9f3a-2d6a3c1b5e70")
    assert (a.file_name, a.content_type) == ("Passport.PDF", "application/pdf")
    with open(path, "rb") as f:
        again = pclient.attachments.upload(account, f, attachment={"type": "personalIdentification"},
                                           idempotency_key="0b7e9c36-4d4f-4f5e-9f3a-2d6a3c1b5e70")
    assert again.attachment_id == a.attachment_id, "one key, one upload"


def test_the_async_client_uploads_too(pmock: Mock) -> None:
    async def go() -> Tuple[Any, Any]:
        client = payroc_rs.AsyncClient(api_key=API_KEY, api_url=pmock.base + "/v1", identity_url=pmock.base)
        platform = await client.merchant_platforms.create(PLATFORM)
        account = str(platform.processing_accounts[0].processing_account_id)
        up = await client.attachments.upload(account, PDF, file_name="a.pdf", attachment={"type": "taxDocuments"})
        return up, await client.attachments.retrieve(up.attachment_id)

    up, read = asyncio.run(go())
    assert isinstance(read, payroc_rs.Attachment) and read.attachment_id == up.attachment_id
    assert read.type == "taxDocuments"


def test_refusals(pmock: Mock, pclient: payroc_rs.Client) -> None:
    pmock.control("POST", "/_mock/reset")
    account = board(pclient)
    taken = pclient.pricing_intents.create(**intent("taken"))
    before = pmock.requests()

    bad = intent(" ")
    bad["base"]["maintenance"] = -1
    with pytest.raises(payroc_rs.ValidationError) as info:
        pclient.pricing_intents.create(**bad)
    assert [e.path for e in info.value.errors] == ["key", "base.maintenance"]
    with pytest.raises(payroc_rs.ValidationError) as info:
        pclient.attachments.upload(account, b"", file_name="virus.exe", attachment={"type": "selfie"})
    assert [e.path for e in info.value.errors] == ["attachment.type", "file.fileName", "file.content"]
    with pytest.raises(payroc_rs.ValidationError) as info:
        pclient.attachments.upload(account, b"x" * (30 * 1024 * 1024), file_name="big.pdf", attachment={"type": "other"})
    assert [e.path for e in info.value.errors] == ["file.content"]
    with pytest.raises(TypeError):
        pclient.attachments.upload(account, "text, not bytes", file_name="a.txt", attachment={"type": "other"})
    with pytest.raises(TypeError):
        pclient.attachments.upload(account, io.StringIO("text"), file_name="a.txt", attachment={"type": "other"})
    with pytest.raises(payroc_rs.ValidationError) as info:
        pclient.attachments.upload(account, PDF, attachment={"type": "other"})
    assert [e.path for e in info.value.errors] == ["file.fileName"]
    assert pmock.requests() == before

    with pytest.raises(payroc_rs.ConflictError):
        pclient.pricing_intents.create(**intent("taken"))
    with pytest.raises(payroc_rs.BadRequestError) as refused:
        pclient.pricing_intents.update(taken.id, [{"op": "replace", "path": "/status", "value": "active"}])
    assert refused.value.errors[0].path == "[0].path"
    with pytest.raises(payroc_rs.NotFoundError):
        pclient.pricing_intents.retrieve("424242")
    with pytest.raises(payroc_rs.NotFoundError):
        pclient.pricing_intents.delete("424242")
    with pytest.raises(payroc_rs.NotFoundError):
        pclient.attachments.retrieve("424242")
    with pytest.raises(payroc_rs.NotFoundError):
        pclient.attachments.upload("424242", PDF, file_name="a.pdf", attachment={"type": "other"})
