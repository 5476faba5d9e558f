//! The generated "large account": everything of the guide account plus
//! [`GENERATED_DID_COUNT`] emergency-capable DIDs, [`GENERATED_IDENTITY_COUNT`] identities and
//! [`GENERATED_ADDRESS_COUNT`] addresses, for trying the flow at the size of a big customer.
//!
//! The numbers are spread over eleven countries and their Local, Mobile and Toll-free DID
//! groups (US Local across nine cities, US Mobile, four UK cities, German Local and Mobile,
//! French toll-free, Dutch, Lithuanian, Swedish, Spanish, Italian and Canadian Local, Polish
//! Mobile), each priced by an emergency requirement. About two thirds are free; the rest are
//! locked to an identity by an address verification (about 15%), in calling services (about
//! 13%, most of them active, some waiting for changes) or being ported in under an identity
//! (about 7%).
//!
//! Everything is drawn from a fixed seed, so two builds are identical, and generated rather
//! than embedded, so the browser bundle carries only the small tables in [`places`] and
//! [`locales`].

mod holdings;
mod locales;
mod people;
mod places;

use super::catalog::{city_id, group_id};
use crate::sandbox::clock::{Date, DAY_MS};
use crate::sandbox::ids::IdGenerator;
use crate::sandbox::random::Random;
use crate::sandbox::store::{Area, City, DidGroup, Store};
use places::Numbering;

/// How many DIDs the large account has beyond the guide's.
pub const GENERATED_DID_COUNT: usize = 10_000;

/// How many identities the large account has beyond the guide's.
pub const GENERATED_IDENTITY_COUNT: usize = 300;

/// How many addresses the large account has beyond the guide's.
pub const GENERATED_ADDRESS_COUNT: usize = 600;

use GENERATED_ADDRESS_COUNT as ADDRESS_COUNT;
use GENERATED_DID_COUNT as DID_COUNT;
use GENERATED_IDENTITY_COUNT as IDENTITY_COUNT;

/// The seed of everything drawn at random.
const RANDOM_SEED: u64 = 0x1A26_E0AC_C0FF_EE01;

/// The seed of the generated records' ids. Ids come from their own stream, one per record,
/// so drawing one more random attribute for a record does not renumber all the records
/// after it.
const ID_SEED: u64 = 0x1A26_E0AC_C0FF_EE02;

/// Builds the large account.
pub(crate) fn large_store() -> Store {
    let mut store = super::guide_store();
    let countries = Countries::of(&store);
    let mut generator = Generator {
        random: Random::new(RANDOM_SEED),
        ids: IdGenerator::new(ID_SEED),
    };
    add_places(&mut store, &countries);
    let customers = people::add_customers(&mut store, &mut generator, &countries);
    holdings::add_holdings(&mut store, &mut generator, &countries, &customers);
    store.sort_dids();
    store
}

/// The random source and the id source of one build.
struct Generator {
    pub random: Random,
    pub ids: IdGenerator,
}

impl Generator {
    /// A random instant from the start of day `from` to the start of day `to` (`YYYY-MM-DD`).
    fn instant_between(&mut self, from: &str, to: &str) -> u64 {
        self.random.between(day(from), day(to))
    }
}

/// The account's countries by ISO code: their ids and calling codes.
struct Countries {
    entries: Vec<(String, String, String)>,
}

impl Countries {
    fn of(store: &Store) -> Self {
        let entries = store
            .countries
            .iter()
            .map(|country| {
                let calling_code = country.prefix.clone();
                (country.iso.clone(), country.id.clone(), calling_code)
            })
            .collect();
        Self { entries }
    }

    fn entry(&self, iso: &str) -> &(String, String, String) {
        self.entries
            .iter()
            .find(|(code, _, _)| code == iso)
            .expect("the tables name only countries of the guide account")
    }

    /// The id of the country with this ISO code.
    pub fn id(&self, iso: &str) -> &str {
        &self.entry(iso).1
    }

    /// A random number (E.164 without `+`) of `numbering` in the country with this ISO code.
    pub fn random_number(&self, iso: &str, numbering: &Numbering, random: &mut Random) -> String {
        let calling_code = &self.entry(iso).2;
        let (low, high) = numbering.subscribers;
        let subscriber = random.between(low, high);
        let width = numbering.digits;
        format!("{calling_code}{}{subscriber:0width$}", numbering.prefix)
    }
}

