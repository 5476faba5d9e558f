//! `didww-sim`: the DIDWW simulator as a local HTTP server, for browser and end-to-end tests.
//!
//! ```text
//! didww-sim [--listen ADDR] [--api-key KEY] [--review-delay-ms N] [--account guide|large]
//!           [--rate-limit N]
//! ```
//!
//! Each flag falls back to an environment variable (`DIDWW_SIM_LISTEN`, `DIDWW_SIM_API_KEY`,
//! `DIDWW_SIM_REVIEW_DELAY_MS`, `DIDWW_SIM_ACCOUNT`, `DIDWW_SIM_RATE_LIMIT`), then to a
//! default (`127.0.0.1:8787`, any key, 4000 ms, the guide account, no rate limit). A rate
//! limit of `0` or `off` also means none.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// The simulator server needs sockets and threads; the browser build has neither.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::net::TcpListener;
    use std::process::ExitCode;

    use didww_emergency::sandbox::server::{serve, ServerConfig, DEFAULT_LISTEN};
    use didww_emergency::sandbox::Account;

    const USAGE: &str = "usage: didww-sim [--listen ADDR] [--api-key KEY] [--review-delay-ms N]\n\
        \x20                [--account guide|large] [--rate-limit N]\n\
        environment: DIDWW_SIM_LISTEN, DIDWW_SIM_API_KEY, DIDWW_SIM_REVIEW_DELAY_MS,\n\
        \x20            DIDWW_SIM_ACCOUNT, DIDWW_SIM_RATE_LIMIT";

    /// Settings read from flags and the environment.
    #[derive(Debug, PartialEq, Eq)]
    struct Settings {
        listen: String,
        config: ServerConfig,
    }

    pub(super) fn main() -> ExitCode {
        let arguments: Vec<String> = std::env::args().skip(1).collect();
        let settings = match settings(&arguments, |name| std::env::var(name).ok()) {
            Ok(Some(settings)) => settings,
            Ok(None) => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Err(message) => {
                eprintln!("didww-sim: {message}\n{USAGE}");
                return ExitCode::from(2);
            }
        };

        let listener = match TcpListener::bind(&settings.listen) {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("didww-sim: cannot listen on {}: {error}", settings.listen);
                return ExitCode::FAILURE;
            }
        };
        match listener.local_addr() {
            Ok(address) => println!("didww-sim listening on http://{address}"),
            Err(_) => println!("didww-sim listening on http://{}", settings.listen),
        }
        // Stdout's first line is the address, which test harnesses parse; the rest goes to
        // stderr with the request log.
        let limit = match settings.config.rate_limit {
            Some(limit) => format!("at most {limit} requests per second per API key"),
            None => "no rate limit".to_owned(),
        };
        eprintln!(
            "didww-sim: {} account, {limit}",
            settings.config.account.as_str()
        );
        if let Err(error) = serve(listener, settings.config) {
            eprintln!("didww-sim: {error}");
            return ExitCode::FAILURE;
        }
        ExitCode::SUCCESS
    }

    /// Reads flags, falling back to the environment; `Ok(None)` means help was asked for.
    fn settings(
        arguments: &[String],
        environment: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<Settings>, String> {
        let mut listen = environment("DIDWW_SIM_LISTEN");
        let mut api_key = environment("DIDWW_SIM_API_KEY");
        let mut delay = environment("DIDWW_SIM_REVIEW_DELAY_MS");
        let mut account = environment("DIDWW_SIM_ACCOUNT");
        let mut rate_limit = environment("DIDWW_SIM_RATE_LIMIT");
        let mut remaining = arguments.iter();
        while let Some(flag) = remaining.next() {
            let slot = match flag.as_str() {
                "--help" | "-h" => return Ok(None),
                "--listen" => &mut listen,
                "--api-key" => &mut api_key,
                "--review-delay-ms" => &mut delay,
                "--account" => &mut account,
                "--rate-limit" => &mut rate_limit,
                other => return Err(format!("unknown argument {other}")),
            };
            let value = remaining
                .next()
                .ok_or_else(|| format!("{flag} needs a value"))?;
            *slot = Some(value.clone());
        }
        let mut config = ServerConfig {
            api_key: api_key.filter(|key| !key.is_empty()),
            ..ServerConfig::default()
        };
        if let Some(delay) = delay {
            config.review_delay_ms = delay
                .parse()
                .map_err(|_| format!("review delay {delay} is not a whole number of ms"))?;
        }
        if let Some(account) = account {
            config.account = Account::parse(&account)
                .ok_or_else(|| format!("account {account} is neither guide nor large"))?;
        }
        if let Some(limit) = rate_limit {
            config.rate_limit = match limit.trim() {
                "off" | "0" => None,
                number => Some(number.parse().map_err(|_| {
                    format!("rate limit {limit} is not a whole number of requests per second")
                })?),
            };
        }
        Ok(Some(Settings {
            listen: listen.unwrap_or_else(|| DEFAULT_LISTEN.to_owned()),
            config,
        }))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn read(
            arguments: &[&str],
            environment: &[(&str, &str)],
        ) -> Result<Option<Settings>, String> {
            let arguments: Vec<String> = arguments
                .iter()
                .map(|argument| argument.to_string())
                .collect();
            let lookup = |name: &str| {
                environment
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.to_string())
            };
            settings(&arguments, lookup)
        }

        #[test]
        fn flags_override_the_environment_which_overrides_the_defaults() {
            let defaults = read(&[], &[]).expect("valid").expect("not help");
            assert_eq!(defaults.listen, "127.0.0.1:8787");
            assert_eq!(defaults.config, ServerConfig::default());

            let environment = [
                ("DIDWW_SIM_LISTEN", "127.0.0.1:9000"),
                ("DIDWW_SIM_API_KEY", "env-key"),
            ];
            let from_environment = read(&[], &environment).expect("valid").expect("not help");
            assert_eq!(from_environment.listen, "127.0.0.1:9000");
            assert_eq!(from_environment.config.api_key.as_deref(), Some("env-key"));

            let flags = [
                "--listen",
                "127.0.0.1:0",
                "--api-key",
                "flag-key",
                "--review-delay-ms",
                "10",
            ];
            let from_flags = read(&flags, &environment)
                .expect("valid")
                .expect("not help");
            assert_eq!(from_flags.listen, "127.0.0.1:0");
            assert_eq!(from_flags.config.api_key.as_deref(), Some("flag-key"));
            assert_eq!(from_flags.config.review_delay_ms, 10);
        }

        #[test]
        fn the_account_and_the_rate_limit_come_from_flags_or_the_environment() {
            let defaults = read(&[], &[]).expect("valid").expect("not help");
            assert_eq!(defaults.config.account, Account::Guide);
            assert_eq!(defaults.config.rate_limit, None);

            let environment = [
                ("DIDWW_SIM_ACCOUNT", "large"),
                ("DIDWW_SIM_RATE_LIMIT", "20"),
            ];
            let from_environment = read(&[], &environment).expect("valid").expect("not help");
            assert_eq!(from_environment.config.account, Account::Large);
            assert_eq!(from_environment.config.rate_limit, Some(20));

            let flags = ["--account", "guide", "--rate-limit", "off"];
            let from_flags = read(&flags, &environment)
                .expect("valid")
                .expect("not help");
            assert_eq!(from_flags.config.account, Account::Guide);
            assert_eq!(from_flags.config.rate_limit, None);
            let zero = read(&["--rate-limit", "0"], &[])
                .expect("valid")
                .expect("not help");
            assert_eq!(zero.config.rate_limit, None);
        }

        #[test]
        fn bad_arguments_are_reported_and_help_is_recognised() {
            assert!(read(&["--port", "1"], &[]).is_err());
            assert!(read(&["--listen"], &[]).is_err());
            assert!(read(&["--review-delay-ms", "soon"], &[]).is_err());
            assert!(read(&["--account", "huge"], &[]).is_err());
            assert!(read(&["--rate-limit", "fast"], &[]).is_err());
            assert_eq!(read(&["--help"], &[]), Ok(None));
        }
    }
}
