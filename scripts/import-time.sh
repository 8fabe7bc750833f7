#!/usr/bin/env bash
# Root-import time of two consumer installs (from FOOTPRINT_KEEP=1 scripts/footprint.sh),
# measured alternately so that both see the same machine load.
# Usage: bash scripts/import-time.sh <dir-a> <dir-b> [runs]
set -euo pipefail
a="$1"; b="$2"; runs="${3:-30}"
once() { (cd "$1" && node --input-type=module -e "const t0 = performance.now(); await import('vitest-stress'); process.stdout.write((performance.now() - t0).toFixed(1))"); }
ta=(); tb=()
for _ in $(seq "$runs"); do ta+=("$(once "$a")"); tb+=("$(once "$b")"); done
stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "median %s ms (min %s, max %s, %d runs)", v[int((NR + 1) / 2)], v[1], v[NR], NR }'; }
echo "a: $(stats "${ta[@]}")  $a"
echo "b: $(stats "${tb[@]}")  $b"
