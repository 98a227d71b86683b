package example.kyc;

import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a KYC service needs to consume idcard-stream's assembled identities: a plain {@link KafkaConsumer} on
 * {@code idcard.identity.assembled} and {@code idcard.identity.incomplete} that
 * <ul>
 *   <li>reads with {@code isolation.level=read_committed}, so it sees only what the worker committed (exactly-once
 *       output; aborted transactions of a crashed worker stay invisible);</li>
 *   <li>dedupes by the request ids an identity was built from plus its revision (a record seen again after a
 *       rebalance, or from an at-least-once worker, is not handled twice);</li>
 *   <li>keeps the highest revision per application: a lower revision arriving later (the two topics are not
 *       ordered with each other) is superseded and skipped;</li>
 *   <li>commits its offsets after handling, so a crash repeats records (which the dedupe absorbs) and never
 *       loses one.</li>
 * </ul>
 * The dedupe memory is bounded ({@code maxRemembered}); keep it in your database for dedupe across restarts.
 *
 * <p>Not thread-safe: one thread polls, like the {@link KafkaConsumer} it wraps.
 */
public final class KycConsumer implements AutoCloseable {
    /** What the service does with each identity. */
    public interface Handler {
        void assembled(IdentityAssembled identity);

        void incomplete(IdentityIncomplete application);
    }

    private final Consumer<String, byte[]> consumer;
    private final ConfluentAvroReader reader;
    private final Handler handler;
    private final Map<String, Boolean> seen;
    private final Map<String, Integer> highestRevision;

    public KycConsumer(Consumer<String, byte[]> consumer, ConfluentAvroReader reader, Handler handler,
            List<String> topics, int maxRemembered) {
        this.consumer = consumer;
        this.reader = reader;
        this.handler = handler;
        this.seen = bounded(maxRemembered);
        this.highestRevision = bounded(maxRemembered);
        consumer.subscribe(topics);
    }

    /** The consumer settings that matter; add TLS/SASL as your cluster needs. */
    public static Map<String, Object> config(String bootstrapServers, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    public static KycConsumer create(String bootstrapServers, String groupId, String registryUrl, Handler handler) {
        return new KycConsumer(new KafkaConsumer<>(config(bootstrapServers, groupId), new StringDeserializer(),
                new ByteArrayDeserializer()), ConfluentAvroReader.fromRegistry(registryUrl), handler,
                List.of("idcard.identity.assembled", "idcard.identity.incomplete"), 1_000_000);
    }

    /** Polls once, handles what came, commits; returns the number of records handled (not skipped). */
    public int pollOnce(Duration timeout) {
        int handled = 0;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            Object value = reader.read(record.topic(), record.value());
            String application;
            String dedupeKey;
            int revision;
            if (value instanceof IdentityAssembled a) {
                application = a.getSubjectId() + "/" + a.getApplicationId();
                revision = a.getRevision();
                dedupeKey = "assembled:" + a.getFrontRequestId() + "+" + a.getBackRequestId() + "#" + revision;
            } else {
                IdentityIncomplete i = (IdentityIncomplete) value;
                application = i.getSubjectId() + "/" + i.getApplicationId();
                revision = i.getRevision();
                dedupeKey = "incomplete:" + application + "#" + revision;
            }
            if (seen.putIfAbsent(dedupeKey, Boolean.TRUE) != null) {
                continue; // seen before
            }
            Integer highest = highestRevision.get(application);
            if (highest != null && highest >= revision) {
                continue; // superseded by a later revision already handled
            }
            highestRevision.put(application, revision);
            if (value instanceof IdentityAssembled a) {
                handler.assembled(a);
            } else {
                handler.incomplete((IdentityIncomplete) value);
            }
            handled++;
        }
        consumer.commitSync();
        return handled;
    }

    @Override
    public void close() {
        consumer.close();
    }

    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
