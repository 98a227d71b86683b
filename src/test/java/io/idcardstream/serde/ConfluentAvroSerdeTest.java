package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.InlineImage;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {
    private static final String REQUESTS = "idcard.ocr.requests";
    private static final String RECOGNIZED = "idcard.ocr.recognized";
    private static final String FAILED = "idcard.ocr.failed";

    /** Version 1 of a small evolving record, and version 2 that adds a field with a default. */
    private static final Schema EVOLVING_V1 = SchemaBuilder.record("Evolving").namespace("io.idcardstream.test")
            .fields().requiredString("id").requiredInt("n").endRecord();
    private static final Schema EVOLVING_V2 = SchemaBuilder.record("Evolving").namespace("io.idcardstream.test")
            .fields().requiredString("id").requiredInt("n").name("tag").type().stringType().stringDefault("none")
            .endRecord();

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @AfterEach
    void dropMockScope() {
        SchemaRegistries.dropMockScope("serde-test");
    }

    @Test
    void shouldRoundTripEveryEventThroughTheInMemoryRegistry() {
        // Given
        ConfluentAvroSerializer<SpecificRecord> serializer = new ConfluentAvroSerializer<>(registry);
        List<SpecificRecord> events = List.of(EventFixtures.ocrRequested(), EventFixtures.identityRecognized(),
                EventFixtures.ocrFailed());
        List<String> topics = List.of(REQUESTS, RECOGNIZED, FAILED);

        // When
        byte[] requested = serializer.serialize(REQUESTS, events.get(0));
        byte[] recognized = serializer.serialize(RECOGNIZED, events.get(1));
        byte[] failed = serializer.serialize(FAILED, events.get(2));

        // Then
        assertThat(List.of(header(requested), header(recognized), header(failed)))
                .containsExactly("0000000001", "0000000002", "0000000003");
        assertThat(ConfluentAvroDeserializer.forClass(IdCardOcrRequested.class, registry).deserialize(REQUESTS,
                requested)).isEqualTo(events.get(0));
        assertThat(ConfluentAvroDeserializer.forClass(IdentityRecognized.class, registry).deserialize(RECOGNIZED,
                recognized)).isEqualTo(events.get(1));
        assertThat(ConfluentAvroDeserializer.forClass(IdCardOcrFailed.class, registry).deserialize(FAILED, failed))
                .isEqualTo(events.get(2));
        assertThat(registry.subjects()).containsExactlyElementsOf(topics.stream().map(t -> t + "-value").sorted()
                .toList());
    }

    @Test
    void shouldWriteTheSchemaIdBigEndianAndUseTheKeySubjectForKeys() {
        // Given a registry (a one-method test double) that hands out a large id
        List<String> subjects = new java.util.ArrayList<>();
        SchemaRegistry largeIds = new InMemoryRegistryWithIdOffset(subjects);
        ConfluentAvroSerializer<IdCardOcrFailed> serializer = new ConfluentAvroSerializer<>(largeIds, true, true);

        // When
        byte[] bytes = serializer.serialize(FAILED, EventFixtures.ocrFailed());

        // Then
        assertThat(header(bytes)).isEqualTo("0001020304");
        assertThat(subjects).containsExactly("idcard.ocr.failed-key");
    }

    @Test
    void shouldPassNullThroughForTombstones() {
        assertThat(new ConfluentAvroSerializer<IdCardOcrFailed>(registry).serialize(FAILED, null)).isNull();
        assertThat(ConfluentAvroDeserializer.forClass(IdCardOcrFailed.class, registry).deserialize(FAILED, null))
                .isNull();
        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void shouldRefuseRecordsTooShortForTheWireFormat() {
        ConfluentAvroDeserializer<IdCardOcrFailed> deserializer = ConfluentAvroDeserializer.forClass(
                IdCardOcrFailed.class, registry);

        assertThatThrownBy(() -> deserializer.deserialize(FAILED, new byte[] {0, 0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize a record of topic 'idcard.ocr.failed': it has 4 bytes, the Confluent "
                        + "wire format needs at least 5 (magic byte 0x00 and a 4-byte schema id)");
        assertThatThrownBy(() -> deserializer.deserialize(FAILED, new byte[0]))
                .hasMessageContaining("it has 0 bytes");
    }

    @Test
    void shouldRefuseAnUnknownMagicByte() {
        // Given plain JSON, as a producer without the Confluent serializer would write
        byte[] json = "{\"requestId\":\"r\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        // When / Then
        assertThatThrownBy(() -> ConfluentAvroDeserializer.forClass(IdCardOcrRequested.class, registry)
                .deserialize(REQUESTS, json))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize a record of topic 'idcard.ocr.requests': unknown magic byte 0x7b, "
                        + "expected 0x00 (not the Confluent wire format)");
    }

    @Test
    void shouldNameTopicAndIdWhenTheSchemaIdIsUnknown() {
        assertThatThrownBy(() -> ConfluentAvroDeserializer.forClass(IdCardOcrRequested.class, registry)
                .deserialize(REQUESTS, new byte[] {0, 0, 0, 0, 42, 2, 3}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize a record of topic 'idcard.ocr.requests' with schema id 42: Schema id "
                        + "42 is not registered in the in-memory schema registry")
                .hasCauseInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void shouldReportCorruptAndOverlongDataWithoutQuotingIt() {
        // Given a valid record, then the same bytes cut short and with bytes appended
        byte[] valid = new ConfluentAvroSerializer<IdCardOcrFailed>(registry).serialize(FAILED,
                EventFixtures.ocrFailed());
        byte[] truncated = Arrays.copyOf(valid, 40);
        byte[] overlong = Arrays.copyOf(valid, valid.length + 2);
        ConfluentAvroDeserializer<IdCardOcrFailed> deserializer = ConfluentAvroDeserializer.forClass(
                IdCardOcrFailed.class, registry);

        // When / Then
        assertThatThrownBy(() -> deserializer.deserialize(FAILED, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize a record of topic 'idcard.ocr.failed' with schema id 1: the Avro data "
                        + "does not match the writer schema io.idcardstream.events.IdCardOcrFailed (corrupt or "
                        + "truncated): a string length declares 29 but only 12 bytes of the record remain")
                .cause().isInstanceOf(BoundedBinaryDecoder.DeclaredLengthException.class);
        assertThatThrownBy(() -> deserializer.deserialize(FAILED, overlong))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize a record of topic 'idcard.ocr.failed' with schema id 1: bytes are "
                        + "left over after the record (corrupt data or a wrong schema id)");
    }

    @Test
    void shouldRefuse32ByteRecordsDeclaringHugeLengthsWithoutAllocatingThem() {
        // Given: the request schema, a reader warmed up on a valid request, and three 32-byte records whose data
        // declare a 2 GiB requestId string, a 2 GiB inline image and a map of 2^30 attributes
        int id = registry.register(REQUESTS + "-value", IdCardOcrRequested.getClassSchema());
        ConfluentAvroDeserializer<IdCardOcrRequested> deserializer = ConfluentAvroDeserializer.forClass(
                IdCardOcrRequested.class, registry);
        deserializer.deserialize(REQUESTS, new ConfluentAvroSerializer<IdCardOcrRequested>(registry)
                .serialize(REQUESTS, EventFixtures.ocrRequested()));
        long twoGiB = Integer.MAX_VALUE - 15;
        Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
        hostile.put("string", record32(id, varint(twoGiB)));
        hostile.put("bytes", record32(id, new byte[] {2, 'r', 2, 's', 2}, varint(twoGiB)));
        hostile.put("map", record32(id, new byte[] {2, 'r', 2, 's', 0, 2, 'u', 0, 0, 0, 0}, varint(1L << 30)));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

        // When
        Map<String, String> failures = new java.util.LinkedHashMap<>();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        hostile.forEach((kind, bytes) -> {
            try {
                deserializer.deserialize(REQUESTS, bytes);
                failures.put(kind, "read");
            } catch (SerializationException e) {
                failures.put(kind, e.getMessage().replaceAll(".*\\): ", ""));
            }
        });
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        // Then: each is refused by what it declares against what is left (a dead letter), with next to no memory
        assertThat(hostile.values()).allSatisfy(bytes -> assertThat(bytes).hasSize(32));
        assertThat(failures).isEqualTo(Map.of(
                "string", "a string length declares 2147483632 but only 22 bytes of the record remain",
                "bytes", "a bytes length declares 2147483632 but only 17 bytes of the record remain",
                "map", "a map block of items declares 1073741824 but only 11 bytes of the record remain"));
        // Class loading and a coverage agent's hooks on first use allocate a few MiB at most; a decoder believing the
        // declared lengths allocates 1-2 GiB (or dies): 16 MiB tells the two apart on any JVM.
        assertThat(allocated).isLessThan(16 << 20);
    }

    /** A 32-byte record in the wire format: header, then {@code parts}, then zero padding. */
    private static byte[] record32(int schemaId, byte[]... parts) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(32).put((byte) 0).putInt(schemaId);
        for (byte[] part : parts) {
            buffer.put(part);
        }
        return buffer.array();
    }

    /** Avro's zig-zag varint of a long. */
    private static byte[] varint(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
        return out.toByteArray();
    }

    @Test
    void shouldReadOldRecordsWithANewerReaderThatAddsAFieldWithADefault() {
        // Given bytes written with version 1
        GenericRecord old = new GenericRecordBuilder(EVOLVING_V1).set("id", "e-1").set("n", 42).build();
        byte[] bytes = new ConfluentAvroSerializer<GenericRecord>(registry).serialize("evolving", old);

        // When read with version 2
        GenericRecord read = ConfluentAvroDeserializer.generic(registry, EVOLVING_V2).deserialize("evolving", bytes);

        // Then
        assertThat(read).isEqualTo(new GenericRecordBuilder(EVOLVING_V2).set("id", "e-1").set("n", 42)
                .set("tag", "none").build());
    }

    @Test
    void shouldReadARequestFromAnOlderProducerIntoTheGeneratedClass() {
        // Given an older producer's schema: the current one without 'attributes' (which has a default)
        Schema current = IdCardOcrRequested.getClassSchema();
        Schema older = withoutField(current, "attributes");
        IdCardOcrRequested request = EventFixtures.ocrRequested();
        GenericData.Record olderRecord = new GenericData.Record(older);
        for (Schema.Field field : older.getFields()) {
            olderRecord.put(field.name(), request.get(field.name()));
        }
        byte[] bytes = new ConfluentAvroSerializer<GenericRecord>(registry).serialize(REQUESTS, olderRecord);

        // When
        IdCardOcrRequested read = ConfluentAvroDeserializer.forClass(IdCardOcrRequested.class, registry)
                .deserialize(REQUESTS, bytes);

        // Then
        assertThat(read).isEqualTo(IdCardOcrRequested.newBuilder(request).setAttributes(Map.of()).build());
    }

    @Test
    void shouldExplainWhyAWriterSchemaCannotBeReadAsTheTargetClass() {
        // Given a failure event on the requests topic
        byte[] failure = new ConfluentAvroSerializer<IdCardOcrFailed>(registry).serialize(REQUESTS,
                EventFixtures.ocrFailed());

        // When / Then
        assertThatThrownBy(() -> ConfluentAvroDeserializer.forClass(IdCardOcrRequested.class, registry)
                .deserialize(REQUESTS, failure))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize a record of topic 'idcard.ocr.requests' with schema id 1: writer "
                        + "schema io.idcardstream.events.IdCardOcrFailed cannot be read as "
                        + "io.idcardstream.events.IdCardOcrRequested: NAME_MISMATCH at /name (expected: "
                        + "io.idcardstream.events.IdCardOcrFailed); READER_FIELD_MISSING_DEFAULT_VALUE at /fields/2 "
                        + "(image); READER_FIELD_MISSING_DEFAULT_VALUE at /fields/5 (requestedAt)");
    }

    @Test
    void shouldOnlyLookUpTheIdWhenAutoRegistrationIsOff() {
        // Given
        ConfluentAvroSerializer<IdCardOcrFailed> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", "mock://serde-test", "auto.register.schemas", "false"),
                false);

        // When the subject does not hold the schema yet
        assertThatThrownBy(() -> serializer.serialize(FAILED, EventFixtures.ocrFailed()))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot serialize a io.idcardstream.events.IdCardOcrFailed for topic 'idcard.ocr.failed':"
                        + " Subject 'idcard.ocr.failed-value' is not registered in the in-memory schema registry");

        // Then, once registered out of band, its id is used
        InMemorySchemaRegistry scope = SchemaRegistries.mockScope("serde-test");
        scope.register("other-value", IdentityRecognized.getClassSchema());
        scope.register("idcard.ocr.failed-value", IdCardOcrFailed.getClassSchema());
        assertThat(header(serializer.serialize(FAILED, EventFixtures.ocrFailed()))).isEqualTo("0000000002");
        assertThat(scope.versions("idcard.ocr.failed-value")).containsExactly(1);
    }

    @Test
    void shouldNotQuoteRecordContentWhenARecordCannotBeWritten() {
        // Given a generic request whose image union holds a plain string (an ID number), which Avro cannot write
        GenericData.Record bad = new GenericData.Record(IdCardOcrRequested.getClassSchema());
        IdCardOcrRequested request = EventFixtures.ocrRequested();
        for (Schema.Field field : bad.getSchema().getFields()) {
            bad.put(field.name(), request.get(field.name()));
        }
        bad.put("image", "11010519491231002X");

        // When / Then
        assertThatThrownBy(() -> new ConfluentAvroSerializer<GenericRecord>(registry).serialize(REQUESTS, bad))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot serialize a io.idcardstream.events.IdCardOcrRequested for topic "
                        + "'idcard.ocr.requests' with schema id 1: org.apache.avro.UnresolvedUnionException")
                .cause().hasMessage("org.apache.avro.UnresolvedUnionException (message withheld: Avro messages can "
                        + "quote record content)")
                .hasNoCause();
    }

    @Test
    void shouldNameTheFieldWhenARequiredValueIsNull() {
        // Given
        IdCardOcrFailed failed = EventFixtures.ocrFailed();
        failed.put("errorCode", null);

        // When / Then
        assertThatThrownBy(() -> new ConfluentAvroSerializer<IdCardOcrFailed>(registry).serialize(FAILED, failed))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot serialize a io.idcardstream.events.IdCardOcrFailed for topic 'idcard.ocr.failed' "
                        + "with schema id 1: null value for (non-nullable) string at IdCardOcrFailed.errorCode");
    }

    @Test
    void shouldShareOneConfiguredRegistryBetweenSerializerAndDeserializer() {
        // Given a serde configured the Confluent way, and one made with no arguments for default.value.serde
        ConfluentAvroSerde<IdentityRecognized> typed = new ConfluentAvroSerde<>(IdentityRecognized.class);
        typed.configure(Map.of("schema.registry.url", "mock://serde-test"), false);
        ConfluentAvroSerde<SpecificRecord> untyped = new ConfluentAvroSerde<>();
        untyped.configure(Map.of("schema.registry.url", "mock://serde-test"), false);

        // When
        byte[] bytes = typed.serializer().serialize(RECOGNIZED, EventFixtures.identityRecognized());
        byte[] inline = untyped.serializer().serialize(REQUESTS, EventFixtures.ocrRequested());

        // Then
        assertThat(typed.deserializer().deserialize(RECOGNIZED, bytes)).isEqualTo(EventFixtures.identityRecognized());
        assertThat(untyped.deserializer().deserialize(RECOGNIZED, bytes))
                .isEqualTo(EventFixtures.identityRecognized());
        assertThat(untyped.deserializer().deserialize(REQUESTS, inline)).isInstanceOf(IdCardOcrRequested.class)
                .extracting(r -> ((IdCardOcrRequested) r).getImage()).isInstanceOf(InlineImage.class);
        assertThat(SchemaRegistries.mockScope("serde-test").subjects())
                .containsExactly("idcard.ocr.recognized-value", "idcard.ocr.requests-value");
    }

    @Test
    void shouldReadWriterSchemasWithoutAGeneratedClassOnlyGenerically() {
        // Given a record whose schema has no generated class
        byte[] bytes = new ConfluentAvroSerializer<GenericRecord>(registry).serialize("evolving",
                new GenericRecordBuilder(EVOLVING_V1).set("id", "e-1").set("n", 1).build());

        // When / Then
        assertThatThrownBy(() -> new ConfluentAvroSerde<SpecificRecord>().deserializer().deserialize("evolving",
                bytes))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ConfluentAvroDeserializer is not configured: call configure(...) with "
                        + "schema.registry.url or construct it with a SchemaRegistry");
        assertThatThrownBy(() -> ConfluentAvroDeserializer.forWriterSchemaClass(registry).deserialize("evolving",
                bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize a record of topic 'evolving' with schema id 1: no generated class for "
                        + "writer schema io.idcardstream.test.Evolving on the classpath");
        assertThat(ConfluentAvroDeserializer.generic(registry).deserialize("evolving", bytes).get("n"))
                .isEqualTo(1);
    }

    @Test
    void shouldRequireConfigurationBeforeUse() {
        assertThatThrownBy(() -> new ConfluentAvroSerializer<IdCardOcrFailed>().serialize(FAILED,
                EventFixtures.ocrFailed()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ConfluentAvroSerializer is not configured: call configure(...) with "
                        + "schema.registry.url or construct it with a SchemaRegistry");
    }

    private static String header(byte[] bytes) {
        return HexFormat.of().formatHex(bytes, 0, 5);
    }

    private static Schema withoutField(Schema record, String dropped) {
        List<Schema.Field> fields = record.getFields().stream()
                .filter(f -> !f.name().equals(dropped))
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    /** A registry handing out id 0x01020304 and recording the subjects asked for. */
    private static final class InMemoryRegistryWithIdOffset implements SchemaRegistry {
        private final List<String> subjects;

        InMemoryRegistryWithIdOffset(List<String> subjects) {
            this.subjects = subjects;
        }

        @Override
        public int register(String subject, Schema schema) {
            subjects.add(subject);
            return 0x01020304;
        }

        @Override
        public int idOf(String subject, Schema schema) {
            throw new UnsupportedOperationException("not used by this test");
        }

        @Override
        public Schema byId(int id) {
            throw new UnsupportedOperationException("not used by this test");
        }

        @Override
        public RegisteredSchema latest(String subject) {
            throw new UnsupportedOperationException("not used by this test");
        }
    }
}
