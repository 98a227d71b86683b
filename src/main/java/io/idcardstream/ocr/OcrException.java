package io.idcardstream.ocr;

import java.util.Objects;

/**
 * A failed IDCardOCR call, with the API's error code (e.g. {@code FailedOperation.ImageNoIdCard}) or one of
 * the client-side codes in {@link ErrorCodes}. The message must not contain personal data.
 */
public final class OcrException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String providerRequestId;
    private final boolean permanent;

    public OcrException(String code, String message, String providerRequestId) {
        this(code, message, providerRequestId, null);
    }

    public OcrException(String code, String message, String providerRequestId, Throwable cause) {
        this(code, message, providerRequestId, cause, false);
    }

    private OcrException(String code, String message, String providerRequestId, Throwable cause, boolean permanent) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.providerRequestId = providerRequestId;
        this.permanent = permanent;
    }

    /**
     * The same failure, known to be one no retry can change although its code is sometimes transient: an image
     * address the SSRF guard refuses is answered {@code FailedOperation.DownLoadError}, like a host that is down
     * for a moment, but it is refused again on every attempt.
     */
    public OcrException permanent() {
        return new OcrException(code, getMessage(), providerRequestId, getCause(), true);
    }

    /** The API's error code, or a client-side code from {@link ErrorCodes}. */
    public String code() {
        return code;
    }

    /** The API's RequestId for this call, or {@code null} when the call never got an answer. */
    public String providerRequestId() {
        return providerRequestId;
    }

    /** How the pipeline should treat this failure. */
    public ErrorClass classification() {
        return ErrorPolicy.classify(code, permanent);
    }

    @Override
    public String toString() {
        return "OcrException[" + code + "]: " + getMessage();
    }
}
