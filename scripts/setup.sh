#!/usr/bin/env bash
# Installs what warta needs on Debian 12, builds it, and codes the example articles.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  g++ cmake ninja-build pkg-config python3 \
  libicu-dev libsimdjson-dev libfmt-dev libcli11-dev libgtest-dev >/dev/null
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
echo "== examples/article.id.txt (Indonesian)"
build/warta code --lang id --date 2024-03-14 examples/article.id.txt
echo "== examples/article.en.txt (English)"
build/warta code --lang en --date 2024-03-14 examples/article.en.txt
