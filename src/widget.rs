//! The `<didww-emergency>` custom element's Rust side: read the element's attributes into a
//! configuration layer and mount one independent instance of the wizard into it.
//!
//! `public/widget.js` defines the element: it loads this bundle once per page, gives each
//! element a shadow root with the stylesheet, and calls `mount_widget` for it. Each instance
//! has its own reactive owner, configuration, draft, in-memory router and events, so several
//! can share a page.

pub mod events;

use crate::config::{parse_attributes, Placement};

/// The attribute that names an instance; its settings are saved under that name.
pub const INSTANCE_ATTRIBUTE: &str = "id";

/// The placement of an instance served from `bundle_base` whose element carries
/// `attributes` (name and value pairs).
pub fn placement<'a>(
    bundle_base: &str,
    attributes: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
) -> Placement {
    let (layer, problems) = parse_attributes(attributes.clone());
    // Without a name, two instances could not keep their settings apart: keep them in memory.
    let storage_scope = attributes
        .into_iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(INSTANCE_ATTRIBUTE))
        .map(|(_, value)| value.trim())
        .filter(|value| !value.is_empty())
        .map(|value| format!(".widget.{value}"));
    let mut bundle_base = bundle_base.trim().to_owned();
    if !bundle_base.ends_with('/') {
        bundle_base.push('/');
    }
    Placement {
        bundle_base,
        attributes: layer,
        attribute_problems: problems,
        storage_scope,
    }
}

#[cfg(target_arch = "wasm32")]
pub use mount::{mount, MountedWidget};

#[cfg(target_arch = "wasm32")]
mod mount {
    //! Mounting into the element, in the browser.

    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;

    use super::events::HostEvents;
    use crate::app::EmbeddedApp;
    use crate::components::AppRoot;

    /// A mounted instance; unmounting (or dropping) it removes the wizard and its listeners.
    #[wasm_bindgen]
    pub struct MountedWidget {
        handle: Option<Box<dyn std::any::Any>>,
    }

    #[wasm_bindgen]
    impl MountedWidget {
        /// Removes the instance, as when its element leaves the page.
        pub fn unmount(&mut self) {
            self.handle.take();
        }
    }

    /// Mounts an instance into `container` (inside `host`'s shadow root), configured from
    /// `host`'s attributes; events go to `host`.
    pub fn mount(
        host: web_sys::HtmlElement,
        container: web_sys::HtmlElement,
        bundle_base: &str,
    ) -> MountedWidget {
        let names: Vec<String> = host
            .get_attribute_names()
            .iter()
            .filter_map(|name| name.as_string())
            .collect();
        let pairs: Vec<(String, String)> = names
            .into_iter()
            .map(|name| {
                let value = host.get_attribute(&name).unwrap_or_default();
                (name, value)
            })
            .collect();
        let placement = super::placement(
            bundle_base,
            pairs
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str())),
        );
        let target: web_sys::EventTarget = host.into();
        // The shadow root: lookups by id and the focused element are read there, since the
        // page's document cannot see inside it.
        let root = container.get_root_node();
        let handle = leptos::mount::mount_to(container, move || {
            HostEvents::provide(Some(target.clone()));
            AppRoot::provide(Some(root.clone()));
            view! { <EmbeddedApp placement=placement.clone() /> }
        });
        MountedWidget {
            handle: Some(Box::new(handle)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_instance_keeps_its_settings_under_its_name() {
        let placement = placement(
            "/tools/emergency",
            [
                ("id", "north"),
                ("api-base-url", "https://proxy.example/v3"),
            ],
        );
        assert_eq!(placement.bundle_base, "/tools/emergency/");
        assert_eq!(placement.storage_scope.as_deref(), Some(".widget.north"));
        assert_eq!(
            placement.attributes.api_base_url.as_deref(),
            Some("https://proxy.example/v3")
        );
        assert!(placement.attribute_problems.is_empty());
    }

    #[test]
    fn an_unnamed_instance_keeps_its_settings_in_memory_and_reports_bad_attributes() {
        let placement = placement("/", [("locale", "not a locale")]);
        assert_eq!(placement.storage_scope, None);
        assert_eq!(placement.attribute_problems.len(), 1);
    }
}
