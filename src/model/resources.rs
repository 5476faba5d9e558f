//! The resources of the emergency flow.

use serde::{Deserialize, Serialize};

use super::decode::{expect_kind, flag, text, text_list};
use super::{
    AreaLevel, CallbackMethod, DecodeError, FromResource, IdentityType, Price, ServiceStatus,
    VerificationStatus,
};
use crate::jsonapi::{Document, Resource};

/// A country.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Country {
    /// DIDWW id.
    pub id: String,
    /// Name in English, such as "Lithuania".
    pub name: String,
    /// ISO 3166-1 alpha-2 code.
    pub iso: String,
    /// Dialling prefix without `+`.
    pub prefix: Option<String>,
}

impl FromResource for Country {
    const KIND: &'static str = "countries";

    fn from_resource(resource: &Resource, _document: &Document) -> Result<Self, DecodeError> {
        expect_kind(resource, Self::KIND)?;
        Ok(Self {
            id: resource.id.clone(),
            name: text(resource, "name").unwrap_or_else(|| resource.id.clone()),
            iso: text(resource, "iso").unwrap_or_default(),
            prefix: text(resource, "prefix"),
        })
    }
}

/// A regulatory area (state, province or region) of a country.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Area {
    /// DIDWW id.
    pub id: String,
    /// Name, such as "California".
    pub name: String,
}

impl FromResource for Area {
    const KIND: &'static str = "areas";

    fn from_resource(resource: &Resource, _document: &Document) -> Result<Self, DecodeError> {
        expect_kind(resource, Self::KIND)?;
        Ok(Self {
            id: resource.id.clone(),
            name: text(resource, "name").unwrap_or_else(|| resource.id.clone()),
        })
    }
}

/// A DID group type, such as Local or Mobile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DidGroupType {
    /// DIDWW id.
    pub id: String,
    /// Name, such as "Local".
    pub name: String,
}

impl FromResource for DidGroupType {
    const KIND: &'static str = "did_group_types";

    fn from_resource(resource: &Resource, _document: &Document) -> Result<Self, DecodeError> {
        expect_kind(resource, Self::KIND)?;
        Ok(Self {
            id: resource.id.clone(),
            name: text(resource, "name").unwrap_or_else(|| resource.id.clone()),
        })
    }
}

/// A phone number owned by the account, with what the flow needs to know about it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Did {
    /// DIDWW id.
    pub id: String,
    /// The number as the API gives it (E.164 without `+`); never altered.
    pub number: String,
    /// The customer's own description.
    pub description: Option<String>,
    /// True when emergency calling already works on the number.
    pub emergency_enabled: bool,
    /// The DID group's area name, such as "Vilnius".
    pub area_name: Option<String>,
    /// True when the DID group supports emergency registration.
    pub supports_emergency: bool,
    /// The DID group id.
    pub did_group_id: Option<String>,
    /// Country of the DID group, when included.
    pub country: Option<Country>,
    /// Type of the DID group, when included.
    pub group_type: Option<DidGroupType>,
    /// The DID group's city id, when the server sent it.
    pub city_id: Option<String>,
    /// The DID group's region (area) id, when the server sent it.
    pub region_id: Option<String>,
    /// The identity the DID is linked to (end-user registration or porting).
    pub identity: Option<Identity>,
    /// Id of the linked identity even when the identity itself was not included.
    pub identity_id: Option<String>,
    /// Id of the DID's address verification (end-user registration).
    pub address_verification_id: Option<String>,
    /// Id of the emergency calling service the DID already belongs to.
    pub calling_service_id: Option<String>,
    /// Name of that service, when included.
    pub calling_service_name: Option<String>,
}

impl FromResource for Did {
    const KIND: &'static str = "dids";

