package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.Test;

/** A dead letter always fits the topic: whole when it can, its value cut when that is enough, else headers only. */
class DeadLetterSizeTest {
    private static final int MAX_RECORD_BYTES = 8_192;
    private static final SerializationException UNREADABLE = new SerializationException("unknown magic byte");

    /** The source record's coordinates, as Kafka Streams hands them to the handler (a double of its interface). */
    private static ErrorHandlerContext source(Headers headers) {
        return (ErrorHandlerContext) Proxy.newProxyInstance(ErrorHandlerContext.class.getClassLoader(),
                new Class<?>[] {ErrorHandlerContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "topic" -> "requests";
                    case "partition" -> 3;
                    case "offset" -> 42L;
                    case "headers" -> headers;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(byte[] key, byte[] value, Headers original) {
        return DeadLetterHandler.deadLetter("requests.dlq", MAX_RECORD_BYTES, key, value, source(original),
                UNREADABLE);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Key, value and headers, each with the per-field overhead the handler budgets for. */
    private static int size(ProducerRecord<byte[], byte[]> record) {
        int total = (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0
                : record.value().length);
        for (Header header : record.headers()) {
            total += header.key().length() + (header.value() == null ? 0 : header.value().length) + 10;
        }
        return total;
    }

    @Test
    void shouldKeepARecordThatFitsWholeWithWhereItCameFrom() {
        byte[] value = "not avro".getBytes(StandardCharsets.UTF_8);
        Headers original = new RecordHeaders().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<byte[], byte[]> letter = deadLetter("subject-1".getBytes(StandardCharsets.UTF_8), value,
                original);

        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, "trace")).isEqualTo("t-1");
        assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo("requests");
        assertThat(header(letter, DeadLetters.PARTITION)).isEqualTo("3");
        assertThat(header(letter, DeadLetters.OFFSET)).isEqualTo("42");
        assertThat(header(letter, DeadLetterHandler.TRUNCATED)).isNull();
    }

    @Test
    void shouldCutTheValueToFitAndSayHowLongItWas() {
        byte[] value = new byte[3 * MAX_RECORD_BYTES];
        Arrays.fill(value, (byte) 'x');

        ProducerRecord<byte[], byte[]> letter = deadLetter("subject-1".getBytes(StandardCharsets.UTF_8), value,
                new RecordHeaders());

        assertThat(header(letter, DeadLetterHandler.TRUNCATED)).isEqualTo("value");
        assertThat(header(letter, DeadLetterHandler.ORIGINAL_VALUE_BYTES)).isEqualTo(String.valueOf(value.length));
        assertThat(letter.value()).isNotEmpty().containsOnly((byte) 'x');
        assertThat(size(letter)).isLessThanOrEqualTo(MAX_RECORD_BYTES - DeadLetterHandler.FRAMING_BYTES);
        assertThat(letter.key()).isEqualTo("subject-1".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldKeepOnlyTheErrorHeadersWhenKeyAndHeadersAloneAreTooLarge() {
        byte[] key = new byte[2 * MAX_RECORD_BYTES];

        ProducerRecord<byte[], byte[]> letter = deadLetter(key, new byte[10], new RecordHeaders());

        assertThat(letter.key()).isNull();
        assertThat(letter.value()).isNull();
        assertThat(header(letter, DeadLetterHandler.TRUNCATED)).isEqualTo("key,value,headers");
        assertThat(header(letter, DeadLetterHandler.ORIGINAL_KEY_BYTES)).isEqualTo(String.valueOf(key.length));
        assertThat(header(letter, DeadLetters.OFFSET)).isEqualTo("42");
    }
}
