package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Among repairs that all satisfy a field's rules, only one with evidence in the image is chosen. */
class MostSupportedTest {

    @Test
    void shouldTakeTheOnlyRepairUnlessEvidenceIsRequiredAndMissing() {
        assertThat(MostSupported.pick(List.of("崩龙"), List.of(0f), false)).contains("崩龙");
        assertThat(MostSupported.pick(List.of("崩龙"), List.of(0f), true)).isEmpty();
        assertThat(MostSupported.pick(List.of("崩龙"), List.of(0.01f), true)).contains("崩龙");
    }

    @Test
    void shouldTakeTheRepairTheRecogniserFoundAtLeastTwiceAsProbableAsTheRunnerUp() {
        assertThat(MostSupported.pick(List.of("崩龙", "独龙"), List.of(0.3f, 0.15f), false)).contains("崩龙");
        assertThat(MostSupported.pick(List.of("崩龙", "独龙", "德昂"), List.of(0.05f, 0.4f, 0.1f), true))
                .contains("独龙");
    }

    @Test
    void shouldChooseNothingBetweenRepairsAboutEquallyOrNeverConsidered() {
        assertThat(MostSupported.pick(List.of("崩龙", "独龙"), List.of(0.3f, 0.16f), false)).isEmpty();
        assertThat(MostSupported.pick(List.of("崩龙", "独龙"), List.of(0f, 0f), false)).isEmpty();
        assertThat(MostSupported.pick(List.<String>of(), List.of(), false)).isEmpty();
    }
}
