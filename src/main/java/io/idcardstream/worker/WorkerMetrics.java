package io.idcardstream.worker;

import io.idcardstream.ops.LatencyHistograms;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.ToIntFunction;

/**
 * The worker's own metrics (Prometheus names):
 * <ul>
 *   <li>{@code idcard_outcomes_total{outcome,code}}: outcome events by kind (recognized, failed, duplicate,
 *       dead_letter) and error code ({@code ok} for success);</li>
 *   <li>{@code idcard_ocr_call_seconds{code}}: OCR call latency;</li>
 *   <li>{@code idcard_rate_limit_wait_seconds}: time a ready call waited for a token;</li>
 *   <li>{@code idcard_ocr_in_flight}: calls under way; {@code idcard_ocr_ready}: calls waiting for a token;</li>
 *   <li>{@code idcard_pending_requests}: accepted requests not answered yet (the backlog consumer lag does not
 *       show; autoscale on both);</li>
 *   <li>{@code idcard_ocr_retries_total{code}}, {@code idcard_ocr_throttled_total},
 *       {@code idcard_ocr_pauses_total{code}}, {@code idcard_ocr_paused} (1 while paused),
 *       {@code idcard_ocr_rate_per_second} (the dispatcher's current rate).</li>
 * </ul>
 *
 * <p>Threading notes: thread-safe (Micrometer meters are).
 */
public final class WorkerMetrics {
    public static final String OK = "ok";

    private final MeterRegistry registry;
    private final Timer rateLimitWait;
    private final Counter throttled;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();

    public WorkerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimitWait = LatencyHistograms.withBuckets(Timer.builder("idcard.rate.limit.wait")
                .description("Time ready calls waited for the rate limiter"))
                .register(registry);
        this.throttled = Counter.builder("idcard.ocr.throttled")
                .description("Calls the provider refused with RequestLimitExceeded")
                .register(registry);
        Gauge.builder("idcard.ocr.in.flight", inFlight, AtomicInteger::get)
                .description("OCR calls under way").register(registry);
        Gauge.builder("idcard.pending.requests", pending, AtomicInteger::get)
                .description("Accepted requests not answered yet").register(registry);
    }

    /** @param ready calls waiting for a slot, of live traffic ({@code false}) or replays ({@code true}) */
    void bindDispatcher(ToIntFunction<Boolean> ready, DoubleSupplier rate, BooleanSupplier paused) {
        for (boolean replay : new boolean[] {false, true}) {
            Gauge.builder("idcard.ocr.ready", () -> ready.applyAsInt(replay))
                    .description("Calls waiting for a quota slot, live or replay (reprocess=true)")
                    .tag("traffic", traffic(replay)).register(registry);
        }
        Gauge.builder("idcard.ocr.rate.per.second", rate::getAsDouble)
                .description("Current dispatch rate of this instance").register(registry);
        Gauge.builder("idcard.ocr.paused", () -> paused.getAsBoolean() ? 1 : 0)
                .description("1 while account-wide errors pause all calls").register(registry);
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

    /** A call of the async path started, live or replay: the quota each class gets. */
    void callStarted(boolean replay) {
        callStarted();
        Counter.builder("idcard.ocr.calls.started").description("OCR calls started, live or replay (reprocess=true)")
                .tag("traffic", traffic(replay)).register(registry).increment();
    }

    private static String traffic(boolean replay) {
        return replay ? "replay" : "live";
    }

    void callEnded(Duration took, String code) {
        inFlight.decrementAndGet();
        LatencyHistograms.withBuckets(Timer.builder("idcard.ocr.call")
                .description("OCR call latency, by result code")
                .tag("code", code))
                .register(registry)
                .record(took);
    }

    void retried(String code) {
        Counter.builder("idcard.ocr.retries").description("Calls retried, by the error that caused the retry")
                .tag("code", code).register(registry).increment();
    }

    void throttled() {
        throttled.increment();
    }

    void paused(String code) {
        Counter.builder("idcard.ocr.pauses").description("Pauses caused by account-wide errors")
                .tag("code", code).register(registry).increment();
    }

    void pendingOverflow() {
        Counter.builder("idcard.pending.overflow")
                .description("Records taken by a full task after waiting pending.full.wait.ms for a slot")
                .register(registry).increment();
    }

    void pendingChanged(int delta) {
        pending.addAndGet(delta);
    }
}
