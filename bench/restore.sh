#!/usr/bin/env bash
# How long the worker's state takes to come back (issue 15; results go into BENCHMARKS.md).
#
#   bench/restore.sh [--ledger-mib 1024] [--out target/restore-bench]
#
# Starts an in-JVM KRaft broker, fills the idempotency ledger's changelog with --ledger-mib of real ledger
# entries, then times real `java -jar target/idcard-stream.jar run` processes until /readyz answers: a cold start
# on an empty state directory, a restart on its own, and one of two workers leaving without and with
# num.standby.replicas=1. Needs about 3 x --ledger-mib of free disk under --out. About 10 minutes at 1 GiB.
exec "$(dirname "$0")/java-harness.sh" RestoreBenchmark "$@"
