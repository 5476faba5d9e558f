//! From an emergency requirement to the identity and address forms the user fills.
//!
//! DIDWW lists mandatory fields as human labels in API version 2026-04-16 ("Birth Date",
//! "Company ID") and as API names in others (`birth_date`, `company_reg_number`). Both map to
//! the same [`FieldKey`]; a string this product does not know is kept and shown verbatim as an
//! extra requirement, never dropped.

use std::collections::BTreeMap;

use super::birth_date::parse_birth_date;
use super::locality::AddressScope;
use super::problems::{Problem, ProblemTarget};
use crate::api::{NewAddress, NewIdentity};
use crate::model::{AreaLevel, EmergencyRequirement, Identity, IdentityType};

/// What the user typed, keyed by API attribute name (`country` and `area` hold ids).
pub type FormValues = BTreeMap<String, String>;

/// A field of the identity or address form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldKey {
    /// Identity first name.
    FirstName,
    /// Identity last name.
    LastName,
    /// Identity contact phone.
    PhoneNumber,
    /// Identity contact email.
    ContactEmail,
    /// Business name.
    CompanyName,
    /// Company registration number ("Company ID").
    CompanyRegNumber,
    /// VAT or tax number.
    VatId,
    /// Identity document number ("Proof of ID").
    IdNumber,
    /// Personal tax number.
    PersonalTaxId,
    /// Birth date.
    BirthDate,
    /// Identity country (a relationship).
    Country,
    /// Free description.
    Description,
    /// Street and building.
    Address,
    /// City name.
    CityName,
    /// Postal code.
    PostalCode,
    /// State, province or region (a relationship).
    Area,
}

impl FieldKey {
    /// The attribute or relationship name in DIDWW's API.
    pub fn api_name(&self) -> &'static str {
        match self {
            Self::FirstName => "first_name",
            Self::LastName => "last_name",
            Self::PhoneNumber => "phone_number",
            Self::ContactEmail => "contact_email",
            Self::CompanyName => "company_name",
            Self::CompanyRegNumber => "company_reg_number",
            Self::VatId => "vat_id",
            Self::IdNumber => "id_number",
            Self::PersonalTaxId => "personal_tax_id",
            Self::BirthDate => "birth_date",
            Self::Country => "country",
            Self::Description => "description",
            Self::Address => "address",
            Self::CityName => "city_name",
            Self::PostalCode => "postal_code",
            Self::Area => "area",
        }
    }

    /// The label shown on the form.
    pub fn label(&self) -> &'static str {
        match self {
            Self::FirstName => "First name",
            Self::LastName => "Last name",
            Self::PhoneNumber => "Phone number",
            Self::ContactEmail => "Contact email",
            Self::CompanyName => "Company name",
            Self::CompanyRegNumber => "Company registration number",
            Self::VatId => "VAT / tax number",
            Self::IdNumber => "ID document number",
            Self::PersonalTaxId => "Personal tax number",
            Self::BirthDate => "Birth date",
            Self::Country => "Country",
            Self::Description => "Description",
            Self::Address => "Street address",
            Self::CityName => "City",
            Self::PostalCode => "Postal code",
            Self::Area => "State / province / region",
        }
    }

    /// The HTML input type that suits the field.
    pub fn input_type(&self) -> &'static str {
        match self {
            Self::ContactEmail => "email",
            Self::PhoneNumber => "tel",
            _ => "text",
        }
    }

    /// A hint under the label, where one helps.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Self::PhoneNumber => Some("With country code, for example +370 5 203 2401."),
            // A text field, not the browser's date picker: a picker is slow for a date decades
            // back, and one typed half-way reads as empty instead of as a mistake.
            Self::BirthDate => Some("Year-month-day, as on the identity document: 1990-01-31."),
            Self::PostalCode => Some("Exactly as used by the post, including leading zeros."),
            Self::Description => Some("For your own reference; DIDWW does not check it."),
            _ => None,
        }
    }

    /// Every key, for lookups by API name.
    pub const ALL: [FieldKey; 16] = [
        Self::FirstName,
        Self::LastName,
        Self::PhoneNumber,
        Self::ContactEmail,
        Self::CompanyName,
        Self::CompanyRegNumber,
        Self::VatId,
        Self::IdNumber,
        Self::PersonalTaxId,
        Self::BirthDate,
        Self::Country,
        Self::Description,
        Self::Address,
        Self::CityName,
        Self::PostalCode,
        Self::Area,
    ];

    /// The key whose API name is `name`.
    pub fn from_api_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|key| key.api_name() == name)
    }
}

