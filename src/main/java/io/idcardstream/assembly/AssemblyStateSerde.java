package io.idcardstream.assembly;

import io.idcardstream.events.state.AssemblyState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the assembly store: Avro single-object encoding (a schema fingerprint before the data), as the worker's
 * other stores. No schema registry: the decoder knows every earlier version of the state's schema (resources next to
 * this class), so a changelog or store written by an earlier release is read after an upgrade, its entries taking the
 * defaults of fields added since.
 */
final class AssemblyStateSerde {
    /** Earlier versions of the state's schema, oldest first. */
    private static final List<String> EARLIER_VERSIONS = List.of("AssemblyState-v1.avsc");

    private AssemblyStateSerde() {}

    static Serde<AssemblyState> create() {
        Serializer<AssemblyState> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteBuffer buffer = AssemblyState.getEncoder().encode(value);
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        BinaryMessageDecoder<AssemblyState> decoder = AssemblyState.createDecoder(earlierVersions());
        Deserializer<AssemblyState> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return decoder.decode(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable assembly state record in " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static SchemaStore earlierVersions() {
        SchemaStore.Cache store = new SchemaStore.Cache();
        for (String version : EARLIER_VERSIONS) {
            try (InputStream in = AssemblyStateSerde.class.getResourceAsStream(version)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + version);
                }
                store.addSchema(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return store;
    }
}
