#!/usr/bin/env bash
# The throughput benchmark of issue 6 (results go into BENCHMARKS.md, section "Throughput against the quota").
#
#   bench/throughput.sh [--requests N] [--baseline-requests N] [--quota RPS] [--latency MIN-MAX]
#                       [--load-seconds S] [--scenarios async,blocking,async-2,async-half-load]
#                       (async-N: N worker instances in one group, e.g. async-3,async-5,async-7)
#                       [--worker-settings key=value,key=value]
#
# Starts an embedded KRaft broker, a schema registry and idcard-stream's IDCardOCR server enforcing the quota
# (RequestLimitExceeded above it) in front of a recogniser answering after a random 300-1500 ms; then, for each
# scenario, runs the worker(s) as separate `java -jar target/idcard-stream.jar run` processes against it and
# prints one summary line per design (with the most calls that reached the provider in one wall-clock second).
# Needs only a JDK 17 and Maven. Takes about 10 minutes with the defaults.
exec "$(dirname "$0")/java-harness.sh" ThroughputBenchmark "$@"
