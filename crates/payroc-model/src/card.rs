//! Card data as a device or a person captured it: the `cardDetails` union (raw, icc,
//! keyed, swiped), keyed and swiped data formats, devices, PIN and EBT details.

use crate::common::UnknownFields;
use crate::secret::{CardNumber, SensitiveData};
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};

open_enum! {
    /// Model of the device that captured the card data (`DeviceModel`).
    pub enum DeviceModel {
        /// BBPOS Chipper.
        BbposChp = "bbposChp",
        /// BBPOS Chipper 2X.
        BbposChp2x = "bbposChp2x",
        /// BBPOS Chipper 3X.
        BbposChp3x = "bbposChp3x",
        /// BBPOS Rambler.
        BbposRambler = "bbposRambler",
        /// BBPOS WisePad.
        BbposWp = "bbposWp",
        /// BBPOS WisePad 2.
        BbposWp2 = "bbposWp2",
        /// BBPOS WisePad 3.
        BbposWp3 = "bbposWp3",
        /// Generic contactless MSR.
        GenericCtlsMsr = "genericCtlsMsr",
        /// Generic MSR.
        GenericMsr = "genericMsr",
        /// ID TECH Augusta.
        IdtechAugusta = "idtechAugusta",
        /// ID TECH MiniSmart.
        IdtechMinismart = "idtechMinismart",
        /// ID TECH SREDKey.
        IdtechSredkey = "idtechSredkey",
        /// ID TECH VP3300.
        IdtechVp3300 = "idtechVp3300",
        /// ID TECH VP5300.
        IdtechVp5300 = "idtechVp5300",
        /// ID TECH VP6300.
        IdtechVp6300 = "idtechVp6300",
        /// ID TECH VP6800.
        IdtechVp6800 = "idtechVp6800",
        /// Ingenico Axium DX4000.
        IngenicoAxiumDx4000 = "ingenicoAxiumDx4000",
        /// Ingenico Axium DX8000.
        IngenicoAxiumDx8000 = "ingenicoAxiumDx8000",
        /// Ingenico Axium EX8000.
        IngenicoAxiumEx8000 = "ingenicoAxiumEx8000",
        /// Ingenico iCT220.
        IngenicoIct220 = "ingenicoIct220",
        /// Ingenico iPP320.
        IngenicoIpp320 = "ingenicoIpp320",
        /// Ingenico iPP350.
        IngenicoIpp350 = "ingenicoIpp350",
        /// Ingenico iUC285.
        IngenicoIuc285 = "ingenicoIuc285",
        /// Ingenico Lane/3000.
        IngenicoL3000 = "ingenicoL3000",
        /// Ingenico Lane/7000.
        IngenicoL7000 = "ingenicoL7000",
        /// Ingenico Self/2000.
        IngenicoS2000 = "ingenicoS2000",
        /// Ingenico Self/3000.
        IngenicoS3000 = "ingenicoS3000",
        /// Ingenico Self/4000.
        IngenicoS4000 = "ingenicoS4000",
        /// Ingenico Self/5000.
        IngenicoS5000 = "ingenicoS5000",
        /// Ingenico Self/7000.
        IngenicoS7000 = "ingenicoS7000",
        /// PAX A80.
        PaxA80 = "paxA80",
        /// PAX A920.
        PaxA920 = "paxA920",
        /// PAX A920 Pro.
        PaxA920Pro = "paxA920Pro",
        /// PAX E500.
        PaxE500 = "paxE500",
        /// PAX E700.
        PaxE700 = "paxE700",
        /// PAX E800.
        PaxE800 = "paxE800",
        /// PAX IM30.
        PaxIm30 = "paxIm30",
        /// UIC 680.
        Uic680 = "uic680",
        /// UIC Bezel 8.
        UicBezel8 = "uicBezel8",
    }
}

open_enum! {
    /// Whether a person attends the device.
    pub enum DeviceCategory {
        /// Attended (the default).
        Attended = "attended",
        /// Unattended, e.g. a kiosk.
        Unattended = "unattended",
    }
}

