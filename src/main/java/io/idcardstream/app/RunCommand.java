package io.idcardstream.app;

import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.serde.AvroSerdeConfig;
import io.idcardstream.serde.RestSchemaRegistry;
import io.idcardstream.serde.SchemaRegistries;
import io.idcardstream.serde.SchemaRegistry;
import io.idcardstream.serde.SubjectGovernance;
import io.idcardstream.serde.SubjectGovernance.SubjectState;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        IdCardStreamConfig config = options.load();
        SchemaRegistry registry = SchemaRegistries.fromConfig(registryConfig(config));
        checkSchemas(config, registry);
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

    /**
     * Without auto-registration, a missing schema would fail the first outcome of each kind, after its paid call:
     * refuse to start instead. A subject at another level than DESIGN.md's only gets a warning.
     */
    private static void checkSchemas(IdCardStreamConfig config, SchemaRegistry registry) {
        if (config.getBoolean(IdCardStreamConfig.AUTO_REGISTER_SCHEMAS_CONFIG)
                || !(registry instanceof RestSchemaRegistry rest)) {
            return;
        }
        for (SubjectState state : new SubjectGovernance(rest).requireWritable(EventSubjects.of(config))) {
            log.warn("Schema subject not at its compatibility level ({}); `idcard-stream schemas apply` sets it",
                    state.describe());
        }
    }

    /** The registry settings under Confluent's key names (ours are the same, except the bearer token's). */
    static Map<String, Object> registryConfig(IdCardStreamConfig config) {
        Map<String, Object> registry = new HashMap<>();
        for (String key : List.of(IdCardStreamConfig.SCHEMA_REGISTRY_URL_CONFIG,
                IdCardStreamConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_CONFIG,
                IdCardStreamConfig.SCHEMA_REGISTRY_TIMEOUT_MS_CONFIG,
                IdCardStreamConfig.SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION_CONFIG,
                IdCardStreamConfig.SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD_CONFIG,
                IdCardStreamConfig.SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE_CONFIG,
                IdCardStreamConfig.SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION_CONFIG,
                IdCardStreamConfig.SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD_CONFIG,
                IdCardStreamConfig.SCHEMA_REGISTRY_SSL_KEYSTORE_TYPE_CONFIG,
                IdCardStreamConfig.SCHEMA_REGISTRY_SSL_KEY_PASSWORD_CONFIG)) {
            registry.put(key, config.values().get(key));
        }
        Password token = config.getPassword(IdCardStreamConfig.SCHEMA_REGISTRY_BEARER_AUTH_TOKEN_CONFIG);
        if (!token.value().isEmpty()) {
            registry.put(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG, AvroSerdeConfig.STATIC_TOKEN_SOURCE);
            registry.put(AvroSerdeConfig.BEARER_AUTH_TOKEN_CONFIG, token);
        }
        return registry;
    }
}
