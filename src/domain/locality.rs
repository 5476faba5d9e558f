//! Whether an address is where the requirement's `address_area_level` says it must be.
//!
//! `country` asks for the numbers' country, `area` for the region their prefix covers, `city`
//! for their city, and `world_wide` for nothing. The numbers' city comes from their DID group,
//! and the city's area from DIDWW's cities; when DIDWW does not say where the numbers are,
//! nothing is claimed here and DIDWW's own review decides.

use crate::model::AreaLevel;
pub use crate::model::{DidLocality, Place};

/// How precisely an address must match the numbers' location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressScope {
    /// Any country.
    Anywhere,
    /// The numbers' country.
    Country,
    /// The numbers' area, in their country.
    Area,
    /// The numbers' city, in their country.
    City,
}

impl AddressScope {
    /// The scope of a requirement's `address_area_level`.
    ///
    /// A level this product does not know is treated as the numbers' country: every known
    /// level but `world_wide` asks at least that much, and DIDWW checks the rest itself.
    pub fn of(level: Option<&AreaLevel>) -> Self {
        match level {
            Some(AreaLevel::WorldWide) => Self::Anywhere,
            Some(AreaLevel::Area) => Self::Area,
            Some(AreaLevel::City) => Self::City,
            Some(AreaLevel::Country) | None => Self::Country,
            Some(AreaLevel::Other(level)) => {
                log::warn!("unknown address area level in requirement: {level}");
                Self::Country
            }
        }
    }

    /// Whether addresses must be in the numbers' country.
    pub fn needs_country(&self) -> bool {
        !matches!(self, Self::Anywhere)
    }
}

/// Where an address is, as far as the scope check needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AddressPlace<'a> {
    /// Country id, when known.
    pub country_id: Option<&'a str>,
    /// Area id, when the address names one.
    pub area_id: Option<&'a str>,
    /// City id, when the address is linked to one of DIDWW's cities.
    pub city_id: Option<&'a str>,
    /// The city name as typed.
    pub city_name: Option<&'a str>,
}

/// Which part of an address is out of scope, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeProblem {
    /// The form field the problem belongs on (`area` or `city_name`), or `None` for the
    /// country, which the form does not let the user change.
    pub field: Option<&'static str>,
    /// What the user reads.
    pub message: String,
}

/// Why `address` is outside the numbers' `scope`, or `None` when it fits or cannot be told.
pub fn scope_problem(
    scope: AddressScope,
    locality: &DidLocality,
    address: &AddressPlace,
) -> Option<ScopeProblem> {
    if scope == AddressScope::Anywhere {
        return None;
    }
    let other_country = address
        .country_id
        .is_some_and(|country| !locality.country_id.is_empty() && country != locality.country_id);
    if other_country {
        return Some(ScopeProblem {
            field: None,
            message: "It is not in the numbers' country".to_owned(),
        });
    }
    match scope {
        AddressScope::Area => area_problem(locality, address),
        AddressScope::City => city_problem(locality, address),
        _ => None,
    }
}

/// Whether the typed city name names `city` (case and surrounding spaces aside; accents
/// count, because "Łódź" and "Lodz" are spelled differently on purpose).
pub fn names_city(typed: &str, city: &Place) -> bool {
    typed.trim().to_lowercase() == city.name.trim().to_lowercase()
}

fn area_problem(locality: &DidLocality, address: &AddressPlace) -> Option<ScopeProblem> {
    let area = locality.area.as_ref()?;
    let in_numbers_city = is_in_city(locality, address);
    match address.area_id {
        Some(area_id) if area_id == area.id => None,
        Some(_) => Some(ScopeProblem {
            field: Some("area"),
            message: format!("Choose {}: the numbers are in that area", area.name),
        }),
        // An address in the numbers' city is in their area as well.
        None if in_numbers_city => None,
        None => Some(ScopeProblem {
            field: Some("area"),
            message: format!(
                "Choose the state, province or region: the numbers are in {}",
                area.name
            ),
        }),
    }
}

fn city_problem(locality: &DidLocality, address: &AddressPlace) -> Option<ScopeProblem> {
    let city = locality.city.as_ref()?;
    if is_in_city(locality, address) {
        return None;
    }
    Some(ScopeProblem {
        field: Some("city_name"),
        message: format!(
            "The address must be in {}, where the numbers are",
            city.name
        ),
    })
}

