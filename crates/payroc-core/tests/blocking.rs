//! The blocking facade against a server that closes each connection right after
//! answering on it, as gateways close idle keep-alive connections: a pooled connection
//! the server closed between two calls is never used for the next call. The client
//! has one attempt per call, so a request written to a dead connection fails the test.
//! (A raw server: payroc-mock keeps its connections open.)

use payroc_core::blocking::BlockingClient;
use payroc_core::retry::RetryPolicy;
use payroc_core::Client;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::time::Duration;

const TOKEN: &str = r#"{"access_token":"tok-1","token_type":"Bearer","expires_in":3600}"#;
const PAYMENT: &str = r#"{"paymentId":"M2MJOG6O2Y","processingTerminalId":"1234001",
 "order":{"orderId":"ORD-1","amount":4999,"currency":"USD"},
 "card":{"type":"Visa","cardNumber":"453985******7062","expiryDate":"1230"},
 "transactionResult":{"status":"ready","responseCode":"A"}}"#;

/// Answers one request per connection, then closes it, though the response does not
/// say it will; stops after `requests`.
fn closing_server(listener: TcpListener, requests: usize) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        for _ in 0..requests {
            let (stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream);
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap();
            let mut length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if line.trim().is_empty() {
                    break;
                }
                if let Some((name, value)) = line.split_once(':') {
                    if name.eq_ignore_ascii_case("content-length") {
                        length = value.trim().parse().unwrap();
                    }
                }
            }
            reader.read_exact(&mut vec![0; length]).unwrap();
            let body = if request_line.contains("/authorize") {
                TOKEN
            } else {
                PAYMENT
            };
            let mut stream = reader.into_inner();
            write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                body.len()
            )
            .unwrap();
        }
    })
}

#[test]
fn a_connection_the_server_closed_is_not_used_for_the_next_call() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let calls = 5;
    let server = closing_server(listener, calls + 1);
    let client = BlockingClient::new(
        Client::builder()
            .api_key("test-key")
            .base_urls(format!("{base}/v1"), base)
            .retry_policy(RetryPolicy {
                max_attempts: 1,
                ..RetryPolicy::default()
            }),
    )
    .unwrap();
    client.authenticate().unwrap();
    for call in 0..calls {
        // Time for the server's close to arrive while no call is running.
        std::thread::sleep(Duration::from_millis(50));
        let payment = client
            .payments()
            .retrieve("M2MJOG6O2Y")
            .unwrap_or_else(|e| panic!("call {call}: {e}"));
        assert_eq!(payment.payment_id, "M2MJOG6O2Y");
    }
    server.join().unwrap();
}
