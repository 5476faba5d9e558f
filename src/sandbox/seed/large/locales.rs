//! How the large account's customers look in each country: names, companies, streets, phone
//! numbers and postal codes.

use super::places::{numbers, Numbering, Place, Postal};
use crate::sandbox::random::Random;

/// How people, companies and streets are named in a country.
pub(super) struct Locale {
    pub iso: &'static str,
    /// The country's share of the identities, relative to the others.
    pub weight: usize,
    pub first_names: &'static [&'static str],
    pub last_names: &'static [&'static str],
    pub company_suffix: &'static str,
    pub streets: &'static [&'static str],
    /// Whether the house number comes before the street ("10 Main Street").
    pub number_first: bool,
    pub postal: PostalFormat,
    /// Whether companies there have an EU-style VAT number.
    pub vat: bool,
    /// How people's phone numbers look: mobile numbers, except in North America, where
    /// mobiles have area codes like any other number.
    pub phone: Numbering,
}

/// How a country writes a postal code from a number in a [`Postal::Range`].
#[derive(Debug, Clone, Copy)]
pub(super) enum PostalFormat {
    /// Zero-padded to this many digits (ZIP codes, Germany, France, Lithuania…).
    Digits(usize),
    /// `111 20` (Sweden).
    Swedish,
    /// `1011 AB` (Netherlands).
    Dutch,
    /// `00-950` (Poland).
    Polish,
    /// `SW1A 2AA` (United Kingdom).
    British,
    /// `M5V 2T6` (Canada).
    Canadian,
}

/// Seven-digit North American subscriber numbers, which never start with 0 or 1.
const NANP: (u64, u64) = (2_000_000, 10_000_000);

const ENGLISH_FIRST: &[&str] = &[
    "James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda", "Daniel",
    "Sarah",
];
const ENGLISH_LAST: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Clark",
    "Walker",
];
const ENGLISH_STREETS: &[&str] = &[
    "Main Street",
    "Oak Avenue",
    "Park Avenue",
    "Maple Drive",
    "Washington Street",
    "Lake Shore Drive",
    "Cedar Lane",
    "Elm Street",
];

