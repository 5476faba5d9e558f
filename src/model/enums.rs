//! Enumerations whose wire values may grow, change case or carry spaces.
//!
//! Each type keeps an `Other` variant with the value exactly as it arrived, so a value the
//! product does not know yet is shown verbatim instead of breaking the page.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Lower-cases a wire value and turns spaces and dashes into underscores.
fn normalise(value: &str) -> String {
    value.trim().to_ascii_lowercase().replace([' ', '-'], "_")
}

macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $wire:literal / $label:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$variant_meta])* $variant, )+
            /// A value this product does not know, kept exactly as it arrived.
            Other(String),
        }

        impl $name {
            /// Reads a wire value, tolerating case, spaces and dashes.
            pub fn parse(value: &str) -> Self {
                match normalise(value).as_str() {
                    $( $wire => Self::$variant, )+
                    _ => Self::Other(value.to_owned()),
                }
            }

            /// The canonical wire value (or the unknown value as it arrived).
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Other(value) => value,
                }
            }

            /// Words for people (an unknown value is shown verbatim).
            pub fn label(&self) -> &str {
                match self {
                    $( Self::$variant => $label, )+
                    Self::Other(value) => value,
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(|value| Self::parse(&value))
            }
        }
    };
}

wire_enum! {
    /// Which kinds of identity a requirement accepts, or which kind an identity is.
    IdentityType {
        /// A natural person.
        Personal = "personal" / "Personal",
        /// A company or organisation.
        Business = "business" / "Business",
        /// Either kind (requirements only).
        Any = "any" / "Personal or business",
    }
}

wire_enum! {
    /// How closely an identity or address must match the DIDs' location.
    AreaLevel {
        /// Anywhere in the world.
        WorldWide = "world_wide" / "Anywhere in the world",
        /// In the DIDs' country.
        Country = "country" / "In the DIDs' country",
        /// In the area (region) the DIDs' prefix covers.
        Area = "area" / "In the DIDs' area or region",
        /// In the DIDs' city.
        City = "city" / "In the DIDs' city",
    }
}

wire_enum! {
    /// The review state of an emergency verification.
    VerificationStatus {
        /// Waiting for DIDWW's review.
        Pending = "pending" / "Pending review",
        /// Accepted by DIDWW.
        Approved = "approved" / "Approved",
        /// Refused; a new verification must be submitted.
        Rejected = "rejected" / "Rejected",
    }
}

wire_enum! {
    /// The state of an emergency calling service.
    ServiceStatus {
        /// Created, waiting for its first verification.
        New = "new" / "New",
        /// A verification is under review.
        InProcess = "in_process" / "In process",
        /// The verification was rejected; changes are needed.
        ChangesRequired = "changes_required" / "Changes required",
        /// Active, with an updated verification under review.
        PendingUpdate = "pending_update" / "Pending update",
        /// Emergency calling works for its DIDs.
        Active = "active" / "Active",
        /// Permanently canceled.
        Canceled = "canceled" / "Canceled",
    }
}

wire_enum! {
    /// How DIDWW calls the callback URL.
    CallbackMethod {
        /// Form-encoded POST.
        Post = "post" / "POST",
        /// GET with query parameters.
        Get = "get" / "GET",
    }
}

impl VerificationStatus {
    /// True once DIDWW has decided; polling can stop.
    pub fn is_final(&self) -> bool {
        matches!(self, Self::Approved | Self::Rejected)
    }
}

impl ServiceStatus {
    /// True when no further change is expected without the user acting.
    pub fn is_settled(&self) -> bool {
        matches!(self, Self::Active | Self::Canceled | Self::ChangesRequired)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_with_spaces_or_capitals_read_as_the_canonical_value() {
        let cases = [
            ("changes required", ServiceStatus::ChangesRequired),
            ("changes_required", ServiceStatus::ChangesRequired),
            ("In Process", ServiceStatus::InProcess),
            ("pending update", ServiceStatus::PendingUpdate),
            ("ACTIVE", ServiceStatus::Active),
            ("canceled", ServiceStatus::Canceled),
        ];
        for (wire, expected) in cases {
            assert_eq!(ServiceStatus::parse(wire), expected, "{wire}");
        }
    }

    #[test]
    fn unknown_values_are_kept_verbatim() {
        let status = ServiceStatus::parse("On Hold");
        assert_eq!(status, ServiceStatus::Other("On Hold".into()));
        assert_eq!(status.label(), "On Hold");
        assert_eq!(
            AreaLevel::parse("postal_district").as_str(),
            "postal_district"
        );
    }

    #[test]
    fn legacy_uppercase_callback_methods_are_understood() {
        assert_eq!(CallbackMethod::parse("POST"), CallbackMethod::Post);
        assert_eq!(
            serde_json::to_string(&CallbackMethod::Get).unwrap(),
            "\"get\""
        );
    }
}
