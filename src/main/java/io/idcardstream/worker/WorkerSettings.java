package io.idcardstream.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * What the OCR processor needs to know, validated at construction.
 *
 * @param quotaPerSecond the account-wide OCR request quota
 * @param inputPartitions partitions of the request topic; each gets {@code quotaPerSecond / inputPartitions}
 * @param callTimeout deadline of one OCR call
 * @param maxRateLimitWait longest a request waits for its partition's token
 * @param inlineImageMaxBytes largest inline image accepted
 * @param cropMaxBytes largest crop carried in an outcome
 */
public record WorkerSettings(
        double quotaPerSecond,
        int inputPartitions,
        Duration callTimeout,
        Duration maxRateLimitWait,
        int inlineImageMaxBytes,
        int cropMaxBytes) {

    public WorkerSettings {
        if (!(quotaPerSecond > 0)) {
            throw new IllegalArgumentException("quotaPerSecond must be positive but was " + quotaPerSecond);
        }
        if (inputPartitions < 1) {
            throw new IllegalArgumentException("inputPartitions must be at least 1 but was " + inputPartitions);
        }
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive but was " + callTimeout);
        }
        if (maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("maxRateLimitWait must not be negative but was " + maxRateLimitWait);
        }
        if (inlineImageMaxBytes < 1) {
            throw new IllegalArgumentException("inlineImageMaxBytes must be positive but was " + inlineImageMaxBytes);
        }
        if (cropMaxBytes < 0) {
            throw new IllegalArgumentException("cropMaxBytes must not be negative but was " + cropMaxBytes);
        }
    }

    /** Requests per second one partition may make. */
    public double partitionRate() {
        return quotaPerSecond / inputPartitions;
    }
}
