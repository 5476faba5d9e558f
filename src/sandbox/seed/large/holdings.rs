//! The large account's numbers and where each stands: free, in a calling service, locked to an
//! identity by an address verification, or being ported in under an identity.
//!
//! Numbers are handed out in blocks, as customers buy and register them: a calling service
//! holds a few DIDs of one group, and one address verification locks a few DIDs at once. The
//! customer for a block fits the block's requirement (the DIDs' city for city-level rules, the
//! area for area-level ones, and the identity type asked for), so the seeded registrations
//! look like ones DIDWW would have accepted.

use std::collections::HashSet;

use super::people::Customer;
use super::places::{place, Plan, PLANS};
use super::{apportion, day, Countries, Generator, DID_COUNT};
use crate::sandbox::clock::{date_of, DAY_MS};
use crate::sandbox::seed::account::{REASON_DOCUMENT_EXPIRED, REASON_OUTSIDE_AREA};
use crate::sandbox::seed::catalog::group_id;
use crate::sandbox::store::{
    AddressVerification, Did, IdentityType, Requirement, Service, Store, Verification,
    VerificationStatus,
};

/// The day the account is seen on, as in the guide; everything generated happened before.
const TODAY: &str = "2026-04-21";

/// The earliest a generated DID was bought.
const OPENED: &str = "2024-04-22";

/// DIDs in services or registrations were bought before this day, so their paperwork has
/// time to happen before [`TODAY`].
const SETTLED: &str = "2026-03-01";

const REJECT_COMMENT: &str = "Please correct the details listed in the reasons and submit a \
    new verification.";

/// Where a block of DIDs stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Free,
    InService,
    Locked,
    Porting,
}

/// What the blocks of one DID group share.
struct GroupContext<'a> {
    group_id: String,
    requirement: &'a Requirement,
    /// Customers whose address and identity the group's requirement accepts.
    fitting: Vec<&'a Customer>,
    /// Customers of the group's country, for porting (any identity will do).
    national: Vec<&'a Customer>,
}

/// What the blocks produce, kept apart from the store while the store is borrowed for lookups.
#[derive(Default)]
struct Records {
    dids: Vec<Did>,
    services: Vec<Service>,
    verifications: Vec<Verification>,
    address_verifications: Vec<AddressVerification>,
}

/// Adds the generated DIDs with their services, verifications and address verifications.
pub(super) fn add_holdings(
    store: &mut Store,
    generator: &mut Generator,
    countries: &Countries,
    customers: &[Customer],
) {
    let mut taken: HashSet<String> = store.dids.iter().map(|did| did.number.clone()).collect();
    let weights: Vec<usize> = PLANS.iter().map(|plan| plan.weight).collect();
    let mut records = Records::default();
    for (plan, count) in PLANS.iter().zip(apportion(DID_COUNT, &weights)) {
        let country_id = countries.id(plan.iso);
        let requirement = store
            .requirement_for(country_id, plan.type_id)
            .expect("every plan's country and type has a requirement");
        let context = GroupContext {
            group_id: group_id(plan.group),
            requirement,
            fitting: fitting(customers, plan, requirement),
            national: customers
                .iter()
                .filter(|customer| customer.iso == plan.iso)
                .collect(),
        };
        let mut remaining = count;
        while remaining > 0 {
            let (case, size) = block(generator, remaining);
            let numbers: Vec<String> = (0..size)
                .map(|_| fresh_number(generator, countries, plan, &mut taken))
                .collect();
            add_block(&mut records, generator, &context, case, numbers);
            remaining -= size;
        }
    }
    store.dids.append(&mut records.dids);
    store.services.append(&mut records.services);
    store.verifications.append(&mut records.verifications);
    store
        .address_verifications
        .append(&mut records.address_verifications);
}

/// The case and size of the next block: most DIDs are free, one at a time.
fn block(generator: &mut Generator, remaining: usize) -> (Case, usize) {
    let random = &mut generator.random;
    let (case, size) = match random.between(0, 100) {
        0..80 => (Case::Free, 1),
        80..88 => {
            let size = match random.between(0, 100) {
                0..50 => 1,
                50..80 => 2,
                80..92 => 3,
                _ => random.between(4, 7) as usize,
            };
            (Case::InService, size)
        }
        88..95 => (Case::Locked, random.between(1, 5) as usize),
        _ => (Case::Porting, random.between(1, 4) as usize),
    };
    (case, size.min(remaining))
}

/// Adds DIDs with these numbers to the group, in the given case.
fn add_block(
    records: &mut Records,
    generator: &mut Generator,
    context: &GroupContext,
    case: Case,
    numbers: Vec<String>,
) {
    let latest_purchase = if case == Case::Free { TODAY } else { SETTLED };
    let block_start = records.dids.len();
    for number in numbers {
        let created_at = generator.instant_between(OPENED, latest_purchase);
        records.dids.push(Did {
            id: generator.ids.uuid(),
            number,
            created_at,
            expires_at: next_renewal(created_at),
            did_group_id: context.group_id.clone(),
            identity_id: None,
            address_verification_id: None,
            emergency_calling_service_id: None,
            emergency_verification_id: None,
            emergency_enabled: false,
        });
    }
    match case {
        Case::Free => {}
        Case::InService => add_service(records, generator, context, block_start),
        Case::Locked => {
            let Some(customer) = pick(generator, &context.fitting) else {
                return;
            };
            let verification = AddressVerification {
                id: generator.ids.uuid(),
                status: "approved".to_owned(),
                reference: generator.ids.reference(),
            };
            for did in &mut records.dids[block_start..] {
                did.identity_id = Some(customer.identity_id.clone());
                did.address_verification_id = Some(verification.id.clone());
            }
            records.address_verifications.push(verification);
        }
        Case::Porting => {
            let Some(customer) = pick(generator, &context.national) else {
                return;
            };
            for did in &mut records.dids[block_start..] {
                did.identity_id = Some(customer.identity_id.clone());
            }
        }
    }
}

