//! Query parameters: filters, sorting, includes and pagination, checked against what each
//! endpoint allows, and the pagination links DIDWW writes back.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::errors::Failure;
use super::render::LINK_BASE;
use crate::jsonapi::Links;
use crate::wire::{percent_encode, ApiRequest};

/// The default page size.
pub(crate) const DEFAULT_PAGE_SIZE: usize = 50;

/// The largest page size DIDWW documents.
pub(crate) const MAX_PAGE_SIZE: usize = 100;

/// What a collection endpoint accepts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec {
    pub kind: &'static str,
    pub filters: &'static [&'static str],
    pub sorts: &'static [&'static str],
    /// Every include path accepted, nested ones spelled out (`did_group.country`).
    pub includes: &'static [&'static str],
    pub paginated: bool,
}

/// One `filter[name]=a,b` parameter; a record matches when it matches any value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Filter {
    pub name: String,
    pub values: Vec<String>,
}

impl Filter {
    /// Whether `candidate` is one of the values.
    pub fn accepts(&self, candidate: &str) -> bool {
        self.values.iter().any(|value| value == candidate)
    }

    /// Like [`Filter::accepts`], for a relationship that may be empty.
    pub fn accepts_optional(&self, candidate: Option<&str>) -> bool {
        candidate.is_some_and(|candidate| self.accepts(candidate))
    }

    /// The value of a boolean filter; DIDWW does not take lists here.
    pub fn boolean(&self) -> Result<bool, Failure> {
        match self.values.as_slice() {
            [value] if value == "true" => Ok(true),
            [value] if value == "false" => Ok(false),
            _ => Err(Failure::invalid_filter_value(
                &self.name,
                &self.values.join(","),
            )),
        }
    }
}

/// One sort key; `-name` sorts descending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SortKey {
    pub name: String,
    pub descending: bool,
}

/// Which relationships to include, as a tree (`did_group.country` nests under `did_group`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct IncludeTree {
    pub children: BTreeMap<String, IncludeTree>,
}

impl IncludeTree {
    fn add(&mut self, path: &str) {
        let mut node = self;
        for segment in path.split('.') {
            node = node.children.entry(segment.to_owned()).or_default();
        }
    }
}

/// A requested page (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Page {
    pub number: usize,
    pub size: usize,
}

/// A request's query, checked against a [`Spec`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Query {
    pub filters: Vec<Filter>,
    pub sort: Vec<SortKey>,
    pub include: IncludeTree,
    pub page: Option<Page>,
}

impl Query {
    /// Reads the query of a collection request, refusing anything the endpoint does not allow.
    pub fn parse(request: &ApiRequest, spec: &Spec) -> Result<Self, Failure> {
        let mut query = Self {
            filters: Vec::new(),
            sort: Vec::new(),
            include: IncludeTree::default(),
            page: None,
        };
        let (mut page_number, mut page_size) = (1, DEFAULT_PAGE_SIZE);
        for (name, value) in &request.query {
            if let Some(filter) = bracketed(name, "filter") {
                if !spec.filters.contains(&filter) {
                    return Err(Failure::filter_not_allowed(filter));
                }
                let values = value
                    .split(',')
                    .map(|part| part.trim().to_owned())
                    .collect();
                query.filters.push(Filter {
                    name: filter.to_owned(),
                    values,
                });
            } else if name == "sort" {
                query.sort = parse_sort(value, spec)?;
            } else if name == "include" {
                query.include = parse_include(value, spec)?;
            } else if bracketed(name, "fields").is_some() {
                // Sparse fieldsets only trim the answer; the simulator sends every field.
            } else if name.starts_with("page[") && !spec.paginated {
                // Unpaginated lists (countries) answer everything whatever page is asked for.
            } else if name == "page[number]" {
                page_number = page_value(value, "number")?;
            } else if name == "page[size]" {
                page_size = page_value(value, "size")?;
                if page_size > MAX_PAGE_SIZE {
                    let detail = format!("size exceeds maximum page size of {MAX_PAGE_SIZE}.");
                    return Err(Failure::invalid_page_value(&detail));
                }
            } else {
                return Err(Failure::param_not_allowed(name));
            }
        }
        if spec.paginated {
            query.page = Some(Page {
                number: page_number,
                size: page_size,
            });
        }
        Ok(query)
    }

    /// Reads the query of a single-resource request, where only `include` and `fields` apply.
    pub fn parse_single(
        request: &ApiRequest,
        kind: &'static str,
        includes: &'static [&'static str],
    ) -> Result<Self, Failure> {
        let spec = Spec {
            kind,
            filters: &[],
            sorts: &[],
            includes,
            paginated: false,
        };
        if let Some((name, _)) = request
            .query
            .iter()
            .find(|(name, _)| name.starts_with("filter["))
        {
            return Err(Failure::param_not_allowed(name));
        }
        Self::parse(request, &spec)
    }

    /// The filter named `name`, when the request has one.
    pub fn filter(&self, name: &str) -> Option<&Filter> {
        self.filters.iter().find(|filter| filter.name == name)
    }
}

/// A value a record is sorted by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SortValue {
    Missing,
    Number(u64),
    Text(String),
}

