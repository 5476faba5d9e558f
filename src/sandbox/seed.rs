//! The seeded "guide account": the records of DIDWW's emergency registration guide under the
//! guide's own ids, plus enough neighbours to walk every branch of the flow.
//!
//! | DIDs | Why they are there |
//! |---|---|
//! | [`CLEAN_DID`], [`LOCKED_DID`], [`PORTING_DID`] | the guide's three cases (Lithuania) |
//! | [`NO_FEATURE_DID`] | its group lacks the `emergency` feature |
//! | [`NO_REQUIREMENT_DID`] | Lithuania Mobile has no requirement: "Emergency Rate not found" |
//! | [`US_NEW_YORK_DID`], [`US_NEW_YORK_SECOND_DID`] | free US Local DIDs in one city |
//! | [`US_LOS_ANGELES_DID`] | a free US Local DID in another city |
//! | [`US_MOBILE_DID`] | US Mobile (area level), same country as the Local ones |
//! | [`US_ACTIVE_DID`] | in an active service, `emergency_enabled` true |
//! | [`US_CHANGES_REQUIRED_DID`] | in a rejected service, `emergency_enabled` still false |
//! | [`GB_DID`] | registered to a person (Oliver Brown): the personal locked case |
//! | [`DE_LOCAL_DID`], [`DE_MOBILE_DID`], [`FR_DID`], [`NL_DID`] | requirement variants |
//!
//! Requirements: Lithuania, Argentina and Sweden Local as in the guide; US Local (labels,
//! city level, multi-line restriction message); US Mobile (area level); Germany Local
//! (business only); Germany Mobile (personal only); United Kingdom Local (API names instead of
//! labels); France Toll-free (`world_wide` address level, `setup_price` null); Netherlands Local
//! (an area level this simulator does not know, `postal_district`, checked like `country`);
//! and generated ones over other countries, 65 in all.
//!
//! The DIDWW review rejects [`EXPIRED_IDENTITY`] ("Identity document has expired") and its
//! address [`EXPIRED_IDENTITY_ADDRESS`] ("The provided address does not match the DID area"),
//! and any address outside the city or area of the DIDs of a city- or area-level requirement.
//!
//! The large account ([`Account::Large`](super::Account::Large)) is all of the above plus
//! [`GENERATED_DID_COUNT`] DIDs, [`GENERATED_IDENTITY_COUNT`] identities and
//! [`GENERATED_ADDRESS_COUNT`] addresses drawn from a fixed seed, with new cities, US states
//! and DID groups to hold them.

pub(crate) mod account;
mod catalog;
mod customers;
mod large;
mod requirements;

pub(crate) use large::large_store;
pub use large::{GENERATED_ADDRESS_COUNT, GENERATED_DID_COUNT, GENERATED_IDENTITY_COUNT};

use super::ids::IdGenerator;
use super::store::Store;

/// Lithuania (the guide's id).
pub const LITHUANIA: &str = "661d8448-8897-4765-acda-00cc1740148d";
/// Argentina (the guide's id).
pub const ARGENTINA: &str = "3d1c2c4e-4b06-4c94-8f0b-43eea90929a0";
/// Sweden (the guide's id).
pub const SWEDEN: &str = "7549be3c-1077-433d-9a77-25416373660d";
/// United States.
pub const UNITED_STATES: &str = "115d6a30-44a5-4056-adf3-394d3a5d09d3";
/// Germany.
pub const GERMANY: &str = "db75af75-1ebb-4830-a932-703c9b886135";
/// United Kingdom.
pub const UNITED_KINGDOM: &str = "21433490-2fa8-4565-a50c-a3b5a9f8f19c";
/// France.
pub const FRANCE: &str = "98344184-0b84-47e9-8fd5-b07f0fb3d032";
/// Netherlands.
pub const NETHERLANDS: &str = "68b5beb4-52bf-477a-980b-8e0dfbc1db35";

