//! Dates in the configured locale, written by the browser's `Intl`.
//!
//! The wizard's words are English; the locale decides how dates read (`21 Apr 2026, 10:10`
//! for `en-GB`, `21.04.2026, 10:10` for `de-DE`) and is the `lang` of the app's markup.

/// `iso` (an RFC 3339 time) as `locale` writes a date and time, in the user's time zone.
/// `None` outside a browser or for a time the browser cannot read; the caller then keeps its
/// own rendering.
pub fn date_time(iso: &str, locale: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;

        let date = js_sys::Date::new(&JsValue::from_str(iso));
        if date.get_time().is_nan() {
            return None;
        }
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into()).ok()?;
        js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into()).ok()?;
        let locales = js_sys::Array::of1(&JsValue::from_str(locale));
        // Intl refuses a tag it cannot read with an exception; ask it first, catching that.
        intl::canonical_locales(&locales).ok()?;
        let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &options);
        formatter
            .format()
            .call1(&formatter, &date)
            .ok()?
            .as_string()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (iso, locale);
        None
    }
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `Intl.getCanonicalLocales`, with its RangeError returned instead of thrown.
        #[wasm_bindgen(js_namespace = Intl, js_name = getCanonicalLocales, catch)]
        pub(super) fn canonical_locales(locales: &JsValue) -> Result<js_sys::Array, JsValue>;
    }
}