/// Device configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceConfig {
    /// Whether the device uses Quick Chip.
    pub quick_chip: bool,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The device that captured unencrypted card data (`Device`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Device {
    /// Device model.
    pub model: DeviceModel,
    /// Serial number.
    pub serial_number: String,
    /// Attended or unattended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<DeviceCategory>,
    /// Firmware version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmware_version: Option<String>,
    /// Configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<DeviceConfig>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for Device {
    fn validate_into(&self, v: &mut Validator) {
        v.known("model", &self.model);
        v.required_str("serialNumber", &self.serial_number);
        if let Some(category) = &self.category {
            v.known("category", category);
        }
    }
}

/// The device that captured encrypted card data (`EncryptionCapableDevice`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EncryptionCapableDevice {
    /// Device model.
    pub model: DeviceModel,
    /// Serial number.
    pub serial_number: String,
    /// Attended or unattended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<DeviceCategory>,
    /// Firmware version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmware_version: Option<String>,
    /// Configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<DeviceConfig>,
    /// Key serial number of the encrypted data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_ksn: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for EncryptionCapableDevice {
    fn validate_into(&self, v: &mut Validator) {
        v.known("model", &self.model);
        v.required_str("serialNumber", &self.serial_number);
        if let Some(category) = &self.category {
            v.known("category", category);
        }
    }
}

open_enum! {
    /// Entry method to fall back to for an offline transaction.
    pub enum DowngradeTo {
        /// Keyed.
        Keyed = "keyed",
        /// Swiped.
        Swiped = "swiped",
    }
}

open_enum! {
    /// EBT benefit category.
    pub enum BenefitCategory {
        /// EBT Cash.
        Cash = "cash",
        /// EBT SNAP (food stamps).
        FoodStamp = "foodStamp",
    }
}

/// An EBT SNAP paper voucher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Voucher {
    /// Approval code on the voucher.
    pub approval_code: String,
    /// Serial number of the voucher.
    pub serial_number: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// EBT details of a card payment (`EbtDetailsWithVoucher`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EbtDetailsWithVoucher {
    /// Cash or food stamps.
    pub benefit_category: BenefitCategory,
    /// A cash withdrawal (EBT Cash only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<bool>,
    /// Voucher (EBT SNAP only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voucher: Option<Voucher>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for EbtDetailsWithVoucher {
    fn validate_into(&self, v: &mut Validator) {
        v.known("benefitCategory", &self.benefit_category);
        if self.voucher.is_some() && self.benefit_category != BenefitCategory::FoodStamp {
            v.violation(
                "voucher",
                "conflict",
                "vouchers exist only for EBT SNAP (benefitCategory foodStamp)",
            );
        }
        if self.withdrawal == Some(true) && self.benefit_category != BenefitCategory::Cash {
            v.violation(
                "withdrawal",
                "conflict",
                "cash withdrawals are possible only from EBT Cash (benefitCategory cash)",
            );
        }
        if let Some(voucher) = &self.voucher {
            v.at("voucher", |v| {
                v.required_str("approvalCode", &voucher.approval_code);
                v.required_str("serialNumber", &voucher.serial_number);
            });
        }
    }
}

/// EBT details of a Payroc Cloud instruction (`EbtDetails`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EbtDetails {
    /// Cash or food stamps.
    pub benefit_category: BenefitCategory,
    /// A cash withdrawal (EBT Cash only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<bool>,
}

impl Validate for EbtDetails {
    fn validate_into(&self, v: &mut Validator) {
        v.known("benefitCategory", &self.benefit_category);
        if self.withdrawal == Some(true) && self.benefit_category != BenefitCategory::Cash {
            v.violation(
                "withdrawal",
                "conflict",
                "cash withdrawals are possible only from EBT Cash (benefitCategory cash)",
            );
        }
    }
}

