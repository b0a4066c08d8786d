#!/usr/bin/env bash
# Installs what the toolkit needs from Debian (GSL and pkg-config) when it is missing.
# With --browser, also what the browser test needs: chromium and chromium-driver (Debian),
# selenium (pip) and axe-core 4.12's axe.min.js, carried by the axe-playwright-python wheel
# (installed with --no-deps: the test injects the file with Selenium and needs no Playwright).
# Uses apt-get directly as root, sudo otherwise, and says plainly what to do when neither works.
set -euo pipefail

browser=no
for argument in "$@"; do
  case "$argument" in
    --browser) browser=yes ;;
    *) echo "install-deps.sh: unknown option $argument (expected --browser)" >&2; exit 2 ;;
  esac
done

pip_install() {
  python3 -m pip install --quiet "$@" >/dev/null 2>&1 || python3 -m pip install --quiet --break-system-packages "$@" >/dev/null 2>&1
}

if [ "$browser" = yes ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "msc: installing chromium and chromium-driver (for the browser test)..." >&2
    if [ "$(id -u)" -eq 0 ]; then apt_browser=(apt-get); else apt_browser=(sudo -n apt-get); fi
    DEBIAN_FRONTEND=noninteractive "${apt_browser[@]}" update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive "${apt_browser[@]}" install -y -qq chromium chromium-driver >/dev/null
  fi
  python3 -c "import selenium" 2>/dev/null || { echo "msc: installing selenium..." >&2; pip_install selenium; }
  python3 -c "import axe_playwright_python" 2>/dev/null \
    || { echo "msc: installing axe-playwright-python (for axe.min.js)..." >&2; pip_install --no-deps "axe-playwright-python>=0.1.8"; }
  python3 -c "import os, axe_playwright_python as a; p = os.path.join(os.path.dirname(a.__file__), 'axe.min.js'); assert open(p).read(40).startswith('/*! axe v4.12')" \
    || { echo "msc: axe.min.js 4.12 not found after installing axe-playwright-python" >&2; exit 1; }
fi

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gsl; }; then
  need+=(libgsl-dev)
fi
[ ${#need[@]} -eq 0 ] && exit 0

echo "msc: installing ${need[*]} (needed to build against GSL)..." >&2
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  apt_get=(sudo apt-get)
else
  echo "msc: cannot install ${need[*]}: not root and no password-less sudo. Run: sudo apt-get install -y libgsl-dev pkg-config" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "msc: apt-get not found; install GSL (>= 2.6) and pkg-config with your package manager" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq >/dev/null
"${apt_get[@]}" install -y -qq "${need[@]}" >/dev/null
pkg-config --exists gsl || { echo "msc: GSL still not found by pkg-config after installing" >&2; exit 1; }
echo "msc: installed ${need[*]}" >&2
