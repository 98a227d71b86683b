package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HomographyTest {

    private static final double[] CARD = {0, 0, 856, 0, 856, 540, 0, 540};
    private static final double[] KEYSTONED = {120, 80, 900, 130, 860, 700, 150, 620};

    @Test
    void shouldMapEachCornerOntoItsTargetAndBack() {
        // Given the homography from a card onto a keystoned quad
        Homography forward = Homography.mapping(CARD, KEYSTONED);
        Homography backward = forward.inverse();

        for (int i = 0; i < 4; i++) {
            // When a corner is mapped there and back
            double[] there = forward.map(CARD[2 * i], CARD[2 * i + 1]);
            double[] back = backward.map(there[0], there[1]);

            // Then it lands on its target and returns to where it was
            assertThat(there).containsExactly(new double[] {KEYSTONED[2 * i], KEYSTONED[2 * i + 1]}, within(1e-6));
            assertThat(back).containsExactly(new double[] {CARD[2 * i], CARD[2 * i + 1]}, within(1e-6));
        }
    }

    @Test
    void shouldMapTheCentreOfAParallelogramLinearly() {
        // Given an affine target (a parallelogram), when the card's centre is mapped,
        // then it lands on the parallelogram's centre
        double[] parallelogram = {100, 100, 500, 150, 450, 400, 50, 350};
        assertThat(Homography.mapping(CARD, parallelogram).map(428, 270))
                .containsExactly(new double[] {275, 250}, within(1e-6));
    }

    @Test
    void shouldRefuseDegenerateCorners() {
        // Given source corners collapsed onto one point, when the homography is fitted, then it is refused
        double[] collapsed = {5, 5, 5, 5, 5, 5, 5, 5};
        assertThatThrownBy(() -> Homography.mapping(collapsed, KEYSTONED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corners are degenerate: no homography maps them onto each other");
    }
}
