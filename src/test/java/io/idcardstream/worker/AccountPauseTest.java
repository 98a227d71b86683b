package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AccountPauseTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final OcrException BAD_CREDENTIALS = new OcrException(ErrorCodes.SECRET_ID_NOT_FOUND, "x", null);

    private final AccountPause pause = new AccountPause(Duration.ofSeconds(1), Duration.ofSeconds(4), 0,
            new WorkerMetrics(new SimpleMeterRegistry()));

    @Test
    void shouldStopEveryCallForAWhileAfterAnAccountWideError() {
        pause.callEnded(BAD_CREDENTIALS, 10 * SECOND);

        assertThat(pause.pausedAt(10 * SECOND + SECOND - 1)).isTrue();
        assertThat(pause.pausedAt(11 * SECOND)).isFalse();
    }

    @Test
    void shouldDoubleThePauseWhileTheErrorPersistsUpToItsMaximum() {
        long[] remaining = new long[4];
        for (int i = 0; i < 4; i++) {
            long at = 100 * SECOND * (i + 1);
            pause.callEnded(BAD_CREDENTIALS, at);
            remaining[i] = pause.remainingAt(at);
        }

        assertThat(remaining).containsExactly(SECOND, 2 * SECOND, 4 * SECOND, 4 * SECOND);
    }

    @Test
    void shouldStartShortAgainOnceACallSucceeded() {
        pause.callEnded(BAD_CREDENTIALS, 0);
        pause.callEnded(BAD_CREDENTIALS, 10 * SECOND);
        pause.callEnded(null, 20 * SECOND);
        pause.callEnded(BAD_CREDENTIALS, 30 * SECOND);

        assertThat(pause.remainingAt(30 * SECOND)).isEqualTo(SECOND);
    }

    @Test
    void shouldNotPauseForAnErrorOfOneRequest() {
        pause.callEnded(new OcrException(ErrorCodes.IMAGE_NO_ID_CARD, "x", null), 0);
        pause.callEnded(new OcrException(ErrorCodes.REQUEST_LIMIT_EXCEEDED, "x", null), 0);

        assertThat(pause.pausedAt(1)).isFalse();
    }
}
