#!/usr/bin/env bash
# Installs what the toolkit needs from Debian (GSL and pkg-config) when it is missing.
# Uses apt-get directly as root, sudo otherwise, and says plainly what to do when neither works.
set -euo pipefail

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
