#!/usr/bin/env bash
# Measures the app's size and start-up against a minimal Leptos app, and the requests of one full
# happy path. A measurement, not a test: it prints figures and fails only when something cannot
# be built or run. BENCHMARKS.md shows its output and explains it.
#
#   1. builds two release bundles with the same Trunk, wasm-bindgen, wasm-opt, profile and
#      flags (.cargo/config.toml): the app as shipped (dist/, with its demo module) and the
#      minimal app in tests/size-baseline/ (target/size-baseline/dist/), offline;
#   2. builds the simulator server (cargo build --release --bin didww-sim);
#   3. runs tests/e2e/startup-bench.mjs: sizes (raw, gzip, brotli) and their ratio, time to first
#      render and to an interactive step 1 in headless Chromium for each bundle, and the API
#      requests of one happy path.
#
# Usage: scripts/bench.sh [--runs N] [--json FILE] [--no-build] [--large]
#   --runs N     start-up runs per bundle (default 7); the median and range are reported
#   --json FILE  also write every figure to FILE
#   --no-build   measure the bundles already built
#   --large      also run tests/e2e/bench.mjs, the numbers step on a 10,000-number account
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/setup.sh
source "$script_dir/setup.sh"

runs=7
json=""
build=1
large=0
while (($# > 0)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --json) json="$(realpath -m "$2")"; shift 2 ;;
    --no-build) build=0; shift ;;
    --large) large=1; shift ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "unknown argument '$1'; see scripts/bench.sh --help" >&2
      exit 2
      ;;
  esac
done

setup_for_test
cd "$REPO_ROOT"
export TRUNK_SKIP_VERSION_CHECK=true
target_dir="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
baseline_dir="$REPO_ROOT/tests/size-baseline"
baseline_dist="$target_dir/size-baseline/dist"

# The version of a package in a Cargo.lock.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' "$2"
}

# The comparison is only fair when both apps are built from the same framework and tools.
for package in leptos leptos_router wasm-bindgen; do
  app_version="$(lock_version "$package" Cargo.lock)"
  baseline_version="$(lock_version "$package" "$baseline_dir/Cargo.lock")"
  if [[ "$app_version" != "$baseline_version" ]]; then
    echo "tests/size-baseline/Cargo.lock has $package $baseline_version, the app $app_version:" \
      "copy Cargo.lock to tests/size-baseline/ and build again" >&2
    exit 1
  fi
done

if ((build)); then
  echo "==> the app"
  trunk build --release
  echo "==> the minimal Leptos app"
  (
    cd "$baseline_dir"
    CARGO_TARGET_DIR="$target_dir/size-baseline" CARGO_NET_OFFLINE=true \
      trunk build --release --dist "$baseline_dist"
  )
  echo "==> the simulator server"
  cargo build --release --bin didww-sim
fi

arguments=(--app "$REPO_ROOT/dist" --baseline "$baseline_dist" --runs "$runs")
if [[ -n "$json" ]]; then
  arguments+=(--json "$json")
fi
DIDWW_SIM_BIN="$target_dir/release/didww-sim" node tests/e2e/startup-bench.mjs "${arguments[@]}"

if ((large)); then
  echo
  echo "==> the numbers step on the large account"
  DIDWW_SIM_BIN="$target_dir/release/didww-sim" node tests/e2e/bench.mjs --runs 5
fi
