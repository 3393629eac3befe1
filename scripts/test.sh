#!/usr/bin/env bash
# Builds (if needed) and runs every test: unit, golden and accuracy (../shared/eval).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure -j2
