package io.idcardstream.serde;

/**
 * Confluent's wire format: magic byte {@code 0x00}, the writer schema's registry id as a 4-byte big-endian int,
 * then the Avro binary encoding of the record.
 */
final class WireFormat {
    static final byte MAGIC_BYTE = 0x0;
    static final int HEADER_BYTES = 1 + Integer.BYTES;

    private WireFormat() {
    }

    /** TopicNameStrategy, Confluent's default: {@code <topic>-key} or {@code <topic>-value}. */
    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