    fn from_resource(resource: &Resource, document: &Document) -> Result<Self, DecodeError> {
        expect_kind(resource, Self::KIND)?;
        let group = document.follow(resource, "did_group");
        let country = group
            .and_then(|group| document.follow(group, "country"))
            .map(|country| Country::from_resource(country, document))
            .transpose()?;
        let group_type = group
            .and_then(|group| document.follow(group, "did_group_type"))
            .map(|group_type| DidGroupType::from_resource(group_type, document))
            .transpose()?;
        let identity = document
            .follow(resource, "identity")
            .map(|identity| Identity::from_resource(identity, document))
            .transpose()?;
        let calling_service = document.follow(resource, "emergency_calling_service");
        let features: Vec<String> = group
            .and_then(|group| group.attribute("features"))
            .unwrap_or_default();

        Ok(Self {
            id: resource.id.clone(),
            number: text(resource, "number").unwrap_or_default(),
            description: text(resource, "description"),
            emergency_enabled: flag(resource, "emergency_enabled"),
            area_name: group.and_then(|group| text(group, "area_name")),
            // Without the group included the feature is unknown; the list was filtered by it.
            supports_emergency: group.is_none() || features.iter().any(|f| f == "emergency"),
            did_group_id: resource.to_one("did_group").map(|target| target.id),
            country,
            group_type,
            city_id: group
                .and_then(|group| group.to_one("city"))
                .map(|target| target.id),
            region_id: group
                .and_then(|group| group.to_one("region"))
                .map(|target| target.id),
            identity,
            identity_id: resource.to_one("identity").map(|target| target.id),
            address_verification_id: resource
                .to_one("address_verification")
                .map(|target| target.id),
            calling_service_id: resource
                .to_one("emergency_calling_service")
                .map(|target| target.id),
            calling_service_name: calling_service.and_then(|service| text(service, "name")),
        })
    }
}

/// What DIDWW requires to register emergency calling in one country and DID group type.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EmergencyRequirement {
    /// DIDWW id.
    pub id: String,
    /// Which identity kinds are accepted.
    pub identity_type: Option<IdentityType>,
    /// How precisely the address must match the DIDs.
    pub address_area_level: Option<AreaLevel>,
    /// Where a personal identity may be from; `None` when personal identities are refused.
    pub personal_area_level: Option<AreaLevel>,
    /// Where a business identity may be from; `None` when business identities are refused.
    pub business_area_level: Option<AreaLevel>,
    /// Fields a personal identity must have (labels or API names, as sent).
    pub personal_mandatory_fields: Vec<String>,
    /// Fields a business identity must have (labels or API names, as sent).
    pub business_mandatory_fields: Vec<String>,
    /// Fields the address must have (labels or API names, as sent).
    pub address_mandatory_fields: Vec<String>,
    /// Estimated setup time, free text such as "7-14 days".
    pub estimate_setup_time: Option<String>,
    /// Extra guidance to show verbatim, line breaks included.
    pub restriction_message: Option<String>,
    /// One-off price per number.
    pub setup_price: Price,
    /// Monthly price per number.
    pub monthly_price: Price,
    /// Country id.
    pub country_id: Option<String>,
    /// DID group type id.
    pub group_type_id: Option<String>,
    /// Country, when included.
    pub country: Option<Country>,
    /// DID group type, when included.
    pub group_type: Option<DidGroupType>,
}

impl FromResource for EmergencyRequirement {
    const KIND: &'static str = "emergency_requirements";

    fn from_resource(resource: &Resource, document: &Document) -> Result<Self, DecodeError> {
        expect_kind(resource, Self::KIND)?;
        let level = |name: &str| text(resource, name).map(|value| AreaLevel::parse(&value));
        let list = |name: &str| text_list(resource.attributes.get(name));
        let country = document
            .follow(resource, "country")
            .map(|country| Country::from_resource(country, document))
            .transpose()?;
        let group_type = document
            .follow(resource, "did_group_type")
            .map(|group_type| DidGroupType::from_resource(group_type, document))
            .transpose()?;

        Ok(Self {
            id: resource.id.clone(),
            identity_type: text(resource, "identity_type").map(|value| IdentityType::parse(&value)),
            address_area_level: level("address_area_level"),
            personal_area_level: level("personal_area_level"),
            business_area_level: level("business_area_level"),
            personal_mandatory_fields: list("personal_mandatory_fields"),
            business_mandatory_fields: list("business_mandatory_fields"),
            address_mandatory_fields: list("address_mandatory_fields"),
            estimate_setup_time: text(resource, "estimate_setup_time"),
            restriction_message: text(resource, "requirement_restriction_message"),
            setup_price: Price::from_value(resource.meta.get("setup_price")),
            monthly_price: Price::from_value(resource.meta.get("monthly_price")),
            country_id: resource.to_one("country").map(|target| target.id),
            group_type_id: resource.to_one("did_group_type").map(|target| target.id),
            country,
            group_type,
        })
    }
}

/// A customer identity (a person or a company).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Identity {
    /// DIDWW id.
    pub id: String,
    /// Personal or business.
    pub identity_type: Option<IdentityType>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Contact phone number, digits only.
    pub phone_number: Option<String>,
    /// Contact email.
    pub contact_email: Option<String>,
    /// Company name (business identities).
    pub company_name: Option<String>,
    /// Company registration number.
    pub company_reg_number: Option<String>,
    /// VAT or tax id.
    pub vat_id: Option<String>,
    /// Personal identification document number.
    pub id_number: Option<String>,
    /// Personal tax id.
    pub personal_tax_id: Option<String>,
    /// Birth date as `YYYY-MM-DD`, whatever shape it arrived in.
    pub birth_date: Option<String>,
    /// Free description.
    pub description: Option<String>,
    /// True once DIDWW accepted the identity.
    pub verified: bool,
    /// Country id, when the server sent it.
    pub country_id: Option<String>,
}

