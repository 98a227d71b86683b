package io.idcardstream.ocr;

/** What kind of failure an error code is; mirrors the {@code ErrorCategory} enum of the outcome events. */
public enum ErrorCategory {
    /** The image cannot be read as an ID card (decode, blur, no card, size). The caller must send a better one. */
    IMAGE,
    /** A request parameter is wrong (Config JSON, CardSide). The caller must fix the request. */
    PARAMETER,
    /** Credentials are wrong, unknown or expired. An operator must fix the account keys. */
    AUTH,
    /** The account cannot be charged or the service is not enabled. An operator must fix the account. */
    ACCOUNT,
    /** The provider's request-rate limit was hit. */
    RATE_LIMIT,
    /** The provider failed internally. */
    PROVIDER,
    /** The provider could not be reached. */
    NETWORK,
    /** No answer within the deadline. */
    TIMEOUT,
    /** The answer was not a valid IDCardOCR response. */
    PROTOCOL,
    /** A bug or a misconfiguration on our side. */
    INTERNAL,
    /** A code this version does not know. */
    UNKNOWN
}
