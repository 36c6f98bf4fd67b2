#!/usr/bin/env bash
# The browser benchmarks in one command: builds the page and the bare Yew page the same way
# (release, wasm-opt -Oz, offline: scripts/build.sh and benches/hello/Trunk.toml), then times
# both in Chromium and the single file in Firefox ESR, printing medians of [runs] (default 15).
# Usage: benches/browser/run.sh [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
scripts/build.sh
(source scripts/setup.sh >/dev/null && cd benches/hello && trunk build)
exec node benches/browser/run.mjs "$@"
