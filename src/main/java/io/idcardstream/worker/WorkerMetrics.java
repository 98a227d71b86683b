package io.idcardstream.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's own metrics (Prometheus names in brackets):
 * <ul>
 *   <li>{@code idcard.outcomes} [idcard_outcomes_total] by {@code outcome} (recognized, failed, dead_letter) and
 *       {@code code} (the API's error code, or {@code ok});</li>
 *   <li>{@code idcard.ocr.call} [idcard_ocr_call_seconds] OCR call latency by {@code code};</li>
 *   <li>{@code idcard.rate.limit.wait} [idcard_rate_limit_wait_seconds] time spent waiting for a partition's
 *       token;</li>
 *   <li>{@code idcard.ocr.in.flight} [idcard_ocr_in_flight] OCR calls under way.</li>
 * </ul>
 *
 * <p>Threading notes: thread-safe (Micrometer meters are).
 */
public final class WorkerMetrics {
    public static final String OK = "ok";

    private final MeterRegistry registry;
    private final Timer rateLimitWait;
    private final AtomicInteger inFlight = new AtomicInteger();

    public WorkerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimitWait = Timer.builder("idcard.rate.limit.wait")
                .description("Time requests waited for their partition's rate limiter")
                .register(registry);
        registry.gauge("idcard.ocr.in.flight", inFlight);
    }

    void outcome(String outcome, String code) {
        Counter.builder("idcard.outcomes")
                .description("Outcome events published, by outcome and error code")
                .tag("outcome", outcome)
                .tag("code", code)
                .register(registry)
                .increment();
    }

    void rateLimitWaited(long nanos) {
        rateLimitWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    void callStarted() {
        inFlight.incrementAndGet();
    }

    void callEnded(Duration took, String code) {
        inFlight.decrementAndGet();
        Timer.builder("idcard.ocr.call")
                .description("OCR call latency, by result code")
                .tag("code", code)
                .register(registry)
                .record(took);
    }
}
