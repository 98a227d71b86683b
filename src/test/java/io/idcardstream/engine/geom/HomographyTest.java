package io.idcardstream.engine.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.geom.Homography.Correspondence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomographyTest {
    private static final Homography PERSPECTIVE = Homography.of(new double[] {
        0.9, -0.2, 40,
        0.15, 1.1, 25,
        0.0004, -0.0002, 1});

    @Test
    void shouldMapTheFourCornersOfOneQuadExactlyOntoAnother() {
        // Given a card outline and a keystoned photo of it
        Quad card = Quad.rectangle(0, 0, 856, 540);
        Quad photo = new Quad(new Point(100, 80), new Point(900, 120), new Point(860, 640), new Point(130, 600));
        // When the transform between them is computed
        Homography h = Homography.quadToQuad(card, photo);
        // Then each corner lands on its counterpart
        assertPoint(h.apply(card.topLeft()), 100, 80);
        assertPoint(h.apply(card.topRight()), 900, 120);
        assertPoint(h.apply(card.bottomRight()), 860, 640);
        assertPoint(h.apply(card.bottomLeft()), 130, 600);
    }

    @Test
    void shouldRecoverAPerspectiveTransformFromManyPoints() {
        // Given points on a grid and where a known perspective transform takes them
        List<Correspondence> pairs = grid(PERSPECTIVE);
        // When a homography is fitted
        Homography fitted = Homography.fit(pairs);
        // Then it maps a point off the grid as the original does
        Point probe = new Point(333, 77);
        Point expected = PERSPECTIVE.apply(probe);
        assertPoint(fitted.apply(probe), expected.x(), expected.y());
    }

    @Test
    void shouldUndoItselfWithItsInverse() {
        // Given a perspective transform and a point
        Point p = new Point(123.5, -45.25);
        // When the point is mapped there and back
        Point back = PERSPECTIVE.inverse().apply(PERSPECTIVE.apply(p));
        // Then it is where it started
        assertPoint(back, 123.5, -45.25);
    }

    @Test
    void shouldComposeTransformsInOrder() {
        // Given a scale and a translation
        Homography scale = Homography.scaleThenTranslate(2, 3, 0, 0);
        Homography shift = Homography.scaleThenTranslate(1, 1, 10, 20);
        // When the shift is applied after the scale
        Point p = shift.after(scale).apply(new Point(1, 1));
        // Then the point is scaled first, then shifted
        assertPoint(p, 12, 23);
    }

    @Test
    void shouldFitAnAffineTransformThroughThreePoints() {
        // Given three corners of a sheared square
        List<Correspondence> pairs = List.of(
                new Correspondence(new Point(0, 0), new Point(10, 10)),
                new Correspondence(new Point(100, 0), new Point(110, 30)),
                new Correspondence(new Point(0, 100), new Point(30, 110)));
        // When an affine transform is fitted
        Homography affine = Homography.fitAffine(pairs);
        // Then the fourth corner follows the parallelogram
        assertPoint(affine.apply(new Point(100, 100)), 130, 130);
    }

    @Test
    void shouldFitASimilarityThroughPointsOnOneLine() {
        // Given digits along one row, photographed turned 90° clockwise, twice as large and shifted
        List<Correspondence> pairs = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            Point template = new Point(308 + 24.6 * i, 467);
            pairs.add(new Correspondence(new Point(1000 - 2 * template.y(), 2 * template.x()), template));
        }
        // When a similarity is fitted (image → template)
        Homography similarity = Homography.fitSimilarity(pairs);
        // Then a point off the row maps back too: rotation and scale are determined by one row
        assertPoint(similarity.apply(new Point(1000 - 2 * 110, 2 * 80)), 80, 110);
    }

    @Test
    void shouldRefuseTooFewOrDegeneratePoints() {
        // Given three points, then four on one line
        List<Correspondence> three = grid(PERSPECTIVE).subList(0, 3);
        List<Correspondence> collinear = List.of(
                new Correspondence(new Point(0, 0), new Point(0, 0)),
                new Correspondence(new Point(1, 1), new Point(1, 1)),
                new Correspondence(new Point(2, 2), new Point(2, 2)),
                new Correspondence(new Point(3, 3), new Point(3, 3)));
        // When homographies are fitted / Then each is refused with the reason
        assertThatThrownBy(() -> Homography.fit(three))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a homography needs at least 4 correspondences but got 3");
        assertThatThrownBy(() -> Homography.fit(collinear))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the points are degenerate (collinear or repeated)");
    }

    private static List<Correspondence> grid(Homography h) {
        List<Correspondence> pairs = new ArrayList<>();
        for (int x = 0; x <= 800; x += 200) {
            for (int y = 0; y <= 500; y += 125) {
                Point p = new Point(x, y);
                pairs.add(new Correspondence(p, h.apply(p)));
            }
        }
        return pairs;
    }

    private static void assertPoint(Point actual, double x, double y) {
        assertThat(actual.x()).isCloseTo(x, within(1e-6));
        assertThat(actual.y()).isCloseTo(y, within(1e-6));
    }
}
