package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CalibrationBinsTest {

    @Test
    void shouldPutEachConfidenceIntoTheBinWhoseLowerEdgeItReaches() {
        assertThat(CalibrationBins.index(0.0)).isZero();
        assertThat(CalibrationBins.index(0.4999)).isZero();
        assertThat(CalibrationBins.index(0.5)).isEqualTo(1);
        assertThat(CalibrationBins.index(0.8999)).isEqualTo(3);
        assertThat(CalibrationBins.index(0.9)).isEqualTo(4);
        assertThat(CalibrationBins.index(0.98999)).isEqualTo(5);
        assertThat(CalibrationBins.index(0.99)).isEqualTo(6);
        assertThat(CalibrationBins.index(1.0)).isEqualTo(6);
    }

    @Test
    void shouldCountFieldsAndExactFieldsPerBin() {
        // Given three fields near the top, one of them wrong, and one unsure wrong field
        CalibrationBins bins = new CalibrationBins();
        bins.add(0.995, true);
        bins.add(1.0, false);
        bins.add(0.96, true);
        bins.add(0.3, false);

        // When the bins are listed, then each has its counts and label
        assertThat(bins.bins()).containsExactly(
                new CalibrationBins.Bin("[0,0.5)", 1, 0), new CalibrationBins.Bin("[0.5,0.7)", 0, 0),
                new CalibrationBins.Bin("[0.7,0.8)", 0, 0), new CalibrationBins.Bin("[0.8,0.9)", 0, 0),
                new CalibrationBins.Bin("[0.9,0.95)", 0, 0), new CalibrationBins.Bin("[0.95,0.99)", 1, 1),
                new CalibrationBins.Bin("[0.99,1.0]", 2, 1));
    }

    @Test
    void shouldRefuseAConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> new CalibrationBins().add(1.2, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence must be in [0, 1] but was 1.2");
    }
}
