#!/usr/bin/env bash
# The engine benchmark of issue 3 (results go into BENCHMARKS.md, section "Local engine (issue 3)").
#
#   bench/engine-bench.sh [--count N] [--seed S] [--with-hard] [--engines local,local-1t,tesseract] [--keep DIR]
#
# 1. checks the prerequisites and names any missing Debian package;
# 2. generates N (default 200) readable synthetic cards with seed S (default 2026, not the fixtures' seed 3, so the
#    engine is measured on cards it was not tuned on) into a temporary folder (or DIR with --keep); --with-hard
#    adds the deliberately unreadable variant, reported as a separate set;
# 3. runs each engine warm, one call at a time, on the dev set (../shared/datasets/idcards-dev) and on the
#    synthetic set: the local engine in-process (JVM with -Xmx256m) with its defaults (2 threads per recognition)
#    and, as the baseline, with 1 thread (local-1t), Tesseract 5 chi_sim through the engine's field
#    extractor;
# 4. prints the Markdown tables and writes them to target/bench/engine-bench.md.
# Quiet the machine first: timings on the shared 2-core box swing by ±30% under load.
set -euo pipefail
cd "$(dirname "$0")/.."

count=200
seed=2026
engines=local,local-1t,tesseract
keep=""
hard=()
while (( $# )); do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --engines) engines="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --with-hard) hard=(--with-hard); shift ;;
    *) echo "engine-bench: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

missing=()
[[ -r /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]] || missing+=(fonts-wqy-zenhei)
[[ -r /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || missing+=(fonts-dejavu-core)
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
compgen -G "/usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata" >/dev/null || missing+=(tesseract-ocr-chi-sim)
[[ -x /usr/bin/time ]] || missing+=(time)
if (( ${#missing[@]} )); then
  echo "engine-bench: missing Debian package(s): ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 2
fi
if [[ ! -r ../shared/datasets/idcards-dev/labels.json ]]; then
  echo "engine-bench: the dev set ../shared/datasets/idcards-dev/labels.json is missing" >&2
  exit 2
fi

if [[ -n "$keep" ]]; then
  cards="$keep"
else
  cards="$(mktemp -d)"
  trap 'rm -rf "$cards"' EXIT
fi
bench/generate-synthetic.sh --count "$count" --seed "$seed" "${hard[@]}" --out "$cards" >&2

exec java -Xmx256m -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.idcardstream.engine.bench.EngineBenchmark --synthetic "$cards" --engines "$engines"
