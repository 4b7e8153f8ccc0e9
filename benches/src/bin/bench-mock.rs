//! payroc-mock with its default configuration, in a process of its own, for the
//! benchmarks that keep the server off the client's books (CPU time and memory). It
//! lives in this package because a benchmark can only locate its own package's
//! binaries (`CARGO_BIN_EXE_*`).
#![forbid(unsafe_code)]

#[tokio::main]
async fn main() {
    let server = payroc_mock::start(payroc_mock::MockConfig::default())
        .await
        .expect("the emulator binds a loopback port");
    // Its parent, the benchmark, holds its stdin: a benchmark that dies takes it along.
    payroc_mock::serve_until_stopped(server, payroc_mock::StopOn::SignalOrStdinEof)
        .await
        .expect("signal handlers and the stdin watcher start");
}
