package io.idcardstream.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated {@link SpecificRecord}s or generic ones) in Confluent's wire format: {@code 0x00},
 * the 4-byte big-endian registry id of the record's schema, the Avro binary encoding. Byte for byte what
 * Confluent's {@code KafkaAvroSerializer} writes (see the golden-bytes test). The subject is
 * {@code <topic>-value} or {@code <topic>-key} (TopicNameStrategy). {@code null} is written as {@code null}
 * (tombstones).
 *
 * <p>With {@code auto.register.schemas=true} (the default) the record's schema is registered under the subject;
 * with {@code false} its id is only looked up, and a schema the subject does not hold fails the record.
 *
 * <p>Either construct it with a {@link SchemaRegistry}, ready to use, or with no arguments and call
 * {@link #configure(Map, boolean)} ({@link AvroSerdeConfig} keys). Failures are {@link SerializationException}s
 * naming the topic and schema, never the record's content.
 *
 * <p>Thread-safe once configured: schema ids and datum writers are cached per subject and schema instance.
 */
public final class ConfluentAvroSerializer<T extends GenericContainer> implements Serializer<T> {
    /** Bound of the cache; only generic records with a new schema object per record could reach it. */
    private static final int MAX_CACHED_SCHEMAS = 1_000;

    /**
     * Generic records may carry java.time and BigDecimal values (e.g. copied from generated classes); these
     * conversions write them. Values already in their Avro representation (a long for a timestamp) are written
     * as they are.
     */
    private static final GenericData GENERIC_WITH_LOGICAL_TYPES = genericWithLogicalTypes();

    private volatile Settings settings;
    private final Map<CacheKey, SchemaWriter> writers = new ConcurrentHashMap<>();

    private record Settings(SchemaRegistry registry, boolean autoRegister, boolean isKey) {
    }

    /** A serializer that needs {@link #configure(Map, boolean)} before use. */
    public ConfluentAvroSerializer() {
    }

    /** A value serializer that registers schemas in {@code registry}. */
    public ConfluentAvroSerializer(SchemaRegistry registry) {
        this(registry, true, false);
    }

    /**
     * @param registry where schemas are registered or looked up
     * @param autoRegister register the record's schema ({@code true}) or only look its id up
     * @param isKey subjects end in {@code -key} rather than {@code -value}
     */
    public ConfluentAvroSerializer(SchemaRegistry registry, boolean autoRegister, boolean isKey) {
        this.settings = new Settings(Objects.requireNonNull(registry, "registry"), autoRegister, isKey);
    }

    /**
     * Reads {@link AvroSerdeConfig}. A registry given to the constructor is kept; otherwise
     * {@code schema.registry.url} names it. {@code auto.register.schemas}, when present, overrides the
     * constructor's choice.
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(configs, isKey, null);
    }

    /** As {@link #configure(Map, boolean)}, using {@code sharedRegistry} when none was given at construction. */
    void configure(Map<String, ?> configs, boolean isKey, SchemaRegistry sharedRegistry) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        Settings current = settings;
        SchemaRegistry registry = current != null ? current.registry()
                : sharedRegistry != null ? sharedRegistry : SchemaRegistries.fromConfig(config);
        boolean autoRegister = configs.containsKey(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG) || current == null
                ? config.autoRegisterSchemas()
                : current.autoRegister();
        settings = new Settings(registry, autoRegister, isKey);
        writers.clear();
    }

    /** The registry this serializer uses, or {@code null} before it is configured. */
    SchemaRegistry registry() {
        Settings current = settings;
        return current == null ? null : current.registry();
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Settings current = settings;
        if (current == null) {
            throw new IllegalStateException("ConfluentAvroSerializer is not configured: call configure(...) with "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG + " or construct it with a SchemaRegistry");
        }
        if (topic == null) {
            throw new SerializationException("Cannot serialize a " + record.getSchema().getFullName()
                    + " without a topic: the subject is named after the topic");
        }
        SchemaWriter writer = writerFor(current, topic, record);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(writer.id()).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.datumWriter().write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize a " + record.getSchema().getFullName() + " for topic '"
                    + topic + "' with schema id " + writer.id() + ": " + AvroFailures.describe(e),
                    AvroFailures.redacted(e));
        }
        return out.toByteArray();
    }

    private SchemaWriter writerFor(Settings current, String topic, T record) {
        Schema schema = record.getSchema();
        String subject = WireFormat.subject(topic, current.isKey());
        CacheKey key = new CacheKey(subject, schema);
        SchemaWriter cached = writers.get(key);
        if (cached != null) {
            return cached;
        }
        int id;
        try {
            id = current.autoRegister()
                    ? current.registry().register(subject, schema)
                    : current.registry().idOf(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot serialize a " + schema.getFullName() + " for topic '" + topic
                    + "': " + e.getMessage(), e);
        }
        DatumWriter<Object> datumWriter = record instanceof SpecificRecord
                ? new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema))
                : new GenericDatumWriter<>(schema, GENERIC_WITH_LOGICAL_TYPES);
        if (writers.size() >= MAX_CACHED_SCHEMAS) {
            writers.clear();
        }
        SchemaWriter writer = new SchemaWriter(id, datumWriter);
        writers.put(key, writer);
        return writer;
    }

    private static GenericData genericWithLogicalTypes() {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new Conversions.UUIDConversion());
        return model;
    }

    private record SchemaWriter(int id, DatumWriter<Object> datumWriter) {
    }

    /**
     * Subject plus schema by identity: generated classes share one schema instance, so the lookup costs no
     * schema comparison (and {@link Schema#equals} ignores docs, which the registry does not).
     */
    private static final class CacheKey {
        private final String subject;
        private final Schema schema;

        CacheKey(String subject, Schema schema) {
            this.subject = subject;
            this.schema = schema;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CacheKey that && that.schema == schema && that.subject.equals(subject);
        }

        @Override
        public int hashCode() {
            return 31 * subject.hashCode() + System.identityHashCode(schema);
        }
    }
}
