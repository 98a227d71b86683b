package io.idcardstream.engine.rec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.det.DetectedBox;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.RotatedRect;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextOrientationTest {

    @Test
    void shouldAgreeThatNearlyVerticalLinesAtPlusAndMinusEightyNineDegreesRunVertically() {
        // Given two long boxes at +89° and -89° (the same axis) and a square one that says nothing
        List<DetectedBox> boxes = List.of(box(200, 20, 89), box(200, 20, -89), box(30, 30, 10));
        // When the page axis is estimated
        double axis = TextOrientation.axis(boxes);
        // Then it is vertical, not the 0° a plain average would give
        assertThat(Math.abs(axis)).isCloseTo(Math.PI / 2, within(1e-9));
    }

    @Test
    void shouldWeightLongerLinesMore() {
        List<DetectedBox> boxes = List.of(box(300, 20, 10), box(100, 20, -10));
        assertThat(Math.toDegrees(TextOrientation.axis(boxes))).isCloseTo(5.1, within(0.2));
    }

    @Test
    void shouldAssumeUprightWithoutElongatedBoxes() {
        assertThat(TextOrientation.axis(List.of(box(20, 20, 45)))).isZero();
    }

    @Test
    void shouldTellWhetherAnyBoxIsElongatedEnoughToShowTheReadingAxis() {
        // Given squarish boxes (lone characters, specks), and a box exactly twice as long as thick
        List<DetectedBox> squares = List.of(box(30, 30, 10), box(39, 20, 80), box(20, 35, 0));
        List<DetectedBox> withALine = List.of(box(30, 30, 10), box(40, 20, 80));
        // Then only a box at least MIN_ELONGATION times longer than thick says which way text runs
        assertThat(TextOrientation.hasElongated(squares)).isFalse();
        assertThat(TextOrientation.hasElongated(withALine)).isTrue();
        assertThat(TextOrientation.hasElongated(List.of())).isFalse();
    }

    private static DetectedBox box(double length, double thickness, double degrees) {
        return new DetectedBox(new RotatedRect(new Point(0, 0), length, thickness, Math.toRadians(degrees)), 0.9f);
    }
}
