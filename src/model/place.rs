//! Where numbers are: the city and area of their DID groups.

use crate::jsonapi::Resource;

/// A city or area as DIDWW names it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// DIDWW id.
    pub id: String,
    /// Name, such as "New York".
    pub name: String,
}

impl Place {
    /// Reads a `cities` or `areas` resource; a missing name falls back to the id.
    pub fn from_resource(resource: &Resource) -> Self {
        Self {
            id: resource.id.clone(),
            name: resource.text("name").unwrap_or_else(|| resource.id.clone()),
        }
    }
}

/// Where the selected numbers are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DidLocality {
    /// The numbers' country id.
    pub country_id: String,
    /// Their city, when every number's group names the same one.
    pub city: Option<Place>,
    /// Their area (state, province or region), when DIDWW gives one for that city.
    pub area: Option<Place>,
}
