//! `multipart/form-data` bodies (RFC 7578), for the operations that upload a file.
//! A body is built once per call, so every retry sends the same bytes.

use payroc_model::attachment::FileUpload;

/// One part of a form: a named field with its media type, and a file name for a file.
pub(crate) struct Part<'a> {
    /// The form field's name.
    pub(crate) name: &'a str,
    /// The file's name, for a file part.
    pub(crate) file_name: Option<&'a str>,
    /// The part's media type.
    pub(crate) content_type: &'a str,
    /// The part's bytes.
    pub(crate) bytes: &'a [u8],
}

impl<'a> Part<'a> {
    /// A field holding JSON.
    pub(crate) fn json(name: &'a str, bytes: &'a [u8]) -> Self {
        Self {
            name,
            file_name: None,
            content_type: "application/json",
            bytes,
        }
    }

    /// The file part `name`.
    pub(crate) fn file(name: &'a str, file: &'a FileUpload) -> Self {
        Self {
            name,
            file_name: Some(&file.file_name),
            content_type: &file.content_type,
            bytes: &file.bytes,
        }
    }
}

/// A form's body and its `Content-Type` (which names the boundary).
#[derive(Debug)]
pub(crate) struct Form {
    pub(crate) content_type: String,
    pub(crate) body: Vec<u8>,
}

/// Encodes `parts` with a fresh random boundary that none of them contains. Names,
/// file names and media types are validated before (no quotes or line breaks).
pub(crate) fn encode(parts: &[Part<'_>]) -> Form {
    let boundary = loop {
        // 128 random bits: a boundary found in the content is all but impossible,
        // and checked anyway.
        let candidate = format!("payroc-{}", uuid::Uuid::new_v4().simple());
        let found = parts.iter().any(|part| {
            part.bytes
                .windows(candidate.len())
                .any(|window| window == candidate.as_bytes())
        });
        if !found {
            break candidate;
        }
    };
    let mut body = Vec::with_capacity(parts.iter().map(|p| p.bytes.len() + 160).sum());
    for part in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let disposition = match part.file_name {
            Some(file_name) => format!(
                "Content-Disposition: form-data; name=\"{}\"; filename=\"{file_name}\"\r\n",
                part.name
            ),
            None => format!("Content-Disposition: form-data; name=\"{}\"\r\n", part.name),
        };
        body.extend_from_slice(disposition.as_bytes());
        body.extend_from_slice(format!("Content-Type: {}\r\n\r\n", part.content_type).as_bytes());
        body.extend_from_slice(part.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    Form {
        content_type: format!("multipart/form-data; boundary={boundary}"),
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_framed_by_a_fresh_boundary() {
        let file = FileUpload::new("a.pdf", "application/pdf", b"%PDF-1.4 x".to_vec());
        let form = encode(&[
            Part::json("attachment", b"{\"type\":\"other\"}"),
            Part::file("file", &file),
        ]);
        let boundary = form
            .content_type
            .strip_prefix("multipart/form-data; boundary=")
            .unwrap();
        let text = String::from_utf8(form.body.clone()).unwrap();
        assert!(text.starts_with(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"attachment\"\r\nContent-Type: application/json\r\n\r\n{{\"type\":\"other\"}}\r\n")));
        assert!(text.contains("name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 x\r\n"));
        assert!(text.ends_with(&format!("--{boundary}--\r\n")));
        assert_ne!(encode(&[]).content_type, form.content_type);
    }
}