/// An encrypted PIN block with its key serial number (`dukpt`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DukptPin {
    /// The encrypted PIN block.
    pub pin: SensitiveData,
    /// Key serial number.
    pub pin_ksn: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// An unencrypted PIN (single-use-token payloads only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawPin {
    /// The PIN.
    pub pin: SensitiveData,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// PIN details (discriminator `dataFormat`).
    pub enum PinDetails tag "dataFormat" {
        /// DUKPT-encrypted PIN block.
        Dukpt(DukptPin) = "dukpt",
        /// Unencrypted PIN; only for single-use tokens.
        Raw(RawPin) = "raw",
    }
}

impl PinDetails {
    /// Validates PIN details; `allow_raw` is true only for single-use-token payloads.
    pub fn validate_with(&self, v: &mut Validator, allow_raw: bool) {
        match self {
            Self::Dukpt(p) => {
                v.required_str("pin", p.pin.expose_secret());
                v.required_str("pinKsn", &p.pin_ksn);
            }
            Self::Raw(p) => {
                if allow_raw {
                    v.required_str("pin", p.pin.expose_secret());
                } else {
                    v.violation("dataFormat", "enum", "`raw` PINs are accepted only with single-use tokens; send a `dukpt` PIN block");
                }
            }
            Self::Unknown(_) => v.unknown_variant("dataFormat", Self::KNOWN_TAGS),
        }
    }
}

/// Card data read straight from a device, unencrypted (`entryMethod: raw`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawCardDetails {
    /// For an offline transaction not approved with the original entry method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downgrade_to: Option<DowngradeTo>,
    /// The device.
    pub device: Device,
    /// The raw data.
    pub raw_data: SensitiveData,
    /// Encoded cardholder signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_signature: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Chip card data (`entryMethod: icc`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IccCardDetails {
    /// For an offline transaction not approved with the original entry method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downgrade_to: Option<DowngradeTo>,
    /// The device.
    pub device: EncryptionCapableDevice,
    /// EMV tags in TLV form.
    pub icc_data: SensitiveData,
    /// First digit of the card number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_digit_of_pan: Option<String>,
    /// Encoded cardholder signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_signature: Option<String>,
    /// EBT details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebt_details: Option<EbtDetailsWithVoucher>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Manually entered card data (`entryMethod: keyed`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyedCardDetails {
    /// The keyed data, in one of three formats.
    pub keyed_data: KeyedData,
    /// Cardholder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_name: Option<String>,
    /// Encoded cardholder signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_signature: Option<String>,
    /// PIN details (`dukpt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_details: Option<PinDetails>,
    /// EBT details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebt_details: Option<EbtDetailsWithVoucher>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Magnetic-stripe data (`entryMethod: swiped`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SwipedCardDetails {
    /// For an offline transaction not approved with the original entry method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downgrade_to: Option<DowngradeTo>,
    /// The swiped data, encrypted or plain.
    pub swiped_data: SwipedData,
    /// Cardholder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_name: Option<String>,
    /// Encoded cardholder signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_signature: Option<String>,
    /// PIN details (`dukpt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_details: Option<PinDetails>,
    /// EBT details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebt_details: Option<EbtDetailsWithVoucher>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// How the card details were captured (discriminator `entryMethod`).
    pub enum CardDetails tag "entryMethod" {
        /// Unencrypted data straight from a device.
        Raw(RawCardDetails) = "raw",
        /// Chip data.
        Icc(IccCardDetails) = "icc",
        /// Manually entered.
        Keyed(KeyedCardDetails) = "keyed",
        /// Magnetic stripe.
        Swiped(SwipedCardDetails) = "swiped",
    }
}

impl CardDetails {
    /// Keyed plain-text card details: the most common shape for card-not-present sales.
    pub fn keyed(
        card_number: impl Into<String>,
        expiry_mmyy: impl Into<String>,
        cvv: Option<&str>,
    ) -> Self {
        Self::Keyed(KeyedCardDetails {
            keyed_data: KeyedData::PlainText(PlainTextKeyedData {
                device: None,
                card_number: CardNumber::new(card_number),
                expiry_date: Some(expiry_mmyy.into()),
                cvv: cvv.map(SensitiveData::from),
                issue_number: None,
                unknown: Default::default(),
            }),
            cardholder_name: None,
            cardholder_signature: None,
            pin_details: None,
            ebt_details: None,
            unknown: Default::default(),
        })
    }
}

