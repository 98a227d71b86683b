package io.idcardstream.serde;

import java.util.Objects;

/**
 * A schema registry operation failed. The message names the subject, schema id and registry URL involved,
 * never credentials or record content. {@link #reason()} lets callers react without parsing messages.
 */
public final class SchemaRegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of failure. */
    public enum Reason {
        /** The subject, the schema under the subject, or the schema id is not registered. */
        NOT_FOUND,
        /** The registry refused the schema as incompatible with the subject's compatibility level (HTTP 409). */
        INCOMPATIBLE,
        /** The registry refused the schema as invalid (HTTP 422). */
        INVALID_SCHEMA,
        /** The registry refused the credentials (HTTP 401) or the operation (HTTP 403). */
        UNAUTHORIZED,
        /** No registry answered in time, or it answered with a server error. */
        UNAVAILABLE,
        /** The registry answered with something this client does not understand. */
        PROTOCOL,
        /** The persistent in-memory registry could not read or write its file. */
        STORAGE
    }

    private final Reason reason;

    public SchemaRegistryException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SchemaRegistryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
