package io.idcardstream.engine.rec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.det.DetectedBox;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.RotatedRect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows of one card lie half a line apart; two cards on a page lie several lines apart. */
class TextClustersTest {

    @Test
    void shouldGroupTheRowsOfOneCardIntoOneCluster() {
        // Given a card's rows: 20 px thick, 30 px apart (10 px of background between them), of uneven lengths
        List<DetectedBox> boxes = new ArrayList<>(card(100, 100, 0));
        // When clustered
        // Then they are one cluster
        assertThat(TextClusters.of(boxes)).containsExactly(List.of(0, 1, 2, 3, 4, 5));
    }

    @Test
    void shouldSeparateTwoCardsOnAPageIntoTwoClusters() {
        // Given two cards one above the other, 190 px of page between them (over nine line thicknesses), their boxes
        // listed interleaved as a detector might
        List<DetectedBox> upper = card(100, 100, 0), lower = card(100, 460, 0);
        List<DetectedBox> boxes = new ArrayList<>();
        for (int i = 0; i < upper.size(); i++) {
            boxes.add(upper.get(i));
            boxes.add(lower.get(i));
        }
        // When clustered
        // Then each card is one cluster, in the order of their first boxes
        assertThat(TextClusters.of(boxes)).containsExactly(List.of(0, 2, 4, 6, 8, 10), List.of(1, 3, 5, 7, 9, 11));
    }

    @Test
    void shouldSeparateACardTurnedUpsideDownFromAnUprightOneBesideIt() {
        // Given an upright card and, 400 px to its right, one turned by 180° and tilted 3° (the boxes of both run
        // along the same axis: only the distance tells the cards apart)
        List<DetectedBox> boxes = new ArrayList<>(card(100, 100, 0));
        boxes.addAll(card(1300, 250, Math.toRadians(183)));
        // When clustered
        // Then they are two clusters
        assertThat(TextClusters.of(boxes)).containsExactly(List.of(0, 1, 2, 3, 4, 5), List.of(6, 7, 8, 9, 10, 11));
    }

    @Test
    void shouldLinkBoxesWhoseGapIsAtMostTwiceTheThickerBoxsThickness() {
        // Given three 20 px thick lines, the second 40 px below the first's edge, the third 41 px below the second's
        List<DetectedBox> boxes = List.of(box(300, 100, 300, 20, 0), box(300, 160, 300, 20, 0),
                box(300, 221, 300, 20, 0));
        // When clustered
        // Then a gap of twice the thickness links, a pixel more does not
        assertThat(TextClusters.of(boxes)).containsExactly(List.of(0, 1), List.of(2));
    }

    @Test
    void shouldLeaveASpeckFarFromTheCardAClusterOfItsOwn() {
        // Given a card and a lone character on the desk beside it
        List<DetectedBox> boxes = new ArrayList<>(card(100, 100, 0));
        boxes.add(box(900, 600, 18, 18, 0));
        assertThat(TextClusters.of(boxes)).containsExactly(List.of(0, 1, 2, 3, 4, 5), List.of(6));
    }

    @Test
    void shouldMeasureTheGapBetweenParallelLinesAsTheBackgroundBetweenThem() {
        // Given two 20 px thick lines, one 30 px below the other, and one ending 25 px before the next starts
        RotatedRect a = box(300, 100, 200, 20, 0.3).rect(), below = shifted(a, 0, 30);
        RotatedRect b = box(300, 100, 200, 20, 0).rect(), ahead = box(525, 100, 200, 20, 0).rect();
        // Then the gaps are the 10 px and 25 px of background, whichever box is measured from
        assertThat(TextClusters.gap(a, below)).isCloseTo(30 * Math.cos(0.3) - 20, within(1e-9));
        assertThat(TextClusters.gap(below, a)).isCloseTo(30 * Math.cos(0.3) - 20, within(1e-9));
        assertThat(TextClusters.gap(b, ahead)).isCloseTo(25, within(1e-9));
    }

    /**
     * A card's six text rows (name, sex/nation, birth, two address lines, ID number), 20 px thick and 30 px apart,
     * turned by {@code angle} about the first row's left end at ({@code x}, {@code y}).
     */
    private static List<DetectedBox> card(double x, double y, double angle) {
        double[] lengths = {120, 220, 240, 380, 300, 400};
        List<DetectedBox> rows = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            double along = lengths[i] / 2, across = 30 * i;
            double cx = x + along * Math.cos(angle) - across * Math.sin(angle);
            double cy = y + along * Math.sin(angle) + across * Math.cos(angle);
            rows.add(box(cx, cy, lengths[i], 20, angle));
        }
        return rows;
    }

    private static DetectedBox box(double cx, double cy, double length, double thickness, double angle) {
        return new DetectedBox(new RotatedRect(new Point(cx, cy), length, thickness, angle), 0.9f);
    }

    private static RotatedRect shifted(RotatedRect r, double dx, double dy) {
        return new RotatedRect(new Point(r.center().x() + dx, r.center().y() + dy), r.length(), r.thickness(),
                r.angle());
    }
}
