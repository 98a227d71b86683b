package io.idcardstream.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * What both processors need to know, validated at construction. The blocking baseline's own rate limit is in
 * {@link BlockingSettings}, so the async path never checks settings it does not use.
 *
 * @param callTimeout deadline of one OCR call
 * @param inlineImageMaxBytes largest inline image accepted
 * @param cropMaxBytes largest crop carried in an outcome
 */
public record WorkerSettings(Duration callTimeout, int inlineImageMaxBytes, int cropMaxBytes) {

    public WorkerSettings {
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive but was " + callTimeout);
        }
        if (inlineImageMaxBytes < 1) {
            throw new IllegalArgumentException("inlineImageMaxBytes must be positive but was " + inlineImageMaxBytes);
        }
        if (cropMaxBytes < 0) {
            throw new IllegalArgumentException("cropMaxBytes must not be negative but was " + cropMaxBytes);
        }
    }
}
