//! `didww-sim`: the DIDWW simulator as a local HTTP server, for browser and end-to-end tests.
//!
//! ```text
//! didww-sim [--listen ADDR] [--api-key KEY] [--review-delay-ms N]
//! ```
//!
//! Each flag falls back to an environment variable (`DIDWW_SIM_LISTEN`, `DIDWW_SIM_API_KEY`,
//! `DIDWW_SIM_REVIEW_DELAY_MS`), then to a default (`127.0.0.1:8787`, any key, 4000 ms).

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

    const USAGE: &str = "usage: didww-sim [--listen ADDR] [--api-key KEY] [--review-delay-ms N]\n\
        environment: DIDWW_SIM_LISTEN, DIDWW_SIM_API_KEY, DIDWW_SIM_REVIEW_DELAY_MS";

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
        let mut remaining = arguments.iter();
        while let Some(flag) = remaining.next() {
            let slot = match flag.as_str() {
                "--help" | "-h" => return Ok(None),
                "--listen" => &mut listen,
                "--api-key" => &mut api_key,
                "--review-delay-ms" => &mut delay,
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
        fn bad_arguments_are_reported_and_help_is_recognised() {
            assert!(read(&["--port", "1"], &[]).is_err());
            assert!(read(&["--listen"], &[]).is_err());
            assert!(read(&["--review-delay-ms", "soon"], &[]).is_err());
            assert_eq!(read(&["--help"], &[]), Ok(None));
        }
    }
}
