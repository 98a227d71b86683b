package io.idcardstream.serde;

/**
 * Keeps record content out of serde error messages. Avro's exceptions often quote the value they failed on
 * (e.g. "Not in union [...]: " followed by the datum), which may be a name or an ID number; only Avro's null
 * pointer messages (they name the field path and no value) and our own declared-length messages (numbers only)
 * are kept.
 */
final class AvroFailures {

    private AvroFailures() {
    }

    /** A short description of {@code failure} that is safe to log. */
    static String describe(Throwable failure) {
        if (failure instanceof NullPointerException && failure.getMessage() != null) {
            return failure.getMessage();
        }
        if (failure instanceof BoundedBinaryDecoder.DeclaredLengthException) {
            return failure.getMessage(); // numbers only
        }
        return failure.getClass().getName();
    }

    /** A stand-in for {@code failure} with its stack trace but without its message or causes. */
    static Throwable redacted(Throwable failure) {
        if (failure instanceof NullPointerException || failure instanceof BoundedBinaryDecoder.DeclaredLengthException) {
            return failure;
        }
        return new RedactedFailure(failure);
    }

    /** What {@link #redacted(Throwable)} returns: where the failure happened, without what it quoted. */
    static final class RedactedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedactedFailure(Throwable original) {
            super(original.getClass().getName() + " (message withheld: Avro messages can quote record content)",
                    null, false, true);
            setStackTrace(original.getStackTrace());
        }
    }
}