/// Maps one mandatory-field string, label or API name, to a form field.
pub fn map_mandatory(text: &str) -> Option<FieldKey> {
    let squeezed: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let key = match squeezed.as_str() {
        "birthdate" | "dateofbirth" => FieldKey::BirthDate,
        "contactemail" | "contactemailaddress" | "email" => FieldKey::ContactEmail,
        "companyid" | "companyregnumber" | "companyregistrationnumber" => {
            FieldKey::CompanyRegNumber
        }
        "personaltaxid" | "personaltaxnumber" | "representativetaxid" => FieldKey::PersonalTaxId,
        "vatid" | "taxid" | "vatnumber" | "vatnumbertaxcode" | "vattaxnumber" => FieldKey::VatId,
        "proofofid" | "idnumber" => FieldKey::IdNumber,
        "country" => FieldKey::Country,
        "stateprovinceregion" | "area" | "region" => FieldKey::Area,
        "firstname" => FieldKey::FirstName,
        "lastname" => FieldKey::LastName,
        "phonenumber" | "phone" => FieldKey::PhoneNumber,
        "companyname" => FieldKey::CompanyName,
        "street" | "address" | "buildingnumber" => FieldKey::Address,
        "city" | "cityname" => FieldKey::CityName,
        "zipcode" | "postalcode" | "postcode" => FieldKey::PostalCode,
        _ => return None,
    };
    Some(key)
}

/// How a mandatory-field string reads on screen: the form's own label when the field is
/// known (so the requirement and the form use the same words), else the string verbatim.
pub fn mandatory_label(text: &str) -> String {
    match map_mandatory(text) {
        Some(key) => key.label().to_owned(),
        None => text.to_owned(),
    }
}

/// One field of a generated form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpec {
    /// Which field.
    pub key: FieldKey,
    /// Whether it must be filled.
    pub required: bool,
}

/// A form generated from a requirement.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormSchema {
    /// Fields in display order.
    pub fields: Vec<FieldSpec>,
    /// Mandatory strings this product does not know, to show verbatim.
    pub extra_requirements: Vec<String>,
    /// The country the identity or address must be in, when the requirement fixes one.
    pub required_country_id: Option<String>,
}

impl FormSchema {
    fn new(fields: &[(FieldKey, bool)], mandatory: &[String]) -> Self {
        let mut schema = Self {
            fields: fields
                .iter()
                .map(|&(key, required)| FieldSpec { key, required })
                .collect(),
            ..Self::default()
        };
        for text in mandatory {
            match map_mandatory(text) {
                Some(key) => schema.require(key),
                None => {
                    log::warn!("unknown mandatory field in requirement: {text}");
                    schema.extra_requirements.push(text.clone());
                }
            }
        }
        schema
    }

    fn require(&mut self, key: FieldKey) {
        match self.fields.iter_mut().find(|field| field.key == key) {
            Some(field) => field.required = true,
            // A field the base form lacks goes before the optional description, so that the
            // required fields stay together.
            None => {
                let position = self
                    .fields
                    .iter()
                    .position(|field| field.key == FieldKey::Description)
                    .unwrap_or(self.fields.len());
                self.fields.insert(
                    position,
                    FieldSpec {
                        key,
                        required: true,
                    },
                );
            }
        }
    }

    /// Whether `key` must be filled.
    pub fn is_required(&self, key: FieldKey) -> bool {
        self.fields
            .iter()
            .any(|field| field.key == key && field.required)
    }

    /// The API names of the form's fields, for routing server errors.
    pub fn api_names(&self) -> Vec<&'static str> {
        self.fields
            .iter()
            .map(|field| field.key.api_name())
            .collect()
    }
}

