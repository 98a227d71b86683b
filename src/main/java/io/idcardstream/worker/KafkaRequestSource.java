package io.idcardstream.worker;

import io.idcardstream.events.IdCardOcrRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A {@link RequestSource} on a short-lived consumer of its own (no group, {@code read_committed}), used only
 * when a task starts with requests pending.
 */
public final class KafkaRequestSource implements RequestSource {
    private final Map<String, Object> consumerConfig;
    private final Deserializer<IdCardOcrRequested> deserializer;
    private final Duration timeout;

    public KafkaRequestSource(Map<String, Object> kafkaConfig, Deserializer<IdCardOcrRequested> deserializer,
            Duration timeout) {
        this.consumerConfig = new HashMap<>(kafkaConfig);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "idcard-refetch-" + UUID.randomUUID());
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.deserializer = deserializer;
        this.timeout = timeout;
    }

    @Override
    public Map<Long, IdCardOcrRequested> read(String topic, int partition, SortedSet<Long> offsets) {
        Map<Long, IdCardOcrRequested> found = new HashMap<>();
        if (offsets.isEmpty()) {
            return found;
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        try (var consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
            consumer.seek(tp, offsets.first());
            Instant deadline = Instant.now().plus(timeout);
            while (consumer.position(tp, timeout) <= offsets.last() && consumer.position(tp, timeout) < end) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read back " + offsets.size() + " pending requests "
                            + "from " + tp + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (offsets.contains(record.offset()) && record.value() != null) {
                        try {
                            found.put(record.offset(), deserializer.deserialize(topic, record.headers(), record.value()));
                        } catch (SerializationException e) {
                            // It decoded when it was accepted; leave it out and let the caller report it.
                        }
                    }
                }
            }
        }
        return found;
    }
}
