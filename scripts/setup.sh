#!/usr/bin/env bash
# Installs what building and testing zipin needs, only what is missing (idempotent), from the
# registries this kind of machine reaches: rustup's wasm32 target, crates.io (trunk,
# wasm-bindgen-cli), Debian (chromium, chromedriver, firefox-esr, a CJK font) and npm (binaryen,
# playwright-core, puppeteer-core).
# Sourced by serve.sh and test.sh; exports PATH and the Trunk settings they use.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_apt+=(fonts-wqy-microhei)
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 10-20 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen library in Cargo.lock exactly, or trunk would
# try to download it. (`--locked` fails here: its lock pins a crate the registry lacks.)
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm ci only when node_modules lacks a package of package-lock.json at its locked version.
npm_current() {
  node -e '
    const locked = require("./package-lock.json").packages;
    const installed = require("./node_modules/.package-lock.json").packages;
    const stale = Object.keys(locked).filter((k) => k && installed[k]?.version !== locked[k].version);
    process.exit(stale.length ? 1 : 0);' 2>/dev/null
}
if ! npm_current; then
  say "installing npm packages (binaryen for wasm-opt, playwright-core, puppeteer-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
