package io.idcardstream.ocr;

/**
 * The policy for one error code.
 *
 * @param retryable the same request may succeed later (rate limit, network, provider hiccup)
 * @param pausesProcessing every request would fail the same way until an operator fixes the account or the
 *     configuration (credentials, billing, endpoint), so processing should pause rather than fail the backlog
 */
public record ErrorClass(ErrorCategory category, boolean retryable, boolean pausesProcessing) {}
