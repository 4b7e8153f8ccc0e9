//! Reading request bodies from JSON text (the C ABI, Python and the emulator take
//! JSON): a body that cannot be read becomes a [`ValidationError`] naming the path
//! where reading stopped, and a body that reads is then validated in full.

use crate::validate::{Validate, ValidationError};
use serde::de::DeserializeOwned;

/// Parses `json` into `T`. On failure the one violation names the JSON path where
/// reading stopped (`order.amount`) and says what was expected there.
pub fn from_json<T: DeserializeOwned>(json: &[u8]) -> Result<T, ValidationError> {
    // Tracking the path costs on every field; only a body that fails needs it, so a
    // failed fast read is read again with tracking, for the error.
    if let Ok(value) = from_slice(json) {
        return Ok(value);
    }
    // Broken JSON is reported as such, wherever it breaks: `{} xyz` is not "a missing
    // field" but text after the body.
    if let Err(err) = from_slice::<serde::de::IgnoredAny>(json) {
        if err.is_syntax() || err.is_eof() {
            return Err(ValidationError::single("", describe(&err), "json"));
        }
    }
    let mut de = serde_json::Deserializer::from_slice(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let outer = json_path(err.path());
        let inner = err.into_inner();
        let code = if inner.is_syntax() || inner.is_eof() {
            "json"
        } else {
            "type"
        };
        let (nested, message) = split_marked(&describe(&inner));
        ValidationError::single(join_paths(&outer, &nested), message, code)
    })?;
    de.end()
        .map_err(|err| ValidationError::single("", describe(&err), "json"))?;
    Ok(value)
}

/// `serde_json::from_slice`, with the text's UTF-8 checked once as a whole: serde_json
/// otherwise checks every string on its own, which costs a tenth of a payment's parse.
pub fn from_slice<T: DeserializeOwned>(json: &[u8]) -> serde_json::Result<T> {
    match std::str::from_utf8(json) {
        Ok(text) => serde_json::from_str(text),
        // serde_json's own reading says where the text stops being UTF-8.
        Err(_) => serde_json::from_slice(json),
    }
}

/// Parses `json` into `T` and validates it: every violation at once, or the request.
pub fn parse_request<T: DeserializeOwned + Validate>(json: &[u8]) -> Result<T, ValidationError> {
    let request: T = from_json(json)?;
    request.validate()?;
    Ok(request)
}

/// Marks the start and end of a field path carried inside an error message: a tagged
/// union reads its variant from a buffered value, where serde's own path tracking
/// cannot follow, so the union puts the path into its error text and
/// [`from_json`] takes it out again.
const PATH_MARK: char = '\u{1}';

/// Reads a union's variant from its buffered JSON, keeping the path of any error
/// (relative to the union) in the error text. Used by `tagged_union!`.
#[doc(hidden)]
pub fn variant_from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, String> {
    // As in `from_json`: the path is tracked only to describe a failure.
    if let Ok(variant) = <T as serde::Deserialize>::deserialize(&value) {
        return Ok(variant);
    }
    serde_path_to_error::deserialize(value).map_err(|err| {
        let outer = json_path(err.path());
        let (inner, message) = split_marked(&err.into_inner().to_string());
        let path = join_paths(&outer, &inner);
        if path.is_empty() {
            message
        } else {
            format!("{PATH_MARK}{path}{PATH_MARK}{message}")
        }
    })
}

/// Splits `MARK path MARK message` (as made by [`variant_from_value`]) into its parts.
/// A "missing field `x`" message names the field itself, so `x` joins the path: the
/// violation then sits at the field that is missing, as every other one does.
fn split_marked(text: &str) -> (String, String) {
    let (path, message) = match text
        .strip_prefix(PATH_MARK)
        .and_then(|rest| rest.split_once(PATH_MARK))
    {
        Some((path, message)) => (path.to_owned(), message.to_owned()),
        None => (String::new(), text.to_owned()),
    };
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(field, _)| field.to_owned());
    match missing {
        Some(field) if !path.ends_with(&field) => (join_paths(&path, &field), message),
        _ => (path, message),
    }
}

