package io.idcardstream.app;

import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.serde.SchemaRegistries;
import io.idcardstream.serde.SchemaRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code run}: the worker, until it is stopped (SIGTERM / Ctrl-C) or fails. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the Kafka Streams worker: consume IdCardOcrRequested events from topic.requests, recognise each "
                    + "card with ocr.provider (local engine or the IDCardOCR API at tencent.endpoint) within "
                    + "ocr.quota.rps shared by the input partitions, and publish exactly one outcome per request: "
                    + "IdentityRecognized to topic.recognized, IdCardOcrFailed (with the API's error code) to "
                    + "topic.failed, or the undecodable record to topic.dlq.",
            "",
            "Settings come from --config-file (or $IDCARD_CONFIG_FILE), then IDCARD_* environment variables, then "
                    + "-D options; the README lists every key. The topics must exist."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped on request", "1:stopped by a fatal error", "2:invalid configuration"})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        IdCardStreamConfig config = options.load();
        SchemaRegistry registry = SchemaRegistries.fromConfig(registryConfig(config));
        PrometheusMeterRegistry meters = Metrics.prometheus();
        try (IdCardRecognizer recognizer = Recognizers.fromConfig(config, System.getenv(),
                        ImageFetchers.fromConfig(config));
                WorkerRuntime worker = WorkerRuntime.create(config, recognizer, registry, Clock.systemUTC(), meters);
                Metrics.Endpoint ops = Metrics.startOpsEndpoint(config, worker::liveness, worker::readiness, meters)) {
            // SIGTERM / Ctrl-C stop the worker here, so the command returns 0 ("stopped on request"); the hook
            // covers other ways the JVM may be asked to stop.
            StopSignals.install().thenRun(worker::close);
            Thread shutdown = new Thread(worker::close, "idcard-stream-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);
            worker.start();
            return worker.awaitStop() ? 1 : 0;
        }
    }

    /** The registry settings under Confluent's key names. */
    static Map<String, Object> registryConfig(IdCardStreamConfig config) {
        return Map.of(
                IdCardStreamConfig.SCHEMA_REGISTRY_URL_CONFIG,
                config.getString(IdCardStreamConfig.SCHEMA_REGISTRY_URL_CONFIG),
                IdCardStreamConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_CONFIG,
                config.getPassword(IdCardStreamConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_CONFIG),
                IdCardStreamConfig.SCHEMA_REGISTRY_TIMEOUT_MS_CONFIG,
                config.getInt(IdCardStreamConfig.SCHEMA_REGISTRY_TIMEOUT_MS_CONFIG));
    }
}
