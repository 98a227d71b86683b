package io.idcardstream.ocr;

import static io.idcardstream.ocr.ErrorCategory.ACCOUNT;
import static io.idcardstream.ocr.ErrorCategory.AUTH;
import static io.idcardstream.ocr.ErrorCategory.IMAGE;
import static io.idcardstream.ocr.ErrorCategory.INTERNAL;
import static io.idcardstream.ocr.ErrorCategory.NETWORK;
import static io.idcardstream.ocr.ErrorCategory.PARAMETER;
import static io.idcardstream.ocr.ErrorCategory.PROTOCOL;
import static io.idcardstream.ocr.ErrorCategory.PROVIDER;
import static io.idcardstream.ocr.ErrorCategory.RATE_LIMIT;
import static io.idcardstream.ocr.ErrorCategory.TIMEOUT;
import static io.idcardstream.ocr.ErrorCategory.UNKNOWN;

import java.util.Map;

/**
 * Maps an error code to its category, retryability and whether it should pause processing. Exact codes win;
 * otherwise the code's prefix before the first dot decides (Tencent adds sub-codes such as
 * {@code RequestLimitExceeded.UinLimitExceeded}); otherwise the code is {@link ErrorCategory#UNKNOWN} and
 * terminal, so an unknown failure is reported rather than retried forever.
 */
public final class ErrorPolicy {
    private ErrorPolicy() {}

    private static final ErrorClass TERMINAL_IMAGE = new ErrorClass(IMAGE, false, false);
    private static final ErrorClass TERMINAL_PARAMETER = new ErrorClass(PARAMETER, false, false);
    private static final ErrorClass PAUSE_AUTH = new ErrorClass(AUTH, false, true);
    private static final ErrorClass PAUSE_ACCOUNT = new ErrorClass(ACCOUNT, false, true);
    private static final ErrorClass PAUSE_CONFIGURATION = new ErrorClass(INTERNAL, false, true);
    private static final ErrorClass RETRY_RATE_LIMIT = new ErrorClass(RATE_LIMIT, true, false);
    private static final ErrorClass RETRY_PROVIDER = new ErrorClass(PROVIDER, true, false);

    private static final Map<String, ErrorClass> EXACT = Map.ofEntries(
            Map.entry(ErrorCodes.EMPTY_IMAGE, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.IMAGE_BLUR, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.IMAGE_DECODE_FAILED, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.IMAGE_NO_ID_CARD, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.IMAGE_SIZE_TOO_LARGE, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.OCR_FAILED, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.ID_CARD_INFO_ILLEGAL, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.MULTI_CARD, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.CARD_SIDE_ERROR, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.ID_CARD_TOO_SMALL, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.TOO_LARGE_FILE, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.REQUEST_SIZE_LIMIT_EXCEEDED, TERMINAL_IMAGE),
            // The image host may be down for a moment; a few retries are cheap.
            Map.entry(ErrorCodes.DOWNLOAD_ERROR, new ErrorClass(IMAGE, true, false)),
            Map.entry(ErrorCodes.UNKNOWN_ERROR, RETRY_PROVIDER),
            Map.entry("FailedOperation.WarningServiceFailed", RETRY_PROVIDER),
            Map.entry(ErrorCodes.UN_OPEN, PAUSE_ACCOUNT),
            Map.entry("FailedOperation.ArrearsError", PAUSE_ACCOUNT),
            Map.entry("FailedOperation.CountLimitError", PAUSE_ACCOUNT),
            Map.entry(ErrorCodes.CHARGE_STATUS_EXCEPTION, PAUSE_ACCOUNT),
            Map.entry("ResourceUnavailable.InArrears", PAUSE_ACCOUNT),
            Map.entry("ResourceUnavailable.ResourcePackageRunOut", PAUSE_ACCOUNT),
            Map.entry("LimitExceeded", PAUSE_ACCOUNT),
            Map.entry("UnauthorizedOperation", PAUSE_AUTH),
            Map.entry(ErrorCodes.INTERNAL_ERROR, RETRY_PROVIDER),
            Map.entry(ErrorCodes.SERVICE_UNAVAILABLE, RETRY_PROVIDER),
            Map.entry(ErrorCodes.SERVER_SIDE_ERROR, RETRY_PROVIDER),
            Map.entry("ResourceUnavailable", RETRY_PROVIDER),
            Map.entry(ErrorCodes.INVALID_ACTION, PAUSE_CONFIGURATION),
            Map.entry(ErrorCodes.NO_SUCH_VERSION, PAUSE_CONFIGURATION),
            Map.entry("NoSuchProduct", PAUSE_CONFIGURATION),
            Map.entry("UnsupportedRegion", PAUSE_CONFIGURATION),
            Map.entry("ActionOffline", PAUSE_CONFIGURATION),
            Map.entry(ErrorCodes.UNSUPPORTED_PROTOCOL, PAUSE_CONFIGURATION),
            Map.entry(ErrorCodes.CLIENT_SIDE_ERROR, PAUSE_CONFIGURATION),
            Map.entry(ErrorCodes.CLIENT_NETWORK_ERROR, new ErrorClass(NETWORK, true, false)),
            Map.entry(ErrorCodes.CLIENT_TIMEOUT, new ErrorClass(TIMEOUT, true, false)),
            Map.entry(ErrorCodes.CLIENT_PROTOCOL_ERROR, new ErrorClass(PROTOCOL, true, false)),
            Map.entry(ErrorCodes.CLIENT_OVERLOADED, RETRY_RATE_LIMIT));

    private static final Map<String, ErrorClass> BY_PREFIX = Map.of(
            "AuthFailure", PAUSE_AUTH,
            "RequestLimitExceeded", RETRY_RATE_LIMIT,
            "InternalError", RETRY_PROVIDER,
            "InvalidParameter", TERMINAL_PARAMETER,
            "InvalidParameterValue", TERMINAL_PARAMETER,
            "MissingParameter", TERMINAL_PARAMETER,
            "UnknownParameter", TERMINAL_PARAMETER,
            "ResourcesSoldOut", PAUSE_ACCOUNT);

    public static ErrorClass classify(String code) {
        if (code == null || code.isEmpty()) {
            return new ErrorClass(UNKNOWN, false, false);
        }
        ErrorClass exact = EXACT.get(code);
        if (exact != null) {
            return exact;
        }
        int dot = code.indexOf('.');
        ErrorClass byPrefix = BY_PREFIX.get(dot < 0 ? code : code.substring(0, dot));
        return byPrefix != null ? byPrefix : new ErrorClass(UNKNOWN, false, false);
    }
}
