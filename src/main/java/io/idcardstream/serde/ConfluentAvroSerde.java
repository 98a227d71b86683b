package io.idcardstream.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} of generated Avro records in Confluent's wire format, for Kafka Streams'
 * {@code Consumed}/{@code Produced} or any client: {@link ConfluentAvroSerializer} plus
 * {@link ConfluentAvroDeserializer}.
 *
 * <p>Give it a {@link SchemaRegistry} to share one registry (and its caches) between all serdes of a process
 * without global state; or configure it with {@link AvroSerdeConfig} keys. The no-argument constructor (for
 * {@code default.value.serde}) reads each record as the generated class its writer schema names.
 *
 * <p>Thread-safe once configured.
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final ConfluentAvroSerializer<T> serializer;
    private final ConfluentAvroDeserializer<T> deserializer;

    /** Reads the generated class each writer schema names; needs {@link #configure(Map, boolean)}. */
    public ConfluentAvroSerde() {
        this.serializer = new ConfluentAvroSerializer<>();
        this.deserializer = ConfluentAvroDeserializer.forWriterSchemaClass(null);
    }

    /** Reads {@code type}; needs {@link #configure(Map, boolean)}. */
    public ConfluentAvroSerde(Class<T> type) {
        this.serializer = new ConfluentAvroSerializer<>();
        this.deserializer = ConfluentAvroDeserializer.forClass(type);
    }

    /** A value serde of {@code type} that registers schemas in {@code registry}; ready to use. */
    public ConfluentAvroSerde(Class<T> type, SchemaRegistry registry) {
        this(type, registry, true, false);
    }

    /**
     * A serde of {@code type} over {@code registry}; ready to use.
     *
     * @param autoRegister register schemas when writing ({@code true}) or only look their ids up
     * @param isKey subjects end in {@code -key} rather than {@code -value}
     */
    public ConfluentAvroSerde(Class<T> type, SchemaRegistry registry, boolean autoRegister, boolean isKey) {
        Objects.requireNonNull(registry, "registry");
        this.serializer = new ConfluentAvroSerializer<>(registry, autoRegister, isKey);
        this.deserializer = ConfluentAvroDeserializer.forClass(type, registry);
    }

    /**
     * Reads {@link AvroSerdeConfig}; when no registry was given at construction, one registry (and cache) is made
     * from the configuration and shared by the serializer and the deserializer.
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistry registry = serializer.registry();
        SchemaRegistry shared = registry != null ? registry : SchemaRegistries.fromConfig(configs);
        serializer.configure(configs, isKey, shared);
        deserializer.useRegistryIfUnset(shared);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
