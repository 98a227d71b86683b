package io.idcardstream.serde;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject in a schema registry.
 *
 * @param subject the subject, e.g. {@code idcard.ocr.recognized-value}
 * @param version the subject's version number, from 1
 * @param id the registry-wide schema id that the wire format carries
 * @param schema the schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }
}
