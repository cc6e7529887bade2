#!/usr/bin/env bash
# Formats every tracked C++ file in place (the test suite checks the same with --dry-run).
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.cc' '*.h' | xargs clang-format -i
