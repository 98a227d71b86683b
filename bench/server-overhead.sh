#!/usr/bin/env bash
# IDCardOCR server overhead (issue 4): the official SDK -> serve's HTTP API -> a fixed recogniser, against the
# same recogniser called directly, in one JVM run. Prints the Markdown table of BENCHMARKS.md.
# Usage: bench/server-overhead.sh [calls (default 2000)] [warm-up calls (default 500)]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OFFLINE:+-o} test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
# Server logs (one line per request) go to target/server-overhead.log, as they would go to a log file.
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.idcardstream.server.ServerOverheadBenchmark "$@" 2> target/server-overhead.log
