#!/usr/bin/env bash
# Installs what building, serving and testing the app needs, and skips whatever is already there.
#
# serve.sh and test.sh source this file and call `setup_for_serve` or `setup_for_test`.
# Run it directly (`scripts/setup.sh [serve|test]`, default test) to install without doing more.
# Every ensure_* function checks the installed version first, so a warm run takes a few seconds.
#
# Assumes Debian 12 as root (apt-get), rustup with the toolchain, and Node.js 20 with npm.
# Versions: trunk below; wasm-bindgen-cli from Cargo.lock; wasm-opt from Trunk.toml;
# playwright-core from tests/e2e/package-lock.json.

# When sourced, the caller's shell options stay the caller's; these are set for direct runs only.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
fi

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Every trunk 0.22.x needs a newer rustc than 1.95, the rust-version in Cargo.toml.
TRUNK_VERSION="0.21.14"
# The npm package that carries wasm-opt; its major version must match `wasm_opt` in Trunk.toml.
BINARYEN_NPM_VERSION="132.0.0"
# Debian bookworm's binaryen (108) rewrites the externref table export and the bundle then fails
# at load with `WebAssembly.Table.set(): Argument 1 is invalid for table`.
WASM_OPT_MIN_VERSION=116

setup_log() {
  printf '[setup] %s\n' "$*" >&2
}

setup_die() {
  printf '[setup] error: %s\n' "$*" >&2
  exit 1
}

# Puts cargo-installed tools and nginx (in /usr/sbin, not on every user's PATH) on PATH.
setup_path() {
  local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  case ":$PATH:" in
    *":$cargo_bin:"*) ;;
    *) PATH="$cargo_bin:$PATH" ;;
  esac
  case ":$PATH:" in
    *":/usr/sbin:"*) ;;
    *) PATH="$PATH:/usr/sbin" ;;
  esac
  export PATH
}

# The wasm-bindgen version in Cargo.lock: wasm-bindgen-cli must be exactly this version.
wasm_bindgen_lock_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' \
    "$REPO_ROOT/Cargo.lock"
}

# The value of a `key = "value"` line in Trunk.toml.
trunk_toml_value() {
  sed -n "s/^$1[[:space:]]*=[[:space:]]*\"\\(.*\\)\"[[:space:]]*$/\\1/p" "$REPO_ROOT/Trunk.toml" | head -n 1
}

# The first line of `TOOL --version`, or nothing when TOOL is missing or fails.
tool_version_line() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$1" --version 2>/dev/null | head -n 1 || true
}

# Installs the given Debian packages that are not installed yet.
ensure_apt_packages() {
  local missing=() package
  for package in "$@"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]]; then
      missing+=("$package")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || setup_die "need root (or sudo) to install: ${missing[*]}"
    sudo=(sudo)
  fi
  setup_log "apt-get install ${missing[*]}"
  # One `apt-get update` per run: a fresh machine has no package lists at all.
  if [[ -z "${SETUP_APT_UPDATED:-}" ]]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    SETUP_APT_UPDATED=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null
}

ensure_node() {
  command -v node >/dev/null 2>&1 || setup_die "node is missing (Node.js 20 or newer is needed)"
  command -v npm >/dev/null 2>&1 || setup_die "npm is missing"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  ((major >= 20)) || setup_die "node $(node --version) is too old: the e2e suite needs Node.js 20+"
}

ensure_rust_targets_and_components() {
  command -v rustup >/dev/null 2>&1 || setup_die "rustup is missing"
  if ! rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    setup_log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  local installed
  installed="$(rustup component list --installed)"
  if ! grep -q '^rustfmt' <<<"$installed" || ! grep -q '^clippy' <<<"$installed"; then
    setup_log "rustup component add rustfmt clippy"
    rustup component add rustfmt clippy
  fi
}

