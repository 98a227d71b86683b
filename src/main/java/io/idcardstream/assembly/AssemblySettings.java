package io.idcardstream.assembly;

import java.time.Duration;
import java.util.Objects;

/**
 * What identity assembly needs to know, validated at construction.
 *
 * @param deadline how long after an application's first outcome a missing or failed side ends it as
 *     {@code IdentityIncomplete}
 * @param checkInterval how often (wall clock) deadlines and expired state are looked for
 * @param retention how long a decided application is kept, so reprocessed sides re-assemble with the next revision
 */
public record AssemblySettings(Duration deadline, Duration checkInterval, Duration retention) {
    public AssemblySettings {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(checkInterval, "checkInterval");
        Objects.requireNonNull(retention, "retention");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive but was " + deadline);
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("checkInterval must be positive but was " + checkInterval);
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative but was " + retention);
        }
    }
}
