#!/usr/bin/env bash
# The toolkit's main job on the shipped defaults (what `make run` shows a new user).
set -euo pipefail
msc="$1"
echo "== What one Modern Slavery Coordinator post costs a year (Acting Local, Jan 2025 basis)"
"$msc" cost