ensure_trunk() {
  if [[ "$(tool_version_line trunk)" == "trunk $TRUNK_VERSION" ]]; then
    return 0
  fi
  setup_log "cargo install trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen_cli() {
  local version
  version="$(wasm_bindgen_lock_version)"
  [[ -n "$version" ]] || setup_die "no wasm-bindgen package in Cargo.lock"
  local pinned
  pinned="$(trunk_toml_value wasm_bindgen)"
  [[ "$pinned" == "$version" ]] ||
    setup_die "Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has $version: make them equal"

  # The test runner ships in the same crate, so both binaries are checked.
  if [[ "$(tool_version_line wasm-bindgen)" == "wasm-bindgen $version" &&
    "$(tool_version_line wasm-bindgen-test-runner)" == "wasm-bindgen-test-runner $version" ]]; then
    return 0
  fi
  setup_log "cargo install wasm-bindgen-cli $version (about 2 minutes)"
  # Not --locked: its lock file asks for a webpki-roots version that the registry lacks.
  cargo install wasm-bindgen-cli --version "$version" --force
}

# The major version printed by `wasm-opt --version` ("wasm-opt version 132 (version_132)").
wasm_opt_major() {
  tool_version_line wasm-opt | sed -n 's/^wasm-opt version \([0-9][0-9]*\).*/\1/p'
}

ensure_wasm_opt() {
  local pinned want
  pinned="$(trunk_toml_value wasm_opt)"
  want="${pinned#version_}"
  [[ "$want" == "${BINARYEN_NPM_VERSION%%.*}" ]] ||
    setup_die "Trunk.toml pins wasm_opt = \"$pinned\" but setup.sh installs binaryen $BINARYEN_NPM_VERSION"

  local have
  have="$(wasm_opt_major)"
  if [[ "$have" == "$want" ]]; then
    return 0
  fi
  if [[ -n "$have" ]] && ((have < WASM_OPT_MIN_VERSION)); then
    setup_log "ignoring wasm-opt $have at $(command -v wasm-opt): versions below $WASM_OPT_MIN_VERSION break the bundle"
  fi
  setup_log "npm install -g binaryen@$BINARYEN_NPM_VERSION"
  npm install -g --no-audit --no-fund "binaryen@$BINARYEN_NPM_VERSION"
  hash -r
  have="$(wasm_opt_major)"
  [[ "$have" == "$want" ]] ||
    setup_die "wasm-opt on PATH is '$have' ($(command -v wasm-opt || echo none)), not $want; if it is Debian's binaryen, remove it with 'apt-get remove binaryen'"
}

# Installs tests/e2e/node_modules from the committed lock file when it is missing or stale.
ensure_e2e_node_modules() {
  local dir="$REPO_ROOT/tests/e2e"
  local stamp="$dir/node_modules/.package-lock.sha256"
  local want
  want="$(sha256sum "$dir/package-lock.json" | cut -d ' ' -f 1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  setup_log "npm ci in tests/e2e"
  # playwright-core downloads no browser, but say so anyway: the suite uses Debian's Chromium.
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  printf '%s\n' "$want" >"$stamp"
}

# Runs the given ensure_* functions one after another, holding a lock so that two scripts started
# at once (serve.sh and test.sh, say) never run the same `cargo install` side by side.
setup_run() {
  setup_path
  local lock="${TMPDIR:-/tmp}/didww-emergency-setup.lock"
  local started=$SECONDS step
  exec {SETUP_LOCK_FD}>"$lock"
  if ! flock -n "$SETUP_LOCK_FD"; then
    setup_log "waiting for another setup run to finish"
    flock "$SETUP_LOCK_FD"
  fi
  for step in "$@"; do
    "$step"
  done
  exec {SETUP_LOCK_FD}>&-
  setup_log "tools ready in $((SECONDS - started)) s"
}

# What serve.sh needs: the release build tools and nginx.
setup_for_serve() {
  setup_run \
    ensure_node \
    ensure_rust_targets_and_components \
    setup_apt_for_serve \
    ensure_wasm_opt \
    ensure_wasm_bindgen_cli \
    ensure_trunk
}

# What test.sh needs: the above, plus Chromium and its driver and the e2e npm packages.
setup_for_test() {
  setup_run \
    ensure_node \
    ensure_rust_targets_and_components \
    setup_apt_for_test \
    ensure_wasm_opt \
    ensure_e2e_node_modules \
    ensure_wasm_bindgen_cli \
    ensure_trunk
}

setup_apt_for_serve() {
  ensure_apt_packages nginx
}

setup_apt_for_test() {
  ensure_apt_packages nginx chromium chromium-driver
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  case "${1:-test}" in
    serve) setup_for_serve ;;
    test) setup_for_test ;;
    *)
      echo "usage: $0 [serve|test]" >&2
      exit 2
      ;;
  esac
fi
