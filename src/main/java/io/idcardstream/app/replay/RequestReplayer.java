package io.idcardstream.app.replay;

import io.github.bucket4j.Bucket;
import io.idcardstream.events.IdCardOcrRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Re-publishes the request events of a range of the request topic with {@code reprocess=true}, so the worker
 * makes new OCR calls for exactly those requests (after a fix, say) and for no others.
 *
 * <p>The range is fixed before reading starts: its end is at most the log end at that moment, so the replayed
 * copies, appended to the same topic, are never read again. Each copy keeps its key and gets the attribute
 * {@value #REPLAY_OF_ATTRIBUTE} = {@code partition@offset} of the original.
 *
 * <p>Threading notes: single-threaded; the consumer and producer are the caller's and stay open.
 */
public final class RequestReplayer {
    public static final String REPLAY_OF_ATTRIBUTE = "idcard.replay.of";
    private static final Duration POLL = Duration.ofMillis(500);

    /** Progress callback: records done so far out of the total in range. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, IdCardOcrRequested> producer;
    private final Deserializer<IdCardOcrRequested> deserializer;
    private final String topic;
    private final Duration timeout;
    /** At most this many replays published per second; null: as fast as the broker takes them. */
    private final Bucket pace;

    /**
     * @param ratePerSecond replays published per second at most, 0 for no limit. Replays are served only from the
     *     quota live requests leave, so publishing much faster than the quota only queues them ahead of the live
     *     requests produced meanwhile in the same partitions, where the worker must take them first.
     */
    public RequestReplayer(Consumer<String, byte[]> consumer, Producer<String, IdCardOcrRequested> producer,
            Deserializer<IdCardOcrRequested> deserializer, String topic, Duration timeout, int ratePerSecond) {
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("the replay rate must be 0 (no limit) or more, was " + ratePerSecond);
        }
        this.consumer = consumer;
        this.producer = producer;
        this.deserializer = deserializer;
        this.topic = topic;
        this.timeout = timeout;
        this.pace = ratePerSecond == 0 ? null : Bucket.builder()
                .addLimit(limit -> limit.capacity(ratePerSecond).refillGreedy(ratePerSecond, Duration.ofSeconds(1)))
                .build();
    }

    /** The offsets to read, per partition: [start, end). */
    public record Range(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        public long size() {
            return start.keySet().stream().mapToLong(tp -> Math.max(0, end.get(tp) - start.get(tp))).sum();
        }
    }

    public Range resolve(ReplayBound from, ReplayBound to) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("Topic " + topic + " does not exist or has no partitions");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        if (from instanceof ReplayBound.AtOffsets offsets) {
            partitions.removeIf(tp -> !offsets.offsets().containsKey(tp.partition()));
        }
        if (to instanceof ReplayBound.AtOffsets offsets) {
            partitions.removeIf(tp -> !offsets.offsets().containsKey(tp.partition()));
        }
        Map<TopicPartition, Long> logStart = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> logEnd = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Long> start = offsets(from, partitions, logStart, logEnd);
        Map<TopicPartition, Long> end = offsets(to, partitions, logStart, logEnd);
        Map<TopicPartition, Long> clampedStart = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
        Map<TopicPartition, Long> clampedEnd = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
        for (TopicPartition tp : partitions) {
            long s = Math.max(start.get(tp), logStart.get(tp));
            long e = Math.min(end.get(tp), logEnd.get(tp));
            clampedStart.put(tp, s);
            clampedEnd.put(tp, Math.max(s, e));
        }
        return new Range(clampedStart, clampedEnd);
    }

    private Map<TopicPartition, Long> offsets(ReplayBound bound, List<TopicPartition> partitions,
            Map<TopicPartition, Long> logStart, Map<TopicPartition, Long> logEnd) {
        Map<TopicPartition, Long> result = new HashMap<>();
        if (bound instanceof ReplayBound.Beginning) {
            partitions.forEach(tp -> result.put(tp, logStart.get(tp)));
        } else if (bound instanceof ReplayBound.End) {
            partitions.forEach(tp -> result.put(tp, logEnd.get(tp)));
        } else if (bound instanceof ReplayBound.AtOffsets o) {
            partitions.forEach(tp -> result.put(tp, o.offsets().get(tp.partition())));
        } else {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, ((ReplayBound.AtTime) bound).time().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
            // No record at or after the time: the bound lies past the end of that partition.
            partitions.forEach(tp -> result.put(tp, found.get(tp) == null ? logEnd.get(tp) : found.get(tp).offset()));
        }
        return result;
    }

    public ReplaySummary replay(Range range, boolean dryRun, Progress progress) {
        List<TopicPartition> pending = new ArrayList<>();
        range.start().forEach((tp, offset) -> {
            if (range.end().get(tp) > offset) {
                pending.add(tp);
            }
        });
        consumer.assign(pending);
        pending.forEach(tp -> consumer.seek(tp, range.start().get(tp)));
        long total = range.size();
        long read = 0;
        long republished = 0;
        long undecodable = 0;
        Instant deadline = Instant.now().plus(timeout);
        while (!pending.isEmpty()) {
            var records = consumer.poll(POLL);
            if (records.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("No progress for " + timeout + " while replaying " + pending
                        + "; " + read + " of " + total + " records read");
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= range.end().get(tp)) {
                    continue;
                }
                deadline = Instant.now().plus(timeout);
                read++;
                IdCardOcrRequested request = decode(record);
                if (request == null) {
                    undecodable++;
                } else {
                    if (!dryRun) {
                        awaitPace();
                        producer.send(new ProducerRecord<>(topic, record.key(), asReplay(request, record)));
                    }
                    republished++;
                }
                progress.update(read, total);
            }
            pending.removeIf(tp -> consumer.position(tp, timeout) >= range.end().get(tp));
            consumer.pause(consumer.assignment().stream().filter(tp -> !pending.contains(tp)).toList());
        }
        if (!dryRun) {
            producer.flush();
        }
        return new ReplaySummary(read, republished, undecodable, dryRun);
    }

    private void awaitPace() {
        if (pace == null) {
            return;
        }
        try {
            pace.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pacing the replay", e);
        }
    }

    private IdCardOcrRequested decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            return null;
        }
    }

    private static IdCardOcrRequested asReplay(IdCardOcrRequested request, ConsumerRecord<String, byte[]> source) {
        Map<String, String> attributes = new HashMap<>(request.getAttributes());
        attributes.put(REPLAY_OF_ATTRIBUTE, source.partition() + "@" + source.offset());
        return IdCardOcrRequested.newBuilder(request).setReprocess(true).setAttributes(attributes).build();
    }
}
