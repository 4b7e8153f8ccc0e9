//! Attachments: documents uploaded for a processing account's review
//! (`POST /processing-accounts/{id}/attachments`, a `multipart/form-data` body) and
//! read back (`GET /attachments/{id}`).

use crate::common::UnknownFields;
use crate::funding::Metadata;
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest file the API takes: it must be under 30 MB.
pub const MAX_FILE_BYTES: usize = 30 * 1024 * 1024;

/// The file name extensions the API takes, lower case.
pub const ALLOWED_EXTENSIONS: &[&str] = &[
    "bmp", "csv", "doc", "docx", "gif", "htm", "html", "jpg", "jpeg", "msg", "pdf", "png", "ppt",
    "pptx", "tif", "tiff", "txt", "xls", "xlsx",
];

open_enum! {
    /// What a document is (`type`).
    pub enum AttachmentType {
        /// Evidence of the bank account.
        BankingEvidence = "bankingEvidence",
        /// Questionnaires and licenses.
        QuestionnairesAndLicenses = "questionnairesAndLicenses",
        /// Statements of another processor.
        MerchantStatements = "merchantStatements",
        /// Tax documents.
        TaxDocuments = "taxDocuments",
        /// The Merchant Processing Agreement or an amendment.
        MpaOrAmendment = "mpaOrAmendment",
        /// Proof of the business.
        ProofOfBusiness = "proofOfBusiness",
        /// Financial statements.
        FinancialStatements = "financialStatements",
        /// Identification of a person.
        PersonalIdentification = "personalIdentification",
        /// Anything else.
        Other = "other",
    }
}

open_enum! {
    /// Where an upload stands (`uploadStatus`).
    pub enum AttachmentUploadStatus {
        /// Received, not yet uploaded.
        Pending = "pending",
        /// Uploaded.
        Accepted = "accepted",
        /// Refused.
        Rejected = "rejected",
    }
}

open_enum! {
    /// What an attachment belongs to (`entity.type`).
    pub enum AttachmentEntityType {
        /// A processing account.
        ProcessingAccount = "processingAccount",
    }
}

/// The `attachment` form part of an upload: what the document is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttachmentDetails {
    /// What the document is.
    #[serde(rename = "type")]
    pub kind: AttachmentType,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Custom data (text values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Fields this SDK does not know, sent unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for AttachmentDetails {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
        if let Some(metadata) = &self.metadata {
            if metadata.values().any(|value| !value.is_string()) {
                v.violation("metadata", "type", "values must be strings");
            }
        }
    }
}

/// The `file` form part of an upload: the document's bytes, name and media type.
#[derive(Clone, Default, PartialEq)]
pub struct FileUpload {
    /// The file name, with its extension (`passport.pdf`).
    pub file_name: String,
    /// Its media type (`application/pdf`).
    pub content_type: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl FileUpload {
    /// A file with this name, media type and content.
    pub fn new(
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        bytes: impl Into<Vec<u8>>,
    ) -> Self {
        Self {
            file_name: file_name.into(),
            content_type: content_type.into(),
            bytes: bytes.into(),
        }
    }
}

// A document is personal data: `Debug` shows its size, never its bytes.
impl fmt::Debug for FileUpload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FileUpload")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

impl Validate for FileUpload {
    fn validate_into(&self, v: &mut Validator) {
        let extension = self
            .file_name
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_lowercase());
        if self.file_name.trim().is_empty() {
            v.violation("fileName", "required", "is required and must not be blank");
        } else if self.file_name.contains(['"', '\r', '\n', '/', '\\']) {
            v.violation(
                "fileName",
                "format",
                "must not hold quotes, line breaks or slashes",
            );
        } else if !extension.is_some_and(|ext| ALLOWED_EXTENSIONS.contains(&ext.as_str())) {
            v.violation(
                "fileName",
                "file_type",
                format!("must end in one of .{}", ALLOWED_EXTENSIONS.join(", .")),
            );
        }
        if self.content_type.trim().is_empty() {
            v.violation(
                "contentType",
                "required",
                "is required and must not be blank",
            );
        } else if self.content_type.contains(['\r', '\n']) {
            v.violation("contentType", "format", "must not hold line breaks");
        }
        if self.bytes.is_empty() {
            v.violation("content", "required", "the file is empty");
        } else if self.bytes.len() >= MAX_FILE_BYTES {
            v.violation("content", "too_large", "the file must be under 30 MB");
        }
    }
}

/// The body of `attachments.upload`: the `attachment` form part (JSON) and the
/// `file` part. The file is not JSON: it travels as its own part, and the bindings
/// hand it over beside the JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadAttachment {
    /// What the document is.
    pub attachment: AttachmentDetails,
    /// The document.
    #[serde(skip)]
    pub file: Option<FileUpload>,
}

impl UploadAttachment {
    /// An upload of `file` as a document of type `kind`.
    pub fn new(kind: AttachmentType, file: FileUpload) -> Self {
        Self {
            attachment: AttachmentDetails {
                kind,
                description: None,
                metadata: None,
                unknown: UnknownFields::default(),
            },
            file: Some(file),
        }
    }
}

impl Validate for UploadAttachment {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("attachment", &self.attachment);
        match &self.file {
            Some(file) => v.nested("file", file),
            None => v.missing("file"),
        }
    }
}

/// What an attachment belongs to (`entity`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttachmentEntity {
    /// Kind of entity.
    #[serde(rename = "type")]
    pub kind: AttachmentEntityType,
    /// Its id.
    pub id: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// An uploaded document, as the API describes it (`Attachment`; never the file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    /// Payroc's id of the attachment.
    pub attachment_id: String,
    /// What the document is.
    #[serde(rename = "type")]
    pub kind: AttachmentType,
    /// Where the upload stands.
    pub upload_status: AttachmentUploadStatus,
    /// The file's name.
    pub file_name: String,
    /// The file's media type.
    pub content_type: String,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What it belongs to.
    pub entity: AttachmentEntity,
    /// When Payroc received it (ISO 8601).
    pub created_date: String,
    /// When it last changed (ISO 8601).
    pub last_modified_date: String,
    /// Custom data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A request sent as `multipart/form-data`: each of its JSON fields is a form part,
/// and its file the `file` part.
pub trait FileForm {
    /// The file, once given.
    fn file(&self) -> Option<&FileUpload>;
    /// Gives the file (the bindings hand it over beside the JSON fields).
    fn set_file(&mut self, file: FileUpload);
}

impl FileForm for UploadAttachment {
    fn file(&self) -> Option<&FileUpload> {
        self.file.as_ref()
    }

    fn set_file(&mut self, file: FileUpload) {
        self.file = Some(file);
    }
}
