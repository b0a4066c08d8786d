#!/usr/bin/env bash
# The toolkit's main job on the shipped defaults: what `make run` shows a new user.
set -euo pipefail
msc="$1"
echo "== 1. What one Modern Slavery Coordinator post costs a year (the Acting Local figure, £57,533)"
echo "\$ msc cost --operational-budget 0"
"$msc" cost --operational-budget 0
echo
echo "== 2. Today's 9 posts, a coordinator in every authority, and one post per county area shared by the county and its districts"
echo "\$ msc compare Scenarios/status-quo.yaml Scenarios/national-rollout.yaml Scenarios/county-shared.yaml --runs 10000"
"$msc" compare Scenarios/status-quo.yaml Scenarios/national-rollout.yaml Scenarios/county-shared.yaml --runs 10000
echo
echo "Next: msc run Scenarios/national-rollout.yaml --deterministic (central case and switching values),"
echo "      msc share Scenarios/county-shared.yaml --area Kent, msc funding Scenarios/local-mix.yaml, msc assumptions."