fn join_paths(outer: &str, inner: &str) -> String {
    match (outer.is_empty(), inner.is_empty()) {
        (true, _) => inner.to_owned(),
        (_, true) => outer.to_owned(),
        _ if inner.starts_with('[') => format!("{outer}{inner}"),
        _ => format!("{outer}.{inner}"),
    }
}

fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

/// serde_json's message without its " at line L column C" tail, which means nothing
/// to a caller who built the JSON in memory (syntax errors keep it), and without the
/// values it quotes from the input: a card number sent as a number, or in an enum
/// field, must not come back in an error. See [`describe_error`].
fn describe(err: &serde_json::Error) -> String {
    let text = err.to_string();
    if err.is_syntax() || err.is_eof() {
        return format!("malformed JSON: {text}");
    }
    let text = match text.rfind(" at line ") {
        Some(cut) => &text[..cut],
        None => &text,
    };
    without_input_values(text)
}

/// The deepest objects and arrays may nest in a reply handed on as JSON: serde_json's
/// own limit for the values it reads. It skips the values a type does not know without
/// a limit, so a reply that read as its type may still nest deeper.
pub const MAX_NESTING: usize = 128;

/// Whether `json`'s objects and arrays nest deeper than [`MAX_NESTING`] (brackets in
/// strings do not count): a reader that recurses, in C or in Python, could run out of
/// stack on it.
pub fn nests_too_deep(json: &[u8]) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'"' => i = string_end(json, i + 1),
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    false
}

/// Where the string whose text starts at `from` ends in `json`: the index of its
/// closing quote, escaped characters skipped over, or `json.len()` when it never
/// closes. A reply's text is mostly strings, so scans jump through them with SIMD
/// (`memchr`) rather than look at every byte.
pub fn string_end(json: &[u8], mut from: usize) -> usize {
    while let Some(n) = json
        .get(from..)
        .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
    {
        if json[from + n] == b'\\' {
            from += n + 2;
        } else {
            return from + n;
        }
    }
    json.len()
}

/// A serde_json error as a message safe to show and to log: no value from the input
/// is quoted, digit runs that may be card numbers are masked, and the text is capped
/// (see [`crate::secret::scrub`]).
pub fn describe_error(err: &serde_json::Error) -> String {
    describe(err)
}

/// serde's messages quote the offending input ("invalid type: integer `4111…`",
/// "unknown variant `…`"); this keeps what kind of value it was and what was expected.
fn without_input_values(text: &str) -> String {
    let mut out = text.to_owned();
    for marker in ["invalid type: ", "invalid value: "] {
        if let Some(at) = out.find(marker) {
            let start = at + marker.len();
            // The expected part is ours, so its marker is found from the end: the
            // quoted input may contain ", expected" itself.
            let end = out[start..]
                .rfind(", expected")
                .map_or(out.len(), |e| start + e);
            let kind = out[start..end]
                .split(['`', '"'])
                .next()
                .unwrap_or("")
                .trim_end()
                .to_owned();
            let note = if kind == "floating point" && expects_integer(&out[end..]) {
                " (a fraction, or a whole number out of range)"
            } else {
                ""
            };
            out.replace_range(start..end, &format!("{kind}{note}"));
        }
    }
    let variant = "unknown variant";
    if let Some(at) = out.find("unknown variant `") {
        let start = at + variant.len();
        let end = out[start..]
            .rfind("`, expected")
            .or_else(|| out[start + 1..].find('`').map(|e| e + 1))
            .map_or(out.len(), |e| start + e + 1);
        out.replace_range(start..end, "");
    }
    // "invalid length 0, expected struct X with 13 elements": an array where an object
    // belongs. serde describes how a sequence would have to look; JSON callers need
    // to hear that an object was expected.
    if let Some(name) = out
        .split_once("expected struct ")
        .and_then(|(_, rest)| rest.split_once(" with "))
        .filter(|(_, tail)| tail.contains("element"))
        .map(|(name, _)| name.to_owned())
    {
        out = format!("expected a JSON object ({name}), not an array");
    }
    crate::secret::scrub(&out)
}

