//! The wizard's router: which step shows, and how links and navigation change it.
//!
//! Two places can hold the current path. The standalone page keeps it in the page URL under
//! the folder the bundle was served from (found at run time, so any base path works without a
//! rebuild), with deep links and the browser's back button. A widget keeps it in memory: the
//! host page's URL is the partner's, and two widgets on one page must not share (or fight
//! over) it. Steps see the same hooks either way: [`use_navigate`], [`use_location`],
//! [`use_params`] and the [`A`] link.
//!
//! Links handle their own clicks instead of a page-wide listener, so one instance never
//! reacts to another instance's links.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::params::{Params, ParamsError, ParamsMap};

use crate::state::WizardStep;

/// How a navigation changes the history.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
}

/// What a path shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The start (`/`), which leads to the step the draft was left on.
    Start,
    /// The account's registrations (`/registrations`).
    Registrations,
    /// A step of the wizard; the status step carries the verification id.
    Step(WizardStep, Option<String>),
    /// Nothing the app knows.
    NotFound,
}

impl Route {
    /// Reads a path relative to the app's base, such as `/status/<id>`; a query after `?`
    /// does not change the route.
    pub fn parse(path: &str) -> Self {
        let (path, _query) = split_query(path);
        let segments: Vec<&str> = path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .collect();
        match segments.as_slice() {
            [] => Self::Start,
            ["status", id] => Self::Step(WizardStep::Status, Some((*id).to_owned())),
            [REGISTRATIONS_SEGMENT] => Self::Registrations,
            [name] => WizardStep::ALL
                .into_iter()
                .filter(|step| *step != WizardStep::Status)
                .find(|step| step.path().trim_start_matches('/') == *name)
                .map_or(Self::NotFound, |step| Self::Step(step, None)),
            _ => Self::NotFound,
        }
    }
}

/// The folder the app is served from, ending in `/`, for a page at `pathname`: the path with
/// the route part taken off (`/tools/emergency/status/<id>` → `/tools/emergency/`).
///
/// A base folder named like a step (`/dids/`) would be taken for a route; no other name is.
pub fn bundle_base(pathname: &str) -> String {
    let mut segments: Vec<&str> = pathname.split('/').collect();
    // A route keeps its meaning with a trailing slash (`/identity/`, `/status/<id>/`).
    if segments.len() > 2
        && segments.last() == Some(&"")
        && route_start(&segments[..segments.len() - 1]).is_some()
    {
        segments.pop();
    }
    if let Some(position) = route_start(&segments) {
        segments.truncate(position);
    } else {
        // A folder ends in `/`; anything else names a page in its folder (`index.html`, or a
        // path the app does not know, which then shows "page not found").
        segments.pop();
    }
    let directory = segments.join("/");
    format!("{}/", directory.trim_end_matches('/'))
}

/// The folder the standalone page was served from, found from its URL.
pub fn page_bundle_base() -> String {
    bundle_base(&browser::page_pathname().unwrap_or_default())
}

/// Where the route starts when the path's last segments name one: a step or page
/// (`…/identity`) or a status with its id (`…/status/<id>`).
fn route_start(segments: &[&str]) -> Option<usize> {
    let position = segments.iter().rposition(|segment| is_route(segment))?;
    let is_status_id = position + 2 == segments.len() && segments[position] == "status";
    (position + 1 == segments.len() || is_status_id).then_some(position)
}

fn is_route(segment: &str) -> bool {
    segment == REGISTRATIONS_SEGMENT
        || WizardStep::ALL
            .into_iter()
            .any(|step| step.path().trim_start_matches('/') == segment)
}

/// The path segment of the registrations page.
const REGISTRATIONS_SEGMENT: &str = "registrations";

/// Splits `/registrations?page=2` into its path and its query (without the `?`).
fn split_query(path: &str) -> (&str, &str) {
    path.split_once('?').unwrap_or((path, ""))
}

/// Where the current path lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouterPlace {
    /// In the page URL, under this base folder (ending in `/`).
    PageUrl {
        /// The folder the bundle is served from, e.g. `/` or `/tools/emergency/`.
        base: String,
    },
    /// In memory, starting at this path; the page URL is left alone.
    Memory {
        /// The first path, usually `/dids`.
        start: String,
    },
}

/// The router of one app instance: the current path and where it is kept.
#[derive(Debug, Clone, Copy)]
pub struct RouterContext {
    path: RwSignal<String>,
    base: StoredValue<Option<String>>,
}

impl RouterContext {
    /// The router provided by [`Router`].
    pub fn expect() -> Self {
        use_context::<Self>().expect("RouterContext is provided by routing::Router")
    }

    /// The current path relative to the base, such as `/identity` (read reactively).
    pub fn path(&self) -> String {
        self.path.get()
    }

