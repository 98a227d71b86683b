package io.idcardstream.fetch;

/** Why an image could not be fetched. The message names the host at most, never the full URL. */
public final class ImageFetchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The kinds of failure, so callers can map them to API error codes without parsing messages. */
    public enum Reason {
        /** Not http(s), malformed, or pointing at an address the guard refuses (loopback, private, metadata). */
        REFUSED,
        /** Connection failed, the server answered an error status, or too many redirects. */
        DOWNLOAD_FAILED,
        /** The whole download took longer than the deadline. */
        TIMEOUT,
        /** The body is larger than the limit. */
        TOO_LARGE
    }

    private final Reason reason;

    public ImageFetchException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ImageFetchException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
