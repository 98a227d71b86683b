package io.idcardstream.server;

import io.idcardstream.ops.LatencyHistograms;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The server's metrics in Prometheus text format (Micrometer):
 * <ul>
 *   <li>{@code idcard_server_requests_seconds_count/sum/max{code}}: API answers by code ({@code Success} or
 *       the error code) and their latency from the first byte read to the answer;
 *   <li>{@code idcard_server_in_flight}: requests admitted and not yet answered, next to
 *       {@code idcard_server_queue_capacity};
 *   <li>{@code idcard_server_connections_rejected_total}: connections closed at accept because a connection
 *       cap (per client address or in all) was reached;
 *   <li>{@code idcard_server_connections_timed_out_total}: connections closed because their headers, body or
 *       whole exchange missed a deadline;
 *   <li>JVM memory, threads and CPU.
 * </ul>
 * Error codes come from a fixed set (the API's and the recogniser's), so the {@code code} tag stays small.
 *
 * <p>Threading notes: thread-safe (Micrometer meters are).
 */
final class ServerMetrics implements Http1Server.Listener {
    static final String SUCCESS = "Success";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter rejectedConnections;
    private final Counter timedOutConnections;

    ServerMetrics(IntSupplier inFlight, int queueCapacity) {
        Gauge.builder("idcard.server.in.flight", inFlight::getAsInt)
                .description("API requests admitted and not yet answered").register(registry);
        Gauge.builder("idcard.server.queue.capacity", () -> queueCapacity)
                .description("Most API requests admitted at once (server.queue.capacity)").register(registry);
        rejectedConnections = Counter.builder("idcard.server.connections.rejected")
                .description("Connections closed at accept because a connection cap (per address or in all) was reached")
                .register(registry);
        timedOutConnections = Counter.builder("idcard.server.connections.timed.out")
                .description("Connections closed because their headers, body or whole exchange missed a deadline")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    void answered(String code, long nanos) {
        LatencyHistograms.withBuckets(Timer.builder("idcard.server.requests")
                .description("IDCardOCR API answers by code, with their latency")
                .tag("code", code))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void connectionRejected(boolean perAddress) {
        rejectedConnections.increment();
    }

    @Override
    public void connectionTimedOut() {
        timedOutConnections.increment();
    }

    long connectionsTimedOut() {
        return (long) timedOutConnections.count();
    }

    long connectionsRejected() {
        return (long) rejectedConnections.count();
    }

    /** Prometheus text exposition format 0.0.4. */
    String scrape() {
        return registry.scrape();
    }

    void close() {
        registry.close();
    }
}
