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

# Checks that dist/ holds both pages and prints the sizes (raw and `gzip -9`).
check_dist() {
  local f
  for f in dist/index.html dist/crosscheck.html; do
    [[ -s "$f" ]] || { log "$f is missing"; return 1; }
  done
  local wasm=(dist/*_bg.wasm)
  [[ -s "${wasm[0]}" ]] || { log "no .wasm in dist/"; return 1; }
  log "$(basename "${wasm[0]}"): $(wc -c <"${wasm[0]}") bytes, $(gzip -9 -c "${wasm[0]}" | wc -c) gzipped;" \
    "crosscheck.html: $(wc -c <dist/crosscheck.html) bytes, $(gzip -9 -c dist/crosscheck.html | wc -c) gzipped"
}
