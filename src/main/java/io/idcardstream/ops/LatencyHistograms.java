package io.idcardstream.ops;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * One bucket layout for every timer: histogram buckets ({@code _bucket} series from 1 ms to 2 min), so dashboards
 * and SLO alerts can compute p99 across instances; a client-side percentile cannot be aggregated.
 */
public final class LatencyHistograms {
    private LatencyHistograms() {
    }

    public static Timer.Builder withBuckets(Timer.Builder timer) {
        return timer.publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2));
    }
}
