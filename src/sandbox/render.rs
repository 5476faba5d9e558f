//! Turns records into JSON:API resources and documents, includes and all.
//!
//! Each record type describes itself once as a [`View`] (attributes, relationships, meta); the
//! same description answers both "what does it look like" and "what does it point at", so the
//! `included` walk and the rendered relationship data can never disagree.

mod account;
mod catalog;
mod emergency;

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use super::query::IncludeTree;
use super::store::Store;
use crate::jsonapi::{Document, Identifier, PrimaryData, Resource};

/// The base written into every link. `.invalid` never resolves, so nobody can follow a
/// simulator link to a real host by mistake.
pub(crate) const LINK_BASE: &str = "https://sandbox.didww.invalid/v3";

/// What a relationship points at.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// A relationship the simulator does not model (orders, trunks): links only.
    LinksOnly,
    /// A to-one relationship of a given type, possibly empty.
    One(&'static str, Option<String>),
    /// A to-many relationship of a given type.
    Many(&'static str, Vec<String>),
}

/// One relationship of a view.
#[derive(Debug, Clone)]
pub(crate) struct Relation {
    pub name: &'static str,
    pub target: Target,
    /// DIDWW sends `data` here even when the relationship was not included.
    pub always_data: bool,
}

/// A record described for rendering.
#[derive(Debug, Clone)]
pub(crate) struct View {
    pub kind: &'static str,
    pub id: String,
    pub attributes: Map<String, Value>,
    pub relationships: Vec<Relation>,
    pub meta: Map<String, Value>,
}

impl View {
    pub fn new(kind: &'static str, id: &str) -> Self {
        let (attributes, meta) = (Map::new(), Map::new());
        Self {
            kind,
            id: id.to_owned(),
            attributes,
            relationships: Vec::new(),
            meta,
        }
    }

    pub fn attribute(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.attributes.insert(name.to_owned(), value.into());
        self
    }

    pub fn meta(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.meta.insert(name.to_owned(), value.into());
        self
    }

    /// A to-one relationship whose data is sent only when included.
    pub fn has_one(self, name: &'static str, kind: &'static str, id: Option<&str>) -> Self {
        self.relation(name, Target::One(kind, id.map(str::to_owned)), false)
    }

    /// A to-one relationship whose data DIDWW always sends, `null` included.
    pub fn has_one_shown(self, name: &'static str, kind: &'static str, id: Option<&str>) -> Self {
        self.relation(name, Target::One(kind, id.map(str::to_owned)), true)
    }

    /// A to-many relationship whose data is sent only when included.
    pub fn has_many(self, name: &'static str, kind: &'static str, ids: Vec<String>) -> Self {
        self.relation(name, Target::Many(kind, ids), false)
    }

    /// A relationship the simulator does not model.
    pub fn links_only(self, name: &'static str) -> Self {
        self.relation(name, Target::LinksOnly, false)
    }

    fn relation(mut self, name: &'static str, target: Target, always_data: bool) -> Self {
        self.relationships.push(Relation {
            name,
            target,
            always_data,
        });
        self
    }

    /// The records a relationship points at.
    fn targets(&self, name: &str) -> Vec<Identifier> {
        let relation = self
            .relationships
            .iter()
            .find(|relation| relation.name == name);
        match relation.map(|relation| &relation.target) {
            Some(Target::One(kind, Some(id))) => vec![Identifier::new(kind, id)],
            Some(Target::Many(kind, ids)) => {
                ids.iter().map(|id| Identifier::new(kind, id)).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The resource, with `data` on the relationships in `shown` and on the always-shown ones.
    pub fn into_resource(self, shown: &BTreeSet<String>) -> Resource {
        let mut relationships = Map::new();
        for relation in &self.relationships {
            let base = format!("{LINK_BASE}/{}/{}", self.kind, self.id);
            let mut object = json!({ "links": {
                "self": format!("{base}/relationships/{}", relation.name),
                "related": format!("{base}/{}", relation.name),
            }});
            let with_data = relation.always_data || shown.contains(relation.name);
            match &relation.target {
                Target::One(kind, id) if with_data => {
                    let data = id.as_ref().map(|id| json!({ "type": kind, "id": id }));
                    object["data"] = data.unwrap_or(Value::Null);
                }
                Target::Many(kind, ids) if with_data => {
                    let data = ids
                        .iter()
                        .map(|id| json!({ "type": kind, "id": id }))
                        .collect();
                    object["data"] = Value::Array(data);
                }
                _ => {}
            }
            relationships.insert(relation.name.to_owned(), object);
        }
        Resource {
            id: self.id,
            kind: self.kind.to_owned(),
            attributes: self.attributes,
            relationships,
            meta: self.meta,
            links: None,
        }
    }
}

/// Describes any record the simulator holds.
pub(crate) fn view(store: &Store, identifier: &Identifier) -> Option<View> {
    Lookup::new(store).describe(identifier)
}

/// A document holding one record, with everything `include` asks for.
pub(crate) fn single(store: &Store, primary: &Identifier, include: &IncludeTree) -> Document {
    let mut document = document(store, std::slice::from_ref(primary), include);
    let resources = std::mem::take(&mut document.data);
    if let PrimaryData::Many(mut resources) = resources {
        document.data = match resources.pop() {
            Some(resource) => PrimaryData::One(Box::new(resource)),
            None => PrimaryData::Null,
        };
    }
    document
}

/// A document of the given primary records with everything `include` asks for.
pub(crate) fn document(store: &Store, primary: &[Identifier], include: &IncludeTree) -> Document {
    let mut lookup = Lookup::new(store);
    let primary_set: BTreeSet<&Identifier> = primary.iter().collect();
    let mut walked = Walked::default();
    lookup.walk(primary, include, &mut walked);

    let mut render = |identifier: &Identifier| {
        let view = lookup.take(identifier)?;
        let names = walked.shown.remove(identifier).unwrap_or_default();
        Some(view.into_resource(&names))
    };
    let resources: Vec<Resource> = primary.iter().filter_map(&mut render).collect();
    let included_resources: Vec<Resource> = walked
        .included
        .iter()
        .filter(|identifier| !primary_set.contains(identifier))
        .filter_map(&mut render)
        .collect();
    Document {
        included: included_resources,
        ..Document::collection(resources)
    }
}

/// What the include walk found: which relationships of which record must show `data`, and
/// which records to include, in first-seen order.
#[derive(Default)]
struct Walked {
    shown: BTreeMap<Identifier, BTreeSet<String>>,
    included: Vec<Identifier>,
    /// The same records as `included`, for a quick "seen already?".
    included_set: BTreeSet<Identifier>,
}

/// The store as one document sees it. Each record is described once however often the walk
/// reaches it, and the DIDs of calling services come from one pass over the account's DIDs
/// instead of one pass per service; with ten thousand DIDs both matter.
struct Lookup<'a> {
    store: &'a Store,
    views: BTreeMap<Identifier, Option<View>>,
    service_dids: OnceCell<BTreeMap<&'a str, Vec<String>>>,
}

impl<'a> Lookup<'a> {
    fn new(store: &'a Store) -> Self {
        Self {
            store,
            views: BTreeMap::new(),
            service_dids: OnceCell::new(),
        }
    }

    /// Describes a record afresh.
    fn describe(&self, identifier: &Identifier) -> Option<View> {
        let store = self.store;
        let id = identifier.id.as_str();
        match identifier.kind.as_str() {
            "countries" => catalog::country(store, id),
            "did_group_types" => catalog::did_group_type(store, id),
            "areas" => catalog::area(store, id),
            "cities" => catalog::city(store, id),
            "did_groups" => catalog::did_group(store, id),
            "address_verifications" => catalog::address_verification(store, id),
            "dids" => account::did(store, id),
            "identities" => account::identity(store, id),
            "addresses" => account::address(store, id),
            "emergency_requirements" => emergency::requirement(store, id),
            "emergency_verifications" => emergency::verification(store, id),
            "emergency_calling_services" => {
                let dids = self.service_dids().get(id).cloned().unwrap_or_default();
                emergency::service(store, id, dids)
            }
            _ => None,
        }
    }

    /// The record's description, made on first use.
    fn view(&mut self, identifier: &Identifier) -> Option<&View> {
        if !self.views.contains_key(identifier) {
            let view = self.describe(identifier);
            self.views.insert(identifier.clone(), view);
        }
        self.views.get(identifier).and_then(Option::as_ref)
    }

    /// The record's description, for rendering it once.
    fn take(&mut self, identifier: &Identifier) -> Option<View> {
        match self.views.remove(identifier) {
            Some(view) => view,
            None => self.describe(identifier),
        }
    }

    /// The ids of the DIDs of every calling service, by service id.
    fn service_dids(&self) -> &BTreeMap<&'a str, Vec<String>> {
        self.service_dids.get_or_init(|| {
            let mut by_service: BTreeMap<&str, Vec<String>> = BTreeMap::new();
            for did in &self.store.dids {
                if let Some(service_id) = &did.emergency_calling_service_id {
                    by_service
                        .entry(service_id.as_str())
                        .or_default()
                        .push(did.id.clone());
                }
            }
            by_service
        })
    }

    /// Follows the include tree from `sources`.
    fn walk(&mut self, sources: &[Identifier], tree: &IncludeTree, walked: &mut Walked) {
        for (name, subtree) in &tree.children {
            let mut reached = Vec::new();
            let mut reached_set = BTreeSet::new();
            for source in sources {
                walked
                    .shown
                    .entry(source.clone())
                    .or_default()
                    .insert(name.clone());
                let Some(view) = self.view(source) else {
                    continue;
                };
                for target in view.targets(name) {
                    if walked.included_set.insert(target.clone()) {
                        walked.included.push(target.clone());
                    }
                    if reached_set.insert(target.clone()) {
                        reached.push(target);
                    }
                }
            }
            self.walk(&reached, subtree, walked);
        }
    }
}
