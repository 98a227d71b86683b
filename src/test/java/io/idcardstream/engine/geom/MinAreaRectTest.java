package io.idcardstream.engine.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinAreaRectTest {

    @Test
    void shouldFitTheSmallestRectangleAroundARotatedBlock() {
        // Given the pixels of a 100 × 20 block turned 30° about (200, 150)
        double angle = Math.toRadians(30);
        List<Point> points = new ArrayList<>();
        for (int u = -50; u <= 50; u += 5) {
            for (int v = -10; v <= 10; v += 5) {
                points.add(new Point(200 + u * Math.cos(angle) - v * Math.sin(angle),
                        150 + u * Math.sin(angle) + v * Math.cos(angle)));
            }
        }
        // When the minimum-area rectangle is found
        RotatedRect rect = MinAreaRect.of(points);
        // Then it is the block: long side first, at 30°, centred where the block is
        assertThat(rect.length()).isCloseTo(100, within(1e-6));
        assertThat(rect.thickness()).isCloseTo(20, within(1e-6));
        assertThat(rect.angle()).isCloseTo(angle, within(1e-9));
        assertThat(rect.center().x()).isCloseTo(200, within(1e-6));
        assertThat(rect.center().y()).isCloseTo(150, within(1e-6));
    }

    @Test
    void shouldFoldAVerticalBlockToAPositiveRightAngle() {
        // Given a tall thin block
        List<Point> points = List.of(new Point(10, 0), new Point(14, 0), new Point(14, 60), new Point(10, 60));
        // When the rectangle is found
        RotatedRect rect = MinAreaRect.of(points);
        // Then its long side runs at +90° (angles are folded into (-90°, 90°])
        assertThat(rect.length()).isCloseTo(60, within(1e-9));
        assertThat(rect.thickness()).isCloseTo(4, within(1e-9));
        assertThat(rect.angle()).isCloseTo(Math.PI / 2, within(1e-9));
    }

    @Test
    void shouldNameCornersInTheReadingDirection() {
        // Given a horizontal box
        RotatedRect box = new RotatedRect(new Point(50, 20), 80, 10, 0);
        // When it is read upright, then upside down
        Quad upright = box.toQuad(0);
        Quad upsideDown = box.toQuad(Math.PI);
        // Then the top-left corner is the reader's top-left in each case
        assertThat(upright).isEqualTo(Quad.rectangle(10, 15, 90, 25));
        assertThat(upsideDown).isEqualTo(new Quad(new Point(90, 25), new Point(10, 25), new Point(10, 15),
                new Point(90, 15)));
    }

    @Test
    void shouldNameCornersOfTextTurnedAQuarterClockwise() {
        // Given a vertical box holding text turned 90° clockwise (read top to bottom)
        RotatedRect box = new RotatedRect(new Point(20, 50), 80, 10, Math.PI / 2);
        // When its corners are named for that reading direction
        Quad quad = box.toQuad(Math.PI / 2);
        // Then the reader's top-left is the box's top-right corner on screen
        assertThat(quad.topLeft().x()).isCloseTo(25, within(1e-9));
        assertThat(quad.topLeft().y()).isCloseTo(10, within(1e-9));
        assertThat(quad.bottomRight().x()).isCloseTo(15, within(1e-9));
        assertThat(quad.bottomRight().y()).isCloseTo(90, within(1e-9));
        assertThat(quad.width()).isCloseTo(80, within(1e-9));
    }
}