impl Identity {
    /// A short name for lists: the company for businesses, else the person.
    pub fn display_name(&self) -> String {
        let person = [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        match (&self.identity_type, &self.company_name) {
            (Some(IdentityType::Business), Some(company)) if person.is_empty() => company.clone(),
            (Some(IdentityType::Business), Some(company)) => format!("{company} ({person})"),
            _ if person.is_empty() => self.id.clone(),
            _ => person,
        }
    }
}

impl FromResource for Identity {
    const KIND: &'static str = "identities";

    fn from_resource(resource: &Resource, _document: &Document) -> Result<Self, DecodeError> {
        expect_kind(resource, Self::KIND)?;
        Ok(Self {
            id: resource.id.clone(),
            identity_type: text(resource, "identity_type").map(|value| IdentityType::parse(&value)),
            first_name: text(resource, "first_name"),
            last_name: text(resource, "last_name"),
            phone_number: text(resource, "phone_number"),
            contact_email: text(resource, "contact_email"),
            company_name: text(resource, "company_name"),
            company_reg_number: text(resource, "company_reg_number"),
            vat_id: text(resource, "vat_id"),
            id_number: text(resource, "id_number"),
            personal_tax_id: text(resource, "personal_tax_id"),
            birth_date: text(resource, "birth_date").map(|value| calendar_date(&value)),
            description: text(resource, "description"),
            verified: flag(resource, "verified"),
            country_id: resource.to_one("country").map(|target| target.id),
        })
    }
}

/// Reads `YYYY-MM-DD` from a plain date or a date-time, without any time-zone shift.
///
/// A birth date is a calendar date: `1990-01-01T00:00:00.000Z` means 1 January 1990 in every
/// time zone, so the date part is taken as written.
pub fn calendar_date(value: &str) -> String {
    let trimmed = value.trim();
    let date = trimmed.get(..10).unwrap_or(trimmed);
    let bytes = date.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(index, byte)| index == 4 || index == 7 || byte.is_ascii_digit());
    if shaped {
        date.to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// A postal address belonging to an identity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Address {
    /// DIDWW id.
    pub id: String,
    /// Street and building.
    pub address: Option<String>,
    /// City name.
    pub city_name: Option<String>,
    /// Postal code, as text (leading zeros matter).
    pub postal_code: Option<String>,
    /// Free description.
    pub description: Option<String>,
    /// True once DIDWW accepted the address.
    pub verified: bool,
    /// Owning identity id, when sent.
    pub identity_id: Option<String>,
    /// Country id, when sent.
    pub country_id: Option<String>,
    /// Area (region) id, when sent.
    pub area_id: Option<String>,
    /// City id, when sent.
    pub city_id: Option<String>,
}

impl Address {
    /// One line for lists: street, postal code and city.
    pub fn one_line(&self) -> String {
        [
            self.address.as_deref(),
            self.postal_code.as_deref(),
            self.city_name.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
    }
}

impl FromResource for Address {
    const KIND: &'static str = "addresses";

    fn from_resource(resource: &Resource, _document: &Document) -> Result<Self, DecodeError> {
        expect_kind(resource, Self::KIND)?;
        Ok(Self {
            id: resource.id.clone(),
            address: text(resource, "address"),
            city_name: text(resource, "city_name"),
            // Read the raw string so that "01100" keeps its leading zero.
            postal_code: resource
                .text("postal_code")
                .or_else(|| text(resource, "postal_code")),
            description: text(resource, "description"),
            verified: flag(resource, "verified"),
            identity_id: resource.to_one("identity").map(|target| target.id),
            country_id: resource.to_one("country").map(|target| target.id),
            area_id: resource.to_one("area").map(|target| target.id),
            city_id: resource.to_one("city").map(|target| target.id),
        })
    }
}

/// A submission of identity and address for DIDWW's emergency review.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EmergencyVerification {
    /// DIDWW id.
    pub id: String,
    /// DIDWW's reference, such as "EGZ-696952".
    pub reference: Option<String>,
    /// Review state.
    pub status: Option<VerificationStatus>,
    /// Why it was rejected; empty otherwise.
    pub reject_reasons: Vec<String>,
    /// The reviewer's comment.
    pub reject_comment: Option<String>,
    /// Callback URL.
    pub callback_url: Option<String>,
    /// Callback method.
    pub callback_method: Option<CallbackMethod>,
    /// The caller's own reference for this attempt.
    pub external_reference_id: Option<String>,
    /// When it was submitted (ISO 8601).
    pub created_at: Option<String>,
    /// Address id, when sent.
    pub address_id: Option<String>,
    /// The calling service it created or updates.
    pub calling_service_id: Option<String>,
    /// The DIDs it covers, when sent.
    pub did_ids: Vec<String>,
    /// The phone numbers of those DIDs, when the document included them.
    pub did_numbers: Vec<String>,
}

impl FromResource for EmergencyVerification {
    const KIND: &'static str = "emergency_verifications";

