#!/usr/bin/env bash
# Builds the jar and the test classes (offline first, then online), then runs one harness class of
# io.idcardstream.bench on the test class path:   bench/java-harness.sh ClassName [options...]
# The harnesses run the worker as `java -jar target/idcard-stream.jar run` child processes.
set -euo pipefail
cd "$(dirname "$0")/.."
build() { mvn -B -q -o "$@" >&2 || mvn -B -q "$@" >&2; }
build -DskipTests package
build test-compile
build dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
harness="$1"
shift
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  "io.idcardstream.bench.$harness" "$@"