impl Validate for CardDetails {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Raw(raw) => {
                v.known_opt("downgradeTo", &raw.downgrade_to);
                v.nested("device", &raw.device);
                v.required_str("rawData", raw.raw_data.expose_secret());
            }
            Self::Icc(icc) => {
                v.known_opt("downgradeTo", &icc.downgrade_to);
                v.nested("device", &icc.device);
                v.required_str("iccData", icc.icc_data.expose_secret());
                v.nested_opt("ebtDetails", &icc.ebt_details);
            }
            Self::Keyed(keyed) => {
                v.nested("keyedData", &keyed.keyed_data);
                if let Some(pin) = &keyed.pin_details {
                    v.at("pinDetails", |v| pin.validate_with(v, false));
                }
                v.nested_opt("ebtDetails", &keyed.ebt_details);
            }
            Self::Swiped(swiped) => {
                v.known_opt("downgradeTo", &swiped.downgrade_to);
                v.nested("swipedData", &swiped.swiped_data);
                if let Some(pin) = &swiped.pin_details {
                    v.at("pinDetails", |v| pin.validate_with(v, false));
                }
                v.nested_opt("ebtDetails", &swiped.ebt_details);
            }
            Self::Unknown(_) => {
                v.unknown_variant("entryMethod", Self::KNOWN_TAGS);
            }
        }
    }
}

/// Fully encrypted keyed data (`dataFormat: fullyEncrypted`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FullyEncryptedKeyedData {
    /// The encrypting device.
    pub device: EncryptionCapableDevice,
    /// The encrypted block.
    pub encrypted_data: SensitiveData,
    /// First digit of the card number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_digit_of_pan: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Partially encrypted keyed data (`dataFormat: partiallyEncrypted`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PartiallyEncryptedKeyedData {
    /// The encrypting device.
    pub device: EncryptionCapableDevice,
    /// The encrypted card number.
    pub encrypted_pan: SensitiveData,
    /// The card number masked as first six and last four.
    pub masked_pan: String,
    /// Expiry date, `MMYY`.
    pub expiry_date: String,
    /// Card verification value, in clear.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvv: Option<SensitiveData>,
    /// Encrypted card verification value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvv_encrypted: Option<SensitiveData>,
    /// Issue number (some debit cards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_number: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Plain-text keyed data (`dataFormat: plainText`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlainTextKeyedData {
    /// The device it was keyed on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<Device>,
    /// The card number.
    pub card_number: CardNumber,
    /// Expiry date, `MMYY` (needed for most BIN look-ups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<String>,
    /// Card verification value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvv: Option<SensitiveData>,
    /// Issue number (some debit cards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_number: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// Keyed card data (discriminator `dataFormat`).
    pub enum KeyedData tag "dataFormat" {
        /// The whole card data encrypted by the device.
        FullyEncrypted(FullyEncryptedKeyedData) = "fullyEncrypted",
        /// Only the card number encrypted.
        PartiallyEncrypted(PartiallyEncryptedKeyedData) = "partiallyEncrypted",
        /// Unencrypted.
        PlainText(PlainTextKeyedData) = "plainText",
    }
}

fn cvv_shape(v: &mut Validator, field: &'static str, cvv: &Option<SensitiveData>) {
    if let Some(cvv) = cvv {
        let c = cvv.expose_secret();
        if !(3..=4).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_digit()) {
            v.violation(field, "format", "must be 3 or 4 digits");
        }
    }
}

