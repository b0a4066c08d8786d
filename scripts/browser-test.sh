#!/usr/bin/env bash
# The web page in a real browser: headless Chromium driven by Selenium (Tests/Browser/test_page.py).
# Installs chromium, chromium-driver (Debian), selenium and axe-core (pip) when they are missing
# (scripts/install-deps.sh --browser); skips with a clear message only when they cannot be installed here.
set -euo pipefail
server="${1:-.build/debug/msc-server}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

skip() { echo "browser test SKIPPED: $*" >&2; exit 0; }

# The page's script is a file of its own (embedded in the server when it is built): a syntax
# error in it is reported here, with its line, before a browser is started.
if command -v node >/dev/null 2>&1; then
  node --check Sources/MSCServer/Page/Resources/app.js || { echo "browser test: app.js does not parse" >&2; exit 1; }
fi

if [ ! -x "$server" ]; then
  echo "browser test: $server is not built (run: swift build --product msc-server)" >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo); else as_root=(none); fi
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || skip "chromium and chromedriver are missing and apt-get is not available"
  [ "${as_root[0]:-}" = none ] && skip "chromium and chromedriver are missing and installing them needs root (sudo apt-get install chromium chromium-driver)"
fi
# Chromium, chromedriver, selenium and axe-core's axe.min.js (scripts/install-deps.sh --browser).
scripts/install-deps.sh --browser || skip "installing the browser test's tools failed (no network?)"
# Selenium must not reach the internet: no usage statistics, and the chromedriver found here.
export SE_AVOID_STATS=true

exec python3 Tests/Browser/test_page.py --server "$server"
