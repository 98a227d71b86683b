package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreProgressTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong();
    private final RestoreProgress progress = new RestoreProgress(registry, now::get);
    private final TopicPartition ledger0 = new TopicPartition("app-ledger-changelog", 0);
    private final TopicPartition ledger1 = new TopicPartition("app-ledger-changelog", 1);

    @Test
    void shouldCountRecordsLeftAcrossPartitionsAndTimeEachRestore() {
        // Given two partitions restoring, 1,000 and 500 records
        progress.onRestoreStart(ledger0, "ledger", 0, 1_000);
        progress.onRestoreStart(ledger1, "ledger", 200, 700);
        assertThat(remaining()).isEqualTo(1_500.0);

        // When batches arrive and the first partition ends after 3 s
        progress.onBatchRestored(ledger0, "ledger", 400, 400);
        progress.onBatchRestored(ledger1, "ledger", 300, 100);
        assertThat(remaining()).isEqualTo(1_000.0);
        now.addAndGet(TimeUnit.SECONDS.toNanos(3));
        progress.onRestoreEnd(ledger0, "ledger", 1_000);

        // Then only the second partition's records are left, and one restore of 3 s was recorded
        assertThat(remaining()).isEqualTo(400.0);
        Timer took = registry.get("idcard.state.restore").timer();
        assertThat(took.count()).isEqualTo(1);
        assertThat(took.totalTime(TimeUnit.SECONDS)).isEqualTo(3.0);
    }

    @Test
    void shouldForgetAPartitionWhoseTaskMovedAway() {
        progress.onRestoreStart(ledger0, "ledger", 0, 1_000);

        progress.onRestoreSuspended(ledger0, "ledger", 10);

        assertThat(remaining()).isZero();
        assertThat(registry.get("idcard.state.restore").timer().count()).isEqualTo(1);
    }

    private double remaining() {
        return registry.get("idcard.state.restore.remaining.records").gauge().value();
    }
}
