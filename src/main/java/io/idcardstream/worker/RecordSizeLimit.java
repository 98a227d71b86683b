package io.idcardstream.worker;

import io.idcardstream.config.IdCardStreamConfig;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The largest record the worker's producer may send ({@code max.request.size}), decided in one place and fitted to
 * the topics it writes. The worker needs room for a dead letter holding a whole request (an inline image) and for an
 * outcome holding two crops; a topic refuses a record batch over its {@code max.message.bytes}. A producer allowed to
 * send more than a topic accepts fails only when such a record comes, and the record that made the worker stop is
 * read again at every restart. So at startup:
 *
 * <ul>
 *   <li>an operator's {@code kafka.max.request.size} above a topic's limit fails the start, naming both;</li>
 *   <li>otherwise the producer's limit is what the worker needs, lowered to fit the smallest topic's limit (less
 *       {@value #BATCH_OVERHEAD} bytes of batch overhead): a dead letter is then cut to fit
 *       ({@link DeadLetterHandler}), and an outcome is far below it (two crops of {@code crop.max.bytes}).</li>
 * </ul>
 * Topics that cannot be described (missing, or no permission) are left out, with a warning.
 */
public final class RecordSizeLimit {
    private static final Logger log = LoggerFactory.getLogger(RecordSizeLimit.class);
    /** A record batch's header and one record's framing, with room to spare. */
    static final int BATCH_OVERHEAD = 1024;

    private RecordSizeLimit() {}

    /** What the worker's records need: an inline image in a dead letter, or two crops in an outcome, plus 1 MiB. */
    static int needed(IdCardStreamConfig config) {
        return config.getInt(IdCardStreamConfig.IMAGE_INLINE_MAX_BYTES_CONFIG)
                + 2 * config.getInt(IdCardStreamConfig.CROP_MAX_BYTES_CONFIG) + (1 << 20);
    }

    /**
     * The producer's {@code max.request.size}.
     *
     * @param operatorSet the operator's {@code kafka.max.request.size}, or null
     * @param topicLimits each written topic's {@code max.message.bytes}
     * @throws ConfigException when the operator's value exceeds a topic's limit
     */
    static int decide(int needed, Integer operatorSet, Map<String, Integer> topicLimits) {
        Map.Entry<String, Integer> smallest = topicLimits.entrySet().stream().min(Map.Entry.comparingByValue())
                .orElse(null);
        if (operatorSet != null) {
            if (smallest != null && operatorSet > smallest.getValue() - BATCH_OVERHEAD) {
                throw new ConfigException("kafka.max.request.size=" + operatorSet + " lets the worker send records "
                        + "topic " + smallest.getKey() + " refuses (max.message.bytes=" + smallest.getValue()
                        + "): the first such record would stop the worker at every restart. Lower it to at most "
                        + (smallest.getValue() - BATCH_OVERHEAD) + ", or raise the topic's max.message.bytes.");
            }
            return operatorSet;
        }
        return smallest == null ? needed : Math.min(needed, smallest.getValue() - BATCH_OVERHEAD);
    }

    /** Reads the topics' limits and decides; {@code admin} is the worker's own client. */
    public static int resolve(IdCardStreamConfig config, Admin admin, Collection<String> writtenTopics) {
        Object set = config.kafkaOverrides().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        Integer operatorSet = set == null ? null : Integer.valueOf(set.toString().trim());
        Map<String, Integer> limits = topicLimits(admin, writtenTopics);
        int needed = needed(config);
        int decided = decide(needed, operatorSet, limits);
        if (operatorSet == null && decided < needed) {
            log.info("Producer max.request.size is {} bytes, to fit the smallest max.message.bytes of the topics "
                    + "written ({}); larger dead letters are cut to fit", decided, limits);
        }
        return decided;
    }

    private static Map<String, Integer> topicLimits(Admin admin, Collection<String> topics) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        Map<ConfigResource, org.apache.kafka.common.KafkaFuture<Config>> described = admin.describeConfigs(
                topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).values();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Map.Entry<ConfigResource, org.apache.kafka.common.KafkaFuture<Config>> topic : described.entrySet()) {
            try {
                var entry = topic.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                        .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (entry != null && entry.value() != null) {
                    limits.put(topic.getKey().name(), Integer.parseInt(entry.value()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return limits;
            } catch (Exception e) {
                log.warn("Cannot read max.message.bytes of topic {} ({}); the producer's record size is not "
                        + "checked against it", topic.getKey().name(), e.getClass().getSimpleName());
            }
        }
        return limits;
    }
}
