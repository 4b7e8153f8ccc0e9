//! The redaction audit: the quickstart, run with every log at TRACE level (ours,
//! reqwest's, hyper's, the emulator's), prints no API key, bearer token, card number
//! or CVV.

use std::process::Command;

#[test]
fn the_quickstart_logs_no_secret_at_trace_level() {
    let output = Command::new(env!("CARGO_BIN_EXE_quickstart"))
        .env_remove("PAYROC_API_KEY")
        .env("PAYROC_LOG", "trace")
        .output()
        .expect("the quickstart runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("payroc.request"),
        "TRACE logging was on: {stderr}"
    );
    assert!(stderr.lines().count() > 50, "TRACE logging was on");
    let all = format!("{stdout}\n{stderr}");
    for (what, secret) in [
        ("API key", "quickstart-key"),
        ("PayTrace password", "quickstart-password"),
        ("card number", "4539858876047062"),
        ("CVV", "\"cvv\":\"123\""),
        // Every bearer token the emulator issues starts so.
        ("bearer token", "mock_"),
    ] {
        assert!(!all.contains(secret), "the {what} leaked into the output");
    }
    assert!(stdout.contains("Done."), "{stdout}");
}
