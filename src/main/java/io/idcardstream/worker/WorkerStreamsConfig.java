package io.idcardstream.worker;

import io.idcardstream.config.IdCardStreamConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams properties of the worker, derived from the application's configuration. */
public final class WorkerStreamsConfig {
    private WorkerStreamsConfig() {}

    /**
     * @param metrics where the dead-letter handler counts the records it sends
     * @param maxRequestSize the producer's largest record, fitted to the topics written ({@link RecordSizeLimit})
     */
    public static Properties from(IdCardStreamConfig config, WorkerMetrics metrics, int maxRequestSize) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(IdCardStreamConfig.APPLICATION_ID_CONFIG));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", config.getList(IdCardStreamConfig.BOOTSTRAP_SERVERS_CONFIG)));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                config.getString(IdCardStreamConfig.PROCESSING_GUARANTEE_CONFIG));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                config.getInt(IdCardStreamConfig.NUM_STREAM_THREADS_CONFIG));
        String instanceId = config.getString(IdCardStreamConfig.GROUP_INSTANCE_ID_CONFIG);
        if (!instanceId.isBlank()) {
            // Streams appends each stream thread's number, so one name serves the whole instance.
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId.strip());
        }
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(IdCardStreamConfig.STATE_DIR_CONFIG));
        // Every RocksDB store of the instance within one off-heap budget (the pod's memory limit counts it).
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG,
                config.getLong(IdCardStreamConfig.STATE_ROCKSDB_MEMORY_BYTES_CONFIG));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                config.getLong(IdCardStreamConfig.COMMIT_INTERVAL_MS_CONFIG));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG,
                config.getInt(IdCardStreamConfig.REPLICATION_FACTOR_CONFIG));
        // Streams defaults the transaction timeout to 10 s; a slow OCR call inside one transaction needs more.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                config.getInt(IdCardStreamConfig.TRANSACTION_TIMEOUT_MS_CONFIG));
        // Undecodable requests go to the dead-letter topic (KIP-1034), whole or, when too large to write, truncated,
        // and processing continues; the handler logs topic, partition and offset only, never the record.
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
                config.getString(IdCardStreamConfig.TOPIC_DLQ_CONFIG));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(DeadLetterHandler.METRICS_CONFIG, metrics);
        // Outcomes carry crops and dead letters the original request, within what the topics accept. A
        // max.request.size set by the operator was checked against the topics and stays as set: Streams would let
        // this prefixed key shadow it.
        Map<String, Object> overrides = config.kafkaOverrides();
        if (!overrides.containsKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)
                && !overrides.containsKey(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG))) {
            props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), maxRequestSize);
        }
        // Kafka 4.4 warns unless this is set; true is the coming default.
        props.put("processing.exception.handler.global.enabled", true);
        // Finished OCR calls are turned into outcomes between polls: an idle poll must not sit on them.
        props.put(StreamsConfig.POLL_MS_CONFIG, (long) config.getInt(IdCardStreamConfig.WORKER_POLL_INTERVAL_MS_CONFIG));
        props.putAll(config.kafkaOverrides());
        return props;
    }
}
