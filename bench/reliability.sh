#!/usr/bin/env bash
# The fault suite of issue 11 (results go into RELIABILITY.md).
#
#   bench/reliability.sh [--short] [--scenarios broker-restart,provider-outage,rebalance,kill-9,restart-of-3]
#                        [--static-membership true|false]
#                        [--rate RPS] [--burst N] [--partitions N] [--quota RPS] [--latency MIN-MAX]
#                        [--warmup-seconds S] [--recovery-seconds S] [--broker-down-seconds S]
#                        [--provider-down-seconds S] [--provider-slow-seconds S] [--slow-answer-ms MS]
#                        [--rebalance-seconds S] [--restart-after-seconds S] [--drain-seconds S]
#                        [--worker-settings key=value,key=value] [--out DIR]
#
# Starts an in-JVM KRaft broker (data kept in target/reliability/kafka, so it can be restarted on the same
# data dir and ports), a schema registry and idcard-stream's TC3 server in front of a recogniser with scripted
# latency; runs the worker as `java -jar target/idcard-stream.jar run` child processes; breaks one thing per
# scenario while requests keep arriving; prints one result line per scenario and writes
# target/reliability/report.md. Exit status 1 when a scenario lost, duplicated or over-paid.
# The full run (provider down 60 s) takes about 9 minutes; --short (provider down 20 s) about 7.
exec "$(dirname "$0")/java-harness.sh" ReliabilitySuite "$@"
