package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.CardSide;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.testing.TestEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application an outcome names: the request's field, else its attribute (older producers), else none. */
class ApplicationIdTest {

    @Test
    void shouldTakeTheRequestsApplicationIdField() {
        // Given a request with the field and a different attribute
        IdCardOcrRequested request = IdCardOcrRequested.newBuilder(
                        TestEvents.inline("r-1", "s-1", "front", CardSide.FRONT))
                .setApplicationId("app-field")
                .setAttributes(Map.of("applicationId", "app-attribute"))
                .build();

        // When / Then: the field wins
        assertThat(OutcomeMapper.applicationId(request)).isEqualTo("app-field");
    }

    @Test
    void shouldFallBackToTheAttributeWhenAProducerSetsNoField() {
        // Given a request from a producer built before the field
        IdCardOcrRequested request = IdCardOcrRequested.newBuilder(
                        TestEvents.inline("r-1", "s-1", "front", CardSide.FRONT))
                .setAttributes(Map.of("applicationId", "app-attribute", "tenant", "t1"))
                .build();

        // When / Then
        assertThat(OutcomeMapper.applicationId(request)).isEqualTo("app-attribute");
    }

    @Test
    void shouldNameNoApplicationWhenNeitherIsGiven() {
        // Given a request with a blank field and no attribute
        IdCardOcrRequested request = IdCardOcrRequested.newBuilder(
                        TestEvents.inline("r-1", "s-1", "front", CardSide.FRONT))
                .setApplicationId(" ")
                .build();

        // When / Then
        assertThat(OutcomeMapper.applicationId(request)).isNull();
    }
}
