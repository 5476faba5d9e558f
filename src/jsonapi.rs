//! The JSON:API document model shared by the API client and the DIDWW simulator.
//!
//! Parsing is deliberately forgiving: unknown members are kept or ignored, relationship data may
//! be absent (links only), `null`, one identifier or a list, and error objects accept numbers
//! where strings are documented. Only a document that is not JSON at all, or whose primary data
//! has the wrong shape, fails to parse.

use serde::de::{self, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A whole JSON:API document: a single resource, a collection, or a list of errors.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    /// The primary data.
    #[serde(default, skip_serializing_if = "PrimaryData::is_absent")]
    pub data: PrimaryData,
    /// Related resources requested with `include`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub included: Vec<Resource>,
    /// Top-level meta: record counts and the API version that answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<DocumentMeta>,
    /// Pagination links of a collection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
    /// Error objects; present instead of `data` when a request failed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorObject>,
}

impl Document {
    /// Parses a response body.
    pub fn parse(body: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(body)
    }

    /// A document holding one resource.
    pub fn single(resource: Resource) -> Self {
        Self {
            data: PrimaryData::One(Box::new(resource)),
            ..Self::default()
        }
    }

    /// A document holding a collection.
    pub fn collection(resources: Vec<Resource>) -> Self {
        Self {
            data: PrimaryData::Many(resources),
            ..Self::default()
        }
    }

    /// A document holding only errors.
    pub fn from_errors(errors: Vec<ErrorObject>) -> Self {
        Self {
            errors,
            ..Self::default()
        }
    }

    /// Serialises the document; serialising this model cannot fail.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a JSON:API document always serialises")
    }

    /// The primary resources, whether the document holds one or many.
    pub fn primary(&self) -> &[Resource] {
        match &self.data {
            PrimaryData::One(resource) => std::slice::from_ref(resource.as_ref()),
            PrimaryData::Many(resources) => resources,
            PrimaryData::Absent | PrimaryData::Null => &[],
        }
    }

    /// Finds a resource by type and id among the included resources, then the primary ones.
    pub fn lookup(&self, identifier: &Identifier) -> Option<&Resource> {
        self.included
            .iter()
            .chain(self.primary())
            .find(|resource| resource.kind == identifier.kind && resource.id == identifier.id)
    }

    /// Follows a to-one relationship of `resource` to the resource this document carries for it.
    pub fn follow(&self, resource: &Resource, relationship: &str) -> Option<&Resource> {
        resource
            .to_one(relationship)
            .and_then(|identifier| self.lookup(&identifier))
    }

    /// `meta.total_records`, when the server sent it.
    pub fn total_records(&self) -> Option<u64> {
        self.meta.as_ref().and_then(|meta| meta.total_records)
    }

    /// The `next` pagination link, when there is one.
    pub fn next_link(&self) -> Option<&str> {
        self.links.as_ref().and_then(|links| links.next.as_deref())
    }
}

/// The `data` member of a document.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum PrimaryData {
    /// The member is missing (error documents, empty bodies).
    #[default]
    Absent,
    /// `"data": null`.
    Null,
    /// A single resource.
    One(Box<Resource>),
    /// A collection.
    Many(Vec<Resource>),
}

impl PrimaryData {
    fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }
}

impl Serialize for PrimaryData {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Absent | Self::Null => serializer.serialize_none(),
            Self::One(resource) => resource.serialize(serializer),
            Self::Many(resources) => resources.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for PrimaryData {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Null => Ok(Self::Null),
            Value::Array(items) => items
                .into_iter()
                .map(serde_json::from_value)
                .collect::<Result<Vec<Resource>, _>>()
                .map(Self::Many)
                .map_err(de::Error::custom),
            object @ Value::Object(_) => serde_json::from_value(object)
                .map(|resource| Self::One(Box::new(resource)))
                .map_err(de::Error::custom),
            other => Err(de::Error::custom(format!("primary data cannot be {other}"))),
        }
    }
}

/// One resource object.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Resource {
    /// Resource id; empty on a resource that is about to be created.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// Resource type, such as `dids` or `identities`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Attributes, kept as raw JSON so that unknown members never break parsing.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub attributes: Map<String, Value>,
    /// Relationships by name.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub relationships: Map<String, Value>,
    /// Resource-level meta (prices on requirements and calling services).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub meta: Map<String, Value>,
    /// Resource links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Value>,
}

impl Resource {
    /// A resource of `kind` with `id` and no members yet.
    pub fn new(kind: &str, id: &str) -> Self {
        Self {
            id: id.to_owned(),
            kind: kind.to_owned(),
            ..Self::default()
        }
    }

    /// Sets an attribute, returning the resource for chaining.
    pub fn with_attribute(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.attributes.insert(name.to_owned(), value.into());
        self
    }

    /// Sets a relationship, returning the resource for chaining.
    pub fn with_relationship(mut self, name: &str, data: RelationshipData) -> Self {
        self.relationships
            .insert(name.to_owned(), serde_json::json!({ "data": data }));
        self
    }

    /// The identifier of this resource.
    pub fn identifier(&self) -> Identifier {
        Identifier::new(&self.kind, &self.id)
    }