impl Validate for KeyedData {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::FullyEncrypted(d) => {
                v.nested("device", &d.device);
                v.required_str("encryptedData", d.encrypted_data.expose_secret());
            }
            Self::PartiallyEncrypted(d) => {
                v.nested("device", &d.device);
                v.required_str("encryptedPan", d.encrypted_pan.expose_secret());
                v.required_str("maskedPan", &d.masked_pan);
                v.expiry_mmyy("expiryDate", &d.expiry_date);
                cvv_shape(v, "cvv", &d.cvv);
            }
            Self::PlainText(d) => {
                v.nested_opt("device", &d.device);
                v.card_number("cardNumber", d.card_number.expose_secret());
                if let Some(expiry) = &d.expiry_date {
                    v.expiry_mmyy("expiryDate", expiry);
                }
                cvv_shape(v, "cvv", &d.cvv);
            }
            Self::Unknown(_) => {
                v.unknown_variant("dataFormat", Self::KNOWN_TAGS);
            }
        }
    }
}

open_enum! {
    /// Why a chip card fell back to the stripe.
    pub enum FallbackReason {
        /// A technical fault with the chip.
        Technical = "technical",
        /// The previous read was already a fallback.
        RepeatFallback = "repeatFallback",
        /// The chip had no application both sides support.
        EmptyCandidateList = "emptyCandidateList",
    }
}

/// Encrypted stripe data (`dataFormat: encrypted`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EncryptedSwipedData {
    /// The encrypting device.
    pub device: EncryptionCapableDevice,
    /// The encrypted track data.
    pub encrypted_data: SensitiveData,
    /// First digit of the card number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_digit_of_pan: Option<String>,
    /// Swiped after a chip read failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<bool>,
    /// Why it fell back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_reason: Option<FallbackReason>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Plain stripe data (`dataFormat: plainText`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlainTextSwipedData {
    /// The device.
    pub device: Device,
    /// The track data.
    pub track_data: SensitiveData,
    /// Swiped after a chip read failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<bool>,
    /// Why it fell back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_reason: Option<FallbackReason>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// Swiped card data (discriminator `dataFormat`).
    pub enum SwipedData tag "dataFormat" {
        /// Encrypted by the device.
        Encrypted(EncryptedSwipedData) = "encrypted",
        /// Unencrypted.
        PlainText(PlainTextSwipedData) = "plainText",
    }
}

impl Validate for SwipedData {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Encrypted(d) => {
                v.nested("device", &d.device);
                v.required_str("encryptedData", d.encrypted_data.expose_secret());
                v.known_opt("fallbackReason", &d.fallback_reason);
            }
            Self::PlainText(d) => {
                v.nested("device", &d.device);
                v.required_str("trackData", d.track_data.expose_secret());
                v.known_opt("fallbackReason", &d.fallback_reason);
            }
            Self::Unknown(_) => {
                v.unknown_variant("dataFormat", Self::KNOWN_TAGS);
            }
        }
    }
}

open_enum! {
    /// Result of the card verification value check.
    pub enum CvvResult {
        /// Match.
        M = "M",
        /// No match.
        N = "N",
        /// Not processed.
        P = "P",
        /// Issuer not registered.
        U = "U",
    }
}

open_enum! {
    /// Result of the address verification check.
    pub enum AvsResult {
        /// Street and ZIP match.
        Y = "Y",
        /// Street only.
        A = "A",
        /// ZIP only.
        Z = "Z",
        /// No match.
        N = "N",
        /// Unavailable.
        U = "U",
        /// Retry later.
        R = "R",
        /// AVS not supported.
        G = "G",
        /// No or invalid AVS data.
        S = "S",
        /// UK address match.
        F = "F",
        /// US 9-digit ZIP only.
        W = "W",
        /// US 9-digit ZIP and street.
        X = "X",
    }
}

open_enum! {
    /// 3-D Secure electronic commerce indicator.
    pub enum Eci {
        /// The cardholder was fully authenticated.
        FullyAuthenticated = "fullyAuthenticated",
        /// Authentication was attempted.
        AttemptedAuthentication = "attemptedAuthentication",
    }
}
