//! `bindings/c/include/payroc.h` is generated from this crate by the pinned cbindgen
//! and checked in: this test regenerates it in memory and fails on any difference.
//! `scripts/regen.sh` (or `PAYROC_REGEN_HEADER=1` with this test) rewrites it.

use std::path::PathBuf;

#[test]
fn checked_in_header_matches_the_code() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config =
        cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml reads");
    let bindings = cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header");
    let mut generated = Vec::new();
    bindings.write(&mut generated);
    let generated = String::from_utf8(generated).expect("the header is UTF-8");

    let path = crate_dir.join("../../bindings/c/include/payroc.h");
    if std::env::var_os("PAYROC_REGEN_HEADER").is_some() {
        std::fs::write(&path, &generated).expect("payroc.h is writable");
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "bindings/c/include/payroc.h differs from the code: run scripts/regen.sh and \
         commit the result"
    );
}
