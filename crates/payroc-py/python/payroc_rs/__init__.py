"""payroc_rs: Payroc payments and PayTrace recurring payments, on the payroc-rs
Rust core.

    import payroc_rs
    client = payroc_rs.Client(api_key="...", environment="uat")
    payment = client.payments.create(
        channel="web",
        processing_terminal_id="1234001",
        order={"order_id": "ORD-1", "amount": 4999, "currency": "USD"},
        payment_method={"type": "secureToken", "token": "296753123458"},
    )
    print(payment.payment_id, payment.is_approved)
"""

from ._client import (
    AsyncClient,
    AsyncPager,
    AsyncPaytraceClient,
    Client,
    Pager,
    PaytraceClient,
)
from ._errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    CancelledError,
    ConfigurationError,
    ConflictError,
    DecodeError,
    FieldError,
    NotFoundError,
    PayrocError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    TimeoutError,
    TransportError,
    ValidationError,
)
from ._objects import (
    CloudRefund,
    CloudSale,
    FirstPayment,
    Payment,
    PaymentInstruction,
    PaymentLink,
    PayrocObject,
    RecurrenceExport,
    RecurrenceResponse,
    Refund,
    RefundInstruction,
    RepeatPaymentSeries,
    SecureToken,
    SharingEvent,
    Signature,
    SignatureInstruction,
    SingleUseToken,
)
from ._payroc import CancelToken, __version__

__all__ = [
    "ApiError",
    "AsyncClient",
    "AsyncPager",
    "AsyncPaytraceClient",
    "AuthenticationError",
    "BadRequestError",
    "CancelToken",
    "CancelledError",
    "Client",
    "CloudRefund",
    "CloudSale",
    "ConfigurationError",
    "ConflictError",
    "DecodeError",
    "FieldError",
    "FirstPayment",
    "NotFoundError",
    "Pager",
    "Payment",
    "PaymentInstruction",
    "PaymentLink",
    "PaytraceClient",
    "PayrocError",
    "PayrocObject",
    "PermissionDeniedError",
    "RateLimitError",
    "RecurrenceExport",
    "RecurrenceResponse",
    "Refund",
    "RefundInstruction",
    "RepeatPaymentSeries",
    "SecureToken",
    "ServerError",
    "SharingEvent",
    "Signature",
    "SignatureInstruction",
    "SingleUseToken",
    "TimeoutError",
    "TransportError",
    "ValidationError",
    "__version__",
]
