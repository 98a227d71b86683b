package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.state.PendingKind;
import io.idcardstream.events.state.PendingRequest;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.testing.TestEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingCallTest {
    private static PendingRequest state(IdCardOcrRequested event) {
        return new PendingRequest(event.getRequestId(), event.getSubjectId(), 7L, 0L, 1_000L, PendingKind.CALL, 2,
                0L, 400L, 30L); // next attempt, OCR ms, rate-limit wait ms
    }

    @Test
    void shouldKeepTheCallTranslatedOnceWhenItWasAccepted() {
        IdCardOcrRequested event = TestEvents.inline("r-1", "subject-1", "card", null);

        PendingCall pending = PendingCall.of(state(event), event, new RequestTranslator(1 << 20));

        assertThat(pending.call()).isNotNull();
        assertThat(pending.refusal()).isNull();
        assertThat(pending.seq()).isEqualTo(7L);
    }

    @Test
    void shouldKeepTheRefusalSoItIsAnsweredWithoutTranslatingAgain() {
        IdCardOcrRequested event = TestEvents.inline("r-1", "subject-1", new byte[2_048], null, null);

        PendingCall pending = PendingCall.of(state(event), event, new RequestTranslator(1_024));

        assertThat(pending.call()).isNull();
        assertThat(pending.refusal().code()).isEqualTo(ErrorCodes.IMAGE_SIZE_TOO_LARGE);
    }

    @Test
    void shouldReportItsAttemptsForTheOutcome() {
        IdCardOcrRequested event = TestEvents.inline("r-1", "subject-1", "card", null);

        OutcomeMapper.Attempt attempt = PendingCall.of(state(event), event, new RequestTranslator(1 << 20)).attempt();

        assertThat(attempt).isEqualTo(new OutcomeMapper.Attempt(Instant.ofEpochMilli(1_000), 30, 400, 2));
    }
}