/// Splits `total` in proportion to `weights`, giving leftovers to the largest remainders, so
/// the parts add up to exactly `total`.
fn apportion(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    let mut parts: Vec<usize> = weights.iter().map(|weight| total * weight / sum).collect();
    let mut by_remainder: Vec<usize> = (0..weights.len()).collect();
    by_remainder.sort_by_key(|&index| std::cmp::Reverse(total * weights[index] % sum));
    let short = total - parts.iter().sum::<usize>();
    for &index in by_remainder.iter().take(short) {
        parts[index] += 1;
    }
    parts
}

/// The start of a day given as `YYYY-MM-DD`, in milliseconds since the Unix epoch.
fn day(text: &str) -> u64 {
    let date = Date::parse(text).expect("the generator's dates are well formed");
    u64::try_from(date.to_days()).expect("the generator's dates are after 1970") * DAY_MS
}

/// Adds the US states, cities and DID groups the guide account does not have.
fn add_places(store: &mut Store, countries: &Countries) {
    let united_states = countries.id("US").to_owned();
    for (key, name) in places::AREAS {
        let id = places::area_id(key);
        if !store.areas.iter().any(|area| area.id == id) {
            store.areas.push(Area {
                id,
                name: name.to_string(),
                country_id: united_states.clone(),
            });
        }
    }
    for place in places::PLACES {
        let id = city_id(place.key);
        if !store.cities.iter().any(|city| city.id == id) {
            store.cities.push(City {
                id,
                name: place.name.to_owned(),
                country_id: countries.id(place.iso).to_owned(),
                area_id: place.area.map(places::area_id),
            });
        }
    }
    for plan in places::PLANS {
        let id = group_id(plan.group);
        if store.did_groups.iter().any(|group| group.id == id) {
            continue;
        }
        let mut features = vec!["voice_in", "voice_out"];
        if plan.type_id == super::MOBILE {
            features.push("sms_in");
        }
        features.push("emergency");
        store.did_groups.push(DidGroup {
            id,
            prefix: plan.numbering.prefix.to_owned(),
            area_name: plan.area_name.to_owned(),
            features: features.into_iter().map(str::to_owned).collect(),
            country_id: countries.id(plan.iso).to_owned(),
            did_group_type_id: plan.type_id.to_owned(),
            city_id: plan.city.map(city_id),
        });
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::sandbox::store::{find, Did};

    #[test]
    fn seeded_registrations_fit_the_dids_they_cover() {
        let store = large_store();

        let mut service_dids: BTreeMap<&str, Vec<&Did>> = BTreeMap::new();
        for did in &store.dids {
            let group = store.group_of(did).expect("every DID has a group");
            if let Some(service_id) = &did.emergency_calling_service_id {
                service_dids.entry(service_id).or_default().push(did);
            }
            // Locked and ported DIDs belong to a customer of their own country.
            if let Some(identity_id) = &did.identity_id {
                let identity = find(&store.identities, identity_id).expect("a known identity");
                assert_eq!(identity.country_id, Some(group.country_id.clone()));
            }
        }
        for service in &store.services {
            let dids = &service_dids[service.id.as_str()];
            let groups: BTreeSet<&str> = dids.iter().map(|did| did.did_group_id.as_str()).collect();
            assert_eq!(groups.len(), 1, "one group per service");
            let verification_id = service.verification_id.as_deref().expect("reviewed");
            let verification = find(&store.verifications, verification_id).expect("known");
            let address = find(&store.addresses, &verification.address_id).expect("known");
            let requirement = find(&store.requirements, &service.requirement_id).expect("known");
            assert_eq!(address.country_id, service.country_id);
            let city = store.city_of_address(address).map(|city| &city.id);
            let area = store.area_of_address(address).map(|area| &area.id);
            for did in dids {
                let did_city = store.city_of_did(did);
                match requirement.address_area_level.as_str() {
                    "city" => assert_eq!(did_city.map(|city| &city.id), city),
                    "area" => assert_eq!(did_city.and_then(|city| city.area_id.as_ref()), area),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn the_dids_stay_in_id_order_so_each_is_found_by_id() {
        let store = large_store();

        assert!(store.dids.windows(2).all(|pair| pair[0].id < pair[1].id));
        for did in store.dids.iter().step_by(97) {
            assert_eq!(
                store.did(&did.id).map(|found| &found.number),
                Some(&did.number)
            );
        }
        assert!(store.did("00000000-0000-4000-8000-000000000000").is_none());
    }

    #[test]
    fn apportioned_parts_add_up_to_the_total_and_follow_the_weights() {
        let parts = apportion(10, &[1, 1, 1]);
        assert_eq!(parts.iter().sum::<usize>(), 10);
        assert!(parts.iter().all(|&part| part == 3 || part == 4));
        assert_eq!(apportion(100, &[3, 1]), [75, 25]);
    }
}