/// DID group type Local (the guide's id).
pub const LOCAL: &str = "994ea201-4a4d-4b27-ac4b-b5916ac969a3";
/// DID group type Mobile.
pub const MOBILE: &str = "bcfb791d-7da3-4d27-80e7-3fbb4f3b96a0";
/// DID group type National.
pub const NATIONAL: &str = "983d052e-5735-4aac-9245-635c6a759082";
/// DID group type Toll-free.
pub const TOLL_FREE: &str = "21f9d6be-a6bb-45ac-8658-4f85f608cb45";

/// The guide's Vilnius DID group (Lithuania Local, with the `emergency` feature).
pub const VILNIUS_GROUP: &str = "8c76122b-402d-4217-880a-4050ee884acb";
/// The US area (state) New York.
pub const NEW_YORK_STATE: &str = "4ebdc0ea-23a0-4f08-91e4-670c4a0b6c3e";
/// The US area (state) California.
pub const CALIFORNIA: &str = "724c5de1-caf0-4deb-8830-b5a17621e43c";
/// The city of New York, in the New York area.
pub const NEW_YORK_CITY: &str = "e8dae91c-a18b-4892-806e-335cea9f882e";
/// The city of Los Angeles, in the California area.
pub const LOS_ANGELES: &str = "b44a23ba-bed9-4643-aca1-b7990bc00d5e";
/// The city of Vilnius.
pub const VILNIUS: &str = "820a9536-8556-4f55-8f7a-3f599fba3dc2";

/// Requirement for Lithuania Local (the guide's id).
pub const LT_LOCAL_REQUIREMENT: &str = "f788cef0-b278-4f21-a870-23950e67d0a1";
/// Requirement for Argentina Local (the guide's id).
pub const AR_LOCAL_REQUIREMENT: &str = "37067e8b-c9c4-4b77-af7f-f514d28e68fd";
/// Requirement for Sweden Local (the guide's id).
pub const SE_LOCAL_REQUIREMENT: &str = "a80051e5-5f77-4003-b164-63b1ccfc5377";
/// Requirement for US Local: labels, city level, identity country level.
pub const US_LOCAL_REQUIREMENT: &str = "412df703-142f-497c-9956-5ab0d830c7a1";
/// Requirement for US Mobile: area level.
pub const US_MOBILE_REQUIREMENT: &str = "768f5277-0b56-4661-ac4c-0ec783c87c70";
/// Requirement for Germany Local: business identities only.
pub const DE_LOCAL_REQUIREMENT: &str = "f6cf4098-4107-466e-b65f-b5c8d5a15aca";
/// Requirement for Germany Mobile: personal identities only.
pub const DE_MOBILE_REQUIREMENT: &str = "e7d204e4-096b-4157-af2a-37ddbab4d1a5";
/// Requirement for United Kingdom Local: mandatory fields given as API names.
pub const GB_LOCAL_REQUIREMENT: &str = "7be82bc6-47fb-4247-ac27-d3615dcc5d9d";
/// Requirement for France Toll-free: `world_wide` address level, `setup_price` null.
pub const FR_TOLL_FREE_REQUIREMENT: &str = "2d333621-f28e-4780-96b2-6490d7029e14";
/// Requirement for Netherlands Local: the unknown address level `postal_district`.
pub const NL_LOCAL_REQUIREMENT: &str = "7595cf3d-ed27-451b-8863-8c76111db342";

