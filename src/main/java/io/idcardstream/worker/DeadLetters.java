package io.idcardstream.worker;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Headers for records the processor itself sends to the dead-letter topic, in the same shape Kafka Streams
 * uses for deserialization failures (KIP-1034: {@code __streams.errors.*}, values as UTF-8 strings), so one
 * consumer reads both.
 */
final class DeadLetters {
    static final String EXCEPTION = "__streams.errors.exception";
    static final String MESSAGE = "__streams.errors.message";
    static final String TOPIC = "__streams.errors.topic";
    static final String PARTITION = "__streams.errors.partition";
    static final String OFFSET = "__streams.errors.offset";

    private DeadLetters() {}

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
