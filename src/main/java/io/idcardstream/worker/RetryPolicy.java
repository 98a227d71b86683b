package io.idcardstream.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;

/**
 * When to try a retryable OCR failure again: exponential backoff with full jitter (a uniformly random delay
 * up to {@code initialBackoff × 2^(attempt-1)}, capped at {@code maxBackoff}), at most {@code maxAttempts}
 * calls, and never past {@code deadline} after the request was accepted.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration deadline) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(deadline, "deadline");
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 < initial <= max but was " + initialBackoff
                    + " and " + maxBackoff);
        }
    }

    /** No retries: the first failure is the outcome. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO);
    }

    /**
     * @param attemptsMade calls made so far (at least 1)
     * @param acceptedAt epoch millis when the request was accepted
     * @param now epoch millis now
     * @param random uniform in [0, 1)
     * @return epoch millis of the next attempt, or empty when the request has used up its attempts or deadline
     */
    public OptionalLong nextAttemptAt(int attemptsMade, long acceptedAt, long now, DoubleSupplier random) {
        if (attemptsMade >= maxAttempts) {
            return OptionalLong.empty();
        }
        int exponent = Math.min(attemptsMade - 1, 30);
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << exponent);
        long next = now + (long) (random.getAsDouble() * ceiling);
        return next <= acceptedAt + deadline.toMillis() ? OptionalLong.of(next) : OptionalLong.empty();
    }
}