fn expects_integer(expected: &str) -> bool {
    let expected = expected.trim_start_matches(", expected ");
    [
        "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "integer",
    ]
    .iter()
    .any(|t| expected.starts_with(t))
}

#[cfg(test)]
mod tests {

    #[test]
    fn nesting_is_counted_outside_strings_only() {
        let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        assert!(!nests_too_deep(deep(MAX_NESTING).as_bytes()));
        assert!(nests_too_deep(deep(MAX_NESTING + 1).as_bytes()));
        let quoted = format!(
            r#"{{"a": "{}\"{}", "b": [[1]]}}"#,
            "[".repeat(500),
            "{".repeat(500)
        );
        assert!(!nests_too_deep(quoted.as_bytes()));
        let object = format!(
            "{}1{}",
            r#"{"a":"#.repeat(MAX_NESTING + 1),
            "}".repeat(MAX_NESTING + 1)
        );
        assert!(nests_too_deep(object.as_bytes()));
    }

    use super::*;
    use crate::common::Address;

    #[test]
    fn a_string_ends_at_its_first_unescaped_quote() {
        let json = br#""a\"b\\" x"#;
        assert_eq!(string_end(json, 1), 7);
        assert_eq!(string_end(br#""""#, 1), 1);
        // Never closed, or cut inside an escape.
        assert_eq!(string_end(br#""abc"#, 1), 4);
        assert_eq!(string_end(br#""ab\"#, 1), 4);
        assert_eq!(string_end(br#""ab\""#, 1), 5);
    }

    #[test]
    fn type_errors_name_the_path() {
        let err = from_json::<Vec<Address>>(
            br#"[{"address1":"a","city":"c","state":"s","country":"US","postalCode":5}]"#,
        )
        .unwrap_err();
        let v = &err.violations()[0];
        assert_eq!(v.path, "[0].postalCode");
        assert_eq!(v.code, "type");
        assert!(v.message.contains("expected a string"), "{}", v.message);
    }

    #[test]
    fn from_slice_reads_utf8_and_refuses_anything_else_where_it_breaks() {
        let text = r#"{"name":"Zoë","value":"naïve €"}"#;
        let field: crate::common::CustomField = from_slice(text.as_bytes()).unwrap();
        assert_eq!(
            (field.name.as_str(), field.value.as_str()),
            ("Zoë", "naïve €")
        );
        // A lone continuation byte inside the second string.
        let err = from_slice::<crate::common::CustomField>(b"{\"name\":\"a\",\"value\":\"b\x80\"}")
            .unwrap_err();
        assert!(err.to_string().contains("invalid unicode"), "{err}");
        assert_eq!(err.column(), 23, "{err}");
        let err = from_json::<crate::common::CustomField>(b"{\"name\":\"\xff\",\"value\":\"v\"}")
            .unwrap_err();
        assert_eq!(err.violations()[0].path, "name");
    }

    #[test]
    fn missing_fields_and_bad_syntax_are_reported() {
        let err = from_json::<Address>(br#"{"address1":"a"}"#).unwrap_err();
        assert!(err.violations()[0].message.contains("missing field `city`"));
        assert_eq!(err.violations()[0].path, "city");
        let err = from_json::<Address>(b"{not json").unwrap_err();
        assert_eq!(err.violations()[0].code, "json");
        let err = from_json::<Address>(
            br#"{"address1":"a","city":"c","state":"s","country":"US","postalCode":"1"} x"#,
        )
        .unwrap_err();
        assert_eq!(err.violations()[0].code, "json");
    }

    #[test]
    fn errors_inside_tagged_unions_keep_their_path() {
        use crate::payment::PaymentRequest;
        let body = br#"{"channel":"web","processingTerminalId":"1","order":{"orderId":"A","amount":1,"currency":"USD"},
            "paymentMethod":{"type":"card","cardDetails":{"entryMethod":"keyed","keyedData":{"dataFormat":"plainText","cardNumber":41}}}}"#;
        let err = from_json::<PaymentRequest>(body).unwrap_err();
        let v = &err.violations()[0];
        assert_eq!(v.path, "paymentMethod.cardDetails.keyedData.cardNumber");
        assert!(v.message.contains("expected a string"), "{}", v.message);
        assert!(!v.message.contains(PATH_MARK));
        let missing = br#"{"type":"singleUse","merchantReference":"R","authType":"sale","paymentMethods":["card"],
            "expiresOn":"2030-01-01","order":{"charge":{"type":"prompt","currency":"USD"}}}"#;
        let err = from_json::<crate::payment_link::PaymentLink>(missing).unwrap_err();
        assert_eq!(err.violations()[0].path, "order.orderId");
        assert!(err.violations()[0]
            .message
            .contains("missing field `orderId`"));
    }

    #[test]
    fn parse_request_validates_after_reading() {
        let err = parse_request::<Address>(
            br#"{"address1":" ","city":"c","state":"s","country":"usa","postalCode":"1"}"#,
        )
        .unwrap_err();
        let paths: Vec<_> = err.violations().iter().map(|v| v.path.as_str()).collect();
        assert_eq!(paths, ["address1", "country"]);
    }

    #[test]
    fn messages_never_quote_the_input() {
        use crate::payment::PaymentRequest;
        let pan = br#"{"channel":"web","processingTerminalId":"1","order":{"orderId":"A","amount":1,"currency":"USD"},
            "paymentMethod":{"type":"card","cardDetails":{"entryMethod":"keyed","keyedData":{"dataFormat":"plainText","cardNumber":4111111111111111,"cvv":737}}}}"#;
        let in_enum = br#"{"channel":"4111111111111111","processingTerminalId":"1","order":{"orderId":"A","amount":1,"currency":"USD"},
            "paymentMethod":{"type":"secureToken","token":"1"}}"#;
        let cvv = br#"{"channel":"web","processingTerminalId":"1","order":{"orderId":"A","amount":1,"currency":"USD"},
            "paymentMethod":{"type":"card","cardDetails":{"entryMethod":"keyed","keyedData":{"dataFormat":"plainText","cardNumber":"4111111111111111","cvv":737}}}}"#;
        for body in [&pan[..], &in_enum[..], &cvv[..]] {
            let err = parse_request::<PaymentRequest>(body).unwrap_err();
            let shown = format!("{err} {err:?}");
            for secret in ["4111111111111111", "111111", "737"] {
                assert!(!shown.contains(secret), "{secret} in {shown}");
            }
        }
        let err = from_json::<PaymentRequest>(pan).unwrap_err();
        let v = &err.violations()[0];
        assert_eq!(v.path, "paymentMethod.cardDetails.keyedData.cardNumber");
        assert!(
            v.message
                .contains("invalid type: integer, expected a string"),
            "{}",
            v.message
        );
    }

    #[test]
    fn confusing_inputs_get_plain_messages() {
        use crate::payment::PaymentRequest;
        let err = from_json::<PaymentRequest>(b"[]").unwrap_err();
        assert_eq!(
            err.violations()[0].message,
            "expected a JSON object (PaymentRequest), not an array"
        );
        let huge = br#"{"channel":"web","processingTerminalId":"1","order":{"orderId":"A","amount":18446744073709551616,"currency":"USD"},
            "paymentMethod":{"type":"secureToken","token":"1"}}"#;
        let err = from_json::<PaymentRequest>(huge).unwrap_err();
        let v = &err.violations()[0];
        assert_eq!(v.path, "order.amount");
        assert!(
            v.message.contains("whole number out of range"),
            "{}",
            v.message
        );
        let err = from_json::<Address>(b"{} xyz").unwrap_err();
        assert_eq!(err.violations()[0].code, "json");
        assert!(
            err.violations()[0].message.starts_with("malformed JSON"),
            "{err}"
        );
    }
}
