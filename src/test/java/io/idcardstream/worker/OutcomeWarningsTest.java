package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.WarningKind;
import io.idcardstream.identity.IdentityValidator;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ProviderDescription;
import io.idcardstream.ocr.WarningDetail;
import io.idcardstream.testing.TestEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12: the outcome event carries each warning's code, kind, score and region, and the warnings not checked. */
class OutcomeWarningsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:01Z"), ZoneOffset.UTC);

    @Test
    void shouldPutEachWarningsScoreAndRegionAndTheWarningsNotCheckedOnTheOutcome() throws Exception {
        // Given an answer with a cut border (score and region), a grey copy (score only) and two unchecked codes
        IdCardOcrRequested event = TestEvents.inline("req-1", "subject-1", "back", null);
        var request = new RequestTranslator(1024).translate(event);
        List<FieldEvidence.Point> bottom = List.of(new FieldEvidence.Point(0, 500), new FieldEvidence.Point(800, 500),
                new FieldEvidence.Point(800, 540), new FieldEvidence.Point(0, 540));
        AdvancedInfo advanced = new AdvancedInfo(null, null, null, 100, List.of(-9101, -9102, -9108),
                List.of(new WarningDetail(-9101, 1.0f, bottom), WarningDetail.of(-9102, 0.9)),
                List.of(-9105, -9106), true, null);
        IdCardOcrResult result = IdCardOcrResult.of(CardFields.back("赵县公安局", "2010.07.21-2020.07.21"), advanced,
                "provider-req-1");

        // When the worker maps it to the outcome event
        IdentityRecognized outcome = new OutcomeMapper(new IdentityValidator(), CLOCK, 1 << 20).recognized(event,
                request, result, new ProviderDescription("local", null, "engine", "models"),
                new OutcomeMapper.Attempt(CLOCK.instant(), 0, 10, 1));

        // Then every warning has its kind, and its score and region where the recogniser gave them
        assertThat(outcome.getWarnings()).extracting(w -> w.getCode(), w -> w.getKind(), w -> w.getScore())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(-9101, WarningKind.INCOMPLETE_BORDER, 1.0f),
                        org.assertj.core.groups.Tuple.tuple(-9102, WarningKind.PHOTOCOPY, 0.9f),
                        org.assertj.core.groups.Tuple.tuple(-9108, WarningKind.PHOTOCOPY, null));
        assertThat(outcome.getWarnings().get(0).getRegion()).extracting(p -> p.getX() + "," + p.getY())
                .containsExactly("0,500", "800,500", "800,540", "0,540");
        assertThat(outcome.getWarnings().get(1).getRegion()).isEmpty();
        // And the codes asked for but not checked are named, so a policy treats them as unknown, not clean
        assertThat(outcome.getWarningsNotChecked()).extracting(w -> w.getCode(), w -> w.getKind())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(-9105, WarningKind.OCCLUSION),
                        org.assertj.core.groups.Tuple.tuple(-9106, WarningKind.EDITED));
    }
}
