package io.idcardstream.app;

import io.idcardstream.assembly.AssemblyMetrics;
import io.idcardstream.assembly.AssemblySettings;
import io.idcardstream.assembly.AssemblyTopics;
import io.idcardstream.assembly.IdentityAssembly;
import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ops.OpsEndpoint;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.SchemaRegistry;
import io.idcardstream.worker.AsyncSettings;
import io.idcardstream.worker.DispatchSettings;
import io.idcardstream.worker.EpochNanos;
import io.idcardstream.worker.IdCardTopology;
import io.idcardstream.worker.KafkaRequestSource;
import io.idcardstream.worker.OcrDispatcher;
import io.idcardstream.worker.RecordSizeLimit;
import io.idcardstream.worker.RequestSource;
import io.idcardstream.worker.RestoreProgress;
import io.idcardstream.worker.RetryPolicy;
import io.idcardstream.worker.TopicSpec;
import io.idcardstream.worker.WorkerMetrics;
import io.idcardstream.worker.BlockingSettings;
import io.idcardstream.worker.WorkerSettings;
import io.idcardstream.worker.WorkerStreamsConfig;
import io.idcardstream.worker.WorkerTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker assembled from configuration: serdes on one schema registry, the topology, and the Kafka Streams
 * instance running it. {@link #close} stops Streams before the caller closes the recogniser.
 */
final class WorkerRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final OcrDispatcher dispatcher;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private WorkerRuntime(KafkaStreams streams, OcrDispatcher dispatcher) {
        this.streams = streams;
        this.dispatcher = dispatcher;
    }

    /**
     * The local engine is bound by CPU, not by a quota: no rate, and no more calls at once than it has threads.
     * Tencent (or a compatible server) gets the quota and worker.max.in.flight.
     */
    static DispatchSettings dispatchSettings(IdCardStreamConfig config, int inputPartitions, WorkerSettings settings,
            IdCardRecognizer recognizer) {
        boolean local = recognizer.description().provider().equals("local");
        int maxInFlight = local ? config.getInt(IdCardStreamConfig.ENGINE_CONCURRENCY_CONFIG)
                : config.getInt(IdCardStreamConfig.WORKER_MAX_IN_FLIGHT_CONFIG);
        return new DispatchSettings(
                local ? 0 : config.getDouble(IdCardStreamConfig.OCR_QUOTA_RPS_CONFIG),
                inputPartitions,
                config.getDouble(IdCardStreamConfig.OCR_QUOTA_SAFETY_MARGIN_CONFIG),
                maxInFlight,
                Math.min(maxInFlight, config.getInt(IdCardStreamConfig.WORKER_MAX_IN_FLIGHT_PER_PARTITION_CONFIG)),
                settings.callTimeout(),
                Duration.ofMillis(config.getInt(IdCardStreamConfig.OCR_PAUSE_INITIAL_MS_CONFIG)),
                Duration.ofMillis(config.getInt(IdCardStreamConfig.OCR_PAUSE_MAX_MS_CONFIG)));
    }

    static AsyncSettings asyncSettings(IdCardStreamConfig config) {
        return new AsyncSettings(
                new RetryPolicy(config.getInt(IdCardStreamConfig.OCR_RETRY_MAX_ATTEMPTS_CONFIG),
                        Duration.ofMillis(config.getInt(IdCardStreamConfig.OCR_RETRY_BACKOFF_INITIAL_MS_CONFIG)),
                        Duration.ofMillis(config.getInt(IdCardStreamConfig.OCR_RETRY_BACKOFF_MAX_MS_CONFIG)),
                        Duration.ofMillis(config.getLong(IdCardStreamConfig.OCR_RETRY_DEADLINE_MS_CONFIG))),
                config.getInt(IdCardStreamConfig.WORKER_MAX_PENDING_PER_PARTITION_CONFIG),
                config.getInt(IdCardStreamConfig.WORKER_MAX_PENDING_REPLAYS_PER_PARTITION_CONFIG),
                Duration.ofMillis(config.getInt(IdCardStreamConfig.WORKER_PENDING_FULL_WAIT_MS_CONFIG)),
                Duration.ofMillis(config.getLong(IdCardStreamConfig.LEDGER_RETENTION_MS_CONFIG)),
                Duration.ofMillis(config.getInt(IdCardStreamConfig.WORKER_POLL_INTERVAL_MS_CONFIG)));
    }

    static Map<String, Object> kafkaClientConfig(IdCardStreamConfig config) {
        Map<String, Object> props = new java.util.HashMap<>(config.kafkaOverrides());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", config.getList(IdCardStreamConfig.BOOTSTRAP_SERVERS_CONFIG)));
        return props;
    }

    static WorkerRuntime create(IdCardStreamConfig config, IdCardRecognizer recognizer, SchemaRegistry registry,
            Clock clock, MeterRegistry meters) {
        boolean autoRegister = config.getBoolean(IdCardStreamConfig.AUTO_REGISTER_SCHEMAS_CONFIG);
        WorkerTopics topics = new WorkerTopics(
                new TopicSpec<>(config.getString(IdCardStreamConfig.TOPIC_REQUESTS_CONFIG), Serdes.String(),
                        new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry, autoRegister, false)),
                new TopicSpec<>(config.getString(IdCardStreamConfig.TOPIC_RECOGNIZED_CONFIG), Serdes.String(),
                        new ConfluentAvroSerde<>(IdentityRecognized.class, registry, autoRegister, false)),
                new TopicSpec<>(config.getString(IdCardStreamConfig.TOPIC_FAILED_CONFIG), Serdes.String(),
                        new ConfluentAvroSerde<>(IdCardOcrFailed.class, registry, autoRegister, false)),
                config.getString(IdCardStreamConfig.TOPIC_DLQ_CONFIG));
        int inputPartitions, maxRequestSize;
        try (Admin admin = Admin.create(kafkaClientConfig(config))) { // the two things read from the cluster at start
            inputPartitions = inputPartitions(config, admin);
            maxRequestSize = maxRequestSize(config, admin);
        }
        WorkerSettings settings = new WorkerSettings(
                Duration.ofMillis(config.getInt(IdCardStreamConfig.OCR_CALL_TIMEOUT_MS_CONFIG)),
                config.getInt(IdCardStreamConfig.IMAGE_INLINE_MAX_BYTES_CONFIG),
                config.getInt(IdCardStreamConfig.CROP_MAX_BYTES_CONFIG));
        WorkerMetrics metrics = new WorkerMetrics(meters);
        boolean async = config.getString(IdCardStreamConfig.WORKER_PROCESSING_CONFIG).equals("async");
        OcrDispatcher dispatcher = null;
        Topology topology;
        if (async) {
            dispatcher = new OcrDispatcher(recognizer, dispatchSettings(config, inputPartitions, settings, recognizer),
                    new EpochNanos(), metrics).start();
            RequestSource source = new KafkaRequestSource(kafkaClientConfig(config),
                    topics.requests().valueSerde().deserializer(), Duration.ofSeconds(30));
            topology = IdCardTopology.async(settings, asyncSettings(config), topics, dispatcher, source, clock,
                    metrics);
        } else {
            BlockingSettings rate = new BlockingSettings(config.getDouble(IdCardStreamConfig.OCR_QUOTA_RPS_CONFIG),
                    inputPartitions, Duration.ofMillis(config.getInt(IdCardStreamConfig.OCR_RATE_MAX_WAIT_MS_CONFIG)));
            topology = IdCardTopology.blocking(settings, rate, topics, recognizer, clock, metrics);
        }
        if (recognizer.description().provider().equals("local")) {
            log.info("Worker ({} processing): {} input partitions, local engine, {} recognitions at once",
                    async ? "async" : "blocking", inputPartitions,
                    config.getInt(IdCardStreamConfig.ENGINE_CONCURRENCY_CONFIG));
        } else {
            log.info("Worker ({} processing): {} input partitions share {} OCR requests/s; provider {} at {}",
                    async ? "async" : "blocking", inputPartitions,
                    config.getDouble(IdCardStreamConfig.OCR_QUOTA_RPS_CONFIG),
                    recognizer.description().provider(), recognizer.description().endpoint());
        }
        if (config.getBoolean(IdCardStreamConfig.ASSEMBLY_ENABLED_CONFIG)) {
            IdentityAssembly.addTo(topology, assemblyTopics(config, registry, autoRegister), assemblySettings(config),
                    new AssemblyMetrics(meters));
            log.info("Identity assembly on: {} and {} -> {} / {}, deadline {} ms",
                    config.getString(IdCardStreamConfig.TOPIC_RECOGNIZED_CONFIG),
                    config.getString(IdCardStreamConfig.TOPIC_FAILED_CONFIG),
                    config.getString(IdCardStreamConfig.TOPIC_ASSEMBLED_CONFIG),
                    config.getString(IdCardStreamConfig.TOPIC_INCOMPLETE_CONFIG),
                    config.getLong(IdCardStreamConfig.ASSEMBLY_DEADLINE_MS_CONFIG));
        }
        KafkaStreams streams = new KafkaStreams(topology, WorkerStreamsConfig.from(config, metrics, maxRequestSize));
        new KafkaStreamsMetrics(streams).bindTo(meters);
        streams.setGlobalStateRestoreListener(new RestoreProgress(meters, System::nanoTime));
        WorkerRuntime runtime = new WorkerRuntime(streams, dispatcher);
        streams.setStateListener((next, previous) -> {
            log.info("Kafka Streams {} -> {}", previous, next);
            if (next == KafkaStreams.State.NOT_RUNNING || next == KafkaStreams.State.ERROR) {
                runtime.stopped.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            log.error("The worker stopped on an unexpected error; no outcome was committed for the record in "
                    + "progress, so it is processed again after a restart", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        return runtime;
    }

    /** Identity assembly's topics: it reads the worker's outcome topics and writes its own two. */
    static AssemblyTopics assemblyTopics(IdCardStreamConfig config, SchemaRegistry registry, boolean autoRegister) {
        return new AssemblyTopics(
                config.getString(IdCardStreamConfig.TOPIC_RECOGNIZED_CONFIG),
                new ConfluentAvroSerde<>(IdentityRecognized.class, registry, autoRegister, false),
                config.getString(IdCardStreamConfig.TOPIC_FAILED_CONFIG),
                new ConfluentAvroSerde<>(IdCardOcrFailed.class, registry, autoRegister, false),
                config.getString(IdCardStreamConfig.TOPIC_ASSEMBLED_CONFIG),
                new ConfluentAvroSerde<>(IdentityAssembled.class, registry, autoRegister, false),
                config.getString(IdCardStreamConfig.TOPIC_INCOMPLETE_CONFIG),
                new ConfluentAvroSerde<>(IdentityIncomplete.class, registry, autoRegister, false));
    }

    static AssemblySettings assemblySettings(IdCardStreamConfig config) {
        return new AssemblySettings(
                Duration.ofMillis(config.getLong(IdCardStreamConfig.ASSEMBLY_DEADLINE_MS_CONFIG)),
                Duration.ofMillis(config.getInt(IdCardStreamConfig.ASSEMBLY_DEADLINE_CHECK_INTERVAL_MS_CONFIG)),
                Duration.ofMillis(config.getLong(IdCardStreamConfig.ASSEMBLY_STATE_RETENTION_MS_CONFIG)));
    }

    /** The producer's largest record, fitted to the topics the worker writes (fails on an operator's too large). */
    static int maxRequestSize(IdCardStreamConfig config, Admin admin) {
        java.util.List<String> written = new java.util.ArrayList<>(java.util.List.of(
                config.getString(IdCardStreamConfig.TOPIC_RECOGNIZED_CONFIG),
                config.getString(IdCardStreamConfig.TOPIC_FAILED_CONFIG),
                config.getString(IdCardStreamConfig.TOPIC_DLQ_CONFIG)));
        if (config.getBoolean(IdCardStreamConfig.ASSEMBLY_ENABLED_CONFIG)) {
            written.add(config.getString(IdCardStreamConfig.TOPIC_ASSEMBLED_CONFIG));
            written.add(config.getString(IdCardStreamConfig.TOPIC_INCOMPLETE_CONFIG));
        }
        return RecordSizeLimit.resolve(config, admin, written);
    }

    /** The partition count the quota is divided by: configured, or read from the request topic. */
    static int inputPartitions(IdCardStreamConfig config, Admin admin) {
        int configured = config.getInt(IdCardStreamConfig.OCR_QUOTA_PARTITIONS_CONFIG);
        if (configured > 0) {
            return configured;
        }
        String topic = config.getString(IdCardStreamConfig.TOPIC_REQUESTS_CONFIG);
        try {
            return admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (Exception e) {
            throw new ConfigException("Cannot read the partition count of " + topic + " from "
                    + config.getList(IdCardStreamConfig.BOOTSTRAP_SERVERS_CONFIG) + " within 30 s (does the topic "
                    + "exist? set " + IdCardStreamConfig.OCR_QUOTA_PARTITIONS_CONFIG + " to skip this): " + e);
        }
    }

    void start() {
        streams.start();
    }

    KafkaStreams streams() {
        return streams;
    }

    OpsEndpoint.Status liveness() {
        return WorkerHealth.liveness(streams.state());
    }

    OpsEndpoint.Status readiness() {
        return WorkerHealth.readiness(streams.state(), dispatcher != null && dispatcher.paused());
    }

    /** Blocks until Streams stops (shutdown or fatal error); true when it stopped in ERROR. */
    boolean awaitStop() throws InterruptedException {
        stopped.await();
        return streams.state() == KafkaStreams.State.ERROR;
    }

    /**
     * Stops Streams first (no task takes results any more), then the dispatcher. The instance leaves the group
     * on the way out, so its partitions move at once instead of after the session timeout (45 s).
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        if (dispatcher != null) {
            dispatcher.close();
        }
    }
}
