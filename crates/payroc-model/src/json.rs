//! Reading request bodies from JSON text (the C ABI, Python and the emulator take
//! JSON): a body that cannot be read becomes a [`ValidationError`] naming the path
//! where reading stopped, and a body that reads is then validated in full.

use crate::validate::{Validate, ValidationError};
use serde::de::DeserializeOwned;

/// Parses `json` into `T`. On failure the one violation names the JSON path where
/// reading stopped (`order.amount`) and says what was expected there.
pub fn from_json<T: DeserializeOwned>(json: &[u8]) -> Result<T, ValidationError> {
    let mut de = serde_json::Deserializer::from_slice(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = json_path(err.path());
        let inner = err.into_inner();
        let code = if inner.is_syntax() || inner.is_eof() {
            "json"
        } else {
            "type"
        };
        ValidationError::single(path, describe(&inner), code)
    })?;
    de.end()
        .map_err(|err| ValidationError::single("", describe(&err), "json"))?;
    Ok(value)
}

/// Parses `json` into `T` and validates it: every violation at once, or the request.
pub fn parse_request<T: DeserializeOwned + Validate>(json: &[u8]) -> Result<T, ValidationError> {
    let request: T = from_json(json)?;
    request.validate()?;
    Ok(request)
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
/// to a caller who built the JSON in memory; syntax errors keep it.
fn describe(err: &serde_json::Error) -> String {
    let text = err.to_string();
    if err.is_syntax() || err.is_eof() {
        return format!("malformed JSON: {text}");
    }
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::Address;

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
    fn missing_fields_and_bad_syntax_are_reported() {
        let err = from_json::<Address>(br#"{"address1":"a"}"#).unwrap_err();
        assert!(err.violations()[0].message.contains("missing field `city`"));
        let err = from_json::<Address>(b"{not json").unwrap_err();
        assert_eq!(err.violations()[0].code, "json");
        let err = from_json::<Address>(
            br#"{"address1":"a","city":"c","state":"s","country":"US","postalCode":"1"} x"#,
        )
        .unwrap_err();
        assert_eq!(err.violations()[0].code, "json");
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
}
