package io.idcardstream.worker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every request record that cannot be deserialized to the dead-letter topic and continues, like Kafka
 * Streams' {@code LogAndContinueExceptionHandler} with {@code errors.dead.letter.queue.topic.name} (KIP-1034: the
 * original key, value and headers plus the {@code __streams.errors.*} headers), and counts each one in
 * {@code idcard_outcomes_total{outcome="dead_letter"}}.
 *
 * <p>A record that cannot be forwarded whole is never allowed to fail the send: its key, value and headers may
 * exceed the producer's {@code max.request.size} (an input topic may accept larger records than the worker's
 * producer may write), and the {@code RecordTooLargeException} would stop the worker at the same record on every
 * restart. Such a record goes to the dead-letter topic with its value cut to what fits, or, when even its key and
 * headers do not fit, as a reference only (no key, no value: the coordinates headers say where the original is).
 * Header {@value #TRUNCATED} then names what was left out, and {@value #ORIGINAL_KEY_BYTES} /
 * {@value #ORIGINAL_VALUE_BYTES} give the original sizes.
 *
 * <p>Logs coordinates and the serde's message (which never quotes record content), never the record.
 *
 * <p>Threading notes: Kafka Streams makes one per stream thread; the metrics are thread-safe.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {
    /** Wiring, not a setting: the {@link WorkerMetrics} instance, put into the Streams properties by the worker. */
    public static final String METRICS_CONFIG = "idcard.internal.worker.metrics";
    static final String TRUNCATED = "idcard.dlq.truncated";
    static final String ORIGINAL_KEY_BYTES = "idcard.dlq.original.key.bytes";
    static final String ORIGINAL_VALUE_BYTES = "idcard.dlq.original.value.bytes";

    /**
     * Room left in a request for the batch and record framing the producer adds (61 bytes of batch header, a few
     * varints per record and per header), generously.
     */
    static final int FRAMING_BYTES = 1024;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    private String deadLetterTopic;
    private int maxRecordBytes = DEFAULT_MAX_REQUEST_SIZE;
    private WorkerMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null || topic.toString().isBlank() ? null : topic.toString();
        // The producer's limit as Kafka Streams resolves it: the producer-prefixed key wins over the plain one.
        Object limit = configs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (limit == null) {
            limit = configs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        if (limit != null) {
            maxRecordBytes = Integer.parseInt(limit.toString().trim());
        }
        if (configs.get(METRICS_CONFIG) instanceof WorkerMetrics workerMetrics) {
            metrics = workerMetrics;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        // The coordinates also as fields, so a JSON log pipeline can search by them
        log.atWarn().addKeyValue("topic", context.topic()).addKeyValue("partition", context.partition())
                .addKeyValue("offset", context.offset())
                .log("Undecodable request record at {}-{}@{} sent to the dead-letter topic {}: {}", context.topic(),
                        context.partition(), context.offset(), deadLetterTopic, exception.toString());
        if (metrics != null) {
            metrics.outcome("dead_letter", exception.getClass().getSimpleName());
        }
        if (deadLetterTopic == null) {
            return Response.resume();
        }
        return Response.resume(List.of(deadLetter(deadLetterTopic, maxRecordBytes, record.key(), record.value(),
                context, exception)));
    }

    static ProducerRecord<byte[], byte[]> deadLetter(String topic, int maxRecordBytes, byte[] key, byte[] value,
            ErrorHandlerContext source, Exception exception) {
        Headers errors = new RecordHeaders();
        errors.add(DeadLetters.EXCEPTION, utf8(exception.getClass().getName()));
        errors.add(DeadLetters.MESSAGE, utf8(String.valueOf(exception.getMessage())));
        errors.add(DeadLetters.TOPIC, utf8(source.topic()));
        errors.add(DeadLetters.PARTITION, utf8(String.valueOf(source.partition())));
        errors.add(DeadLetters.OFFSET, utf8(String.valueOf(source.offset())));
        Header[] original = source.headers().toArray();
        int budget = maxRecordBytes - FRAMING_BYTES;
        int keyBytes = key == null ? 0 : key.length;
        int valueBytes = value == null ? 0 : value.length;
        int originalHeaderBytes = size(original);
        int errorHeaderBytes = size(errors.toArray());
        if (keyBytes + valueBytes + originalHeaderBytes + errorHeaderBytes <= budget) {
            return new ProducerRecord<>(topic, null, key, value, withAll(original, errors));
        }
        errors.add(ORIGINAL_KEY_BYTES, utf8(String.valueOf(keyBytes)));
        errors.add(ORIGINAL_VALUE_BYTES, utf8(String.valueOf(valueBytes)));
        // Room for the longest value of the truncation header itself.
        int fixed = keyBytes + originalHeaderBytes + size(errors.toArray()) + TRUNCATED.length() + 32;
        if (fixed < budget) {
            byte[] head = java.util.Arrays.copyOf(value, budget - fixed);
            errors.add(TRUNCATED, utf8("value"));
            return new ProducerRecord<>(topic, null, key, head, withAll(original, errors));
        }
        errors.add(TRUNCATED, utf8("key,value,headers"));
        return new ProducerRecord<byte[], byte[]>(topic, null, (byte[]) null, (byte[]) null, errors);
    }

    private static Headers withAll(Header[] original, Headers errors) {
        Headers all = new RecordHeaders(original);
        errors.forEach(all::add);
        return all;
    }

    private static int size(Header[] headers) {
        int total = 0;
        for (Header header : headers) {
            // key and value, plus up to 5 bytes of varint length for each
            total += header.key().getBytes(StandardCharsets.UTF_8).length
                    + (header.value() == null ? 0 : header.value().length) + 10;
        }
        return total;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
