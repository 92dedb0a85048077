# Shared by scripts/setup, scripts/serve and scripts/test (sourced, not run).
# Puts the project's tools on PATH and defines small helpers.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$REPO/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Versions of the tools (wasm-bindgen-cli's comes from Cargo.lock, see setup).
TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31merror: %s\033[0m\n' "$*" >&2; exit 1; }

# `timed NAME CMD...`: runs CMD, then prints how long it took.
timed() {
  local name="$1" start=$SECONDS
  shift
  "$@"
  local status=$?
  log "$name: $((SECONDS - start)) s"
  return $status
}
