//! Fixtures shared by the benchmarks: a full card payment request (secure token,
//! standing instructions, customer, breakdown), a full retrieved payment, and the
//! loopback calls ([`Calls`]: the SDK's and the raw reqwest floor's).
#![forbid(unsafe_code)]

mod calls;

pub use calls::{authorize, raw_payment, Calls, FacadeCalls, RawReply};

use payroc_model::common::{Address, Channel, ContactMethod, Customer};
use payroc_model::payment::{
    ItemizedBreakdownRequest, LineItemRequest, PaymentMethod, PaymentOrderRequest, PaymentRequest,
    ProcessingModel, StandingInstructions, Tip,
};
use payroc_model::Currency;

/// A full create-payment request: a subsequent repeat payment with a secure token,
/// a customer with addresses, and an itemized breakdown, charging `secure_token`.
pub fn full_payment_request(order_id: &str, secure_token: &str) -> PaymentRequest {
    let mut order = PaymentOrderRequest::new(order_id, 4999, Currency::Usd);
    order.description = Some("Large Pepperoni Pizza".into());
    order.standing_instructions = Some(StandingInstructions::subsequent_to(
        ProcessingModel::Recurring,
        "M2MJOG6O2Y",
        Some("ABCDEFGHIJKLMNO".into()),
    ));
    let mut breakdown = ItemizedBreakdownRequest::new(4500);
    breakdown.tip = Some(Tip::fixed_amount(499));
    let mut item = LineItemRequest::new(4500, 1.0);
    item.description = Some("Large Pepperoni Pizza".into());
    item.product_code = Some("PZA-001-LG".into());
    breakdown.items = vec![item];
    order.breakdown = Some(breakdown);
    let address = Address {
        address1: "1 Example Ave.".into(),
        address2: None,
        address3: None,
        city: "Chicago".into(),
        state: "Illinois".into(),
        country: "US".into(),
        postal_code: "60056".into(),
        unknown: Default::default(),
    };
    let mut request = PaymentRequest::new(
        Channel::Web,
        "1234001",
        order,
        PaymentMethod::secure_token(secure_token),
    );
    request.operator = Some("Jane".into());
    request.customer = Some(Customer {
        first_name: Some("Sarah".into()),
        last_name: Some("Hopper".into()),
        billing_address: Some(address),
        contact_methods: vec![ContactMethod::email("sarah.hopper@example.com")],
        ..Customer::default()
    });
    request
}

/// A full retrieved payment as the API returns it.
pub const FULL_PAYMENT_RESPONSE: &str = r#"{"paymentId":"M2MJOG6O2Y","processingTerminalId":"1234001","operator":"Jane",
"order":{"orderId":"OrderRef6543","dateTime":"2024-07-02T15:30:00Z","description":"Large Pepperoni Pizza","amount":4999,"currency":"USD",
"standingInstructions":{"sequence":"subsequent","processingModel":"recurring","referenceDataOfFirstTxn":{"paymentId":"M2MJOG6O2Y","cardSchemeReferenceId":"ABCDEFGHIJKLMNO"}},
"breakdown":{"subtotal":4500,"tip":{"type":"fixedAmount","amount":499},"taxes":[{"name":"Sales Tax","rate":7,"amount":190}],
"items":[{"productCode":"PZA-001-LG","description":"Large Pepperoni Pizza","unitPrice":4500,"quantity":1}]}},
"customer":{"firstName":"Sarah","lastName":"Hopper","billingAddress":{"address1":"1 Example Ave.","city":"Chicago","state":"Illinois","country":"US","postalCode":"60056"},
"contactMethods":[{"type":"email","value":"sarah.hopper@example.com"}]},
"card":{"type":"Visa Credit","entryMethod":"keyed","cardholderName":"Sarah Hopper","cardNumber":"453985******7062","expiryDate":"1230",
"secureToken":{"secureTokenId":"MREF_1","customerName":"Sarah Hopper","token":"296753123458","status":"cvvValidated"},
"securityChecks":{"cvvResult":"M","avsResult":"Y"}},
"supportedOperations":["fullyReverse","partiallyReverse","adjustTip","addSignature","setAsPending"],
"transactionResult":{"type":"sale","status":"ready","approvalCode":"OK3","authorizedAmount":4999,"currency":"USD","responseCode":"A","responseMessage":"APPROVAL","cardSchemeReferenceId":"ABCDEFGHIJKLMNO"},
"customFields":[{"name":"yourCustomField","value":"abc123"}]}"#;

