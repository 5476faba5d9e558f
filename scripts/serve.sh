#!/usr/bin/env bash
# Installs what is missing, builds the release bundle and serves it on http://127.0.0.1:8080.
#
# With no config.json the app runs against its built-in demo backend, so nothing needs
# configuring. The bundle is served by nginx with the same configuration as the end-to-end tests
# (SPA fallback, strict Content-Security-Policy). Stop it with Ctrl-C.
#
# Usage: scripts/serve.sh [--port N] [--address ADDR] [--config FILE] [--no-build] [--dev]
#   --port N         port to listen on (env SERVE_PORT, default 8080)
#   --address ADDR   IPv4 address to listen on (env SERVE_ADDRESS, default 127.0.0.1)
#   --config FILE    serve FILE as /config.json, e.g. {"api_base_url": "https://.../v3"}
#   --no-build       serve the existing dist/ as it is
#   --dev            debug build with live reload (`trunk serve`) instead of release + nginx
# Env SERVE_CONNECT_SRC replaces the origins the page may call (CSP connect-src).
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/setup.sh
source "$script_dir/setup.sh"

port="${SERVE_PORT:-8080}"
address="${SERVE_ADDRESS:-127.0.0.1}"
config_file=""
build=1
dev=0
# The page calls its own origin and proxies or simulators on this machine; demo mode makes
# no requests at all. A proxy elsewhere is added with SERVE_CONNECT_SRC (the browser never
# calls DIDWW itself: the proxy does, with the key).
connect_src="${SERVE_CONNECT_SRC:-'self' http://127.0.0.1:* http://localhost:*}"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

while (($# > 0)); do
  case "$1" in
    --port) port="${2:?--port needs a value}"; shift 2 ;;
    --address) address="${2:?--address needs a value}"; shift 2 ;;
    --config) config_file="${2:?--config needs a file}"; shift 2 ;;
    --no-build) build=0; shift ;;
    --dev) dev=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

[[ "$port" =~ ^[0-9]+$ ]] || { echo "--port must be a number, got '$port'" >&2; exit 2; }
if [[ -n "$config_file" && ! -f "$config_file" ]]; then
  echo "--config: no such file: $config_file" >&2
  exit 2
fi

setup_for_serve
cd "$REPO_ROOT"
export TRUNK_SKIP_VERSION_CHECK=true

if ((dev)); then
  [[ -z "$config_file" ]] || echo "note: --config is ignored with --dev" >&2
  # A separate output folder, so that the debug build never replaces the release bundle in dist/.
  exec trunk serve --address "$address" --port "$port" --dist "${CARGO_TARGET_DIR:-target}/dev-dist"
fi

if ((build)); then
  trunk build --release
fi
[[ -f dist/index.html ]] || { echo "dist/index.html is missing: build first" >&2; exit 1; }

# nginx serves a copy in a private temporary folder: rebuilding dist/ then cannot disturb a
# running server, and nginx's workers (user nobody when started as root) can read every file.
work="$(mktemp -d "${TMPDIR:-/tmp}/didww-serve.XXXXXX")"
nginx_pid=""
cleanup() {
  if [[ -n "$nginx_pid" ]] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -TERM "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

chmod 755 "$work"
cp -R dist "$work/site"
if [[ -n "$config_file" ]]; then
  cp "$config_file" "$work/site/config.json"
fi
chmod -R a+rX "$work/site"

# Bash 5.2 would otherwise treat '&' in a replacement as "the matched text".
shopt -u patsub_replacement 2>/dev/null || true
conf="$(<"$script_dir/nginx.conf.template")"
conf="${conf//@PREFIX@/$work}"
conf="${conf//@LISTEN@/$address:$port}"
conf="${conf//@ROOT@/$work/site}"
conf="${conf//@BASE@//}"
conf="${conf//@CONNECT_SRC@/$connect_src}"
printf '%s\n' "$conf" >"$work/nginx.conf"

# -e: nginx opens its default error log before reading the configuration; keep it private too.
nginx -p "$work" -e "$work/error.log" -c "$work/nginx.conf" -t -q
nginx -p "$work" -e "$work/error.log" -c "$work/nginx.conf" &
nginx_pid=$!

backend="demo backend"
[[ -z "$config_file" ]] || backend="config.json from $config_file"
echo "Serving DIDWW Emergency Calling on http://$address:$port ($backend). Ctrl-C stops it."
wait "$nginx_pid"
