//! The records of the simulated account, one struct per resource type.

use std::collections::BTreeMap;

use serde_json::Value;

/// The text attributes of an identity, by API name, in DIDWW's order.
pub(crate) const IDENTITY_TEXT_FIELDS: &[&str] = &[
    "first_name",
    "last_name",
    "phone_number",
    "id_number",
    "birth_date",
    "company_name",
    "company_reg_number",
    "vat_id",
    "description",
    "personal_tax_id",
    "external_reference_id",
    "contact_email",
];

/// The text attributes of an address, by API name.
pub(crate) const ADDRESS_TEXT_FIELDS: &[&str] = &[
    "address",
    "city_name",
    "postal_code",
    "description",
    "external_reference_id",
];

/// A country (`countries`).
#[derive(Debug, Clone)]
pub(crate) struct Country {
    pub id: String,
    pub name: String,
    pub prefix: String,
    pub iso: String,
}

/// A DID group type such as Local or Mobile (`did_group_types`).
#[derive(Debug, Clone)]
pub(crate) struct DidGroupType {
    pub id: String,
    pub name: String,
}

/// A regulatory area, such as a US state (`areas`).
#[derive(Debug, Clone)]
pub(crate) struct Area {
    pub id: String,
    pub name: String,
    pub country_id: String,
}

/// A city (`cities`); its area is what area-level requirements compare.
#[derive(Debug, Clone)]
pub(crate) struct City {
    pub id: String,
    pub name: String,
    pub country_id: String,
    pub area_id: Option<String>,
}

/// A DID group (`did_groups`): where a number is and what it can do.
#[derive(Debug, Clone)]
pub(crate) struct DidGroup {
    pub id: String,
    pub prefix: String,
    pub area_name: String,
    pub features: Vec<String>,
    pub country_id: String,
    pub did_group_type_id: String,
    pub city_id: Option<String>,
}

/// A number the account owns (`dids`).
#[derive(Debug, Clone)]
pub(crate) struct Did {
    pub id: String,
    pub number: String,
    pub created_at: u64,
    pub expires_at: u64,
    pub did_group_id: String,
    pub identity_id: Option<String>,
    pub address_verification_id: Option<String>,
    pub emergency_calling_service_id: Option<String>,
    pub emergency_verification_id: Option<String>,
    pub emergency_enabled: bool,
}

/// An end-user registration that locks a DID to its identity (`address_verifications`).
#[derive(Debug, Clone)]
pub(crate) struct AddressVerification {
    pub id: String,
    pub status: String,
    pub reference: String,
}

/// What a country and DID group type demand before emergency calling (`emergency_requirements`).
#[derive(Debug, Clone)]
pub(crate) struct Requirement {
    pub id: String,
    pub country_id: String,
    pub did_group_type_id: String,
    pub identity_type: String,
    pub address_area_level: String,
    pub personal_area_level: Option<String>,
    pub business_area_level: Option<String>,
    pub address_mandatory_fields: Vec<String>,
    pub personal_mandatory_fields: Vec<String>,
    pub business_mandatory_fields: Vec<String>,
    pub estimate_setup_time: String,
    pub restriction_message: Option<String>,
    /// Kept as raw JSON because DIDWW sends a number, a decimal string or null here.
    pub setup_price: Value,
    pub monthly_price: Value,
}

/// Whether an identity is a person or a company.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdentityType {
    Personal,
    Business,
}

impl IdentityType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Personal => "personal",
            Self::Business => "business",
        }
    }

    /// The capitalised word DIDWW uses in messages ("Identity Business - …").
    pub fn label(self) -> &'static str {
        match self {
            Self::Personal => "Personal",
            Self::Business => "Business",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "personal" => Some(Self::Personal),
            "business" => Some(Self::Business),
            _ => None,
        }
    }
}

/// A customer identity (`identities`).
#[derive(Debug, Clone)]
pub(crate) struct Identity {
    pub id: String,
    pub identity_type: IdentityType,
    /// Text attributes that are set, by API name; a missing name reads as `null`.
    pub text: BTreeMap<String, String>,
    pub country_id: Option<String>,
    pub birth_country_id: Option<String>,
    pub created_at: u64,
    pub verified: bool,
    /// Reviewer's finding, not an API attribute: the identity document has expired.
    pub document_expired: bool,
}

impl Identity {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.text
            .get(name)
            .map(String::as_str)
            .filter(|value| !value.trim().is_empty())
    }

    /// How DIDWW names the identity in messages: the company, or the person's full name.
    pub fn display_name(&self) -> String {
        match (self.identity_type, self.field("company_name")) {
            (IdentityType::Business, Some(company)) => company.to_owned(),
            _ => {
                let first = self.field("first_name").unwrap_or_default();
                format!("{first} {}", self.field("last_name").unwrap_or_default())
            }
        }
    }
}

/// A customer address (`addresses`).
#[derive(Debug, Clone)]
pub(crate) struct Address {
    pub id: String,
    /// Text attributes that are set, by API name.
    pub text: BTreeMap<String, String>,
    pub identity_id: String,
    pub country_id: String,
    pub area_id: Option<String>,
    pub city_id: Option<String>,
    pub created_at: u64,
    pub verified: bool,
    /// Reviewer's finding, not an API attribute: the address is not where the DIDs are.
    pub outside_did_area: bool,
}

impl Address {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.text
            .get(name)
            .map(String::as_str)
            .filter(|value| !value.trim().is_empty())
    }
}

/// The review state of an emergency verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerificationStatus {
    Pending,
    Approved,
    Rejected,
}

impl VerificationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
        }
    }
}

/// A submission for review (`emergency_verifications`).
#[derive(Debug, Clone)]
pub(crate) struct Verification {
    pub id: String,
    pub reference: String,
    pub status: VerificationStatus,
    pub reject_reasons: Option<Vec<String>>,
    pub reject_comment: Option<String>,
    pub callback_url: Option<String>,
    pub callback_method: Option<String>,
    pub external_reference_id: Option<String>,
    pub created_at: u64,
    pub address_id: String,
    pub service_id: String,
    /// The DIDs sent with the submission; empty when it updated an existing service.
    pub did_ids: Vec<String>,
}

/// An emergency calling service (`emergency_calling_services`).
#[derive(Debug, Clone)]
pub(crate) struct Service {
    pub id: String,
    pub name: String,
    pub reference: String,
    /// One of `new`, `in_process`, `active`, `changes_required`, `pending_update`, `canceled`.
    pub status: String,
    pub activated_at: Option<u64>,
    pub canceled_at: Option<u64>,
    pub renew_date: Option<String>,
    pub created_at: u64,
    pub country_id: String,
    pub did_group_type_id: String,
    pub requirement_id: String,
    pub verification_id: Option<String>,
}