/// Saves the benchmark card (4539 8588 7604 7062) as a secure token on terminal
/// `1234001` and returns the token the payments charge.
pub async fn secure_token(client: &payroc_core::Client) -> String {
    use payroc_model::card::CardDetails;
    use payroc_model::secure_token::SecureTokenRequest;
    let card = CardDetails::keyed("4539858876047062", "1230", None);
    client
        .secure_tokens()
        .create("1234001", &SecureTokenRequest::card(card))
        .await
        .expect("the emulator saves the card")
        .token
}

/// The client's runtime in the loopback benchmarks: two workers, one per core.
pub fn two_worker_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// A reqwest client as the floor uses it (keep-alive, no Nagle), made inside `rt`
/// (a connection pool belongs to the runtime that drives it).
pub fn raw_reqwest(rt: &tokio::runtime::Runtime) -> reqwest::Client {
    rt.block_on(async {
        reqwest::Client::builder()
            .tcp_nodelay(true)
            .build()
            .expect("a reqwest client")
    })
}

/// payroc-mock in a child process (the package's `bench-mock` program), so that the
/// server's CPU time and memory stay off the benchmark process's books. Killed when
/// dropped.
pub struct ChildMock {
    child: std::process::Child,
    base_url: String,
}

impl ChildMock {
    /// Starts `program` (pass `env!("CARGO_BIN_EXE_bench-mock")`) and reads the base
    /// URL it prints.
    pub fn spawn(program: &str) -> Self {
        use std::io::BufRead;
        use std::process::{Command, Stdio};
        let mut child = Command::new(program)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the emulator starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut base_url = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut base_url)
            .expect("the emulator prints its base URL");
        let base_url = base_url.trim().to_owned();
        assert!(base_url.starts_with("http://"), "not a URL: {base_url:?}");
        Self { child, base_url }
    }

    /// The identity base URL, e.g. `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The Payroc API base URL (`…/v1`).
    pub fn api_url(&self) -> String {
        format!("{}/v1", self.base_url)
    }
}

impl Drop for ChildMock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The emulator of the own-process benchmarks: the running one `PAYROC_BENCH_MOCK_URL`
/// names (the one the C and Python benchmarks use, for like-for-like figures), or else
/// a [`ChildMock`] of `program`, killed when this is dropped.
pub struct OwnProcessMock {
    _child: Option<ChildMock>,
    base_url: String,
}

impl OwnProcessMock {
    /// The emulator to use; `program` as for [`ChildMock::spawn`].
    pub fn start(program: &str) -> Self {
        match std::env::var("PAYROC_BENCH_MOCK_URL") {
            Ok(base_url) => Self::at(base_url),
            Err(_) => {
                let child = ChildMock::spawn(program);
                let base_url = child.base_url().to_owned();
                Self {
                    _child: Some(child),
                    base_url,
                }
            }
        }
    }

    /// The running emulator at `base_url`.
    pub fn at(base_url: String) -> Self {
        Self {
            _child: None,
            base_url,
        }
    }

    /// The identity base URL, e.g. `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// A client builder for this emulator.
    pub fn client_builder(&self) -> payroc_core::ClientBuilder {
        payroc_core::Client::builder()
            .api_key("bench")
            .base_urls(format!("{}/v1", self.base_url), self.base_url.clone())
    }
}

/// A figure of this process's memory from `/proc/self/status` (`VmRSS`, `VmHWM`), in
/// KiB; `None` where the system has no such file (it is Linux's).
pub fn memory_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|line| {
        let rest = line.strip_prefix(field)?.strip_prefix(':')?;
        rest.trim().strip_suffix("kB")?.trim().parse().ok()
    })
}

/// Resets this process's peak resident set size (`VmHWM`) to its current size, so the
/// next reading is the peak of what follows. Linux only; elsewhere it does nothing.
pub fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}
