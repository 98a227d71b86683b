package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.InlineImage;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The Confluent-format Avro serde over generated events and damaged records. A record that does not decode must be
 * a {@link SerializationException} (the worker dead-letters exactly that) and must not make the decoder allocate
 * more than the record could hold: a length field claiming 2 GiB in a 40-byte record is the poison pill
 * (an OutOfMemoryError at every restart).
 */
class ConfluentAvroSerdePropertiesTest {
    private static final String REQUESTS = "idcard.ocr.requests";
    private static final String FAILED = "idcard.ocr.failed";
    private static final int EXAMPLES = 200;
    /** Decoding allocates objects and buffers in proportion to the record; a fixed part covers resolver set-up. */
    private static final long ALLOCATION_PER_RECORD_BYTE = 64;
    private static final long ALLOCATION_FIXED = 4 << 20;

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final ConfluentAvroSerializer<IdCardOcrRequested> requestWriter = new ConfluentAvroSerializer<>(registry);
    private final ConfluentAvroDeserializer<IdCardOcrRequested> requestReader =
            ConfluentAvroDeserializer.forClass(IdCardOcrRequested.class, registry);

    @Test
    void shouldReadBackEveryGeneratedRequest() {
        qt().withExamples(EXAMPLES).forAll(requests()).checkAssert(request -> {
            // Given a request with any ids, image bytes, attributes and time
            // When it is written and read back
            IdCardOcrRequested read = requestReader.deserialize(REQUESTS, requestWriter.serialize(REQUESTS, request));
            // Then it is the same request
            assertThat(read).isEqualTo(request);
        });
    }

    @Test
    void shouldReadBackEveryGeneratedFailure() {
        ConfluentAvroSerializer<IdCardOcrFailed> writer = new ConfluentAvroSerializer<>(registry);
        ConfluentAvroDeserializer<IdCardOcrFailed> reader = ConfluentAvroDeserializer.forClass(IdCardOcrFailed.class,
                registry);
        qt().withExamples(EXAMPLES).forAll(texts(), texts(), integers().between(0, Integer.MAX_VALUE), booleans().all())
                .checkAssert((code, message, attempts, retryable) -> {
                    // Given a failure with any code, message, attempts and retryability
                    IdCardOcrFailed failed = IdCardOcrFailed.newBuilder(EventFixtures.ocrFailed()).setErrorCode(code)
                            .setMessage(message).setAttempts(attempts).setRetryable(retryable).build();
                    // When it is written and read back
                    // Then it is the same failure
                    assertThat(reader.deserialize(FAILED, writer.serialize(FAILED, failed))).isEqualTo(failed);
                });
    }

    @Test
    void shouldRefuseATruncatedRecordAsASerializationException() {
        qt().withExamples(EXAMPLES).forAll(requests(), integers().between(0, 10_000)).checkAssert((request, cut) -> {
            // Given a valid record cut short anywhere
            byte[] whole = requestWriter.serialize(REQUESTS, request);
            byte[] truncated = Arrays.copyOf(whole, cut % whole.length);
            // When it is read
            // Then it is refused as a SerializationException (never another exception or error)
            assertThat(readBounded(truncated)).isEqualTo(Read.REFUSED);
        });
    }

