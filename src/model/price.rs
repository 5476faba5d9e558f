//! Prices as DIDWW sends them: decimal strings, plain numbers or `null`.

use serde_json::Value;

/// A price per number in US dollars, kept as decimal text so no float ever rounds it.
///
/// `None` means DIDWW did not price it for this account ("not available"), which is not zero.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Price(Option<String>);

impl Price {
    /// Reads a price member that may be a string, a number or `null`.
    pub fn from_value(value: Option<&Value>) -> Self {
        let text = match value {
            Some(Value::String(text)) => text.trim().to_owned(),
            // serde_json keeps the number's own digits here; no arithmetic happens.
            Some(Value::Number(number)) => number.to_string(),
            _ => return Self(None),
        };
        if is_decimal(&text) {
            Self(Some(text))
        } else {
            Self(None)
        }
    }

    /// A price from decimal text, for seeds and tests.
    pub fn from_text(text: &str) -> Self {
        Self::from_value(Some(&Value::String(text.to_owned())))
    }

    /// The decimal text as received, when priced.
    pub fn amount(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// The price for display with at least two decimals: `USD 0.50`, or "Not available".
    pub fn display(&self) -> String {
        match &self.0 {
            Some(amount) => format!("USD {}", with_two_decimals(amount)),
            None => "Not available".to_owned(),
        }
    }
}

// Stored drafts keep prices as their decimal text (or null); reading one back checks it again,
// so an edited or corrupt draft can never show a made-up amount.
impl serde::Serialize for Price {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Price {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(|value| Self::from_value(Some(&value)))
    }
}

fn is_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    !whole.is_empty()
        && whole.bytes().all(|byte| byte.is_ascii_digit())
        && fraction.bytes().all(|byte| byte.is_ascii_digit())
        && !(digits.contains('.') && fraction.is_empty())
}

/// Pads the fraction to two digits by string manipulation alone.
fn with_two_decimals(amount: &str) -> String {
    let (whole, fraction) = amount.split_once('.').unwrap_or((amount, ""));
    if fraction.len() >= 2 {
        return amount.to_owned();
    }
    format!("{whole}.{fraction:0<2}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_read_from_strings_numbers_and_null() {
        let cases = [
            (serde_json::json!("0.5"), "USD 0.50"),
            (serde_json::json!("1.0"), "USD 1.00"),
            (serde_json::json!("2.50"), "USD 2.50"),
            (serde_json::json!("0.125"), "USD 0.125"),
            (serde_json::json!(0), "USD 0.00"),
            (serde_json::json!(null), "Not available"),
            (serde_json::json!("free"), "Not available"),
        ];
        for (value, shown) in cases {
            assert_eq!(Price::from_value(Some(&value)).display(), shown, "{value}");
        }
    }

    #[test]
    fn a_missing_price_is_not_zero() {
        assert_eq!(Price::from_value(None).amount(), None);
        assert_eq!(Price::from_text("0").amount(), Some("0"));
    }
}