    /// Shows `to` (a path such as `/submit`), recording it in the page URL when the router
    /// lives there.
    pub fn navigate(&self, to: &str, options: NavigateOptions) {
        let to = normalize(to);
        if self.path.get_untracked() == to {
            return;
        }
        if let Some(base) = self.base.get_value() {
            browser::record(&join(&base, &to), options.replace);
        }
        self.path.set(to);
    }

    /// The href of a link to `to`: the real address on a standalone page; on a widget a
    /// fragment that, opened in a new tab, shows the host page unharmed.
    pub fn href(&self, to: &str) -> String {
        match self.base.get_value() {
            Some(base) => join(&base, &normalize(to)),
            None => format!("#{}", normalize(to)),
        }
    }

    fn lives_in_memory(&self) -> bool {
        self.base.with_value(Option::is_none)
    }
}

fn normalize(path: &str) -> String {
    let (path, query) = split_query(path.trim());
    let trimmed = path.trim_end_matches('/');
    let path = if trimmed.starts_with('/') {
        trimmed.to_owned()
    } else {
        format!("/{trimmed}")
    };
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

fn join(base: &str, path: &str) -> String {
    format!("{}{path}", base.trim_end_matches('/'))
}

/// Provides the router for its children, keeping the path in `place`.
#[component]
pub fn Router(
    /// Where the current path lives.
    place: RouterPlace,
    /// The app below the router.
    children: Children,
) -> impl IntoView {
    let (start, base) = match place {
        RouterPlace::PageUrl { base } => (browser::current_path(&base), Some(base)),
        RouterPlace::Memory { start } => (normalize(&start), None),
    };
    let context = RouterContext {
        path: RwSignal::new(start),
        base: StoredValue::new(base.clone()),
    };
    provide_context(context);
    if let Some(base) = base {
        browser::follow_back_and_forward(context.path, base);
    }

    children()
}

/// The view of each route, given to [`Routes`] by the app.
type RouteView = Arc<dyn Fn(Route) -> AnyView + Send + Sync>;

#[derive(Clone)]
struct OutletContext(RouteView);

/// Shows `shell` around the matched step (rendered by [`Outlet`]), `fallback` for unknown
/// paths; `/` goes to `step_view` as [`Route::Start`].
#[component]
pub fn Routes<Shell, ShellView, Fallback, FallbackView>(
    /// The frame around every step.
    shell: Shell,
    /// What an unknown path shows.
    fallback: Fallback,
    /// The view of a step route.
    step_view: impl Fn(Route) -> AnyView + Send + Sync + 'static,
) -> impl IntoView
where
    Shell: Fn() -> ShellView + Send + Sync + 'static,
    ShellView: IntoView + 'static,
    Fallback: Fn() -> FallbackView + Send + Sync + 'static,
    FallbackView: IntoView + 'static,
{
    let router = RouterContext::expect();
    provide_context(OutletContext(Arc::new(step_view)));
    let route = Memo::new(move |_| Route::parse(&router.path()));
    let is_known = Memo::new(move |_| route.get() != Route::NotFound);

    move || {
        if is_known.get() {
            shell().into_any()
        } else {
            fallback().into_any()
        }
    }
}

/// Where the matched step shows inside the shell.
#[component]
pub fn Outlet() -> impl IntoView {
    let router = RouterContext::expect();
    let OutletContext(step_view) =
        use_context::<OutletContext>().expect("Outlet is used inside routing::Routes");
    let route = Memo::new(move |_| Route::parse(&router.path()));

    move || match route.get() {
        Route::NotFound => ().into_any(),
        step => step_view(step),
    }
}

/// A link to a path of the app (`/dids`, `/status/<id>`); clicking it navigates in place.
#[component]
pub fn A(
    /// The path, relative to the app's base.
    #[prop(into)]
    href: String,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let router = RouterContext::expect();
    let target = normalize(&href);
    let is_current = {
        let target = target.clone();
        move || router.path() == target
    };
    let on_click = {
        let target = target.clone();
        move |event: leptos::ev::MouseEvent| {
            // A new tab or window keeps its usual meaning on the standalone page.
            let wants_new_tab = event.button() != 0
                || event.ctrl_key()
                || event.meta_key()
                || event.shift_key()
                || event.alt_key();
            if event.default_prevented() || (wants_new_tab && !router.lives_in_memory()) {
                return;
            }
            event.prevent_default();
            router.navigate(&target, NavigateOptions::default());
        }
    };

    view! {
        <a
            href=router.href(&target)
            aria-current=move || is_current().then_some("page")
            on:click=on_click
        >
            {children()}
        </a>
    }
}

/// The current location of this instance.
#[derive(Debug, Clone, Copy)]
pub struct Location {
    /// The path relative to the app's base, such as `/status/<id>`, without its query.
    pub pathname: Memo<String>,
}

/// The current location of this instance (reactive).
pub fn use_location() -> Location {
    let router = RouterContext::expect();
    Location {
        pathname: Memo::new(move |_| split_query(&router.path()).0.to_owned()),
    }
}

/// The query of the current path (`?kind=services&page=2`), decoded (reactive).
pub fn use_query_map() -> Memo<ParamsMap> {
    let router = RouterContext::expect();
    Memo::new(move |_| {
        let mut params = ParamsMap::new();
        for (name, value) in crate::wire::parse_query(split_query(&router.path()).1) {
            params.insert(name, value);
        }
        params
    })
}

/// A function that shows another path of this instance.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let router = RouterContext::expect();
    move |to: &str, options: NavigateOptions| router.navigate(to, options)
}