    /// An attribute decoded as `T`; `None` when it is missing, `null` or of another shape.
    pub fn attribute<T: serde::de::DeserializeOwned>(&self, name: &str) -> Option<T> {
        self.attributes
            .get(name)
            .cloned()
            .and_then(|value| serde_json::from_value(value).ok())
    }

    /// A string attribute; `None` when missing, `null` or not a string.
    pub fn text(&self, name: &str) -> Option<String> {
        self.attributes
            .get(name)
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    /// The decoded data of a relationship.
    pub fn relationship(&self, name: &str) -> RelationshipData {
        self.relationships
            .get(name)
            .and_then(|relationship| relationship.get("data"))
            .map(RelationshipData::from_value)
            .unwrap_or(RelationshipData::Absent)
    }

    /// The target of a to-one relationship, when its data is present and not `null`.
    pub fn to_one(&self, name: &str) -> Option<Identifier> {
        match self.relationship(name) {
            RelationshipData::One(identifier) => Some(identifier),
            _ => None,
        }
    }

    /// The targets of a to-many relationship; empty when absent or `null`.
    pub fn to_many(&self, name: &str) -> Vec<Identifier> {
        match self.relationship(name) {
            RelationshipData::Many(items) => items,
            RelationshipData::One(item) => vec![item],
            RelationshipData::Absent | RelationshipData::Null => Vec::new(),
        }
    }
}

/// The `data` of a relationship.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RelationshipData {
    /// No `data` member: the server sent links only (the relationship was not included).
    #[default]
    Absent,
    /// `"data": null`: the relationship is known to be empty.
    Null,
    /// A to-one target.
    One(Identifier),
    /// To-many targets.
    Many(Vec<Identifier>),
}

impl RelationshipData {
    /// Decodes relationship data, treating anything malformed as absent.
    pub fn from_value(value: &Value) -> Self {
        match value {
            Value::Null => Self::Null,
            Value::Array(items) => {
                Self::Many(items.iter().filter_map(Identifier::from_value).collect())
            }
            object => Identifier::from_value(object)
                .map(Self::One)
                .unwrap_or(Self::Absent),
        }
    }

    /// A to-one relationship to `kind`/`id`.
    pub fn one(kind: &str, id: &str) -> Self {
        Self::One(Identifier::new(kind, id))
    }
}

impl Serialize for RelationshipData {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Absent | Self::Null => serializer.serialize_none(),
            Self::One(identifier) => identifier.serialize(serializer),
            Self::Many(identifiers) => identifiers.serialize(serializer),
        }
    }
}

/// A resource identifier: type and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Identifier {
    /// Resource type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Resource id.
    pub id: String,
}

impl Identifier {
    /// An identifier of `kind` and `id`.
    pub fn new(kind: &str, id: &str) -> Self {
        Self {
            kind: kind.to_owned(),
            id: id.to_owned(),
        }
    }

    fn from_value(value: &Value) -> Option<Self> {
        Some(Self::new(
            value.get("type")?.as_str()?,
            value.get("id")?.as_str()?,
        ))
    }
}

/// Top-level meta of a document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Number of records in the whole collection, across pages.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_u64"
    )]
    pub total_records: Option<u64>,
    /// The API version that answered, such as `2026-04-16`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
}

/// Pagination links of a collection document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Links {
    /// First page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// Previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
    /// Next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
}

/// One JSON:API error object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ErrorObject {
    /// Short summary, such as `can't be blank`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_text"
    )]
    pub title: Option<String>,
    /// Full message, such as `dids - can't be blank`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_text"
    )]
    pub detail: Option<String>,
    /// DIDWW's error code (`100` is a validation error); not the HTTP status.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_text"
    )]
    pub code: Option<String>,
    /// The HTTP status, as a string.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_text"
    )]
    pub status: Option<String>,
    /// What the error points at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ErrorSource>,
}

impl ErrorObject {
    /// A validation error (code 100) pointing at `pointer`, as DIDWW sends them.
    pub fn validation(status: u16, pointer: &str, title: &str, detail: &str) -> Self {
        Self {
            title: Some(title.to_owned()),
            detail: Some(detail.to_owned()),
            code: Some("100".to_owned()),
            status: Some(status.to_string()),
            source: Some(ErrorSource {
                pointer: Some(pointer.to_owned()),
                parameter: None,
            }),
        }
    }

    /// The JSON pointer of the error, when it has one.
    pub fn pointer(&self) -> Option<&str> {
        self.source
            .as_ref()
            .and_then(|source| source.pointer.as_deref())
    }

    /// The most useful text of the error: its detail, else its title.
    pub fn message(&self) -> Option<&str> {
        self.detail
            .as_deref()
            .or(self.title.as_deref())
            .filter(|text| !text.trim().is_empty())
    }
}

/// The `source` member of an error object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ErrorSource {
    /// JSON pointer into the request document, such as `/data/attributes/birth_date`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_text"
    )]
    pub pointer: Option<String>,
    /// The query parameter that caused the error.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_text"
    )]
    pub parameter: Option<String>,
}

/// Accepts a string, a number or a boolean as text; anything else reads as `None`.
fn lenient_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(text) => Some(text),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    })
}

/// Accepts a count sent as a number or a numeric string.
fn lenient_u64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    })
}