/// The identity kinds a requirement accepts (an unknown or missing type accepts both).
pub fn allowed_identity_types(requirement: &EmergencyRequirement) -> Vec<IdentityType> {
    let by_type = match &requirement.identity_type {
        Some(IdentityType::Personal) => vec![IdentityType::Personal],
        Some(IdentityType::Business) => vec![IdentityType::Business],
        _ => vec![IdentityType::Personal, IdentityType::Business],
    };
    // A null area level means the country does not accept that kind of identity at all.
    by_type
        .into_iter()
        .filter(|kind| identity_area_level(requirement, kind).is_some())
        .collect()
}

fn identity_area_level<'a>(
    requirement: &'a EmergencyRequirement,
    identity_type: &IdentityType,
) -> Option<&'a AreaLevel> {
    match identity_type {
        IdentityType::Business => requirement.business_area_level.as_ref(),
        _ => requirement.personal_area_level.as_ref(),
    }
}

/// The identity form for `identity_type` under `requirement`.
pub fn identity_schema(
    requirement: &EmergencyRequirement,
    identity_type: &IdentityType,
) -> FormSchema {
    use FieldKey::*;
    let business = matches!(identity_type, IdentityType::Business);
    let country_fixed = matches!(
        identity_area_level(requirement, identity_type),
        Some(AreaLevel::Country)
    );
    let mut fields = vec![(FirstName, true), (LastName, true)];
    if business {
        fields.push((CompanyName, true));
    }
    fields.extend([
        (PhoneNumber, true),
        (ContactEmail, false),
        (Country, country_fixed),
    ]);
    if business {
        fields.extend([(CompanyRegNumber, false), (VatId, false)]);
    } else {
        fields.extend([
            (BirthDate, false),
            (IdNumber, false),
            (PersonalTaxId, false),
        ]);
    }
    fields.push((Description, false));

    let mandatory = if business {
        &requirement.business_mandatory_fields
    } else {
        &requirement.personal_mandatory_fields
    };
    let mut schema = FormSchema::new(&fields, mandatory);
    if country_fixed {
        schema.required_country_id = requirement.country_id.clone();
    }
    schema
}

/// The address form under `requirement`.
pub fn address_schema(requirement: &EmergencyRequirement) -> FormSchema {
    use FieldKey::*;
    let fields = [
        (Address, true),
        (CityName, true),
        (PostalCode, true),
        (Description, false),
    ];
    let mut schema = FormSchema::new(&fields, &requirement.address_mandatory_fields);
    let scope = AddressScope::of(requirement.address_area_level.as_ref());
    // An area-level requirement compares the address's area, so the area must be given
    // even when the mandatory fields do not list it.
    if scope == AddressScope::Area {
        schema.require(Area);
    }
    if scope.needs_country() {
        schema.required_country_id = requirement.country_id.clone();
    }
    schema
}

/// Checks typed values against the schema before any request is sent; `today` is the user's
/// calendar day as `YYYY-MM-DD`, for birth dates.
pub fn check_form(schema: &FormSchema, values: &FormValues, today: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for field in &schema.fields {
        let value = values
            .get(field.key.api_name())
            .map(|value| value.trim())
            .unwrap_or("");
        let problem = if value.is_empty() {
            field
                .required
                .then(|| format!("Enter the {}", field.key.label().to_lowercase()))
        } else {
            check_value(field.key, value, schema, today)
        };
        if let Some(message) = problem {
            problems.push(Problem {
                target: ProblemTarget::Field(field.key.api_name().to_owned()),
                message,
            });
        }
    }
    problems
}

/// The longest value any field takes.
pub const MAX_VALUE_LENGTH: usize = 255;

fn check_value(key: FieldKey, value: &str, schema: &FormSchema, today: &str) -> Option<String> {
    if value.chars().count() > MAX_VALUE_LENGTH {
        return Some(format!(
            "Keep the {} to {MAX_VALUE_LENGTH} characters or fewer",
            key.label().to_lowercase()
        ));
    }
    match key {
        FieldKey::ContactEmail if !looks_like_email(value) => {
            Some("Enter an email address like name@example.com".to_owned())
        }
        FieldKey::PhoneNumber => normalise_phone(value).err().map(str::to_owned),
        FieldKey::BirthDate => parse_birth_date(value, today)
            .err()
            .map(|problem| problem.message().to_owned()),
        FieldKey::Country => schema
            .required_country_id
            .as_deref()
            .filter(|required| *required != value)
            .map(|_| "The requirement needs an identity from the numbers' country".to_owned()),
        _ => None,
    }
}

