package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WorkerMetricsTest {
    private static final Pattern SUCCESS_BUCKET = Pattern.compile(
            "idcard_ocr_call_seconds_bucket\\{code=\"Success\",le=\"([0-9.]+)\"} ([0-9]+)");

    @Test
    void shouldPublishHistogramBucketsForCallLatencyAndRateLimitWaits() {
        // Given
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        WorkerMetrics metrics = new WorkerMetrics(registry);

        // When one call of 250 ms ends and one ready call waited 40 ms for a slot
        metrics.callStarted();
        metrics.callEnded(Duration.ofMillis(250), "Success");
        metrics.rateLimitWaited(Duration.ofMillis(40).toNanos());

        // Then the call has finite buckets from 1 ms to 2 min, counting it in those at or above 250 ms only
        String scrape = registry.scrape();
        TreeMap<Double, Long> buckets = new TreeMap<>();
        scrape.lines().map(SUCCESS_BUCKET::matcher).filter(Matcher::matches)
                .forEach(bucket -> buckets.put(Double.parseDouble(bucket.group(1)), Long.parseLong(bucket.group(2))));
        assertThat(buckets).hasSizeGreaterThan(20);
        assertThat(buckets.keySet()).allSatisfy(le -> assertThat(le).isBetween(0.001, 120.0));
        assertThat(buckets.firstKey()).isLessThan(0.002);
        assertThat(buckets.lastKey()).isGreaterThan(60.0);
        buckets.forEach((le, count) -> assertThat(count).as("le=%s", le).isEqualTo(le >= 0.25 ? 1L : 0L));
        assertThat(scrape).contains("idcard_ocr_call_seconds_bucket{code=\"Success\",le=\"+Inf\"} 1",
                "idcard_rate_limit_wait_seconds_bucket{le=\"+Inf\"} 1");
    }
}