#[rustfmt::skip]
pub(super) const LOCALES: &[Locale] = &[
    Locale {
        iso: "US", weight: 34, first_names: ENGLISH_FIRST, last_names: ENGLISH_LAST,
        company_suffix: "Inc", streets: ENGLISH_STREETS, number_first: true,
        postal: PostalFormat::Digits(5), vat: false,
        phone: numbers("917", NANP, 7),
    },
    Locale {
        iso: "GB", weight: 14,
        first_names: &["Oliver", "Amelia", "George", "Isla", "Harry", "Emily", "Jack", "Sophie"],
        last_names: &["Evans", "Thomas", "Roberts", "Wright", "Hughes", "Green", "Hall", "Wood"],
        company_suffix: "Ltd",
        streets: &["High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane"],
        number_first: true, postal: PostalFormat::British, vat: true,
        phone: numbers("7", (400_000_000, 1_000_000_000), 9),
    },
    Locale {
        iso: "DE", weight: 16,
        first_names: &["Lukas", "Anna", "Felix", "Marie", "Jonas", "Lea", "Paul", "Sophie"],
        last_names: &["Müller", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker"],
        company_suffix: "GmbH",
        streets: &["Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Lindenweg"],
        number_first: false, postal: PostalFormat::Digits(5), vat: true,
        phone: numbers("171", (1_000_000, 10_000_000), 7),
    },
    Locale {
        iso: "FR", weight: 6,
        first_names: &["Lucas", "Emma", "Hugo", "Chloé", "Louis", "Léa", "Jules", "Manon"],
        last_names: &["Martin", "Bernard", "Dubois", "Durand", "Moreau", "Laurent", "Girard"],
        company_suffix: "SAS",
        streets: &["rue de la République", "avenue Victor Hugo", "rue Pasteur", "rue du Moulin"],
        number_first: true, postal: PostalFormat::Digits(5), vat: true,
        phone: numbers("6", (10_000_000, 100_000_000), 8),
    },
    Locale {
        iso: "NL", weight: 7,
        first_names: &["Daan", "Emma", "Sem", "Julia", "Lucas", "Tess", "Finn", "Sanne"],
        last_names: &["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser"],
        company_suffix: "B.V.",
        streets: &["Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsplein", "Prinsengracht"],
        number_first: false, postal: PostalFormat::Dutch, vat: true,
        phone: numbers("6", (10_000_000, 100_000_000), 8),
    },
    Locale {
        iso: "LT", weight: 5,
        // Lithuanian surnames change with gender; these first names all take the forms below.
        first_names: &["Jonas", "Lukas", "Mantas", "Tomas", "Darius", "Andrius", "Paulius"],
        last_names: &["Kazlauskas", "Jankauskas", "Petrauskas", "Vasiliauskas", "Butkus"],
        company_suffix: "UAB",
        streets: &["Gedimino pr.", "Konstitucijos pr.", "Savanorių pr.", "Laisvės al."],
        number_first: false, postal: PostalFormat::Digits(5), vat: true,
        phone: numbers("6", (1_000_000, 10_000_000), 7),
    },
    Locale {
        iso: "SE", weight: 4,
        first_names: &["Erik", "Anna", "Lars", "Maria", "Karl", "Elin", "Johan", "Sara"],
        last_names: &["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson"],
        company_suffix: "AB",
        streets: &["Storgatan", "Drottninggatan", "Kungsgatan", "Sveavägen"],
        number_first: false, postal: PostalFormat::Swedish, vat: true,
        phone: numbers("70", (1_000_000, 10_000_000), 7),
    },
    Locale {
        iso: "ES", weight: 4,
        first_names: &["Hugo", "Lucía", "Martín", "Sofía", "Pablo", "María", "Daniel", "Paula"],
        last_names: &["García", "Fernández", "González", "Rodríguez", "López", "Martínez"],
        company_suffix: "S.L.",
        streets: &["Calle Mayor", "Calle de Alcalá", "Gran Vía", "Paseo de Gracia"],
        number_first: false, postal: PostalFormat::Digits(5), vat: true,
        phone: numbers("6", (10_000_000, 100_000_000), 8),
    },
    Locale {
        iso: "IT", weight: 4,
        first_names: &["Leonardo", "Sofia", "Francesco", "Giulia", "Alessandro", "Aurora"],
        last_names: &["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo"],
        company_suffix: "S.r.l.",
        streets: &["Via Roma", "Via Garibaldi", "Corso Italia", "Via Dante"],
        number_first: false, postal: PostalFormat::Digits(5), vat: true,
        phone: numbers("3", (200_000_000, 900_000_000), 9),
    },
    Locale {
        iso: "CA", weight: 3, first_names: ENGLISH_FIRST, last_names: ENGLISH_LAST,
        company_suffix: "Inc.", streets: ENGLISH_STREETS, number_first: true,
        postal: PostalFormat::Canadian, vat: false,
        phone: numbers("647", NANP, 7),
    },
    Locale {
        iso: "PL", weight: 3,
        first_names: &["Jakub", "Zuzanna", "Jan", "Julia", "Antoni", "Maja", "Szymon", "Hanna"],
        // Surnames that keep one form for women and men.
        last_names: &["Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Kaczmarek"],
        company_suffix: "sp. z o.o.",
        streets: &["ul. Marszałkowska", "ul. Długa", "ul. Floriańska", "ul. Polna"],
        number_first: false, postal: PostalFormat::Polish, vat: true,
        phone: numbers("6", (10_000_000, 100_000_000), 8),
    },
];

pub(super) const COMPANY_WORDS: &[&str] = &[
    "Northwind",
    "Bluebird",
    "Harbor",
    "Summit",
    "Evergreen",
    "Crescent",
    "Pioneer",
    "Granite",
    "Riverside",
    "Lighthouse",
];
pub(super) const COMPANY_TRADES: &[&str] = &[
    "Telecom",
    "Logistics",
    "Health",
    "Consulting",
    "Software",
    "Retail",
    "Hotels",
    "Energy",
];
pub(super) const ADDRESS_DESCRIPTIONS: &[&str] =
    &["Head office", "Branch office", "Warehouse", "Home"];

/// A random postal code of `place`, written the way its country does.
pub(super) fn postal_code(place: &Place, format: PostalFormat, random: &mut Random) -> String {
    const LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";
    let letter = |random: &mut Random| char::from(*random.pick(LETTERS));
    match (place.postal, format) {
        (Postal::Outward(outward), PostalFormat::Canadian) => {
            let digit = random.between(0, 10);
            let middle = letter(random);
            format!(
                "{} {digit}{middle}{}",
                random.pick(outward),
                random.between(0, 10)
            )
        }
        (Postal::Outward(outward), _) => {
            let digit = random.between(0, 10);
            let (first, second) = (letter(random), letter(random));
            format!("{} {digit}{first}{second}", random.pick(outward))
        }
        (Postal::Range(low, high), format) => {
            let code = random.between(u64::from(low), u64::from(high));
            match format {
                PostalFormat::Swedish => format!("{} {:02}", code / 100, code % 100),
                PostalFormat::Dutch => format!("{code} {}{}", letter(random), letter(random)),
                PostalFormat::Polish => format!("{:02}-{:03}", code / 1000, code % 1000),
                PostalFormat::Digits(width) => format!("{code:0width$}"),
                PostalFormat::British | PostalFormat::Canadian => code.to_string(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::seed::large::places::place;

    #[test]
    fn postal_codes_follow_each_countrys_shape() {
        let mut random = Random::new(3);
        let cases = [
            ("boston", PostalFormat::Digits(5), 5),
            ("stockholm", PostalFormat::Swedish, 6),
            ("amsterdam", PostalFormat::Dutch, 7),
            ("warsaw", PostalFormat::Polish, 6),
        ];
        for (key, format, length) in cases {
            let code = postal_code(place(key), format, &mut random);
            assert_eq!(code.len(), length, "{key}: {code}");
        }
        let british = postal_code(place("london"), PostalFormat::British, &mut random);
        assert!(british.contains(' ') && british.len() <= 8, "{british}");
        assert!(
            postal_code(place("boston"), PostalFormat::Digits(5), &mut random).starts_with("02")
        );
    }
}