/// The records of one page, in order: by the requested keys, then by id, which is also the
/// whole order when no sort is asked for, as DIDWW does.
///
/// Each record's sort values are computed once rather than at every comparison, and only the
/// page itself is sorted: the records before it are merely partitioned off. A page of a
/// ten-thousand-DID account then costs about one pass over the DIDs.
pub(crate) fn sorted_page<T>(
    records: Vec<T>,
    keys: &[SortKey],
    page: Option<Page>,
    id: impl Fn(&T) -> &str,
    value: impl Fn(&T, &str) -> SortValue,
) -> Vec<T> {
    let range = page_range(records.len(), page);
    if range.is_empty() {
        return Vec::new();
    }
    let decorated: Vec<Decorated<'_>> = records
        .iter()
        .enumerate()
        .map(|(index, record)| Decorated {
            values: keys.iter().map(|key| value(record, &key.name)).collect(),
            id: id(record),
            index,
        })
        .collect();
    let order = page_order(decorated, keys, range);

    let mut slots: Vec<Option<T>> = records.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|index| slots[index].take())
        .collect()
}

/// One record as the sort sees it: its sort values, its id and where it came from.
struct Decorated<'a> {
    values: Vec<SortValue>,
    id: &'a str,
    index: usize,
}

/// The positions of the records of `range`, in page order.
///
/// Kept apart from the record type so that every endpoint shares one copy of the selection and
/// sorting code in the WebAssembly bundle, instead of one copy per kind of record.
fn page_order(
    mut decorated: Vec<Decorated<'_>>,
    keys: &[SortKey],
    range: std::ops::Range<usize>,
) -> Vec<usize> {
    let compare = |left: &Decorated<'_>, right: &Decorated<'_>| {
        for (index, key) in keys.iter().enumerate() {
            let order = left.values[index].cmp(&right.values[index]);
            let order = if key.descending {
                order.reverse()
            } else {
                order
            };
            if order != Ordering::Equal {
                return order;
            }
        }
        left.id.cmp(right.id)
    };
    if range.end < decorated.len() {
        decorated.select_nth_unstable_by(range.end, compare);
        decorated.truncate(range.end);
    }
    if range.start > 0 {
        decorated.select_nth_unstable_by(range.start, compare);
    }
    let mut page = decorated.split_off(range.start);
    page.sort_unstable_by(compare);
    page.into_iter().map(|record| record.index).collect()
}

/// The range of `total` items that a page covers (all of them without pagination).
pub(crate) fn page_range(total: usize, page: Option<Page>) -> std::ops::Range<usize> {
    let Some(page) = page else {
        return 0..total;
    };
    let start = page
        .number
        .saturating_sub(1)
        .saturating_mul(page.size)
        .min(total);
    start..start.saturating_add(page.size).min(total)
}

/// The `first`/`prev`/`next`/`last` links of a page, keeping every other query parameter.
pub(crate) fn page_links(request: &ApiRequest, path: &str, page: Page, total: usize) -> Links {
    let last = total.div_ceil(page.size).max(1);
    let kept: Vec<&(String, String)> = request
        .query
        .iter()
        .filter(|(name, _)| !name.starts_with("page["))
        .collect();
    let link = |number: usize| {
        let mut pairs: Vec<String> = kept
            .iter()
            .map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value)))
            .collect();
        pairs.push(format!("{}={number}", percent_encode("page[number]")));
        pairs.push(format!("{}={}", percent_encode("page[size]"), page.size));
        format!("{LINK_BASE}{path}?{}", pairs.join("&"))
    };
    Links {
        first: Some(link(1)),
        prev: (page.number > 1).then(|| link((page.number - 1).min(last))),
        next: (page.number < last).then(|| link(page.number + 1)),
        last: Some(link(last)),
    }
}

fn bracketed<'a>(name: &'a str, prefix: &str) -> Option<&'a str> {
    name.strip_prefix(prefix)?
        .strip_prefix('[')?
        .strip_suffix(']')
}

fn parse_sort(value: &str, spec: &Spec) -> Result<Vec<SortKey>, Failure> {
    value
        .split(',')
        .filter(|key| !key.is_empty())
        .map(|key| {
            let (name, descending) = match key.strip_prefix('-') {
                Some(name) => (name, true),
                None => (key, false),
            };
            if !spec.sorts.contains(&name) {
                return Err(Failure::invalid_sort(name, spec.kind));
            }
            Ok(SortKey {
                name: name.to_owned(),
                descending,
            })
        })
        .collect()
}

fn parse_include(value: &str, spec: &Spec) -> Result<IncludeTree, Failure> {
    let mut tree = IncludeTree::default();
    for path in value
        .split(',')
        .map(str::trim)
        .filter(|path| !path.is_empty())
    {
        if !spec.includes.contains(&path) {
            return Err(Failure::invalid_include(path, spec.kind));
        }
        tree.add(path);
    }
    Ok(tree)
}

fn page_value(value: &str, name: &str) -> Result<usize, Failure> {
    match value.trim().parse::<usize>() {
        Ok(number) if number >= 1 => Ok(number),
        _ => {
            let detail = format!("{value} is not a valid value for {name} page parameter.");
            Err(Failure::invalid_page_value(&detail))
        }
    }
}
