package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our serde against bytes written by Confluent's own KafkaAvroSerializer 7.9.5 (see golden/README.md). */
class ConfluentGoldenBytesTest {

    static Stream<Arguments> goldenRecords() {
        return Stream.of(
                Arguments.of("IdCardOcrRequested", "idcard.ocr.requests", IdCardOcrRequested.class,
                        EventFixtures.ocrRequested()),
                Arguments.of("IdentityRecognized", "idcard.ocr.recognized", IdentityRecognized.class,
                        EventFixtures.identityRecognized()),
                Arguments.of("IdCardOcrFailed", "idcard.ocr.failed", IdCardOcrFailed.class,
                        EventFixtures.ocrFailed()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenRecords")
    void shouldWriteExactlyTheBytesConfluentsSerializerWrites(String event, String topic,
            Class<? extends SpecificRecord> type, SpecificRecord record) throws IOException {
        // Given a fresh registry, as Confluent's fresh mock:// scope, so the schema gets id 1
        ConfluentAvroSerializer<SpecificRecord> serializer =
                new ConfluentAvroSerializer<>(new InMemorySchemaRegistry());

        // When
        byte[] ours = serializer.serialize(topic, record);

        // Then
        assertThat(HexFormat.of().formatHex(ours)).isEqualTo(golden(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenRecords")
    <T extends SpecificRecord> void shouldReadConfluentsBytesBackToTheSameRecord(String event, String topic,
            Class<T> type, SpecificRecord record) throws IOException {
        // Given Confluent's bytes and a registry holding the schema as id 1
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        assertThat(registry.register(topic + "-value", record.getSchema())).isEqualTo(1);
        byte[] confluents = HexFormat.of().parseHex(golden(event));

        // When
        T read = ConfluentAvroDeserializer.forClass(type, registry).deserialize(topic, confluents);

        // Then
        assertThat(read).isEqualTo(record);
    }

    private static String golden(String event) throws IOException {
        try (InputStream in = ConfluentGoldenBytesTest.class.getResourceAsStream("golden/" + event + ".hex")) {
            assertThat(in).as("golden file for %s", event).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
        }
    }
}
