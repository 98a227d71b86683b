package io.idcardstream.assembly;

import io.idcardstream.events.state.AssemblyState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the assembly store: Avro single-object encoding (a schema fingerprint before the data), as the worker's
 * other stores, so a later version can still read a changelog written by this one. No schema registry.
 */
final class AssemblyStateSerde {
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
        Deserializer<AssemblyState> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return AssemblyState.getDecoder().decode(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable assembly state record in " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
