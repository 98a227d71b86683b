package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.ocr.ErrorClass;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.worker.FailureDecision.Kind;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision for every error code this project knows, and the retry limits that turn a retry into an answer. */
class FailureDecisionTest {
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofMinutes(1));
    private static final long ACCEPTED = 1_000_000;

    private static FailureDecision decide(String code, int attemptsMade, long now) {
        return FailureDecision.of(new OcrException(code, "test", null), RETRY, attemptsMade, ACCEPTED, now, () -> 0.5);
    }

    /** Every code constant of {@link ErrorCodes}: the API's codes the project names and its client-side codes. */
    private static List<String> allCodes() throws IllegalAccessException {
        List<String> codes = new ArrayList<>();
        for (Field field : ErrorCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                codes.add((String) field.get(null));
            }
        }
        return codes;
    }

    @Test
    void shouldDecideEveryKnownCodeAsItsPolicySays() throws IllegalAccessException {
        List<String> codes = allCodes();
        assertThat(codes).hasSizeGreaterThan(20);
        for (String code : codes) {
            ErrorClass policy = new OcrException(code, "test", null).classification();
            Kind expected = policy.pausesProcessing() ? Kind.PAUSE_AND_REQUEUE
                    : policy.retryable() ? Kind.RETRY_AT : Kind.ANSWER;

            assertThat(decide(code, 1, ACCEPTED).kind()).as(code).isEqualTo(expected);
        }
    }

    @Test
    void shouldRetryARateLimitAfterItsBackoff() {
        FailureDecision decision = decide(ErrorCodes.REQUEST_LIMIT_EXCEEDED, 1, ACCEPTED + 10);

        assertThat(decision.kind()).isEqualTo(Kind.RETRY_AT);
        assertThat(decision.retryAtMillis()).isBetween(ACCEPTED + 10, ACCEPTED + 10 + 100);
    }

    @Test
    void shouldAnswerARetryableFailureOnceNoAttemptIsLeft() {
        assertThat(decide(ErrorCodes.REQUEST_LIMIT_EXCEEDED, 3, ACCEPTED).kind()).isEqualTo(Kind.ANSWER);
    }

    @Test
    void shouldAnswerARetryableFailurePastTheRetryDeadline() {
        long afterDeadline = ACCEPTED + Duration.ofMinutes(1).toMillis() + 1;

        assertThat(decide(ErrorCodes.INTERNAL_ERROR, 1, afterDeadline).kind()).isEqualTo(Kind.ANSWER);
    }

    @Test
    void shouldRequeueAnAccountWideErrorHoweverManyAttemptsWereMade() {
        assertThat(decide(ErrorCodes.SECRET_ID_NOT_FOUND, 3, ACCEPTED).kind()).isEqualTo(Kind.PAUSE_AND_REQUEUE);
        assertThat(FailureDecision.pausesAllCalls(new OcrException(ErrorCodes.SECRET_ID_NOT_FOUND, "x", null)))
                .isTrue();
    }

    @Test
    void shouldAnswerAFailureKnownToBePermanentAlthoughItsCodeIsRetryable() {
        OcrException refusedAddress = new OcrException(ErrorCodes.DOWNLOAD_ERROR, "private address", null).permanent();

        FailureDecision decision = FailureDecision.of(refusedAddress, RETRY, 1, ACCEPTED, ACCEPTED, () -> 0.5);

        assertThat(decision.kind()).isEqualTo(Kind.ANSWER);
    }
}
