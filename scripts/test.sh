#!/usr/bin/env bash
# The README's second command: installs what is missing and runs every test tier. Any tier
# that fails, or cannot run, fails the command.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
step() { printf '\n\033[1;32m== %s\033[0m\n' "$*"; }

step "1/5 lints: the tree as cargo fmt writes it; clippy with warnings as errors (no unwrap, expect, indexing or panic in the engine and the page)"
cargo fmt --all --check
cargo clippy --locked -p zipin-core -p zipin-benches -p zipin-cli --all-targets -- -D warnings
cargo clippy --locked -p zipin -p zipin-floor --target wasm32-unknown-unknown --all-targets -- -D warnings

step "2/5 engine, command line and page logic, natively"
cargo test --locked -p zipin-core -p zipin-benches -p zipin-cli
cargo test --locked -p zipin --test logic

step "3/5 components in headless Chromium (wasm-bindgen-test)"
cargo test --locked -p zipin --target wasm32-unknown-unknown

step "4/5 build the page (release, and a debug build for the crash-screen test)"
source scripts/build.sh
trunk build --offline --release false --dist dist-debug

step "5/5 end to end in Chromium (playwright-core) and Firefox ESR (puppeteer-core)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs

step "all tiers passed"