    /**
     * FAILS at 5e9d481 (issue 11, defect 1): Avro's decoder allocates a string, bytes, array or map of the declared
     * length before checking that the record holds that many bytes (Utf8.setByteLength from BinaryDecoder.readString:
     * hundreds of MiB for a record of 400 bytes, OutOfMemoryError at the worker's heap).
     */
    @Test
    void shouldReadAnyMutatedRecordOrRefuseItWithoutAllocatingMoreThanItCouldHold() {
        Gen<byte[]> patches = Generate.byteArrays(integers().between(1, 6), Generate.bytes(Byte.MIN_VALUE,
                Byte.MAX_VALUE, (byte) 0));
        // Offsets after the header; 0 is the length of requestId, the first field, so a huge length lands on a
        // length field in about half the examples.
        Gen<Integer> offsets = Generate.oneOf(Generate.constant(0), integers().between(0, 10_000));
        Gen<byte[]> hugeLengths = longs().between(1L << 20, 1L << 40).map(ConfluentAvroSerdePropertiesTest::zigZag);
        // Few shrink cycles: while the defect stands each failing try allocates hundreds of MiB.
        qt().withExamples(EXAMPLES).withShrinkCycles(10)
                .forAll(requests(), lists().of(offsets).ofSizeBetween(1, 4),
                        Generate.oneOf(patches, hugeLengths))
                .checkAssert((request, places, patch) -> {
                    // Given a valid record with bytes overwritten after its header: random bytes, or a varint that
                    // declares a length of 1 MiB to 1 TiB where a string, bytes, array or map length may stand
                    byte[] record = requestWriter.serialize(REQUESTS, request);
                    for (int place : places) {
                        int at = WireFormat.HEADER_BYTES + place % (record.length - WireFormat.HEADER_BYTES);
                        System.arraycopy(patch, 0, record, at, Math.min(patch.length, record.length - at));
                    }
                    // When it is read
                    // Then it reads as some request or is refused as a SerializationException, allocating no more
                    // than in proportion to its size
                    assertThat(readBounded(record)).isIn(Read.READ, Read.REFUSED);
                });
    }

    enum Read { READ, REFUSED }

    /** Reads {@code record}, failing on any other exception or error and on an allocation out of proportion. */
    private Read readBounded(byte[] record) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Read read;
        try {
            requestReader.deserialize(REQUESTS, record);
            read = Read.READ;
        } catch (SerializationException refused) {
            read = Read.REFUSED;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated to read a record of %d bytes", record.length)
                .isLessThan(ALLOCATION_FIXED + ALLOCATION_PER_RECORD_BYTE * record.length);
        return read;
    }

    /** Avro's encoding of a long: zig-zag, then 7 bits a byte, lowest first. */
    static byte[] zigZag(long value) {
        long n = (value << 1) ^ (value >> 63);
        byte[] out = new byte[10];
        int i = 0;
        while ((n & ~0x7FL) != 0) {
            out[i++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out[i++] = (byte) n;
        return Arrays.copyOf(out, i);
    }

    /** Any Unicode text up to 40 code points; lone surrogates left out, since no UTF-8 text can hold them. */
    private static Gen<String> texts() {
        return strings().betweenCodePoints(0, 0x10FFFF).ofLengthBetween(0, 40).map(s -> s.codePoints()
                .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    /** Requests with any ids, inline image bytes (up to 2 KB), attributes and request time. */
    private static Gen<IdCardOcrRequested> requests() {
        Gen<byte[]> images = Generate.byteArrays(integers().between(0, 2000), Generate.bytes(Byte.MIN_VALUE,
                Byte.MAX_VALUE, (byte) 0));
        Gen<Map<String, String>> attributes = lists().of(texts()).ofSizeBetween(0, 6).map(keys -> {
            Map<String, String> map = new LinkedHashMap<>();
            keys.forEach(k -> map.put(k, new StringBuilder(k).reverse().toString()));
            return map;
        });
        Gen<Instant> times = longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
        return texts().zip(texts(), images, attributes, (id, subject, image, attrs) -> List.of(id, subject, image,
                        attrs))
                .zip(times, booleans().all(), (parts, at, reprocess) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, String> attrs = (Map<String, String>) parts.get(3);
                    return IdCardOcrRequested.newBuilder(EventFixtures.ocrRequested())
                            .setRequestId((String) parts.get(0))
                            .setSubjectId((String) parts.get(1))
                            .setImage(InlineImage.newBuilder().setData(ByteBuffer.wrap((byte[]) parts.get(2)))
                                    .setMediaType("image/jpeg").build())
                            .setAttributes(attrs)
                            .setRequestedAt(at)
                            .setReprocess(reprocess)
                            .build();
                });
    }
}
