package io.idcardstream.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics the way downstream consumers must ({@code isolation.level=read_committed}), from the beginning,
 * until a condition holds or a deadline passes; the failure message says what was expected and what was seen.
 */
public final class TopicReader {
    private TopicReader() {}

    public static List<ConsumerRecord<byte[], byte[]>> readUntil(String bootstrapServers, List<String> topics,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> done, Duration timeout, String expectation) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            Instant deadline = Instant.now().plus(timeout);
            while (!done.test(seen)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Within " + timeout + " expected " + expectation + " on " + topics
                            + " but read " + seen.size() + " records: " + describe(seen));
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    /** Reads until {@code count} records arrived, then for {@code quietPeriod} more to catch any extra ones. */
    public static List<ConsumerRecord<byte[], byte[]>> readExactly(String bootstrapServers, List<String> topics,
            int count, Duration timeout, Duration quietPeriod) {
        List<ConsumerRecord<byte[], byte[]>> first =
                readUntil(bootstrapServers, topics, seen -> seen.size() >= count, timeout, count + " records");
        Instant quietUntil = Instant.now().plus(quietPeriod);
        return readUntil(bootstrapServers, topics,
                seen -> seen.size() > count || (seen.size() >= first.size() && Instant.now().isAfter(quietUntil)),
                timeout.plus(quietPeriod), "no more than " + count + " records");
    }

    private static String describe(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> r.topic() + "-" + r.partition() + "@" + r.offset()).toList().toString();
    }
}