/// Opens a calling service for the DIDs from `block_start` on: mostly active, some sent back
/// for changes by the reviewer.
fn add_service(
    records: &mut Records,
    generator: &mut Generator,
    context: &GroupContext,
    block_start: usize,
) {
    let Some(customer) = pick(generator, &context.fitting) else {
        return;
    };
    let dids = &records.dids[block_start..];
    let bought = dids
        .iter()
        .map(|did| did.created_at)
        .max()
        .unwrap_or_default();
    let random = &mut generator.random;
    let created_at = bought + random.between(DAY_MS / 24, 10 * DAY_MS);
    let active = random.chance(80);
    let reviewed_at = created_at + random.between(DAY_MS / 2, 3 * DAY_MS);
    let reasons = match random.between(0, 3) {
        0 => vec![REASON_OUTSIDE_AREA],
        1 => vec![REASON_DOCUMENT_EXPIRED],
        _ => vec![REASON_OUTSIDE_AREA, REASON_DOCUMENT_EXPIRED],
    };
    let reject_reasons =
        (!active).then(|| reasons.into_iter().map(str::to_owned).collect::<Vec<_>>());
    let external_reference_id = random
        .chance(30)
        .then(|| format!("crm-{}", random.between(1000, 100_000)));

    let service_id = generator.ids.uuid();
    let verification_id = generator.ids.uuid();
    let did_ids: Vec<String> = dids.iter().map(|did| did.id.clone()).collect();
    records.services.push(Service {
        id: service_id.clone(),
        name: format!("Emergency Service for {}", dids[0].number),
        reference: generator.ids.reference(),
        status: if active { "active" } else { "changes_required" }.to_owned(),
        activated_at: active.then_some(reviewed_at),
        canceled_at: None,
        renew_date: active.then(|| renewal_date(reviewed_at)),
        created_at,
        country_id: context.requirement.country_id.clone(),
        did_group_type_id: context.requirement.did_group_type_id.clone(),
        requirement_id: context.requirement.id.clone(),
        verification_id: Some(verification_id.clone()),
    });
    records.verifications.push(Verification {
        id: verification_id.clone(),
        reference: generator.ids.reference(),
        status: if active {
            VerificationStatus::Approved
        } else {
            VerificationStatus::Rejected
        },
        reject_comment: reject_reasons.as_ref().map(|_| REJECT_COMMENT.to_owned()),
        reject_reasons,
        callback_url: None,
        callback_method: None,
        external_reference_id,
        created_at,
        address_id: customer.address_id.clone(),
        service_id: service_id.clone(),
        did_ids,
    });
    for did in &mut records.dids[block_start..] {
        did.emergency_calling_service_id = Some(service_id.clone());
        did.emergency_verification_id = Some(verification_id.clone());
        did.emergency_enabled = active;
    }
}

/// Customers a requirement accepts for DIDs of `plan`; when none does, those of the country,
/// as a customer who still has to fix their data would be.
fn fitting<'a>(
    customers: &'a [Customer],
    plan: &Plan,
    requirement: &Requirement,
) -> Vec<&'a Customer> {
    let city = plan.city;
    let area = city.and_then(|city| place(city).area);
    let accepts = |customer: &Customer| {
        let kind = customer.identity_type;
        let level = match kind {
            IdentityType::Personal => &requirement.personal_area_level,
            IdentityType::Business => &requirement.business_area_level,
        };
        let kind_ok = level.is_some()
            && (requirement.identity_type == "any" || requirement.identity_type == kind.as_str());
        let place_ok = match requirement.address_area_level.as_str() {
            "city" => Some(customer.city) == city,
            "area" => customer.area.is_some() && customer.area == area,
            _ => true,
        };
        customer.iso == plan.iso && kind_ok && place_ok
    };
    let fitting: Vec<&Customer> = customers
        .iter()
        .filter(|customer| accepts(customer))
        .collect();
    if fitting.is_empty() {
        return customers
            .iter()
            .filter(|customer| customer.iso == plan.iso)
            .collect();
    }
    fitting
}

fn pick<'a>(generator: &mut Generator, customers: &[&'a Customer]) -> Option<&'a Customer> {
    if customers.is_empty() {
        return None;
    }
    Some(*generator.random.pick(customers))
}

/// A number of `plan` that no DID of the account has yet.
fn fresh_number(
    generator: &mut Generator,
    countries: &Countries,
    plan: &Plan,
    taken: &mut HashSet<String>,
) -> String {
    loop {
        let number = countries.random_number(plan.iso, &plan.numbering, &mut generator.random);
        if taken.insert(number.clone()) {
            return number;
        }
    }
}

/// The first monthly renewal after [`TODAY`] of a DID bought at `created_at`.
fn next_renewal(created_at: u64) -> u64 {
    let today = day(TODAY);
    let months = (today.saturating_sub(created_at)) / (30 * DAY_MS) + 1;
    created_at + months * 30 * DAY_MS
}

/// The date a service activated at `activated_at` renews next, after [`TODAY`].
fn renewal_date(activated_at: u64) -> String {
    let today = date_of(day(TODAY));
    let mut renewal = date_of(activated_at).plus_one_month();
    while renewal <= today {
        renewal = renewal.plus_one_month();
    }
    renewal.to_string()
}
