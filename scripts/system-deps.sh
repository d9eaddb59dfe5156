#!/usr/bin/env bash
# Installs what the tests need from Debian's packages when it is missing: a PostgreSQL server
# (the store is tested on a real one), Chromium (the web UI is tested in a real browser) and
# GDAL's command-line tools (the GeoJSON export is read back with ogrinfo, as a GIS reads it).
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
[ ${#need[@]} -eq 0 ] && exit 0

run=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "system-deps: need root (or sudo) to install: ${need[*]}" >&2; exit 1; }
  run=(sudo)
fi
echo "system-deps: installing ${need[*]} from Debian's packages" >&2
"${run[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