/// Turns what people type ("+370 5 203 2401", "(555) 123-4567") into DIDWW's digits-only form.
pub fn normalise_phone(input: &str) -> Result<String, &'static str> {
    let allowed = |c: char| c.is_ascii_digit() || " +-().\u{a0}/".contains(c);
    if !input.chars().all(allowed) {
        return Err("Enter the phone number with digits only, for example +370 5 203 2401");
    }
    let digits: String = input.chars().filter(char::is_ascii_digit).collect();
    if !(6..=15).contains(&digits.len()) {
        return Err("Enter a phone number of 6 to 15 digits, including the country code");
    }
    Ok(digits)
}

fn looks_like_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

/// True for `YYYY-MM-DD` naming a day that exists.
pub fn is_calendar_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&year) && (1..=days).contains(&day)
}

/// The identity to create from checked form values.
pub fn new_identity(identity_type: &IdentityType, values: &FormValues) -> NewIdentity {
    let mut attributes = Vec::new();
    for (name, value) in values {
        let value = value.trim();
        if value.is_empty() || name == "country" || FieldKey::from_api_name(name).is_none() {
            continue;
        }
        let value = match name.as_str() {
            "phone_number" => normalise_phone(value).unwrap_or_else(|_| value.to_owned()),
            // Checked already; this only settles the shape ("1990/1/5" → "1990-01-05").
            "birth_date" => parse_birth_date(value, "").unwrap_or_else(|_| value.to_owned()),
            _ => value.to_owned(),
        };
        attributes.push((name.clone(), value));
    }
    NewIdentity {
        identity_type: identity_type.clone(),
        attributes,
        country_id: values
            .get("country")
            .filter(|id| !id.trim().is_empty())
            .cloned(),
    }
}

/// The address to create for `identity_id` from checked form values.
pub fn new_address(identity_id: &str, country_id: &str, values: &FormValues) -> NewAddress {
    let attributes = ["address", "city_name", "postal_code", "description"]
        .into_iter()
        .filter_map(|name| {
            let value = values.get(name)?.trim();
            (!value.is_empty()).then(|| (name.to_owned(), value.to_owned()))
        })
        .collect();
    NewAddress {
        identity_id: identity_id.to_owned(),
        country_id: country_id.to_owned(),
        area_id: values
            .get("area")
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty()),
        city_id: None,
        attributes,
    }
}

/// What an existing identity lacks for `requirement`; empty when it fits.
pub fn identity_fit(
    requirement: &EmergencyRequirement,
    identity: &Identity,
    dids_country_id: &str,
) -> Vec<String> {
    let Some(identity_type) = identity.identity_type.clone() else {
        return vec!["Its type is unknown".to_owned()];
    };
    if !allowed_identity_types(requirement).contains(&identity_type) {
        return vec![format!(
            "{} identities are not accepted here",
            identity_type.label()
        )];
    }

    let mut missing = Vec::new();
    let level = identity_area_level(requirement, &identity_type);
    if matches!(level, Some(AreaLevel::Country))
        && identity
            .country_id
            .as_deref()
            .is_some_and(|country| country != dids_country_id)
    {
        missing.push("It must be from the numbers' country".to_owned());
    }
    let schema = identity_schema(requirement, &identity_type);
    for field in schema.fields.iter().filter(|field| field.required) {
        if field.key == FieldKey::Country {
            continue;
        }
        if identity_value(identity, field.key).is_none_or(|value| value.trim().is_empty()) {
            missing.push(format!("Missing: {}", field.key.label()));
        }
    }
    missing
}

