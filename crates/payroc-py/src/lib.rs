//! The Python module of payroc-rs (`pip install payroc-rs`, `import payroc_rs`) for
//! Python back offices.
//!
//! This crate holds its place in the workspace; the module itself — pyo3 + maturin,
//! an abi3 wheel, typed stubs, exceptions rooted at `PayrocError`, the GIL released
//! during I/O — is built on `payroc-core` by the Python issue.
#![forbid(unsafe_code)]

/// The distribution name the module will be published under.
pub const DISTRIBUTION: &str = "payroc-rs";
