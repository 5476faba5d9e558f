//! The simulated account: plain records joined by id, as DIDWW's database would hold them.
//!
//! Relationships are stored on one side only (a DID knows its calling service; a service finds
//! its DIDs by asking), so no update can leave the two sides disagreeing.

mod records;

pub(crate) use records::*;

use super::ids::IdGenerator;

/// Every record of the account.
#[derive(Debug, Clone)]
pub(crate) struct Store {
    pub countries: Vec<Country>,
    pub did_group_types: Vec<DidGroupType>,
    pub areas: Vec<Area>,
    pub cities: Vec<City>,
    pub did_groups: Vec<DidGroup>,
    /// Sorted by id (see [`Store::sort_dids`]), so [`Store::did`] is a binary search: the large
    /// account has ten thousand, and a page of them looks each one up several times.
    pub dids: Vec<Did>,
    pub address_verifications: Vec<AddressVerification>,
    pub requirements: Vec<Requirement>,
    pub identities: Vec<Identity>,
    pub addresses: Vec<Address>,
    pub verifications: Vec<Verification>,
    pub services: Vec<Service>,
    pub ids: IdGenerator,
}

/// Records that can be found by id.
pub(crate) trait Record {
    fn id(&self) -> &str;
}

macro_rules! records {
    ($($kind:ty),*) => {
        $(impl Record for $kind {
            fn id(&self) -> &str {
                &self.id
            }
        })*
    };
}

records!(
    Country,
    DidGroupType,
    Area,
    City,
    DidGroup,
    Did,
    AddressVerification,
    Requirement,
    Identity,
    Address,
    Verification,
    Service
);

/// The record with `id`, if any.
pub(crate) fn find<'a, T: Record>(records: &'a [T], id: &str) -> Option<&'a T> {
    records.iter().find(|record| record.id() == id)
}

/// The record with `id`, for changing it.
pub(crate) fn find_mut<'a, T: Record>(records: &'a mut [T], id: &str) -> Option<&'a mut T> {
    records.iter_mut().find(|record| record.id() == id)
}

impl Store {
    /// Puts the DIDs in id order. The seed calls this once it has added them all; nothing
    /// adds or removes DIDs afterwards (the simulator does not sell numbers).
    pub fn sort_dids(&mut self) {
        self.dids
            .sort_unstable_by(|left, right| left.id.cmp(&right.id));
    }

    /// The DID with `id`, if any.
    pub fn did(&self, id: &str) -> Option<&Did> {
        let index = self
            .dids
            .binary_search_by(|did| did.id.as_str().cmp(id))
            .ok()?;
        Some(&self.dids[index])
    }

    /// The group of a DID; every seeded or created DID has one.
    pub fn group_of(&self, did: &Did) -> Option<&DidGroup> {
        find(&self.did_groups, &did.did_group_id)
    }

    /// The requirement priced for a country and DID group type, if the account has one.
    pub fn requirement_for(&self, country_id: &str, type_id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|requirement| {
            requirement.country_id == country_id && requirement.did_group_type_id == type_id
        })
    }

    /// The DIDs currently attached to a calling service.
    pub fn service_dids(&self, service_id: &str) -> Vec<&Did> {
        let attached = |did: &&Did| did.emergency_calling_service_id.as_deref() == Some(service_id);
        self.dids.iter().filter(attached).collect()
    }

    /// The city of an address: its `city` relationship, else a city of its country whose name
    /// matches `city_name` (so a typed "new york" still counts as New York).
    pub fn city_of_address(&self, address: &Address) -> Option<&City> {
        if let Some(city_id) = &address.city_id {
            return find(&self.cities, city_id);
        }
        let typed = address.field("city_name")?.trim();
        self.cities.iter().find(|city| {
            city.country_id == address.country_id && city.name.eq_ignore_ascii_case(typed)
        })
    }

    /// The area of an address: its `area` relationship, else the area of its city.
    pub fn area_of_address(&self, address: &Address) -> Option<&Area> {
        let area_id = match &address.area_id {
            Some(area_id) => Some(area_id.as_str()),
            None => self
                .city_of_address(address)
                .and_then(|city| city.area_id.as_deref()),
        };
        area_id.and_then(|area_id| find(&self.areas, area_id))
    }

    /// The city of a DID, through its group.
    pub fn city_of_did(&self, did: &Did) -> Option<&City> {
        let city_id = self.group_of(did)?.city_id.as_deref()?;
        find(&self.cities, city_id)
    }

    /// The country name used in messages, or the id when the country is unknown.
    pub fn country_name(&self, country_id: &str) -> String {
        find(&self.countries, country_id)
            .map(|country| country.name.clone())
            .unwrap_or_else(|| country_id.to_owned())
    }
}
