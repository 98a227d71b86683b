package io.idcardstream.worker;

import io.idcardstream.events.state.LedgerEntry;
import io.idcardstream.events.state.PendingRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serdes of the worker's state stores: Avro single-object encoding (a schema fingerprint before the data), so
 * a later version can still read changelogs written by this one. No schema registry: state is the worker's own.
 */
final class StateSerdes {
    private StateSerdes() {}

    static Serde<PendingRequest> pending() {
        return of(PendingRequest.getEncoder(), PendingRequest.getDecoder());
    }

    static Serde<LedgerEntry> ledger() {
        return of(LedgerEntry.getEncoder(), LedgerEntry.getDecoder());
    }

    private static <T> Serde<T> of(BinaryMessageEncoder<T> encoder, BinaryMessageDecoder<T> decoder) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteBuffer buffer = encoder.encode(value);
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return decoder.decode(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable state record in " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
