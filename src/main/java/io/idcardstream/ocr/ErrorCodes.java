package io.idcardstream.ocr;

/**
 * Error codes: the IDCardOCR and Tencent Cloud API 3.0 codes this project emits or handles, and the
 * client-side codes for failures that never reached an API answer.
 */
public final class ErrorCodes {
    private ErrorCodes() {}

    // IDCardOCR business codes (reference/IDCardOCR-api.md and the Java SDK's OcrErrorCode).
    public static final String DOWNLOAD_ERROR = "FailedOperation.DownLoadError";
    public static final String EMPTY_IMAGE = "FailedOperation.EmptyImageError";
    public static final String IMAGE_BLUR = "FailedOperation.ImageBlur";
    public static final String IMAGE_DECODE_FAILED = "FailedOperation.ImageDecodeFailed";
    public static final String IMAGE_NO_ID_CARD = "FailedOperation.ImageNoIdCard";
    public static final String IMAGE_SIZE_TOO_LARGE = "FailedOperation.ImageSizeTooLarge";
    public static final String OCR_FAILED = "FailedOperation.OcrFailed";
    public static final String UNKNOWN_ERROR = "FailedOperation.UnKnowError";
    public static final String UN_OPEN = "FailedOperation.UnOpenError";
    public static final String ID_CARD_INFO_ILLEGAL = "FailedOperation.IdCardInfoIllegal";
    public static final String MULTI_CARD = "FailedOperation.MultiCardError";
    public static final String CARD_SIDE_ERROR = "FailedOperation.CardSideError";
    public static final String ID_CARD_TOO_SMALL = "FailedOperation.IdCardTooSmall";
    public static final String CONFIG_FORMAT_ERROR = "InvalidParameter.ConfigFormatError";
    public static final String INVALID_PARAMETER_VALUE_LIMIT = "InvalidParameterValue.InvalidParameterValueLimit";
    public static final String TOO_LARGE_FILE = "LimitExceeded.TooLargeFileError";
    public static final String CHARGE_STATUS_EXCEPTION = "ResourcesSoldOut.ChargeStatusException";

    // Tencent Cloud API 3.0 common codes.
    public static final String INVALID_AUTHORIZATION = "AuthFailure.InvalidAuthorization";
    public static final String SECRET_ID_NOT_FOUND = "AuthFailure.SecretIdNotFound";
    public static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";
    public static final String SIGNATURE_FAILURE = "AuthFailure.SignatureFailure";
    public static final String INVALID_ACTION = "InvalidAction";
    public static final String NO_SUCH_VERSION = "NoSuchVersion";
    public static final String INVALID_PARAMETER = "InvalidParameter";
    public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    public static final String MISSING_PARAMETER = "MissingParameter";
    public static final String UNKNOWN_PARAMETER = "UnknownParameter";
    public static final String REQUEST_LIMIT_EXCEEDED = "RequestLimitExceeded";
    public static final String REQUEST_SIZE_LIMIT_EXCEEDED = "RequestSizeLimitExceeded";
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    public static final String UNSUPPORTED_PROTOCOL = "UnsupportedProtocol";

    // Codes of the Java SDK itself.
    /** The SDK's code when the HTTP status was not 200. */
    public static final String SERVER_SIDE_ERROR = "ServerSideError";
    /** The SDK's code when the client is misconfigured (e.g. a bad protocol string). */
    public static final String CLIENT_SIDE_ERROR = "ClientSideError";

    // Client-side codes of this project, for failures without an API answer.
    /** The endpoint could not be reached (connection refused, DNS, reset). */
    public static final String CLIENT_NETWORK_ERROR = "ClientNetworkError";
    /** No complete answer within the call deadline. */
    public static final String CLIENT_TIMEOUT = "ClientTimeout";
    /** The answer was not a valid IDCardOCR response (not JSON, no Response, wrong types). */
    public static final String CLIENT_PROTOCOL_ERROR = "ClientProtocolError";
    /**
     * The provider answered with success, but the answer could not be turned into a result (e.g. a
     * {@code ReflectDetailInfos} entry without {@code Position}). The call is made and paid for, so this is terminal.
     */
    public static final String CLIENT_RESULT_ERROR = "ClientResultError";
    /** The recogniser's own queue was full; the call was not attempted. */
    public static final String CLIENT_OVERLOADED = "ClientOverloaded";
}
