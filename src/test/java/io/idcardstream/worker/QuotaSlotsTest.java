package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuotaSlotsTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long START = 1_765_000_000L * SECOND; // wall-clock time, as instances share it

    /** Takes every call as soon as the slots allow, from {@code START} for {@code seconds}; returns the times. */
    private static List<Long> saturate(QuotaSlots slots, int seconds) {
        List<Long> calls = new ArrayList<>();
        long now = START;
        while (true) {
            long wait = slots.reserve(now);
            if (wait == Long.MAX_VALUE || now + wait >= START + seconds * SECOND) {
                return calls;
            }
            now += wait;
            calls.add(now);
        }
    }

    private static long maxInAnyWindow(List<Long> sortedCalls, long window) {
        long max = 0;
        for (int i = 0, j = 0; i < sortedCalls.size(); i++) {
            while (sortedCalls.get(i) - sortedCalls.get(j) >= window) {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }

    /** 12 partitions dealt out as Kafka's assignors do: in ranges, the first instances one more. */
    private static List<Set<Integer>> ranges(int instances) {
        List<Set<Integer>> owned = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < instances; i++) {
            int count = 12 / instances + (i < 12 % instances ? 1 : 0);
            owned.add(new TreeSet<>(IntStream.range(next, next + count).boxed().toList()));
            next += count;
        }
        return owned;
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {1, 2, 3, 5, 7})
    void shouldUseTheWholeQuotaAtAnyNumberOfInstancesWithoutExceedingItInAnySecond(int instances) {
        // Given 12 partitions dealt out to the instances, each instance calling as fast as its slots allow
        List<Long> all = new ArrayList<>();
        for (Set<Integer> partitions : ranges(instances)) {
            QuotaSlots slots = new QuotaSlots(20, 0.02, 12, START);
            slots.own(partitions);
            all.addAll(saturate(slots, 60));
        }
        all.sort(null);
        // Then together they use at least 97% of the quota, fractional shares included (7 instances: 2,2,2,2,2,1,1)
        assertThat(all.size() / 60.0).isGreaterThanOrEqualTo(0.97 * 20);
        // And no second, anywhere, holds more than the quota, nor does any slot hold two calls
        assertThat(maxInAnyWindow(all, SECOND)).isLessThanOrEqualTo(20);
        assertThat(new TreeSet<>(all)).hasSameSizeAs(all);
    }

    @Test
    void shouldGiveEachInstanceExactlyItsFractionalShare() {
        // Given an instance owning 7 of 12 partitions of a 20/s quota (11.67/s, where a whole number per second
        // gave 11)
        QuotaSlots slots = new QuotaSlots(20, 0.0, 12, START);
        slots.own(Set.of(0, 1, 2, 3, 4, 5, 6));
        // Then it calls at its exact share
        assertThat(saturate(slots, 60).size() / 60.0).isCloseTo(20.0 * 7 / 12, org.assertj.core.data.Offset.offset(0.05));
        assertThat(slots.effectiveRate()).isCloseTo(20.0 * 7 / 12, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void shouldStopUsingARevokedPartitionsSlotsAtOnce() {
        // Given an instance that reserved a slot of partition 5, which is then revoked
        QuotaSlots slots = new QuotaSlots(20, 0.0, 12, START);
        slots.own(Set.of(5));
        long at = START + slots.reserve(START);
        assertThat(slots.usable(at)).isTrue();
        slots.own(Set.of(4));
        // Then the reserved slot is no longer its to use, and only partition 4's slots come next
        assertThat(slots.usable(at)).isFalse();
        long wait = slots.reserve(START);
        assertThat(Math.floorMod(Math.floorDiv(START + wait, SECOND / 20), 12L)).isEqualTo(4);
    }

    @Test
    void shouldSkipASlotItWokeUpTooLateFor() {
        // Given an instance that reserved a slot, with a 2% margin (20 ms of a second)
        QuotaSlots slots = new QuotaSlots(20, 0.02, 12, START);
        slots.own(IntStream.range(0, 12).boxed().toList());
        slots.reserve(START);
        long at = START + slots.reserve(START); // the next slot's start
        // Then it may call up to 20 ms into the slot, not later (the slot's second would then hold too many calls)
        assertThat(slots.usable(at + TimeUnit.MILLISECONDS.toNanos(20))).isTrue();
        assertThat(slots.usable(at + TimeUnit.MILLISECONDS.toNanos(21))).isFalse();
    }

    @Test
    void shouldCallAtOnceInsideAFreeSlotOfItsOwn() {
        // Given an instance owning every partition, at a quiet moment
        QuotaSlots slots = new QuotaSlots(20, 0.0, 12, START);
        slots.own(IntStream.range(0, 12).boxed().toList());
        // Then a call goes at once, and the next one in the next slot
        assertThat(slots.reserve(START)).isZero();
        assertThat(slots.reserve(START)).isEqualTo(SECOND / 20);
    }

    @Test
    void shouldHalveOnThrottlingAndRecoverATenthPerQuietSecond() {
        QuotaSlots slots = new QuotaSlots(20, 0.0, 12, START);
        slots.own(IntStream.range(0, 12).boxed().toList());

        slots.throttled(START);
        slots.throttled(START + SECOND / 2); // the same burst of refusals counts once
        assertThat(slots.factor()).isEqualTo(0.5);
        assertThat(slots.effectiveRate()).isEqualTo(10.0);

        slots.reserve(START + 3 * SECOND);
        assertThat(slots.factor()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldMakeNoCallWithoutAPartition() {
        QuotaSlots slots = new QuotaSlots(20, 0.02, 12, START);

        assertThat(slots.reserve(START)).isEqualTo(Long.MAX_VALUE);
    }
}
