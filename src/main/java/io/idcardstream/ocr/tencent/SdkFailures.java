package io.idcardstream.ocr.tencent;

import com.google.gson.JsonParseException;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Maps every failure shape of the Tencent Java SDK 3.1.1342 (research note tencent-api.md, section 2.4) to an
 * {@link OcrException} with a precise code:
 * <ul>
 *   <li>an error envelope → the API's code and RequestId;</li>
 *   <li>HTTP status other than 200 → the SDK's {@code ServerSideError};</li>
 *   <li>null code with an I/O cause → {@code ClientTimeout} for timeouts, else {@code ClientNetworkError};</li>
 *   <li>null code with a JSON cause, or a raw {@code NullPointerException}/{@code JsonParseException} (a body
 *       without {@code Response}, a field of the wrong type) → {@code ClientProtocolError};</li>
 *   <li>empty code (the SDK's own argument checks, e.g. a bad protocol string) → {@code ClientSideError}.</li>
 * </ul>
 */
final class SdkFailures {
    private SdkFailures() {}

    static OcrException from(TencentCloudSDKException e) {
        String code = e.getErrorCode();
        String requestId = emptyToNull(e.getRequestId());
        if (code != null && !code.isEmpty()) {
            return new OcrException(code, e.getMessage(), requestId);
        }
        Throwable cause = e.getCause();
        if (code == null) {
            if (cause instanceof InterruptedIOException) {
                return new OcrException(ErrorCodes.CLIENT_TIMEOUT,
                        "No complete answer from the IDCardOCR endpoint within the deadline", null, e);
            }
            if (cause instanceof IOException) {
                return new OcrException(ErrorCodes.CLIENT_NETWORK_ERROR,
                        "Cannot reach the IDCardOCR endpoint: " + cause.getClass().getSimpleName(), null, e);
            }
            return new OcrException(ErrorCodes.CLIENT_PROTOCOL_ERROR,
                    "The IDCardOCR endpoint answered something that is not an API 3.0 response", null, e);
        }
        return new OcrException(ErrorCodes.CLIENT_SIDE_ERROR,
                "The Tencent SDK refused the call: " + e.getMessage(), null, e);
    }

    /** The SDK lets some malformed answers escape as unchecked exceptions. */
    static OcrException fromUnchecked(RuntimeException e) {
        if (e instanceof NullPointerException || e instanceof JsonParseException) {
            return new OcrException(ErrorCodes.CLIENT_PROTOCOL_ERROR,
                    "The IDCardOCR endpoint answered without a valid Response object ("
                            + e.getClass().getSimpleName() + ")", null, e);
        }
        return new OcrException(ErrorCodes.CLIENT_SIDE_ERROR,
                "The Tencent SDK failed unexpectedly: " + e.getClass().getName(), null, e);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