    fn from_resource(resource: &Resource, document: &Document) -> Result<Self, DecodeError> {
        expect_kind(resource, Self::KIND)?;
        Ok(Self {
            id: resource.id.clone(),
            did_numbers: included_numbers(resource, document),
            reference: text(resource, "reference"),
            status: text(resource, "status").map(|value| VerificationStatus::parse(&value)),
            reject_reasons: text_list(resource.attributes.get("reject_reasons")),
            reject_comment: text(resource, "reject_comment"),
            callback_url: text(resource, "callback_url"),
            callback_method: text(resource, "callback_method")
                .map(|value| CallbackMethod::parse(&value)),
            external_reference_id: text(resource, "external_reference_id"),
            created_at: text(resource, "created_at"),
            address_id: resource.to_one("address").map(|target| target.id),
            calling_service_id: resource
                .to_one("emergency_calling_service")
                .map(|target| target.id),
            did_ids: resource
                .to_many("dids")
                .into_iter()
                .map(|target| target.id)
                .collect(),
        })
    }
}

/// The service that routes emergency calls for a set of DIDs once approved.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EmergencyCallingService {
    /// DIDWW id.
    pub id: String,
    /// Name, such as "Emergency Service for 37052032401".
    pub name: Option<String>,
    /// DIDWW's reference.
    pub reference: Option<String>,
    /// State.
    pub status: Option<ServiceStatus>,
    /// When it became active.
    pub activated_at: Option<String>,
    /// When it was canceled.
    pub canceled_at: Option<String>,
    /// Next renewal date.
    pub renew_date: Option<String>,
    /// When it was created.
    pub created_at: Option<String>,
    /// One-off price per number.
    pub setup_price: Price,
    /// Monthly price per number.
    pub monthly_price: Price,
    /// The latest verification, when sent.
    pub verification_id: Option<String>,
    /// The DIDs it covers, when sent.
    pub did_ids: Vec<String>,
    /// The country of its DIDs, when sent: with the group type, it names the requirement.
    pub country_id: Option<String>,
    /// The DID group type of its DIDs, when sent.
    pub group_type_id: Option<String>,
    /// The phone numbers of its DIDs, when the document included them.
    pub did_numbers: Vec<String>,
}

impl FromResource for EmergencyCallingService {
    const KIND: &'static str = "emergency_calling_services";

    fn from_resource(resource: &Resource, document: &Document) -> Result<Self, DecodeError> {
        expect_kind(resource, Self::KIND)?;
        Ok(Self {
            id: resource.id.clone(),
            did_numbers: included_numbers(resource, document),
            name: text(resource, "name"),
            reference: text(resource, "reference"),
            status: text(resource, "status").map(|value| ServiceStatus::parse(&value)),
            activated_at: text(resource, "activated_at"),
            canceled_at: text(resource, "canceled_at"),
            renew_date: text(resource, "renew_date"),
            created_at: text(resource, "created_at"),
            setup_price: Price::from_value(resource.meta.get("setup_price")),
            monthly_price: Price::from_value(resource.meta.get("monthly_price")),
            verification_id: resource
                .to_one("emergency_verification")
                .map(|target| target.id),
            did_ids: resource
                .to_many("dids")
                .into_iter()
                .map(|target| target.id)
                .collect(),
            country_id: resource.to_one("country").map(|target| target.id),
            group_type_id: resource.to_one("did_group_type").map(|target| target.id),
        })
    }
}

/// The numbers of the DIDs `resource` links to that `document` included; DIDs it only names
/// are left out, so a partial answer shows what it has.
fn included_numbers(resource: &Resource, document: &Document) -> Vec<String> {
    resource
        .to_many("dids")
        .iter()
        .filter_map(|identifier| document.lookup(identifier))
        .filter_map(|did| text(did, "number"))
        .collect()
}
