#!/usr/bin/env bash
# Creates the idcard-stream topics; safe to run again (--if-not-exists). docker-compose.yml runs it in the
# `topics` service; for another cluster run it with Kafka's bin/ on hand, e.g.
#   BOOTSTRAP_SERVERS=broker:9092 REPLICATION_FACTOR=3 KAFKA_BIN=/opt/kafka/bin deploy/kafka/create-topics.sh
# Environment: BOOTSTRAP_SERVERS (default kafka:29092), REPLICATION_FACTOR (default 1), KAFKA_BIN (default
# /opt/kafka/bin), COMMAND_CONFIG (optional client properties file for TLS/SASL, passed as --command-config).
set -euo pipefail

bootstrap="${BOOTSTRAP_SERVERS:-kafka:29092}"
replication="${REPLICATION_FACTOR:-1}"
kafka_bin="${KAFKA_BIN:-/opt/kafka/bin}"
# With three or more replicas an acknowledged write survives the loss of one broker.
if [ "$replication" -ge 3 ]; then min_insync=2; else min_insync=1; fi
# Requests may carry an inline image of up to image.inline.max.bytes (1 MiB by default) plus the event around it;
# outcomes carry crops of up to crop.max.bytes (256 KiB) each. 2 MiB leaves room for both.
max_message_bytes=2097152
extra=()
if [ -n "${COMMAND_CONFIG:-}" ]; then extra=(--command-config "$COMMAND_CONFIG"); fi

# create TOPIC PARTITIONS RETENTION_MS
# Retention is explicit because every record holds personal data.
create() {
  "$kafka_bin/kafka-topics.sh" --bootstrap-server "$bootstrap" "${extra[@]}" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor "$replication" \
    --config "retention.ms=$3" --config "max.message.bytes=$max_message_bytes" \
    --config "min.insync.replicas=$min_insync"
}

# Input partitions bound the worker's parallelism: at most one busy instance per partition.
create idcard.ocr.requests 12 604800000
create idcard.ocr.recognized 12 604800000
create idcard.ocr.failed 12 604800000
create idcard.ocr.requests.dlq 3 1209600000
# Identity assembly's outputs (assembly.enabled=true; docs/assembly.md), keyed by subject id like the outcomes.
create idcard.identity.assembled 12 604800000
create idcard.identity.incomplete 12 604800000

"$kafka_bin/kafka-topics.sh" --bootstrap-server "$bootstrap" "${extra[@]}" --describe \
  --topic 'idcard\.(ocr|identity)\..*'