/// The guide's DID with no identity, no address verification and no service.
pub const CLEAN_DID: &str = "3d2bb4b1-7c8d-4ec0-9d5d-c2a0d8b8a901";
/// The guide's DID locked by end-user registration to [`LOCKED_IDENTITY`].
pub const LOCKED_DID: &str = "9f81f2ef-ad6c-402b-97af-06fff514454e";
/// The guide's ported DID: identity [`PORTING_IDENTITY`], no address verification.
pub const PORTING_DID: &str = "cc4c423f-68b5-4e1a-878c-2328eb24f3fa";
/// A Lithuanian DID whose group has no `emergency` feature.
pub const NO_FEATURE_DID: &str = "f311cfd4-b312-4128-9bf6-756d2c74b4d6";
/// A Lithuanian Mobile DID; the account has no requirement for Lithuania Mobile.
pub const NO_REQUIREMENT_DID: &str = "ed47525e-0b8e-4454-91b3-5e4e76573474";
/// A free US Local DID in New York.
pub const US_NEW_YORK_DID: &str = "87f83594-7853-4753-a615-427bba1b3505";
/// A second free US Local DID in New York.
pub const US_NEW_YORK_SECOND_DID: &str = "3c0919f5-468d-4f68-b88d-28ec5f317998";
/// A free US Local DID in Los Angeles.
pub const US_LOS_ANGELES_DID: &str = "ef0de5cb-a422-4468-98aa-ed7253201c67";
/// A US Local DID in the active service [`ACTIVE_SERVICE`].
pub const US_ACTIVE_DID: &str = "2cbe2c8d-f221-4c00-a26e-376c2856fd10";
/// A US Local DID in the `changes_required` service [`CHANGES_REQUIRED_SERVICE`].
pub const US_CHANGES_REQUIRED_DID: &str = "08315260-e815-42f0-b1f2-0230dbdaafc4";
/// A free US Mobile DID in New York.
pub const US_MOBILE_DID: &str = "b363382f-1ee1-48b9-8c9e-11f7ede52c92";
/// A United Kingdom Local DID registered (locked) to the personal [`GB_PERSONAL_IDENTITY`].
pub const GB_DID: &str = "27d7e8bf-0dac-4611-a00e-4dc8cd8d04db";
/// A free Germany Local DID.
pub const DE_LOCAL_DID: &str = "893d2866-73af-4cc7-90e5-9aa6a439649d";
/// A free Germany Mobile DID.
pub const DE_MOBILE_DID: &str = "6f7ec1ea-7e83-418a-b241-de7bcf7844c2";
/// A free France Toll-free DID.
pub const FR_DID: &str = "11f8133c-ede2-4ee6-b78f-217662235a54";
/// A free Netherlands Local DID.
pub const NL_DID: &str = "77bf303c-b5e3-403a-bc29-442484892966";

