package io.idcardstream.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in Confluent's wire format ({@code 0x00}, 4-byte big-endian schema id, Avro binary): it fetches
 * the writer schema by id from the {@link SchemaRegistry} and resolves it against the reader schema, so records
 * written with older or newer compatible schemas read fine. {@code null} reads as {@code null} (tombstones).
 *
 * <p>What it returns depends on how it was made: {@link #forClass} gives instances of one generated class (its
 * schema is the reader schema, Confluent's {@code specific.avro.reader=true}); {@link #forWriterSchemaClass}
 * gives instances of the generated class named by each writer schema; {@link #generic} and the no-argument
 * constructor give {@link GenericRecord}s (with the writer schema, or a given reader schema).
 *
 * <p>Every failure (too short, wrong magic byte, unknown id, incompatible schemas, corrupt data, a length or count
 * longer than the bytes left, bytes left over) is a {@link SerializationException} naming the topic and schema id, never the record's content, so callers
 * can route the record to a dead-letter topic.
 *
 * <p>Thread-safe once configured: resolved datum readers are cached per schema id.
 */
public final class ConfluentAvroDeserializer<T extends GenericContainer> implements Deserializer<T> {

    private final Function<Schema, Schema> readerSchemaFor;
    private final Function<Schema, GenericData> modelFor;
    private final Map<Integer, SchemaReader<T>> readers = new ConcurrentHashMap<>();
    private volatile SchemaRegistry registry;

    /** A deserializer of {@link GenericRecord}s with the writer schema; needs {@link #configure(Map, boolean)}. */
    public ConfluentAvroDeserializer() {
        this(null, writer -> writer, writer -> GenericData.get());
    }

    private ConfluentAvroDeserializer(SchemaRegistry registry, Function<Schema, Schema> readerSchemaFor,
            Function<Schema, GenericData> modelFor) {
        this.registry = registry;
        this.readerSchemaFor = readerSchemaFor;
        this.modelFor = modelFor;
    }

    /** Instances of {@code type}; needs {@link #configure(Map, boolean)}. */
    public static <T extends SpecificRecord> ConfluentAvroDeserializer<T> forClass(Class<T> type) {
        Objects.requireNonNull(type, "type");
        SpecificData model = SpecificData.getForClass(type);
        Schema reader = model.getSchema(type);
        return new ConfluentAvroDeserializer<>(null, writer -> reader, writer -> model);
    }

    /** Instances of {@code type}, reading writer schemas from {@code registry}. */
    public static <T extends SpecificRecord> ConfluentAvroDeserializer<T> forClass(Class<T> type,
            SchemaRegistry registry) {
        ConfluentAvroDeserializer<T> deserializer = forClass(type);
        deserializer.registry = Objects.requireNonNull(registry, "registry");
        return deserializer;
    }

    /**
     * Instances of the generated class each writer schema names (found on the classpath), read with that class's
     * schema; {@code registry} may be {@code null} until {@link #configure(Map, boolean)}.
     */
    public static <T extends SpecificRecord> ConfluentAvroDeserializer<T> forWriterSchemaClass(
            SchemaRegistry registry) {
        return new ConfluentAvroDeserializer<>(registry, ConfluentAvroDeserializer::generatedClassSchema,
                writer -> SpecificData.getForSchema(writer));
    }

    /** {@link GenericRecord}s with the writer schema. */
    public static ConfluentAvroDeserializer<GenericRecord> generic(SchemaRegistry registry) {
        return new ConfluentAvroDeserializer<>(Objects.requireNonNull(registry, "registry"), writer -> writer,
                writer -> GenericData.get());
    }

    /** {@link GenericRecord}s resolved to {@code readerSchema}. */
    public static ConfluentAvroDeserializer<GenericRecord> generic(SchemaRegistry registry, Schema readerSchema) {
        Objects.requireNonNull(readerSchema, "readerSchema");
        return new ConfluentAvroDeserializer<>(Objects.requireNonNull(registry, "registry"), writer -> readerSchema,
                writer -> GenericData.get());
    }

    /**
     * Reads {@link AvroSerdeConfig}. A registry given at construction is kept; otherwise
     * {@code schema.registry.url} names it.
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            useRegistry(SchemaRegistries.fromConfig(configs));
        }
    }

    /** Uses {@code sharedRegistry} unless a registry was given at construction. */
    void useRegistryIfUnset(SchemaRegistry sharedRegistry) {
        if (registry == null) {
            useRegistry(sharedRegistry);
        }
    }

    private void useRegistry(SchemaRegistry newRegistry) {
        registry = newRegistry;
        readers.clear();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_BYTES) {
            throw new SerializationException("Cannot deserialize a record of topic '" + topic + "': it has "
                    + data.length + " bytes, the Confluent wire format needs at least " + WireFormat.HEADER_BYTES
                    + " (magic byte 0x00 and a 4-byte schema id)");
        }
        if (data[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException(String.format("Cannot deserialize a record of topic '%s': unknown magic "
                    + "byte 0x%02x, expected 0x00 (not the Confluent wire format)", topic, data[0] & 0xff));
        }
        int id = ByteBuffer.wrap(data, 1, Integer.BYTES).getInt();
        SchemaReader<T> reader = readerFor(topic, id);
        // Every declared length is checked against the bytes left before it is allocated: a few hostile bytes
        // must end as this method's SerializationException (a dead letter), never as an OutOfMemoryError.
        BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(data, WireFormat.HEADER_BYTES,
                data.length - WireFormat.HEADER_BYTES);
        T value;
        try {
            value = reader.datumReader().read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot deserialize a record of topic '" + topic + "' with schema id "
                    + id + ": " + readFailure(reader, e), AvroFailures.redacted(e));
        }
        if (!decoder.isEnd()) {
            throw new SerializationException("Cannot deserialize a record of topic '" + topic + "' with schema id "
                    + id + ": bytes are left over after the record (corrupt data or a wrong schema id)");
        }
        return value;
    }

    private SchemaReader<T> readerFor(String topic, int id) {
        SchemaReader<T> cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        SchemaRegistry current = registry;
        if (current == null) {
            throw new IllegalStateException("ConfluentAvroDeserializer is not configured: call configure(...) with "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG + " or construct it with a SchemaRegistry");
        }
        Schema writer;
        try {
            writer = current.byId(id);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot deserialize a record of topic '" + topic + "' with schema id "
                    + id + ": " + e.getMessage(), e);
        }
        Schema reader;
        GenericData model;
        try {
            reader = readerSchemaFor.apply(writer);
            model = modelFor.apply(writer);
        } catch (SerializationException e) {
            throw new SerializationException("Cannot deserialize a record of topic '" + topic + "' with schema id "
                    + id + ": " + e.getMessage());
        }
        DatumReader<T> datumReader = model instanceof SpecificData specific
                ? new SpecificDatumReader<>(writer, reader, specific)
                : new GenericDatumReader<>(writer, reader, model);
        SchemaReader<T> created = new SchemaReader<>(writer, reader, datumReader);
        SchemaReader<T> raced = readers.putIfAbsent(id, created);
        return raced != null ? raced : created;
    }

    private static String readFailure(SchemaReader<?> reader, Throwable failure) {
        SchemaPairCompatibility compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader.reader(),
                reader.writer());
        if (compatibility.getType() == SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE) {
            return "writer schema " + reader.writer().getFullName() + " cannot be read as "
                    + reader.reader().getFullName() + ": " + compatibility.getResult().getIncompatibilities().stream()
                            .limit(3)
                            .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                            .collect(Collectors.joining("; "));
        }
        return "the Avro data does not match the writer schema " + reader.writer().getFullName()
                + " (corrupt or truncated): " + AvroFailures.describe(failure);
    }

    private static Schema generatedClassSchema(Schema writer) {
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
            throw new SerializationException("no generated class for writer schema " + writer.getFullName()
                    + " on the classpath");
        }
        return SpecificData.getForClass(generated).getSchema(generated);
    }

    private record SchemaReader<T>(Schema writer, Schema reader, DatumReader<T> datumReader) {
    }
}
