#!/usr/bin/env bash
# Issue 12: precision and recall of every IDCardOCR warning of the local engine (real models), on generated cards
# under every warning's condition (WarningSet: clean, blur, grey and colour copies, screen re-shoots, border cuts,
# fingers, glare, JPEGs re-saved with and without a field pasted in, watermarks, temporary cards, electronic-ID app
# screens; even cards tune, odd cards are held apart) and on every labelled image of both dev sets.
#
#   bench/warnings.sh [--cards N] [--seed S]      (defaults: 24 cards, seed 12; 13 or 14 images per card)
#
# Prints a Markdown section for BENCHMARKS.md ("Warnings (issue 12)"). Needs the Debian packages fonts-wqy-zenhei
# and fonts-dejavu-core, ../shared/datasets/idcards-dev{,2}, a JDK 17 and Maven. About 0.5 s per image on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

cards=24
seed=12
while (( $# )); do
  case "$1" in
    --cards) cards="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "warnings: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

missing=()
[[ -r /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]] || missing+=(fonts-wqy-zenhei)
[[ -r /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || missing+=(fonts-dejavu-core)
if (( ${#missing[@]} )); then
  echo "warnings: missing Debian package(s): ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 2
fi
for set in dev dev2; do
  [[ -r ../shared/datasets/idcards-$set/labels.json ]] || { echo "warnings: ../shared/datasets/idcards-$set is missing" >&2; exit 2; }
done

build() { mvn -B -q -o "$@" >&2 || mvn -B -q "$@" >&2; }
build test-compile
build dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.idcardstream.engine.bench.WarningsBenchmark "$cards" "$seed"
