package io.idcardstream.app;

import io.idcardstream.app.demo.DemoEnvironment;
import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.serde.SchemaRegistries;
import io.idcardstream.serde.SchemaRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The demo's worker: configuration pointed at the demo environment, the recogniser, and Kafka Streams. */
final class DemoPipeline implements AutoCloseable {
    /** The demo's assembly deadline: an application still missing a side is reported this long after its first. */
    static final long ASSEMBLY_DEADLINE_MS = 8_000;

    private final IdCardStreamConfig config;
    private final SchemaRegistry registry;
    private final IdCardRecognizer recognizer;
    private final WorkerRuntime worker;
    private final AutoCloseable ops;
    private final int opsPort;

    private DemoPipeline(IdCardStreamConfig config, SchemaRegistry registry, IdCardRecognizer recognizer,
            WorkerRuntime worker, AutoCloseable ops, int opsPort) {
        this.config = config;
        this.registry = registry;
        this.recognizer = recognizer;
        this.worker = worker;
        this.ops = ops;
        this.opsPort = opsPort;
    }

    static DemoPipeline start(ConfigOptions options, DemoEnvironment environment, Path dataDir) {
        IdCardStreamConfig config = options.load(Map.of(
                IdCardStreamConfig.BOOTSTRAP_SERVERS_CONFIG, environment.bootstrapServers(),
                IdCardStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, environment.registryUrl(),
                IdCardStreamConfig.STATE_DIR_CONFIG, dataDir.resolve("streams").toString(),
                IdCardStreamConfig.APPLICATION_ID_CONFIG, "idcard-stream-demo",
                IdCardStreamConfig.OCR_QUOTA_PARTITIONS_CONFIG, String.valueOf(DemoEnvironment.PARTITIONS),
                IdCardStreamConfig.REPLICATION_FACTOR_CONFIG, environment.embeddedBroker() ? "1" : "-1",
                IdCardStreamConfig.OPS_PORT_CONFIG, "0",
                // Identity assembly on, with a deadline short enough that an unpaired side ends in the demo.
                IdCardStreamConfig.ASSEMBLY_ENABLED_CONFIG, "true",
                IdCardStreamConfig.ASSEMBLY_DEADLINE_MS_CONFIG, String.valueOf(ASSEMBLY_DEADLINE_MS),
                IdCardStreamConfig.ASSEMBLY_DEADLINE_CHECK_INTERVAL_MS_CONFIG, "500"));
        environment.createTopics(List.of(
                config.getString(IdCardStreamConfig.TOPIC_REQUESTS_CONFIG),
                config.getString(IdCardStreamConfig.TOPIC_RECOGNIZED_CONFIG),
                config.getString(IdCardStreamConfig.TOPIC_FAILED_CONFIG),
                config.getString(IdCardStreamConfig.TOPIC_DLQ_CONFIG),
                config.getString(IdCardStreamConfig.TOPIC_ASSEMBLED_CONFIG),
                config.getString(IdCardStreamConfig.TOPIC_INCOMPLETE_CONFIG)));
        SchemaRegistry registry = SchemaRegistries.fromConfig(RunCommand.registryConfig(config));
        IdCardRecognizer recognizer = Recognizers.fromConfig(config, System.getenv(), ImageFetchers.fromConfig(config));
        PrometheusMeterRegistry meters = Metrics.prometheus();
        WorkerRuntime worker = WorkerRuntime.create(config, recognizer, registry, Clock.systemUTC(), meters);
        Metrics.Endpoint ops = Metrics.startOpsEndpoint(config, worker::liveness, worker::readiness, meters);
        worker.start();
        return new DemoPipeline(config, registry, recognizer, worker, ops, ops.port());
    }

    IdCardStreamConfig config() {
        return config;
    }

    SchemaRegistry registry() {
        return registry;
    }

    String bootstrapServers() {
        return String.join(",", config.getList(IdCardStreamConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    String provider() {
        var description = recognizer.description();
        return description.provider() + (description.modelVersion() == null ? "" : " (" + description.modelVersion() + ")");
    }

    int opsPort() {
        return opsPort;
    }

    @Override
    public void close() throws Exception {
        worker.close();
        recognizer.close();
        ops.close();
    }
}
