package io.idcardstream.worker;

import io.idcardstream.ops.LatencyHistograms;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far state restores are, as metrics registered from the start: {@code idcard_state_restore_remaining_records}
 * (changelog records still to replay on this instance) and {@code idcard_state_restore_seconds} (how long each
 * store partition took). While a partition restores, its requests wait; the alert and the dashboard read these, and
 * a restore's duration is logged with its size. Streams' own restore metrics appear only once a restore thread
 * exists, too late for an alert that must know the metric.
 */
public final class RestoreProgress implements StateRestoreListener {
    private static final Logger log = LoggerFactory.getLogger(RestoreProgress.class);

    private final Map<TopicPartition, Restore> restoring = new ConcurrentHashMap<>();
    private final Timer duration;
    private final LongSupplier nanoTime;

    private static final class Restore {
        final long startedNanos;
        final long total;
        volatile long remaining;

        Restore(long startedNanos, long total) {
            this.startedNanos = startedNanos;
            this.total = total;
            this.remaining = total;
        }
    }

    public RestoreProgress(MeterRegistry registry, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        Gauge.builder("idcard.state.restore.remaining.records", this, RestoreProgress::remainingRecords)
                .description("Changelog records still to restore on this instance (0 when no restore runs)")
                .register(registry);
        this.duration = LatencyHistograms.withBuckets(Timer.builder("idcard.state.restore")
                .description("Time each store partition took to restore from its changelog"))
                .register(registry);
    }

    /** Records left over all partitions restoring now. */
    public long remainingRecords() {
        return restoring.values().stream().mapToLong(restore -> Math.max(0, restore.remaining)).sum();
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        restoring.put(partition, new Restore(nanoTime.getAsLong(), Math.max(0, endingOffset - startingOffset)));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        Restore restore = restoring.get(partition);
        if (restore != null) {
            restore.remaining -= numRestored;
        }
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        finish(partition, storeName, totalRestored, "restored");
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        finish(partition, storeName, totalRestored, "suspended (the task moved)");
    }

    private void finish(TopicPartition partition, String storeName, long totalRestored, String how) {
        Restore restore = restoring.remove(partition);
        if (restore != null) {
            Duration took = Duration.ofNanos(nanoTime.getAsLong() - restore.startedNanos);
            duration.record(took);
            log.atInfo().addKeyValue("store", storeName).addKeyValue("partition", partition.partition())
                    .addKeyValue("records", totalRestored).addKeyValue("ms", took.toMillis())
                    .log("Store {} partition {} {}: {} of {} records in {} ms", storeName, partition.partition(), how,
                            totalRestored, restore.total, took.toMillis());
        }
    }
}
