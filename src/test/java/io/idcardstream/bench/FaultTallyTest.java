package io.idcardstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.bench.FaultTally.ProviderCall;
import io.idcardstream.bench.FaultTally.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault suite's verdicts come from this arithmetic alone, so it is pinned down without a broker. */
class FaultTallyTest {

    @Test
    void shouldPassWhenEveryRequestHasOneOutcomeAndNoCallWasPaidTwice() {
        FaultTally tally = new FaultTally();
        tally.requestIn("a");
        tally.requestIn("b");
        tally.outcome("a", null, 10, 0);
        tally.outcome("b", "ClientNetworkError", 11, 0);
        tally.providerCalls(List.of(new ProviderCall("a", 1, true), new ProviderCall("b", 2, false)));

        FaultTally.Figures figures = tally.figures();

        assertThat(figures).isEqualTo(new FaultTally.Figures(2, 2, 0, 0, 0, 1, 1, 2, 1, 0, 0));
        assertThat(figures.passed()).isTrue();
        assertThat(tally.failureCodes()).isEqualTo(java.util.Map.of("ClientNetworkError", 1));
        assertThat(tally.longestGapMillis()).isEqualTo(1);
    }

    @Test
    void shouldCountLostDuplicatedAndUnknownOutcomesByRequestId() {
        FaultTally tally = new FaultTally();
        tally.requestIn("a");
        tally.requestIn("b");
        tally.outcome("a", null, 10, 0);
        tally.outcome("a", null, 12, 0);
        tally.outcome("stranger", null, 13, 0);

        FaultTally.Figures figures = tally.figures();

        assertThat(figures.lost()).isEqualTo(1);
        assertThat(figures.duplicated()).isEqualTo(1);
        assertThat(figures.unknown()).isEqualTo(1);
        assertThat(figures.passed()).isFalse();
        assertThat(tally.missing(10)).containsExactly("b");
    }

    @Test
    void shouldBoundDuplicatedPaidCallsByTheCallsWhoseOutcomeWasNotCommittedWhenTheFaultHit() {
        // "a" was settled before the kill at t=100, "b" was in flight (its outcome came after the restart),
        // and "c" was only called after the fault window: only b's calls could have lost their answer.
        FaultTally tally = new FaultTally();
        for (String id : List.of("a", "b", "c")) {
            tally.requestIn(id);
        }
        tally.outcome("a", null, 50, 0);
        tally.outcome("b", null, 300, 0);
        tally.outcome("c", null, 310, 0);
        tally.providerCalls(List.of(new ProviderCall("a", 10, true), new ProviderCall("b", 90, true),
                new ProviderCall("b", 250, true), new ProviderCall("c", 260, true)));
        tally.window(new Window("kill -9", 100, 100));

        FaultTally.Figures figures = tally.figures();

        assertThat(figures.paidCalls()).isEqualTo(4);
        assertThat(figures.duplicatedPaidCalls()).isEqualTo(1);
        assertThat(figures.callsInFlightAtFault()).isEqualTo(1);
        assertThat(figures.passed()).isTrue();
    }

    @Test
    void shouldFailWhenMorePaidCallsWereRepeatedThanWereExposedToAFault() {
        FaultTally tally = new FaultTally();
        tally.requestIn("a");
        tally.outcome("a", null, 50, 0);
        tally.providerCalls(List.of(new ProviderCall("a", 10, true), new ProviderCall("a", 20, true)));

        assertThat(tally.figures().duplicatedPaidCalls()).isEqualTo(1);
        assertThat(tally.figures().callsInFlightAtFault()).isZero();
        assertThat(tally.figures().passed()).isFalse();
    }

    @Test
    void shouldMeasureTheLongestSilenceOnlyOnTheGivenPartitionsWithinTheWindow() {
        FaultTally tally = new FaultTally();
        tally.outcome("a", null, 1_000, 0);
        tally.outcome("b", null, 2_000, 1);
        tally.outcome("c", null, 9_000, 2); // partition 2 belongs to the killed instance: not counted
        tally.outcome("d", null, 4_500, 1);
        tally.outcome("e", null, 20_000, 0); // after the window

        assertThat(tally.longestGapMillis(java.util.Set.of(0, 1), 500, 6_000)).isEqualTo(2_500);
        assertThat(tally.longestGapMillis(java.util.Set.of(0, 1, 2), 500, 10_000)).isEqualTo(4_500);
    }

    @Test
    void shouldCountAsExposedTheStruckPartitionsCallsUnderWayOrUncommittedAtTheKill() {
        FaultTally tally = new FaultTally();
        tally.requestIn("a", 2);
        tally.requestIn("b", 2);
        tally.requestIn("c", 2);
        tally.requestIn("d", 0);
        tally.requestIn("e", 2);
        tally.outcome("b", null, 450, 2); // answered and committed before the kill
        tally.outcome("e", null, 700, 2); // answered before the kill, committed after it
        tally.providerCalls(List.of(new ProviderCall("a", 100, 900, true), // under way at 500
                new ProviderCall("b", 100, 400, true),
                new ProviderCall("c", 510, 800, true), // sent as the kill landed
                new ProviderCall("d", 100, 900, true), // another worker's partition
                new ProviderCall("e", 100, 480, true)));

        assertThat(tally.callsExposedAt(java.util.Set.of(2), 500, 20)).isEqualTo(3);
        assertThat(tally.callsExposedAt(java.util.Set.of(2), 500, 5)).isEqualTo(2);
    }
}
