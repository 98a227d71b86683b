package io.idcardstream.worker;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headers for records the processor itself sends to the dead-letter topic, in the same shape Kafka Streams
 * uses for deserialization failures (KIP-1034: {@code __streams.errors.*}, values as UTF-8 strings), so one
 * consumer reads both.
 */
final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    static final String EXCEPTION = "__streams.errors.exception";
    static final String MESSAGE = "__streams.errors.message";
    static final String TOPIC = "__streams.errors.topic";
    static final String PARTITION = "__streams.errors.partition";
    static final String OFFSET = "__streams.errors.offset";

    private DeadLetters() {}

    /**
     * Sends a record that has no value (a tombstone) to the dead-letter sink: a request needs a value, and every
     * consumed record must end somewhere.
     */
    static void forwardTombstone(ProcessorContext<String, Object> context, Record<String, ?> record,
            WorkerMetrics metrics) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        log.warn("Request record without a value at {}-{}@{}; sent to the dead-letter topic",
                source.topic(), source.partition(), source.offset());
        context.forward(new Record<>(record.key(), null, record.timestamp(),
                headers(record.headers(), "NullValue",
                        "The record has no value (a tombstone); a request needs an IdCardOcrRequested value", source)),
                IdCardTopology.DEAD_LETTER_SINK);
        metrics.outcome("dead_letter", "NullValue");
    }

    static Headers headers(Headers original, String exception, String message, RecordMetadata source) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add(EXCEPTION, utf8(exception));
        headers.add(MESSAGE, utf8(message));
        headers.add(TOPIC, utf8(source.topic()));
        headers.add(PARTITION, utf8(String.valueOf(source.partition())));
        headers.add(OFFSET, utf8(String.valueOf(source.offset())));
        return headers;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
