#!/usr/bin/env bash
# Builds the page into dist/ (release, wasm-opt -Oz, never downloading).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cargo fetch --locked --quiet
trunk build --release --offline