/// The route's parameters (`verification_id` on the status step), read into `T`.
pub fn use_params<T>() -> Memo<Result<T, ParamsError>>
where
    T: Params + PartialEq + Send + Sync + 'static,
{
    let router = RouterContext::expect();
    Memo::new(move |_| {
        let mut params = ParamsMap::new();
        if let Route::Step(WizardStep::Status, Some(id)) = Route::parse(&router.path()) {
            params.insert("verification_id", id);
        }
        T::from_map(&params)
    })
}

mod browser {
    //! The page URL, on the standalone page only.

    use leptos::prelude::*;

    /// The page's path relative to `base`; `/` when the page is not under it.
    pub(super) fn current_path(base: &str) -> String {
        let pathname = page_pathname().unwrap_or_default();
        let base = base.trim_end_matches('/');
        let path = match pathname.strip_prefix(base) {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => super::normalize(rest),
            _ => "/".to_owned(),
        };
        format!("{path}{}", page_search().unwrap_or_default())
    }

    /// The page's query, with its `?`, or nothing.
    fn page_search() -> Option<String> {
        #[cfg(target_arch = "wasm32")]
        {
            web_sys::window()?.location().search().ok()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            None
        }
    }

    /// Adds (or replaces) a history entry for `address` and scrolls to the top, as a page
    /// change would.
    pub(super) fn record(address: &str, replace: bool) {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsValue;

            let Some(window) = web_sys::window() else {
                return;
            };
            let Ok(history) = window.history() else {
                return;
            };
            let result = if replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(address))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(address))
            };
            if result.is_err() {
                log::warn!("the browser refused to record the address {address}");
            }
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (address, replace);
    }

    /// Follows the browser's back and forward buttons until the router is dropped.
    pub(super) fn follow_back_and_forward(path: RwSignal<String>, base: String) {
        #[cfg(target_arch = "wasm32")]
        {
            let listener = window_event_listener(leptos::ev::popstate, move |_| {
                path.set(current_path(&base));
            });
            on_cleanup(move || listener.remove());
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (path, base);
    }

    pub(super) fn page_pathname() -> Option<String> {
        #[cfg(target_arch = "wasm32")]
        {
            web_sys::window()?.location().pathname().ok()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_steps_the_start_or_nothing() {
        assert_eq!(Route::parse("/"), Route::Start);
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("/dids"), Route::Step(WizardStep::Dids, None));
        assert_eq!(
            Route::parse("/submit/"),
            Route::Step(WizardStep::Submit, None)
        );
        assert_eq!(
            Route::parse("/status/ab-12"),
            Route::Step(WizardStep::Status, Some("ab-12".to_owned()))
        );
        for unknown in ["/status", "/dids/extra", "/nowhere", "/status/a/b"] {
            assert_eq!(Route::parse(unknown), Route::NotFound, "{unknown}");
        }
    }

    #[test]
    fn the_base_is_the_folder_of_index_html_from_any_route() {
        let cases = [
            ("/", "/"),
            ("/dids", "/"),
            ("/status/abc-123", "/"),
            ("/tools/emergency/", "/tools/emergency/"),
            ("/tools/emergency/identity", "/tools/emergency/"),
            ("/tools/emergency/status/abc", "/tools/emergency/"),
            ("/cdn/v1/index.html", "/cdn/v1/"),
            ("/no-such-page", "/"),
            ("/identity/", "/"),
            ("/tools/emergency/status/abc/", "/tools/emergency/"),
            ("/registrations/", "/"),
            ("/tools/emergency/no-such-page", "/tools/emergency/"),
        ];
        for (pathname, expected) in cases {
            assert_eq!(bundle_base(pathname), expected, "{pathname}");
        }
    }

    #[test]
    fn paths_are_normalized_and_joined_to_the_base() {
        assert_eq!(normalize("dids/"), "/dids");
        assert_eq!(join("/tools/emergency/", "/dids"), "/tools/emergency/dids");
        assert_eq!(join("/", "/dids"), "/dids");
    }
}
