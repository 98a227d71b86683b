package io.idcardstream.worker;

import java.util.Collection;

/**
 * The account's quota cut into time slots that every instance agrees on without talking to the others. Wall-clock
 * time is divided into slots of {@code (1 + margin) / quota} seconds, counted from the Unix epoch, and slot
 * {@code n} belongs to input partition {@code n mod partitions}. An instance calls only in the slots of the
 * partitions it owns, at most one call per slot:
 *
 * <ul>
 *   <li>slots are disjoint across the whole application, so at most one call starts in each, and no second holds
 *       more than the quota's slots (fewer by the margin, which absorbs clock offsets and network jitter); a call
 *       starts no later than the margin's share of a second into its slot, or the slot is skipped
 *       ({@link #usable});</li>
 *   <li>an instance owning {@code k} of {@code P} partitions gets exactly {@code k/P} of the slots, fractions
 *       included: 7 instances on 12 partitions use the whole quota, where a whole number of calls per second
 *       and instance lost up to 15% of it;</li>
 *   <li>a partition's slots pass to its next owner only through the rebalance: the old owner stops using them when
 *       the partition is revoked ({@link #own}), before the new owner is given it.</li>
 * </ul>
 * Busy partitions use the slots of quiet ones on the same instance (the dispatcher takes turns between lanes, not
 * between slots). The price is latency at low load on an instance that owns few partitions: a call waits for the
 * instance's next slot, up to {@code partitions} slots away (0.6 s with 12 partitions at 20/s).
 *
 * <p>Adaptive: each {@code RequestLimitExceeded} halves the share of its slots the instance uses (at most once per
 * second, never below a tenth); each quiet second gives a tenth back. The quota may be shared with other clients;
 * this finds the part that is left. Clocks must agree to well within a slot (NTP does: milliseconds).
 *
 * <p>Threading notes: not thread-safe; owned by the dispatcher, which serialises calls.
 */
final class QuotaSlots {
    private static final double MIN_FACTOR = 0.1;
    private static final double RECOVERY_PER_SECOND = 0.1;
    private static final long SECOND = 1_000_000_000L;

    private final int partitions;
    private final long slotNanos;
    /** How late into its slot a call may still start: the margin's share of a second (see {@link #usable}). */
    private final long latenessNanos;
    private final boolean[] owned;
    private int ownedCount;
    private double factor = 1.0;
    /** Slots skipped while throttled add {@code factor} each; a slot is used when a whole call has built up. */
    private double credit;
    private long lastThrottleNanos = Long.MIN_VALUE / 2;
    private long lastRecoveryNanos;
    private long lastReserved = -1;

    /**
     * @param quotaPerSecond the account's calls per second (more than 0)
     * @param margin slots are {@code 1 + margin} times longer than the quota allows
     * @param partitions all input partitions of the application
     */
    QuotaSlots(double quotaPerSecond, double margin, int partitions, long nowEpochNanos) {
        if (!(quotaPerSecond > 0) || Double.isInfinite(quotaPerSecond)) {
            throw new IllegalArgumentException("quotaPerSecond must be a finite number > 0 but was " + quotaPerSecond);
        }
        if (margin < 0 || margin >= 1) {
            throw new IllegalArgumentException("margin must be in [0, 1) but was " + margin);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1 but was " + partitions);
        }
        this.partitions = partitions;
        this.slotNanos = Math.round(SECOND * (1 + margin) / quotaPerSecond);
        // Without a margin there is no room for lateness at all; a millisecond keeps a dispatcher that wakes a little
        // late from skipping every slot.
        this.latenessNanos = Math.min(slotNanos - 1, Math.max(Math.round(SECOND * margin), 1_000_000L));
        this.owned = new boolean[partitions];
        this.lastRecoveryNanos = nowEpochNanos;
    }

    /**
     * The partitions this instance owns now; slots of any other are never used again until given back. A partition
     * number beyond the count (an {@code ocr.quota.partitions} set too low) shares the slots of its number modulo
     * the count rather than getting none: its requests are still answered, and any call over the quota that results
     * is a {@code RequestLimitExceeded}, which slows the instance down.
     */
    void own(Collection<Integer> owning) {
        java.util.Arrays.fill(owned, false);
        ownedCount = 0;
        for (int partition : owning) {
            int slotOwner = Math.floorMod(partition, partitions);
            ownedCount += owned[slotOwner] ? 0 : 1;
            owned[slotOwner] = true;
        }
    }

    /**
     * Reserves the next free slot of an owned partition.
     *
     * @return nanoseconds to wait before calling (0 inside a free slot); {@code Long.MAX_VALUE} when no partition
     *     is owned (nothing reserved)
     */
    long reserve(long nowEpochNanos) {
        if (ownedCount == 0) {
            return Long.MAX_VALUE;
        }
        recover(nowEpochNanos);
        long slot = Math.max(Math.floorDiv(nowEpochNanos, slotNanos), lastReserved + 1);
        while (true) {
            if (ownsSlot(slot)) {
                credit = Math.min(1.0, credit + factor);
                if (credit >= 1.0 - 1e-9) {
                    credit -= 1.0;
                    break;
                }
            }
            slot++;
        }
        lastReserved = slot;
        return Math.max(0, slot * slotNanos - nowEpochNanos);
    }

    /**
     * Whether the call may start now in the slot last reserved: it still belongs to this instance (its partition may
     * have been revoked while waiting), and it began at most {@code margin × 1 s} ago. A dispatcher that wakes later
     * (a pause of the process, a starved CPU) skips the slot: calls that start at most that late keep any second at
     * the provider within the quota, since a second then holds calls from at most {@code 1 s × (1 + margin)} of slots.
     */
    boolean usable(long nowEpochNanos) {
        return lastReserved >= 0 && ownsSlot(lastReserved) && nowEpochNanos - lastReserved * slotNanos <= latenessNanos;
    }

    private boolean ownsSlot(long slot) {
        return owned[(int) Math.floorMod(slot, (long) partitions)];
    }

    /** The provider refused a call for its rate limit. */
    void throttled(long nowEpochNanos) {
        if (nowEpochNanos - lastThrottleNanos >= SECOND) {
            factor = Math.max(MIN_FACTOR, factor / 2);
            lastThrottleNanos = nowEpochNanos;
            lastRecoveryNanos = nowEpochNanos;
        }
    }

    private void recover(long nowEpochNanos) {
        if (factor >= 1.0) {
            lastRecoveryNanos = nowEpochNanos;
            return;
        }
        long elapsed = nowEpochNanos - lastRecoveryNanos;
        if (elapsed >= SECOND) {
            long seconds = elapsed / SECOND;
            factor = Math.min(1.0, factor + RECOVERY_PER_SECOND * seconds);
            lastRecoveryNanos += seconds * SECOND;
        }
    }

    /** The sustained rate this instance may call at now (calls per second). */
    double effectiveRate() {
        return (double) ownedCount / partitions * factor * SECOND / slotNanos;
    }

    double factor() {
        return factor;
    }
}
