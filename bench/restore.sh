#!/usr/bin/env bash
# How long the worker's state takes to come back (issue 15; results go into BENCHMARKS.md).
#
#   bench/restore.sh [--ledger-mib 1024] [--out target/restore-bench]
#
# Starts an in-JVM KRaft broker, fills the idempotency ledger's changelog with --ledger-mib of real ledger
# entries, then times real `java -jar target/idcard-stream.jar run` processes until /readyz answers: a cold start
# on an empty state directory, a restart on its own, and one of two workers leaving without and with
# num.standby.replicas=1. Needs about 3 x --ledger-mib of free disk under --out. About 10 minutes at 1 GiB.
set -euo pipefail
cd "$(dirname "$0")/.."
build() { mvn -B -q -o "$@" >&2 || mvn -B -q "$@" >&2; }
build -DskipTests package
build test-compile
build dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.idcardstream.bench.RestoreBenchmark "$@"
