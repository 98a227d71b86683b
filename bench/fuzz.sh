#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of the request deserializer and the API request parser, each for DURATION.
#   bench/fuzz.sh [DURATION] [TEST]     e.g. bench/fuzz.sh 10m, bench/fuzz.sh 2m ApiRequestParserFuzzTest
# DURATION is Jazzer's (30s, 10m, 1h; default 60s). Findings: crash-* files in the project root and a failed test
# naming the input; copy one into src/test/resources/<package>/<Test>Inputs/<method>/ to replay it in every build.
# The corpus grows in .cifuzz-corpus/ (kept between runs, not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-60s}"
tests=("${2:-ConfluentAvroDeserializerFuzzTest}" "${2:-ApiRequestParserFuzzTest}")
[[ $# -ge 2 ]] && tests=("$2")
# Instrument our code and the parsers it relies on, so coverage guides the fuzzer into Avro and Jackson too.
export JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration"
export JAZZER_INSTRUMENTATION_INCLUDES="io.idcardstream.**:org.apache.avro.**:com.fasterxml.jackson.**"
status=0
for test in "${tests[@]}"; do
  echo "fuzz: $test for $duration"
  # One fuzz test per JVM (Jazzer's rule); -Djazzer.max_duration also reaches the forked test JVM.
  mvn -B -o -q test-compile surefire:test@fuzz-inputs -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="$duration" || status=1
done
exit $status
