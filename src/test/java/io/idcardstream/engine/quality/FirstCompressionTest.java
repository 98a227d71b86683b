package io.idcardstream.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstCompressionTest {

    @Test
    void shouldReachOnlyTheValuesASecondFinerQuantisationCanWrite() {
        // Given a first step of 9 and a second of 3: only multiples of 3 can be written
        assertThat(FirstCompression.reachable(3, 9, 3)).isTrue();
        assertThat(FirstCompression.reachable(6, 9, 3)).isTrue();
        assertThat(FirstCompression.reachable(4, 9, 3)).isFalse();
        // And a value on a rounding tie (9 / 2 = 4.5) may be written either way
        assertThat(FirstCompression.reachable(4, 9, 2)).isTrue();
        assertThat(FirstCompression.reachable(5, 9, 2)).isTrue();
        assertThat(FirstCompression.reachable(3, 9, 2)).isFalse();
        // And with a second step of 1, the pixels' rounding moves a value by one
        assertThat(FirstCompression.reachable(7, 8, 1)).isTrue();
        assertThat(FirstCompression.reachable(4, 8, 1)).isFalse();
    }

    @Test
    void shouldFitTheFirstStepToTheEmptyValuesOfAHistogram() {
        // Given a histogram where only multiples of 3 are filled (first step 6, second step 2), decreasing
        int[] counts = new int[FirstCompression.LARGEST + 2];
        for (int k = 3; k <= 60; k += 3) {
            counts[k] = 3000 / k;
        }
        // Then the first step is 6 (not its divisor 3 ... nor anything coarser), and its gaps are empty
        FirstCompression.Fit fit = FirstCompression.fit(counts, 2);
        assertThat(fit.first()).isEqualTo(6);
        assertThat(fit.fullness()).isLessThan(PasteTraces.CLEAR_GAP);
    }

    @Test
    void shouldPreferTheTrueStepToItsDivisors() {
        // Given a second step of 3 after a first of 12: only multiples of 4 are filled
        int[] counts = new int[FirstCompression.LARGEST + 2];
        for (int k = 4; k <= 80; k += 4) {
            counts[k] = 4000 / k;
        }
        // Then 12 is fitted, not 6, whose gaps are a subset of 12's and as empty
        assertThat(FirstCompression.fit(counts, 3).first()).isEqualTo(12);
    }

    @Test
    void shouldFindNoFirstStepInASmoothHistogram() {
        // Given a once-compressed image's histogram: every value filled, decreasing
        int[] counts = new int[FirstCompression.LARGEST + 2];
        for (int k = 1; k <= 60; k++) {
            counts[k] = 6000 / k;
        }
        // Then no step leaves gaps
        assertThat(FirstCompression.fit(counts, 3).found()).isFalse();
    }
}
