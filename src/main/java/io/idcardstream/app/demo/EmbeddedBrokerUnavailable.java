package io.idcardstream.app.demo;

/** The embedded broker's jars are not on this class path (a production build); the message says what to run. */
public final class EmbeddedBrokerUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmbeddedBrokerUnavailable(String message) {
        super(message);
    }
}
