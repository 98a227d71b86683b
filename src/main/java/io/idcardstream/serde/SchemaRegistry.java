package io.idcardstream.serde;

import org.apache.avro.Schema;

/**
 * A Confluent-style schema registry: subjects hold versions of schemas, and every distinct schema has one
 * registry-wide integer id, the id the Confluent wire format carries in front of each record.
 *
 * <p>Implementations are thread-safe and fail with {@link SchemaRegistryException}.
 */
public interface SchemaRegistry {

    /**
     * Registers {@code schema} under {@code subject}, or finds it there. Idempotent: the same schema always
     * gets the same id, under any subject.
     *
     * @return the schema's id
     */
    int register(String subject, Schema schema);

    /**
     * The id of {@code schema} as registered under {@code subject}, without registering it.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException.Reason#NOT_FOUND} when the subject does
     *     not hold this schema
     */
    int idOf(String subject, Schema schema);

    /**
     * The schema with this id.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException.Reason#NOT_FOUND} for an unknown id
     */
    Schema byId(int id);

    /**
     * The newest version of {@code subject}.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException.Reason#NOT_FOUND} for an unknown subject
     */
    RegisteredSchema latest(String subject);
}
