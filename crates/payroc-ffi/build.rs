//! Gives the shared library an ELF soname, `libpayroc.so.<major>` (`libpayroc.so.0` while the
//! crate is 0.x), so a program linked against `libpayroc.so` records the soname and keeps
//! loading the installed `libpayroc.so.0` symlink after upgrades within the same major
//! version (`make install` puts `libpayroc.so.<version>` and both symlinks in the prefix).
//! Only for targets whose linker speaks GNU `-soname`; elsewhere nothing is added.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let elf = matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly"
    );
    if elf {
        let major = env!("CARGO_PKG_VERSION_MAJOR");
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libpayroc.so.{major}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
