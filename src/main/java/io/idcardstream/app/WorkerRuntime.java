package io.idcardstream.app;

import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ops.OpsEndpoint;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.SchemaRegistry;
import io.idcardstream.worker.IdCardTopology;
import io.idcardstream.worker.TopicSpec;
import io.idcardstream.worker.WorkerMetrics;
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
import org.apache.kafka.streams.KafkaStreams;
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
    private final CountDownLatch stopped = new CountDownLatch(1);

    private WorkerRuntime(KafkaStreams streams) {
        this.streams = streams;
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
        WorkerSettings settings = new WorkerSettings(
                config.getDouble(IdCardStreamConfig.OCR_QUOTA_RPS_CONFIG),
                inputPartitions(config),
                Duration.ofMillis(config.getInt(IdCardStreamConfig.OCR_CALL_TIMEOUT_MS_CONFIG)),
                Duration.ofMillis(config.getInt(IdCardStreamConfig.OCR_RATE_MAX_WAIT_MS_CONFIG)),
                config.getInt(IdCardStreamConfig.IMAGE_INLINE_MAX_BYTES_CONFIG),
                config.getInt(IdCardStreamConfig.CROP_MAX_BYTES_CONFIG));
        log.info("Worker: {} input partitions share {} OCR requests/s ({} per partition); provider {}",
                settings.inputPartitions(), settings.quotaPerSecond(), String.format("%.3f", settings.partitionRate()),
                recognizer.description().provider());
        KafkaStreams streams = new KafkaStreams(
                IdCardTopology.build(settings, topics, recognizer, clock, new WorkerMetrics(meters)),
                WorkerStreamsConfig.from(config));
        new KafkaStreamsMetrics(streams).bindTo(meters);
        WorkerRuntime runtime = new WorkerRuntime(streams);
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

    /** The partition count the quota is divided by: configured, or read from the request topic. */
    static int inputPartitions(IdCardStreamConfig config) {
        int configured = config.getInt(IdCardStreamConfig.OCR_QUOTA_PARTITIONS_CONFIG);
        if (configured > 0) {
            return configured;
        }
        String topic = config.getString(IdCardStreamConfig.TOPIC_REQUESTS_CONFIG);
        Map<String, Object> adminConfig = new java.util.HashMap<>(config.kafkaOverrides());
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", config.getList(IdCardStreamConfig.BOOTSTRAP_SERVERS_CONFIG)));
        try (Admin admin = Admin.create(adminConfig)) {
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

    /** Liveness: false once Streams has failed or stopped, so an orchestrator restarts the process. */
    OpsEndpoint.Status liveness() {
        KafkaStreams.State state = streams.state();
        boolean alive = state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.NOT_RUNNING;
        return new OpsEndpoint.Status(alive, state.name());
    }

    /** Readiness: processing (RUNNING); a rebalance or a restore is not ready. */
    OpsEndpoint.Status readiness() {
        KafkaStreams.State state = streams.state();
        return new OpsEndpoint.Status(state == KafkaStreams.State.RUNNING, state.name());
    }

    /** Blocks until Streams stops (shutdown or fatal error); true when it stopped in ERROR. */
    boolean awaitStop() throws InterruptedException {
        stopped.await();
        return streams.state() == KafkaStreams.State.ERROR;
    }

    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
    }
}
