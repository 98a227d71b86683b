package io.idcardstream.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * The blocking baseline's rate limit ({@code worker.processing=blocking}): each partition's task holds a token
 * bucket of an equal share of the quota and waits for a token on the stream thread.
 *
 * @param quotaPerSecond the account-wide OCR request quota
 * @param inputPartitions partitions of the request topic; each gets {@code quotaPerSecond / inputPartitions}
 * @param maxRateLimitWait longest a request waits for its partition's token
 */
public record BlockingSettings(double quotaPerSecond, int inputPartitions, Duration maxRateLimitWait) {

    public BlockingSettings {
        if (!(quotaPerSecond > 0)) {
            throw new IllegalArgumentException("quotaPerSecond must be positive but was " + quotaPerSecond);
        }
        if (inputPartitions < 1) {
            throw new IllegalArgumentException("inputPartitions must be at least 1 but was " + inputPartitions);
        }
        Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        if (maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("maxRateLimitWait must not be negative but was " + maxRateLimitWait);
        }
    }

    /** Requests per second one partition may make. */
    public double partitionRate() {
        return quotaPerSecond / inputPartitions;
    }
}
