package io.idcardstream.app;

import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.ops.OpsEndpoint;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The process's Prometheus registry with JVM metrics, and the operator endpoint that serves it. */
final class Metrics {
    private static final Logger log = LoggerFactory.getLogger(Metrics.class);

    private Metrics() {}

    static PrometheusMeterRegistry prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    /** Starts the endpoint at {@code ops.host}:{@code ops.port}; nothing when the port is -1. */
    static AutoCloseable startOpsEndpoint(IdCardStreamConfig config, Supplier<OpsEndpoint.Status> liveness,
            Supplier<OpsEndpoint.Status> readiness, PrometheusMeterRegistry registry) {
        int port = config.getInt(IdCardStreamConfig.OPS_PORT_CONFIG);
        if (port < 0) {
            return () -> { };
        }
        String host = config.getString(IdCardStreamConfig.OPS_HOST_CONFIG);
        try {
            OpsEndpoint endpoint = OpsEndpoint.start(host, port, liveness, readiness, registry::scrape);
            log.info("Operations endpoint on http://{}:{}/ (healthz, readyz, metrics)", host, endpoint.port());
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the operations endpoint on " + host + ":" + port
                    + " (set ops.port to a free port, or -1 to turn it off)", e);
        }
    }
}
