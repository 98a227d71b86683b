package example.kyc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads Confluent wire format ({@code 0x00}, the writer schema's 4-byte registry id, Avro binary) into the classes
 * generated from idcard-stream's published schemas, resolving the writer's schema to the reader's, as Confluent's
 * {@code KafkaAvroDeserializer} with {@code specific.avro.reader=true} does (use that one if you have Confluent's
 * libraries; this keeps the example to kafka-clients, Avro and Jackson). Writer schemas are fetched once per id
 * from any Confluent-compatible registry ({@code GET /schemas/ids/{id}}).
 *
 * <p>Thread-safe.
 */
public final class ConfluentAvroReader {
    private static final Map<String, Schema> READERS = Map.of(
            IdentityAssembled.getClassSchema().getFullName(), IdentityAssembled.getClassSchema(),
            IdentityIncomplete.getClassSchema().getFullName(), IdentityIncomplete.getClassSchema());

    private final IntFunction<Schema> writerSchemas;
    private final Map<Integer, Schema> cache = new ConcurrentHashMap<>();

    /** Writer schemas from a registry at {@code baseUrl}, e.g. http://registry:8081. */
    public static ConfluentAvroReader fromRegistry(String baseUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ObjectMapper json = new ObjectMapper();
        return new ConfluentAvroReader(id -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/schemas/ids/" + id))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new SerializationException("Schema id " + id + ": registry answered " + response.statusCode());
                }
                return new Schema.Parser().parse(json.readTree(response.body()).get("schema").asText());
            } catch (IOException e) {
                throw new UncheckedIOException("Schema id " + id + " not readable from " + baseUrl, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SerializationException("Interrupted while fetching schema id " + id);
            }
        });
    }

    public ConfluentAvroReader(IntFunction<Schema> writerSchemas) {
        this.writerSchemas = writerSchemas;
    }

    /** An {@link IdentityAssembled} or {@link IdentityIncomplete}; other record types are refused. */
    public Object read(String topic, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < 5 || buffer.get() != 0) {
            throw new SerializationException("Not Confluent wire format on " + topic);
        }
        int id = buffer.getInt();
        Schema writer = cache.computeIfAbsent(id, writerSchemas::apply);
        Schema reader = READERS.get(writer.getFullName());
        if (reader == null) {
            throw new SerializationException("Unexpected record type " + writer.getFullName() + " on " + topic);
        }
        try {
            return new SpecificDatumReader<>(writer, reader).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        } catch (IOException | RuntimeException e) {
            // Never the record's content in the message: it holds personal data.
            throw new SerializationException("Cannot read schema id " + id + " on " + topic + ": "
                    + e.getClass().getSimpleName());
        }
    }
}
