#!/usr/bin/env bash
# Installs what is missing, then runs every check and test suite of the project:
#   fmt          cargo fmt --all -- --check
#   clippy       cargo clippy --all-targets -- -D warnings
#   clippy-wasm  the same for wasm32-unknown-unknown, once as shipped and once with the
#                simulator compiled in (code behind cfg(target_arch = "wasm32"))
#   test-host    cargo test (native unit and integration tests)
#   test-wasm    cargo test --target wasm32-unknown-unknown --features simulator (headless
#                Chromium via chromedriver; demo mode runs the simulator in-process there)
#   build        trunk build --release (writes dist/)
#   e2e          cargo build --bin didww-sim, then tests/e2e with node --test against dist/
#
# Usage: scripts/test.sh [PHASE...]   (default: all phases, in the order above)
# Every phase runs even when an earlier one fails, except e2e after a failed build. Logs go to
# target/test-logs/. The script exits non-zero if anything failed, and its last line is
# "N passed, N failed": test cases counted from cargo's "test result:" lines and from the e2e
# runner, plus one per check phase (fmt, clippy, build), plus one failure for a test phase that
# failed without reporting any test (a compile error, say).
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/setup.sh
source "$script_dir/setup.sh"

all_phases=(fmt clippy clippy-wasm test-host test-wasm build e2e)
phases=("$@")
if ((${#phases[@]} == 0)); then
  phases=("${all_phases[@]}")
fi
for phase in "${phases[@]}"; do
  if [[ "$phase" == "-h" || "$phase" == "--help" ]]; then
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
    exit 0
  fi
  if [[ " ${all_phases[*]} " != *" $phase "* ]]; then
    echo "unknown phase '$phase'; phases: ${all_phases[*]}" >&2
    exit 2
  fi
done

target_dir="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
log_dir="$target_dir/test-logs"
total_passed=0
total_failed=0
timing_rows=()
failed_phases=()
declare -A phase_status=()

export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# The runner's default of 20 s is short for a cold Chromium on 2 busy cores.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

# Prints "passed failed" summed over the `test result:` lines of a cargo or wasm-bindgen log.
count_cargo_results() {
  awk '/^test result:/ {
      for (i = 2; i <= NF; i++) {
        if ($i == "passed;") passed += $(i - 1)
        if ($i == "failed;") failed += $(i - 1)
      }
    }
    END { printf "%d %d\n", passed, failed }' "$1"
}

# Prints "passed failed" from the summary of node's TAP reporter.
count_tap_results() {
  [[ -f "$1" ]] || { echo "0 0"; return; }
  awk '/^# pass / { passed = $3 } /^# fail / { failed = $3 } END { printf "%d %d\n", passed, failed }' "$1"
}

record() {
  local phase=$1 result=$2 seconds=$3
  phase_status[$phase]=$result
  timing_rows+=("$(printf '%-12s %-8s %5d s' "$phase" "$result" "$seconds")")
  if [[ "$result" == "failed" ]]; then
    failed_phases+=("$phase")
  fi
}

# run_phase NAME KIND COMMAND...: runs COMMAND with its output shown and kept in a log, then
# adds its results to the totals. KIND is "check" (counts as one test), "cargo" or "e2e".
run_phase() {
  local phase=$1 kind=$2
  shift 2
  local log="$log_dir/$phase.log" started=$SECONDS status=0 passed=0 failed=0
  printf '\n==> %s: %s\n' "$phase" "$*"
  set +e
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e

  case "$kind" in
    check)
      if ((status == 0)); then passed=1; else failed=1; fi
      ;;
    cargo)
      read -r passed failed < <(count_cargo_results "$log")
      ;;
    e2e)
      read -r passed failed < <(count_tap_results "$log_dir/e2e.tap")
      ;;
  esac
  if ((status != 0 && failed == 0)); then
    failed=1
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  if ((status == 0)); then
    record "$phase" ok $((SECONDS - started))
  else
    record "$phase" failed $((SECONDS - started))
  fi
}

run_e2e() {
  cargo build --bin didww-sim
  rm -f "$log_dir/e2e.tap"
  (
    cd "$REPO_ROOT/tests/e2e"
    DIDWW_SIM_BIN="${DIDWW_SIM_BIN:-$target_dir/debug/didww-sim}" \
      E2E_DIST="${E2E_DIST:-$REPO_ROOT/dist}" \
      node --test --test-concurrency=1 \
      --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$log_dir/e2e.tap" \
      ./*.test.mjs
  )
}

selected() {
  [[ " ${phases[*]} " == *" $1 "* ]]
}

started_all=$SECONDS
setup_for_test
record setup ok $((SECONDS - started_all))
cd "$REPO_ROOT"
mkdir -p "$log_dir"

if selected fmt; then
  run_phase fmt check cargo fmt --all -- --check
fi
if selected clippy; then
  run_phase clippy check cargo clippy --all-targets -- -D warnings
fi
# Both browser builds: the shipped one, whose demo mode loads the simulator as a module of its
# own, and the one with the simulator compiled in (that module itself, and the browser tests,
# which need it).
clippy_wasm() {
  cargo clippy --lib --bins --target wasm32-unknown-unknown -- -D warnings &&
    cargo clippy --all-targets --target wasm32-unknown-unknown --features simulator -- -D warnings
}

if selected clippy-wasm; then
  run_phase clippy-wasm check clippy_wasm
fi
if selected test-host; then
  run_phase test-host cargo cargo test --no-fail-fast
fi
if selected test-wasm; then
  run_phase test-wasm cargo cargo test --no-fail-fast --target wasm32-unknown-unknown \
    --features simulator
fi
if selected build; then
  run_phase build check trunk build --release
fi
if selected e2e; then
  if [[ "${phase_status[build]:-}" == "failed" ]]; then
    echo "==> e2e: skipped, the release build failed"
    record e2e skipped 0
  else
    run_phase e2e e2e run_e2e
  fi
fi

echo
echo "Timing (logs in ${log_dir#"$REPO_ROOT"/}/):"
printf '  %s\n' "${timing_rows[@]}"
printf '  %-12s %-8s %5d s\n' total "" $((SECONDS - started_all))
if ((${#failed_phases[@]} > 0)); then
  echo "Failed phases: ${failed_phases[*]}"
fi
echo "$total_passed passed, $total_failed failed"
if ((${#failed_phases[@]} > 0 || total_failed > 0)); then
  exit 1
fi