/// The guide's approved address verification on [`LOCKED_DID`].
pub const ADDRESS_VERIFICATION: &str = "8ee9ea68-992c-442d-84b3-37d69a2ba8f5";
/// The approved address verification that locks [`GB_DID`] to Oliver Brown.
pub const GB_ADDRESS_VERIFICATION: &str = "884cd76f-1a6f-4beb-baa7-e0a8d8afe41a";
/// Business identity "Example Telecom UAB" (Lithuania) that [`LOCKED_DID`] is registered to.
pub const LOCKED_IDENTITY: &str = "1193bf05-f01c-467f-b688-d0526ab50414";
/// The Vilnius address of [`LOCKED_IDENTITY`].
pub const LOCKED_IDENTITY_ADDRESS: &str = "e7f4f787-99fa-4bd8-a415-8aa96bb18ed9";
/// The guide's business identity "Example Company Ltd" (John Smith, Lithuania).
pub const PORTING_IDENTITY: &str = "beca16fb-0385-462f-9e2c-0d1918f6c8af";
/// The guide's address of [`PORTING_IDENTITY`]: 20 Example Street, Vilnius, 01100.
pub const GUIDE_ADDRESS: &str = "a4dcb4e3-1c7f-44ea-a60c-0d6f2a1c7d91";
/// A second address of [`PORTING_IDENTITY`], the one the guide's mismatch example sends.
pub const GUIDE_OTHER_ADDRESS: &str = "df845b05-bed8-4fef-a9b1-5661c3887fb3";
/// Personal identity Jane Doe (United States), complete for US Local.
pub const US_PERSONAL_IDENTITY: &str = "d69b7f19-40ca-4bc3-b3d2-68dac7688ef7";
/// Jane Doe's New York address.
pub const US_PERSONAL_ADDRESS: &str = "0455a65f-ff1a-4ce0-9a8f-afc56603af12";
/// Personal identity Mark Stale (United States); the review finds his document expired.
pub const EXPIRED_IDENTITY: &str = "7262a578-6280-47a3-b5c8-064c36ae19fe";
/// Mark Stale's New York address; the review finds it outside the DID area.
pub const EXPIRED_IDENTITY_ADDRESS: &str = "e4c5b4f9-6a11-4942-8fa2-2a155bd9fc10";
/// Business identity Acme Emergency Inc (United States), lacking the Company ID US Local needs.
pub const US_BUSINESS_IDENTITY: &str = "7206c1d2-ecab-4503-8c6e-5c66bde8130d";
/// Acme Emergency Inc's Los Angeles address.
pub const US_BUSINESS_ADDRESS: &str = "107ea3bb-2199-40be-99a6-25dbc07ae1a8";
/// Personal identity Oliver Brown (United Kingdom), lacking the contact email GB Local needs.
pub const GB_PERSONAL_IDENTITY: &str = "1affb755-b6d2-46e1-a1c4-b0f2bd9e7540";
/// Oliver Brown's London address.
pub const GB_PERSONAL_ADDRESS: &str = "dafa92bb-244e-4f75-8b94-d8877d40cd79";
/// Personal identity Lena Schmidt (Germany): fine for Germany Mobile, refused by Germany Local.
pub const DE_PERSONAL_IDENTITY: &str = "012af830-cea5-4020-b86b-78d63d579d33";
/// Lena Schmidt's Berlin address.
pub const DE_PERSONAL_ADDRESS: &str = "19a4765d-80d4-4ffc-87da-ba5ba4f9acc1";

/// The active US Local service holding [`US_ACTIVE_DID`].
pub const ACTIVE_SERVICE: &str = "d4f024e1-78d2-4fa0-9ab1-360ffc399e5c";
/// The approved verification of [`ACTIVE_SERVICE`].
pub const APPROVED_VERIFICATION: &str = "9d8a554a-f3d3-48c2-8447-aef1b3c539b7";
/// The US Local service in `changes_required`, holding [`US_CHANGES_REQUIRED_DID`].
pub const CHANGES_REQUIRED_SERVICE: &str = "52cc536e-1279-4213-85ed-dd122fc09d90";
/// The rejected verification of [`CHANGES_REQUIRED_SERVICE`].
pub const REJECTED_VERIFICATION: &str = "9f307673-5794-47ef-8aab-a459d9110d12";

/// How many emergency requirements the account is priced for (more than one page of 50).
pub const REQUIREMENT_COUNT: usize = 65;

/// The seed of the id generator; the time of the first request is mixed in later.
const ID_SEED: u64 = 0x00D1_DDAA_2026_0416;

/// Builds the whole guide account.
pub(crate) fn guide_store() -> Store {
    let mut store = Store {
        countries: catalog::countries(),
        did_group_types: catalog::did_group_types(),
        areas: catalog::areas(),
        cities: catalog::cities(),
        did_groups: catalog::did_groups(),
        dids: Vec::new(),
        address_verifications: Vec::new(),
        requirements: Vec::new(),
        identities: Vec::new(),
        addresses: Vec::new(),
        verifications: Vec::new(),
        services: Vec::new(),
        ids: IdGenerator::new(ID_SEED),
    };
    store.requirements = requirements::requirements(&store);
    customers::add_identities(&mut store);
    customers::add_addresses(&mut store);
    account::add_dids(&mut store);
    account::add_services(&mut store);
    store.sort_dids();
    store
}

/// A seed timestamp; the literals below are all well formed.
fn at(text: &str) -> u64 {
    super::clock::parse_timestamp(text).expect("seed timestamps are well formed")
}