fn identity_value(identity: &Identity, key: FieldKey) -> Option<&str> {
    let value = match key {
        FieldKey::FirstName => &identity.first_name,
        FieldKey::LastName => &identity.last_name,
        FieldKey::PhoneNumber => &identity.phone_number,
        FieldKey::ContactEmail => &identity.contact_email,
        FieldKey::CompanyName => &identity.company_name,
        FieldKey::CompanyRegNumber => &identity.company_reg_number,
        FieldKey::VatId => &identity.vat_id,
        FieldKey::IdNumber => &identity.id_number,
        FieldKey::PersonalTaxId => &identity.personal_tax_id,
        FieldKey::BirthDate => &identity.birth_date,
        FieldKey::Country => &identity.country_id,
        FieldKey::Description => &identity.description,
        _ => return None,
    };
    value.as_deref()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requirement(personal: &[&str], business: &[&str]) -> EmergencyRequirement {
        EmergencyRequirement {
            id: "requirement".into(),
            identity_type: Some(IdentityType::Any),
            personal_area_level: Some(AreaLevel::WorldWide),
            business_area_level: Some(AreaLevel::WorldWide),
            address_area_level: Some(AreaLevel::Country),
            personal_mandatory_fields: personal.iter().map(|s| s.to_string()).collect(),
            business_mandatory_fields: business.iter().map(|s| s.to_string()).collect(),
            country_id: Some("LT".into()),
            ..Default::default()
        }
    }

    #[test]
    fn labels_and_api_names_map_to_the_same_field() {
        let cases = [
            ("Birth Date", "birth_date", FieldKey::BirthDate),
            ("Contact email", "contact_email", FieldKey::ContactEmail),
            (
                "Company ID",
                "company_reg_number",
                FieldKey::CompanyRegNumber,
            ),
            ("VAT Number / TAX Code", "vat_id", FieldKey::VatId),
            ("VAT Number / TAX Code", "tax_id", FieldKey::VatId),
            (
                "Personal Tax ID",
                "personal_tax_id",
                FieldKey::PersonalTaxId,
            ),
            ("Proof of ID", "id_number", FieldKey::IdNumber),
            ("Country", "country", FieldKey::Country),
            ("State/Province/Region", "area", FieldKey::Area),
        ];
        for (label, api_name, key) in cases {
            assert_eq!(map_mandatory(label), Some(key), "{label}");
            assert_eq!(map_mandatory(api_name), Some(key), "{api_name}");
        }
    }

    #[test]
    fn mandatory_strings_read_as_the_form_labels_or_verbatim() {
        assert_eq!(
            mandatory_label("company_reg_number"),
            "Company registration number"
        );
        assert_eq!(mandatory_label("Company ID"), "Company registration number");
        assert_eq!(
            mandatory_label("Mother's maiden name"),
            "Mother's maiden name"
        );
    }

    #[test]
    fn unknown_mandatory_strings_are_kept_verbatim() {
        let schema = identity_schema(
            &requirement(&["Birth Date", "Mother's maiden name"], &[]),
            &IdentityType::Personal,
        );
        assert!(schema.is_required(FieldKey::BirthDate));
        assert_eq!(
            schema.extra_requirements,
            vec!["Mother's maiden name".to_owned()]
        );
    }

    /// Keeps every warning logged in this test process, so a test can see one was written.
    struct Warnings(std::sync::Mutex<Vec<String>>);

    impl log::Log for Warnings {
        fn enabled(&self, metadata: &log::Metadata) -> bool {
            metadata.level() <= log::Level::Warn
        }

        fn log(&self, record: &log::Record) {
            if self.enabled(record.metadata()) {
                let mut kept = self
                    .0
                    .lock()
                    .expect("no test panics while holding the lock");
                kept.push(record.args().to_string());
            }
        }

        fn flush(&self) {}
    }

    static WARNINGS: Warnings = Warnings(std::sync::Mutex::new(Vec::new()));

    #[test]
    fn unknown_mandatory_strings_are_logged_as_well_as_shown() {
        // Another test may have installed the logger first; either way it is this one.
        let _ = log::set_logger(&WARNINGS);
        log::set_max_level(log::LevelFilter::Warn);

        let mut unusual = requirement(&[], &["Place of Birth Certificate"]);
        unusual.address_mandatory_fields = vec!["Utility bill ≤ 3 months".to_owned()];
        let business = identity_schema(&unusual, &IdentityType::Business);
        let address = address_schema(&unusual);

        assert_eq!(business.extra_requirements, ["Place of Birth Certificate"]);
        assert_eq!(address.extra_requirements, ["Utility bill ≤ 3 months"]);
        let logged = WARNINGS
            .0
            .lock()
            .expect("no test panics while holding the lock");
        for text in ["Place of Birth Certificate", "Utility bill ≤ 3 months"] {
            assert!(
                logged.iter().any(|line| line.contains(text)),
                "{text} in {logged:?}"
            );
        }
    }

    #[test]
    fn the_requirement_decides_which_identity_types_are_offered() {
        let mut any = requirement(&[], &[]);
        assert_eq!(allowed_identity_types(&any).len(), 2);

        any.personal_area_level = None;
        assert_eq!(allowed_identity_types(&any), vec![IdentityType::Business]);

        let mut personal = requirement(&[], &[]);
        personal.identity_type = Some(IdentityType::Personal);
        assert_eq!(
            allowed_identity_types(&personal),
            vec![IdentityType::Personal]
        );
    }

    #[test]
    fn a_business_form_requires_the_company_and_the_requirement_fields() {
        let schema = identity_schema(
            &requirement(&[], &["company_reg_number"]),
            &IdentityType::Business,
        );
        let mut values = FormValues::new();
        values.insert("first_name".into(), "Alex".into());
        values.insert("last_name".into(), "Example".into());
        values.insert("phone_number".into(), "+370 5 203 2401".into());

        let problems = check_form(&schema, &values, "2026-12-04");

        let fields: Vec<String> = problems
            .iter()
            .map(|problem| match &problem.target {
                ProblemTarget::Field(name) => name.clone(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(fields, vec!["company_name", "company_reg_number"]);
    }

    #[test]
    fn a_mandatory_area_is_asked_before_the_optional_description() {
        let mut with_area = requirement(&[], &[]);
        with_area.address_mandatory_fields = vec!["State/Province/Region".to_owned()];

        let keys: Vec<FieldKey> = address_schema(&with_area)
            .fields
            .iter()
            .map(|field| field.key)
            .collect();

        assert_eq!(
            keys,
            [
                FieldKey::Address,
                FieldKey::CityName,
                FieldKey::PostalCode,
                FieldKey::Area,
                FieldKey::Description
            ]
        );
    }

    #[test]
    fn phone_numbers_keep_only_digits_and_refuse_letters() {
        assert_eq!(
            normalise_phone("+370 5 203 2401"),
            Ok("37052032401".to_owned())
        );
        assert_eq!(
            normalise_phone("(555) 123-4567"),
            Ok("5551234567".to_owned())
        );
        assert!(normalise_phone("call me").is_err());
        assert!(normalise_phone("12").is_err());
    }

    #[test]
    fn overlong_values_are_refused_before_sending() {
        let schema = identity_schema(&requirement(&[], &[]), &IdentityType::Personal);
        let mut values = FormValues::new();
        values.insert("first_name".into(), "Ł".repeat(256));

        let problems = check_form(&schema, &values, "2026-12-04");

        assert!(problems.iter().any(|problem| problem.target
            == ProblemTarget::Field("first_name".into())
            && problem.message.contains("255 characters")));
    }

    #[test]
    fn birth_dates_must_be_real_calendar_days() {
        assert!(is_calendar_date("1990-01-31"));
        assert!(is_calendar_date("2000-02-29"));
        assert!(!is_calendar_date("1900-02-29"));
        assert!(!is_calendar_date("1990-13-01"));
        assert!(!is_calendar_date("31/01/1990"));
    }

    #[test]
    fn created_records_keep_unicode_and_leading_zeros() {
        let mut values = FormValues::new();
        values.insert("first_name".into(), "Łukasz".into());
        values.insert("last_name".into(), "Müller-Straße 北京".into());
        values.insert("phone_number".into(), "+49 30 1234567".into());
        values.insert("country".into(), "DE".into());
        let identity = new_identity(&IdentityType::Personal, &values);
        assert!(identity
            .attributes
            .contains(&("first_name".into(), "Łukasz".into())));
        assert!(identity
            .attributes
            .contains(&("phone_number".into(), "49301234567".into())));
        assert_eq!(identity.country_id.as_deref(), Some("DE"));
        assert!(identity.to_body().contains("Müller-Straße 北京"));

        let mut address_values = FormValues::new();
        address_values.insert("postal_code".into(), "01100".into());
        address_values.insert("address".into(), "Gedimino pr. 1".into());
        let address = new_address("identity", "LT", &address_values);
        assert!(address
            .attributes
            .contains(&("postal_code".into(), "01100".into())));
    }

    #[test]
    fn an_identity_that_lacks_mandatory_fields_says_what_is_missing() {
        let requirement = requirement(&["Birth Date", "Contact email"], &[]);
        let identity = Identity {
            id: "identity".into(),
            identity_type: Some(IdentityType::Personal),
            first_name: Some("Jane".into()),
            last_name: Some("Smith".into()),
            phone_number: Some("15551234567".into()),
            birth_date: Some("1990-01-01".into()),
            ..Default::default()
        };
        assert_eq!(
            identity_fit(&requirement, &identity, "LT"),
            vec!["Missing: Contact email"]
        );
    }

    #[test]
    fn a_typed_but_invalid_birth_date_is_an_error_even_where_optional() {
        let schema = identity_schema(&requirement(&[], &[]), &IdentityType::Personal);
        assert!(!schema.is_required(FieldKey::BirthDate));
        let mut values = FormValues::new();
        values.insert("first_name".into(), "Ona".into());
        values.insert("last_name".into(), "Jonaitė".into());
        values.insert("phone_number".into(), "+370 5 203 2401".into());
        values.insert("country".into(), "LT".into());

        for (typed, expected) in [
            ("1990-02-30", Some("that day is not in the calendar")),
            ("2027-01-01", Some("today or in the past")),
            ("31.01.1990", Some("year-month-day")),
            ("", None),
            ("1990-1-31", None),
        ] {
            values.insert("birth_date".into(), typed.into());
            let problems = check_form(&schema, &values, "2026-12-04");
            let message = problems
                .iter()
                .find(|problem| problem.target == ProblemTarget::Field("birth_date".into()))
                .map(|problem| problem.message.clone());
            match expected {
                Some(words) => assert!(
                    message.as_deref().is_some_and(|text| text.contains(words)),
                    "{typed}: {message:?}"
                ),
                None => assert_eq!(message, None, "{typed}"),
            }
        }
        let identity = new_identity(&IdentityType::Personal, &values);
        assert!(identity
            .attributes
            .contains(&("birth_date".into(), "1990-01-31".into())));
    }

    #[test]
    fn a_required_birth_date_left_empty_asks_for_it() {
        let schema = identity_schema(&requirement(&["Birth Date"], &[]), &IdentityType::Personal);
        let problems = check_form(&schema, &FormValues::new(), "2026-12-04");
        assert!(problems.iter().any(|problem| {
            problem.target == ProblemTarget::Field("birth_date".into())
                && problem.message == "Enter the birth date"
        }));
    }

    #[test]
    fn every_address_area_level_shapes_the_address_form() {
        let cases = [
            (AreaLevel::WorldWide, false, None),
            (AreaLevel::Country, false, Some("LT")),
            (AreaLevel::Area, true, Some("LT")),
            (AreaLevel::City, false, Some("LT")),
            (AreaLevel::parse("postal_district"), false, Some("LT")),
        ];
        for (level, needs_area, country) in cases {
            let mut scoped = requirement(&[], &[]);
            scoped.address_area_level = Some(level.clone());
            let schema = address_schema(&scoped);
            assert_eq!(schema.is_required(FieldKey::Area), needs_area, "{level:?}");
            assert_eq!(schema.required_country_id.as_deref(), country, "{level:?}");
        }
    }

    #[test]
    fn text_is_sent_exactly_as_typed_in_any_script() {
        let mut values = FormValues::new();
        // "é" as e plus a combining accent must not be folded into the single code point.
        let combining = "Rene\u{301}e";
        values.insert("first_name".into(), combining.into());
        values.insert("last_name".into(), "Straße 王小明 Łukasz".into());
        values.insert("phone_number".into(), "+86 10 1234 5678".into());
        let identity = new_identity(&IdentityType::Personal, &values);
        let body = identity.to_body();
        assert!(body.contains(combining), "{body}");
        assert!(body.contains("Straße 王小明 Łukasz"), "{body}");
        assert!(!body.contains("\\u"), "no escaping on top of JSON: {body}");

        let mut address_values = FormValues::new();
        address_values.insert("postal_code".into(), "SW1A 1AA".into());
        address_values.insert("city_name".into(), "Zürich".into());
        let address = new_address("identity", "GB", &address_values);
        assert!(address
            .attributes
            .contains(&("postal_code".into(), "SW1A 1AA".into())));
        assert!(address.to_body().contains("Zürich"));
    }
}
