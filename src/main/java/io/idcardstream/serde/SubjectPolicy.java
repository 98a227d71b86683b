package io.idcardstream.serde;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A subject this application uses, the schema it writes or reads there, and the compatibility level the
 * subject must keep so that every schema registered later can still be read by the parties that rely on it.
 *
 * @param mustBeRegistered whether this application writes the subject with {@code auto.register.schemas=false},
 *     so its own schema has to be there before it starts
 */
public record SubjectPolicy(String subject, Schema schema, Compatibility compatibility, boolean mustBeRegistered) {

    /** The levels this application asks for (the registry knows more). */
    public enum Compatibility {
        /** A new schema reads all data written with every earlier one: the reader upgrades first. */
        BACKWARD_TRANSITIVE,
        /** Also the other way round: readers may upgrade before or after the writer. */
        FULL_TRANSITIVE
    }

    public SubjectPolicy {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(compatibility, "compatibility");
    }

    /** The subject of a topic's record values under Confluent's default TopicNameStrategy. */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }
}
