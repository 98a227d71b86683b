#!/usr/bin/env bash
# The accuracy run of issue 10: the local engine reads every side of every image of each labelled set through its
# public API (as `recognize IMAGE --side X` does), and each field is scored against the labels.
#
#   bench/accuracy.sh [--sets dev,dev2,easy,hard] [--easy-count N] [--hard-count N] [--keep DIR]
#                     [--set NAME=DIR ...] [--min-percent SET=P ...]
#
# 1. checks the prerequisites and names any missing Debian package;
# 2. generates the synthetic sets into a temporary folder (or DIR with --keep): easy = the readable --count cycle,
#    120 images of seed 2026; hard = the hard set, 140 images of seed 2027 (neither seed was tuned on);
# 3. runs the engine in-process (JVM with -Xmx512m), one call at a time, on dev (../shared/datasets/idcards-dev),
#    dev2 (../shared/datasets/idcards-dev2), easy, hard and any --set NAME=DIR;
# 4. prints one summary line per set and writes target/bench/accuracy.md (tables per capture condition, per field,
#    confidence calibration, misses by file, side, field and cause; never a field's value).
# Exits 0 (a measurement); each --min-percent SET=P turns it into a gate on SET's exact fields.
set -euo pipefail
cd "$(dirname "$0")/.."

sets=dev,dev2,easy,hard
easy_count=120
hard_count=140
keep=""
extra=()
while (( $# )); do
  case "$1" in
    --sets) sets="$2"; shift 2 ;;
    --easy-count) easy_count="$2"; shift 2 ;;
    --hard-count) hard_count="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --set|--min-percent) extra+=("$1" "$2"); shift 2 ;;
    *) echo "accuracy: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

missing=()
[[ -r /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]] || missing+=(fonts-wqy-zenhei)
[[ -r /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || missing+=(fonts-dejavu-core)
if (( ${#missing[@]} )); then
  echo "accuracy: missing Debian package(s): ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 2
fi
for set in dev dev2; do
  if [[ ",$sets," == *",$set,"* && ! -r ../shared/datasets/idcards-$set/labels.json ]]; then
    echo "accuracy: the $set set ../shared/datasets/idcards-$set/labels.json is missing" >&2
    exit 2
  fi
done

if [[ -n "$keep" ]]; then
  cards="$keep"
else
  cards="$(mktemp -d)"
  trap 'rm -rf "$cards"' EXIT
fi
# Maven's own output goes to stderr so stdout carries only the summary lines.
build() { mvn -B -q -o "$@" >&2 || mvn -B -q "$@" >&2; }
build test-compile
build dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
if [[ ",$sets," == *",easy,"* ]]; then
  bench/generate-synthetic.sh --count "$easy_count" --seed 2026 --out "$cards/easy" >&2
  extra+=(--set "easy=$cards/easy")
fi
if [[ ",$sets," == *",hard,"* ]]; then
  bench/generate-synthetic.sh --hard-set --count "$hard_count" --seed 2027 --out "$cards/hard" >&2
  extra+=(--set "hard=$cards/hard")
fi

java -Xmx512m -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.idcardstream.engine.bench.AccuracyBenchmark --sets "$sets" "${extra[@]}"
