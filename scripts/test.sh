#!/usr/bin/env bash
# Builds (if needed) and runs every test: unit, golden and accuracy (../shared/eval).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
# Tests labelled 'pending' are known gaps (see tests/CMakeLists.txt); run them with
# ctest --test-dir build -L pending.
ctest --test-dir build --output-on-failure -j2 -LE pending
