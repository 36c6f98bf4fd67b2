#!/usr/bin/env bash
# The README's second command: installs what is missing and runs every test tier. Any tier
# that fails, or cannot run, fails the command.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
step() { printf '\n\033[1;32m== %s\033[0m\n' "$*"; }

step "1/4 engine and page logic, natively"
cargo test --locked -p zipin-core

step "2/4 components in headless Chromium (wasm-bindgen-test)"
cargo test --locked -p zipin --target wasm32-unknown-unknown

step "3/4 build the page"
source scripts/build.sh

step "4/4 end to end in Chromium (playwright-core)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs

step "all tiers passed"
