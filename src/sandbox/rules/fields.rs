//! What the strings in a requirement's mandatory-field lists mean.
//!
//! API 2026-04-16 sends human-readable labels ("Birth Date"); newer versions send API names
//! (`birth_date`). Both are understood. A string neither table knows is not checked, because
//! nobody can tell what it asks for.

use crate::sandbox::store::{Address, Identity, Store};

/// Where a mandatory identity field lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdentityField {
    /// A text attribute, by API name.
    Attribute(&'static str),
    /// The `country` relationship.
    Country,
}

/// Where a mandatory address field lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AddressField {
    /// A text attribute, by API name.
    Attribute(&'static str),
    /// The `area` relationship (directly, or through the address's city).
    Area,
}

/// The identity field a mandatory-field string names, if it is a known label or API name.
pub(crate) fn identity_field(name: &str) -> Option<IdentityField> {
    let attribute = match normalize(name).as_str() {
        "birth date" | "birth_date" | "date of birth" => "birth_date",
        "contact email" | "contact_email" | "email" => "contact_email",
        "company id" | "company registration number" | "company_reg_number" => "company_reg_number",
        "personal tax id" | "representative tax id" | "personal tax number" | "personal_tax_id" => {
            "personal_tax_id"
        }
        "vat number / tax code" | "vat / tax number" | "vat_id" | "tax_id" => "vat_id",
        "proof of id" | "id number" | "id_number" => "id_number",
        "first name" | "first_name" => "first_name",
        "last name" | "last_name" => "last_name",
        "company name" | "company_name" => "company_name",
        "phone number" | "phone_number" => "phone_number",
        "country" => return Some(IdentityField::Country),
        _ => return None,
    };
    Some(IdentityField::Attribute(attribute))
}

/// The address field a mandatory-field string names, if it is a known label or API name.
pub(crate) fn address_field(name: &str) -> Option<AddressField> {
    let attribute = match normalize(name).as_str() {
        "state/province/region" | "state / province / region" | "area" | "region" => {
            return Some(AddressField::Area)
        }
        "zip code" | "postal code" | "postal_code" => "postal_code",
        "city" | "city_name" => "city_name",
        "street" | "address" | "building number" => "address",
        "description" => "description",
        _ => return None,
    };
    Some(AddressField::Attribute(attribute))
}

/// Whether an identity has the field a mandatory-field string asks for; unknown strings pass.
pub(crate) fn identity_has(identity: &Identity, name: &str) -> bool {
    match identity_field(name) {
        Some(IdentityField::Attribute(attribute)) => identity.field(attribute).is_some(),
        Some(IdentityField::Country) => identity.country_id.is_some(),
        None => true,
    }
}

/// Whether an address has the field a mandatory-field string asks for; unknown strings pass.
pub(crate) fn address_has(store: &Store, address: &Address, name: &str) -> bool {
    match address_field(name) {
        Some(AddressField::Attribute(attribute)) => address.field(attribute).is_some(),
        Some(AddressField::Area) => store.area_of_address(address).is_some(),
        None => true,
    }
}

fn normalize(name: &str) -> String {
    name.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_api_names_map_to_the_same_identity_fields() {
        let cases = [
            ("Birth Date", "birth_date"),
            ("birth_date", "birth_date"),
            ("Contact email", "contact_email"),
            ("contact_email", "contact_email"),
            ("Company ID", "company_reg_number"),
            ("company_reg_number", "company_reg_number"),
            ("Personal Tax ID", "personal_tax_id"),
            ("Representative Tax ID", "personal_tax_id"),
            ("VAT Number / TAX Code", "vat_id"),
            ("vat_id", "vat_id"),
            ("tax_id", "vat_id"),
            ("Proof of ID", "id_number"),
            ("id_number", "id_number"),
        ];
        for (name, attribute) in cases {
            assert_eq!(
                identity_field(name),
                Some(IdentityField::Attribute(attribute)),
                "{name}"
            );
        }
        assert_eq!(identity_field("Country"), Some(IdentityField::Country));
        assert_eq!(identity_field("Place of Birth Certificate"), None);
    }

    #[test]
    fn the_region_label_and_the_area_name_both_mean_the_area_relationship() {
        for name in ["State/Province/Region", "area", " Area "] {
            assert_eq!(address_field(name), Some(AddressField::Area), "{name}");
        }
        assert_eq!(
            address_field("Zip Code"),
            Some(AddressField::Attribute("postal_code"))
        );
        assert_eq!(address_field("Utility bill"), None);
    }
}
