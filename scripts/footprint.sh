#!/usr/bin/env bash
# What a consumer pays for vitest-stress: packed size, installed size, root-import time.
# Usage: bash scripts/footprint.sh [runs]   (packs this checkout; writes nothing in it)
# FOOTPRINT_KEEP=1 keeps the consumer directory (its path is printed) for scripts/import-time.sh.
set -euo pipefail
runs="${1:-15}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d "${TMPDIR:-/tmp}/vs-footprint-XXXXXX")"
if [ -n "${FOOTPRINT_KEEP:-}" ]; then echo "consumer dir:       $dir"; else trap 'rm -rf "$dir"' EXIT; fi
tgz="$(cd "$root" && npm pack --silent --pack-destination "$dir" | tail -n 1)"
cd "$dir"
echo '{ "name": "footprint", "private": true, "type": "module" }' > package.json
vitest_version="$(node -p "require('$root/node_modules/vitest/package.json').version")"
npm install "./$tgz" "vitest@$vitest_version" --prefer-offline --no-audit --no-fund --silent >/dev/null
echo "tarball:            $(du -k "$tgz" | cut -f1) KB"
echo "node_modules:       $(du -sk node_modules | cut -f1) KB, $(find node_modules -name package.json -path '*node_modules/*/package.json' -not -path '*/node_modules/*/node_modules/*/*/package.json' | wc -l) package.json files"
echo "vitest-stress deps: $(node -p "Object.keys(require('./node_modules/vitest-stress/package.json').dependencies ?? {}).join(' ')")"
for pkg in mongodb prom-client @faker-js/faker; do
  [ -d "node_modules/$pkg" ] && echo "installed:          $pkg ($(du -sk "node_modules/$pkg" | cut -f1) KB)" || echo "not installed:      $pkg"
done
times=()
for _ in $(seq "$runs"); do
  times+=("$(node --input-type=module -e "const t0 = performance.now(); await import('vitest-stress'); process.stdout.write((performance.now() - t0).toFixed(1))")")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "root import (ms):   median %s, min %s, max %s over %d runs\n", a[int((NR + 1) / 2)], a[1], a[NR], NR }'
# The root must not need faker (vitest-stress/data does): hide it and import the root again.
if [ -d node_modules/@faker-js/faker ]; then
  mv node_modules/@faker-js/faker node_modules/@faker-js/faker.hidden
  if node --input-type=module -e "await import('vitest-stress')" 2>/dev/null; then echo "root without faker: imports"; else echo "root without faker: FAILS"; fi
  mv node_modules/@faker-js/faker.hidden node_modules/@faker-js/faker
fi
