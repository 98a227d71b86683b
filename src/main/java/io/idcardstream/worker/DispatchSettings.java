package io.idcardstream.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * How the instance-wide {@link OcrDispatcher} spends the quota.
 *
 * @param quotaPerSecond account-wide OCR requests per second; 0 means no rate limit (the local engine, which is
 *     bound by CPU: {@code maxInFlight} is its limit)
 * @param totalPartitions input partitions of the whole application; this instance's share of the quota is
 *     {@code quota × owned / totalPartitions} ({@link QuotaSlots}: partition {@code p} owns every slot {@code n}
 *     with {@code n mod totalPartitions = p})
 * @param safetyMargin the quota's time slots are {@code (1 + safetyMargin) / quota} seconds long, so calls that
 *     reach the provider up to that much closer together than they left still fit its one-second quota
 * @param maxInFlight calls under way at once in this instance
 * @param maxInFlightPerPartition calls under way at once for one partition
 * @param callTimeout deadline of one call, after which it ends as {@code ClientTimeout} whatever the recogniser does
 * @param initialPause how long account-wide errors (credentials, billing) stop all calls at first; doubles up
 *     to {@code maxPause} while they persist
 */
public record DispatchSettings(
        double quotaPerSecond,
        int totalPartitions,
        double safetyMargin,
        int maxInFlight,
        int maxInFlightPerPartition,
        Duration callTimeout,
        Duration initialPause,
        Duration maxPause) {

    public DispatchSettings {
        if (quotaPerSecond < 0) {
            throw new IllegalArgumentException("quotaPerSecond must not be negative but was " + quotaPerSecond);
        }
        if (totalPartitions < 1) {
            throw new IllegalArgumentException("totalPartitions must be at least 1 but was " + totalPartitions);
        }
        if (safetyMargin < 0 || safetyMargin >= 1) {
            throw new IllegalArgumentException("safetyMargin must be in [0, 1) but was " + safetyMargin);
        }
        if (maxInFlight < 1 || maxInFlightPerPartition < 1) {
            throw new IllegalArgumentException("maxInFlight and maxInFlightPerPartition must be at least 1 but were "
                    + maxInFlight + " and " + maxInFlightPerPartition);
        }
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(initialPause, "initialPause");
        Objects.requireNonNull(maxPause, "maxPause");
    }

    boolean rateLimited() {
        return quotaPerSecond > 0;
    }
}
