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
 * Maps an error code to its category, retryability and whether it should pause processing: the one table of
 * the project's error policy. Exact codes win; otherwise the code's prefix before the first dot decides (Tencent
 * adds sub-codes such as {@code RequestLimitExceeded.UinLimitExceeded} or {@code ResourceUnavailable.InArrears});
 * otherwise the code is {@link ErrorCategory#UNKNOWN} and terminal, so an unknown failure is reported rather than
 * retried forever.
 *
 * <p>Three kinds of answer:
 * <ul>
 *   <li><b>per request, terminal</b>: the image or a parameter of this request is wrong; the caller must send a
 *       better one;</li>
 *   <li><b>per request, retryable</b>: rate limits, provider hiccups, network; the same request may succeed
 *       later;</li>
 *   <li><b>account-wide, pause</b>: every request would fail the same way until an operator fixes the account
 *       (credentials, CAM permissions, IP allow-lists, billing, quotas, resource packages) or the configuration
 *       (endpoint, API version, an SDK that sends parameters the endpoint does not know or lacks ones it needs),
 *       so the backlog waits instead of failing.</li>
 * </ul>
 */
public final class ErrorPolicy {
    private ErrorPolicy() {}

    private static final ErrorClass TERMINAL_IMAGE = new ErrorClass(IMAGE, false, false);
    private static final ErrorClass TERMINAL_PARAMETER = new ErrorClass(PARAMETER, false, false);
    private static final ErrorClass TERMINAL_PROVIDER = new ErrorClass(PROVIDER, false, false);
    private static final ErrorClass PAUSE_AUTH = new ErrorClass(AUTH, false, true);
    private static final ErrorClass PAUSE_ACCOUNT = new ErrorClass(ACCOUNT, false, true);
    private static final ErrorClass PAUSE_CONFIGURATION = new ErrorClass(INTERNAL, false, true);
    private static final ErrorClass RETRY_RATE_LIMIT = new ErrorClass(RATE_LIMIT, true, false);
    private static final ErrorClass RETRY_PROVIDER = new ErrorClass(PROVIDER, true, false);
    private static final ErrorClass UNKNOWN_TERMINAL = new ErrorClass(UNKNOWN, false, false);

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
            // The one LimitExceeded about this request's file rather than the account's quota.
            Map.entry(ErrorCodes.TOO_LARGE_FILE, TERMINAL_IMAGE),
            Map.entry(ErrorCodes.REQUEST_SIZE_LIMIT_EXCEEDED, TERMINAL_IMAGE),
            // Crops of a large image can make the answer too large: this request's image and options, not the account.
            Map.entry("ResponseSizeLimitExceeded", TERMINAL_IMAGE),
            // The image host may be down for a moment; a few retries are cheap. (An address the SSRF guard refuses
            // is never retried: see OcrException#permanent.)
            Map.entry(ErrorCodes.DOWNLOAD_ERROR, new ErrorClass(IMAGE, true, false)),
            // The provider's generic "failed" for this request; it said no more, and asking again pays again.
            Map.entry("FailedOperation", TERMINAL_PROVIDER),
            Map.entry(ErrorCodes.UNKNOWN_ERROR, RETRY_PROVIDER),
            Map.entry("FailedOperation.WarningServiceFailed", RETRY_PROVIDER),
            Map.entry(ErrorCodes.UN_OPEN, PAUSE_ACCOUNT),
            Map.entry("FailedOperation.ArrearsError", PAUSE_ACCOUNT),
            Map.entry("FailedOperation.CountLimitError", PAUSE_ACCOUNT),
            Map.entry(ErrorCodes.INTERNAL_ERROR, RETRY_PROVIDER),
            Map.entry(ErrorCodes.SERVICE_UNAVAILABLE, RETRY_PROVIDER),
            Map.entry(ErrorCodes.SERVER_SIDE_ERROR, RETRY_PROVIDER),
            // A resource busy for a moment; IDCardOCR names no resources, so this is the provider's own state.
            Map.entry("ResourceInUse", RETRY_PROVIDER),
            // Options the account has not enabled (e.g. CardWarnType=Advanced): only requests asking for them fail.
            Map.entry("UnsupportedOperation", TERMINAL_PARAMETER),
            Map.entry(ErrorCodes.INVALID_ACTION, PAUSE_CONFIGURATION),
            Map.entry(ErrorCodes.NO_SUCH_VERSION, PAUSE_CONFIGURATION),
            Map.entry("NoSuchProduct", PAUSE_CONFIGURATION),
            Map.entry("UnsupportedRegion", PAUSE_CONFIGURATION),
            Map.entry("ActionOffline", PAUSE_CONFIGURATION),
            // We never send DryRun or multipart bodies: an endpoint answering these misreads every request we make.
            Map.entry("DryRunOperation", PAUSE_CONFIGURATION),
            Map.entry("InvalidRequest", PAUSE_CONFIGURATION),
            Map.entry(ErrorCodes.UNSUPPORTED_PROTOCOL, PAUSE_CONFIGURATION),
            Map.entry(ErrorCodes.CLIENT_SIDE_ERROR, PAUSE_CONFIGURATION),
            Map.entry(ErrorCodes.CLIENT_NETWORK_ERROR, new ErrorClass(NETWORK, true, false)),
            Map.entry(ErrorCodes.CLIENT_TIMEOUT, new ErrorClass(TIMEOUT, true, false)),
            Map.entry(ErrorCodes.CLIENT_PROTOCOL_ERROR, new ErrorClass(PROTOCOL, true, false)),
            // The call was answered and paid for; asking again pays again for an answer we cannot read either.
            Map.entry(ErrorCodes.CLIENT_RESULT_ERROR, new ErrorClass(PROTOCOL, false, false)),
            Map.entry(ErrorCodes.CLIENT_OVERLOADED, RETRY_RATE_LIMIT));

    /** Codes without a dot are looked up here whole; codes with one, by the part before it. */
    private static final Map<String, ErrorClass> BY_PREFIX = Map.ofEntries(
            Map.entry("AuthFailure", PAUSE_AUTH),
            Map.entry("UnauthorizedOperation", PAUSE_AUTH),
            Map.entry("IpInBlacklist", PAUSE_AUTH),
            Map.entry("IpNotInWhitelist", PAUSE_AUTH),
            Map.entry("ResourcesSoldOut", PAUSE_ACCOUNT),
            Map.entry("ResourceUnavailable", PAUSE_ACCOUNT),
            Map.entry("ResourceInsufficient", PAUSE_ACCOUNT),
            Map.entry("ResourceNotFound", PAUSE_ACCOUNT),
            // Quotas other than the request rate (RequestLimitExceeded is its own prefix) last until raised.
            Map.entry("LimitExceeded", PAUSE_ACCOUNT),
            Map.entry("RequestLimitExceeded", RETRY_RATE_LIMIT),
            Map.entry("InternalError", RETRY_PROVIDER),
            Map.entry("InvalidParameter", TERMINAL_PARAMETER),
            Map.entry("InvalidParameterValue", TERMINAL_PARAMETER),
            // The endpoint does not know a parameter the SDK sends, or misses one it always sends: the SDK and the
            // endpoint disagree (version, proxy), so every request fails until the configuration is fixed.
            Map.entry("MissingParameter", PAUSE_CONFIGURATION),
            Map.entry("UnknownParameter", PAUSE_CONFIGURATION));

    public static ErrorClass classify(String code) {
        if (code == null || code.isEmpty()) {
            return UNKNOWN_TERMINAL;
        }
        ErrorClass exact = EXACT.get(code);
        if (exact != null) {
            return exact;
        }
        int dot = code.indexOf('.');
        ErrorClass byPrefix = BY_PREFIX.get(dot < 0 ? code : code.substring(0, dot));
        return byPrefix != null ? byPrefix : UNKNOWN_TERMINAL;
    }

    /**
     * The policy for a failure whose cause is known to be permanent ({@link OcrException#permanent()}): the
     * code's category and pause, never a retry.
     */
    public static ErrorClass classify(String code, boolean permanent) {
        ErrorClass byCode = classify(code);
        return permanent && byCode.retryable()
                ? new ErrorClass(byCode.category(), false, byCode.pausesProcessing()) : byCode;
    }
}