fn is_in_city(locality: &DidLocality, address: &AddressPlace) -> bool {
    let Some(city) = &locality.city else {
        return false;
    };
    match address.city_id {
        Some(city_id) => city_id == city.id,
        None => address
            .city_name
            .is_some_and(|typed| names_city(typed, city)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_york() -> DidLocality {
        DidLocality {
            country_id: "US".into(),
            city: Some(Place {
                id: "nyc".into(),
                name: "New York".into(),
            }),
            area: Some(Place {
                id: "ny".into(),
                name: "New York State".into(),
            }),
        }
    }

    fn place<'a>(
        country: &'a str,
        area: Option<&'a str>,
        city: Option<&'a str>,
        name: &'a str,
    ) -> AddressPlace<'a> {
        AddressPlace {
            country_id: Some(country),
            area_id: area,
            city_id: city,
            city_name: Some(name),
        }
    }

    #[test]
    fn every_area_level_maps_to_a_scope_and_unknown_ones_to_the_country() {
        let cases = [
            (Some(AreaLevel::WorldWide), AddressScope::Anywhere),
            (Some(AreaLevel::Country), AddressScope::Country),
            (Some(AreaLevel::Area), AddressScope::Area),
            (Some(AreaLevel::City), AddressScope::City),
            (
                Some(AreaLevel::parse("postal_district")),
                AddressScope::Country,
            ),
            (Some(AreaLevel::parse("")), AddressScope::Country),
            (None, AddressScope::Country),
        ];
        for (level, scope) in cases {
            assert_eq!(AddressScope::of(level.as_ref()), scope, "{level:?}");
        }
        assert!(!AddressScope::Anywhere.needs_country());
        assert!(AddressScope::City.needs_country());
    }

    #[test]
    fn world_wide_accepts_any_country_and_country_refuses_others() {
        let abroad = place("DE", None, None, "Berlin");
        let locality = new_york();
        assert_eq!(
            scope_problem(AddressScope::Anywhere, &locality, &abroad),
            None
        );
        for scope in [
            AddressScope::Country,
            AddressScope::Area,
            AddressScope::City,
        ] {
            let problem = scope_problem(scope, &locality, &abroad).expect("another country");
            assert_eq!(problem.field, None);
        }
        let at_home = place("US", None, None, "Boston");
        assert_eq!(
            scope_problem(AddressScope::Country, &locality, &at_home),
            None
        );
    }

    #[test]
    fn area_level_needs_the_numbers_area_by_id_or_through_their_city() {
        let locality = new_york();
        let cases = [
            (place("US", Some("ny"), None, "Albany"), None),
            (place("US", None, Some("nyc"), "NYC"), None),
            (place("US", None, None, " new york "), None),
            (place("US", Some("ca"), None, "Los Angeles"), Some("area")),
            (place("US", None, None, "Boston"), Some("area")),
        ];
        for (address, field) in cases {
            let problem = scope_problem(AddressScope::Area, &locality, &address);
            assert_eq!(
                problem.map(|problem| problem.field),
                field.map(Some),
                "{address:?}"
            );
        }
    }

    #[test]
    fn city_level_needs_the_numbers_city_by_id_or_by_name() {
        let locality = new_york();
        let cases = [
            (place("US", None, Some("nyc"), "Manhattan"), true),
            (place("US", None, None, "NEW YORK"), true),
            (place("US", Some("ny"), Some("albany"), "Albany"), false),
            (place("US", Some("ny"), None, "Albany"), false),
        ];
        for (address, fits) in cases {
            let problem = scope_problem(AddressScope::City, &locality, &address);
            assert_eq!(problem.is_none(), fits, "{address:?}");
            if let Some(problem) = problem {
                assert_eq!(problem.field, Some("city_name"));
                assert!(problem.message.contains("New York"), "{}", problem.message);
            }
        }
    }

    #[test]
    fn numbers_without_a_known_city_or_area_leave_the_check_to_didww() {
        let unknown = DidLocality {
            country_id: "US".into(),
            ..DidLocality::default()
        };
        let address = place("US", None, None, "Anywhere");
        for scope in [AddressScope::Area, AddressScope::City] {
            assert_eq!(scope_problem(scope, &unknown, &address), None);
        }
    }

    #[test]
    fn city_names_compare_without_case_but_with_accents() {
        let lodz = Place {
            id: "lodz".into(),
            name: "Łódź".into(),
        };
        assert!(names_city(" łódź", &lodz));
        assert!(!names_city("Lodz", &lodz));
    }
}
