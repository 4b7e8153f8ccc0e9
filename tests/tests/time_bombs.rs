//! No time bombs: the emulator expires payment links by the real clock, so a fixed
//! date in the future written into an example or a test will one day be past, and
//! that test will fail on its own. Such dates are taken from today instead
//! (`payroc_mock::date_in_days`); a fixed date may only be one already past (to
//! test expiry) or one that is not a date (to test validation).

use std::path::{Path, PathBuf};

/// The Rust files of the examples and of every emulator and integration test.
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    let mut dirs = vec![
        root.join("examples"),
        root.join("tests"),
        root.join("crates/payroc-mock/tests"),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}")) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                // This file writes dates to test the finder.
                && !path.ends_with("tests/time_bombs.rs")
            {
                out.push(path);
            }
        }
    }
    out
}

/// Every calendar date written in a string literal of `text`, as `YYYY-MM-DD`:
/// `"2030-12-31"` and PayTrace's `"12/31/2030"`.
fn dates(text: &str) -> Vec<String> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let valid = |y: &str, m: &str, d: &str| {
        digits(y)
            && digits(m)
            && digits(d)
            && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
            && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
    };
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter_map(|s| {
            let b = s.as_bytes();
            if s.len() == 10 && b[4] == b'-' && b[7] == b'-' {
                valid(&s[..4], &s[5..7], &s[8..]).then(|| s.to_owned())
            } else if s.len() == 10 && b[2] == b'/' && b[5] == b'/' {
                let (m, d, y) = (&s[..2], &s[3..5], &s[6..]);
                valid(y, m, d).then(|| format!("{y}-{m}-{d}"))
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn no_example_or_test_writes_a_fixed_future_date() {
    let today = payroc_mock::date_in_days(0);
    let files = sources();
    assert!(files.len() > 10, "found the sources: {files:?}");
    let mut bombs = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for date in dates(line) {
                if date > today {
                    bombs.push(format!("{}:{}: {date}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        bombs.is_empty(),
        "fixed dates that will one day be past (use payroc_mock::date_in_days):\n{}",
        bombs.join("\n")
    );
}

#[test]
fn dates_are_found_in_both_forms() {
    assert_eq!(
        dates(r#"f("2030-12-31", "01/02/2031", "31/12/2030", "2030-13-01", "x")"#),
        ["2030-12-31", "2031-01-02"]
    );
}
