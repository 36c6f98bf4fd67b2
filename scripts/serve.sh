#!/usr/bin/env bash
# The README's first command: installs what is missing, builds the page, and serves it on
# http://127.0.0.1:8080 (rebuilding on change).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
echo
echo "zipin: http://127.0.0.1:8080/"
echo "offline single file (open from disk, or give to a colleague): $PWD/dist/zipin.html"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
