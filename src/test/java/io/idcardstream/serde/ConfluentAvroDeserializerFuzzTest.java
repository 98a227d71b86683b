package io.idcardstream.serde;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.idcardstream.events.IdCardOcrRequested;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Coverage-guided fuzzing of the request deserializer (Jazzer): the input follows a valid header (schema id 1, the
 * request schema), so the fuzzer works on the Avro body. Anything must read or be refused as a
 * SerializationException; an OutOfMemoryError or any other exception is a finding. In {@code mvn verify} it replays
 * its inputs; {@code bench/fuzz.sh} fuzzes it.
 */
class ConfluentAvroDeserializerFuzzTest {
    private static final InMemorySchemaRegistry REGISTRY = new InMemorySchemaRegistry();
    private static final ConfluentAvroDeserializer<IdCardOcrRequested> READER =
            ConfluentAvroDeserializer.forClass(IdCardOcrRequested.class, REGISTRY);

    static {
        // Registers the request schema as id 1.
        new ConfluentAvroSerializer<IdCardOcrRequested>(REGISTRY).serialize("r", EventFixtures.ocrRequested());
    }

    @FuzzTest(maxDuration = "60s")
    void shouldReadOrRefuseAnyRecordBody(byte[] body) {
        byte[] record = new byte[WireFormat.HEADER_BYTES + body.length];
        record[4] = 1;
        System.arraycopy(body, 0, record, WireFormat.HEADER_BYTES, body.length);
        try {
            READER.deserialize("idcard.ocr.requests", record);
        } catch (SerializationException refused) {
            // the documented refusal
        }
    }
}
