#!/usr/bin/env bash
# The worker's memory under load as the k8s base sizes it (issue 15; results go into BENCHMARKS.md).
#
#   bench/memory.sh [--requests 300] [--limit-mib 1536]
#
# Runs the worker as the image does (-XX:MaxRAMPercentage=50, with -XX:MaxRAM standing in for the container's
# memory limit) with the local engine on an in-JVM broker, sends the bundled sample cards as inline requests and
# prints the peak resident set, heap and non-heap against the limit. About 5 minutes at 300 requests.
exec "$(dirname "$0")/java-harness.sh" MemoryBenchmark "$@"
