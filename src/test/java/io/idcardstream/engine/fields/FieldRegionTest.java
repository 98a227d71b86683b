package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A segment goes whole to the field whose region holds most of its characters: a value running past its region
 * keeps its end, a segment mostly outside every field is no value, and a misread label left of the value column is
 * no part of it.
 */
class FieldRegionTest {
    private static final Map<String, Double> NO_LABELS_SEEN = Map.of();

    @Test
    void shouldGiveASegmentToTheFieldHoldingItsCharacters() {
        assertThat(List.of(
                field(NO_LABELS_SEEN, 110, 160, 190),            // the name's row
                field(NO_LABELS_SEEN, 170, 160),                 // 男 beside 性别
                field(NO_LABELS_SEEN, 170, 350),                 // 汉 beside 民族
                field(NO_LABELS_SEEN, 232, 160, 190, 220),       // the birth row
                field(NO_LABELS_SEEN, 350, 160, 190, 220),       // the address's second row
                field(NO_LABELS_SEEN, 467, 308, 333, 357)))      // the number's row
                .containsExactly(Optional.of(FieldName.NAME), Optional.of(FieldName.SEX),
                        Optional.of(FieldName.NATION), Optional.of(FieldName.BIRTH), Optional.of(FieldName.ADDRESS),
                        Optional.of(FieldName.ID_NUM));
    }

    @Test
    void shouldKeepAValueRunningPastItsRegionWhole() {
        // Given a long name whose last two of seven characters lie under the portrait (right of x 530)
        List<PlacedGlyph> name = segment(110, 400, 430, 460, 490, 520, 550, 580);
        // Then it is the name's, all of it (the caller keeps the segment whole)
        assertThat(FieldRegion.fieldOf(name, CardSide.FRONT, NO_LABELS_SEEN)).contains(FieldName.NAME);
    }

    @Test
    void shouldFindNoFieldForASegmentMostlyOutsideEveryRegion() {
        // Given one character in the name's region and three on the portrait, and a line in the label column
        assertThat(field(NO_LABELS_SEEN, 110, 500, 540, 570, 600)).isEmpty();
        assertThat(field(NO_LABELS_SEEN, 380, 80, 110, 140)).isEmpty();
    }

    @Test
    void shouldGiveATiedSegmentToItsFirstCharactersField() {
        // Given two characters in the sex's region and two in the nation's, then one more in the nation's
        assertThat(field(NO_LABELS_SEEN, 170, 160, 200, 340, 370)).contains(FieldName.SEX);
        assertThat(field(NO_LABELS_SEEN, 170, 160, 200, 340, 370, 400)).contains(FieldName.NATION);
    }

    @Test
    void shouldStartAValueWhereItsLabelWasSeen() {
        // Given 姓名 seen 25 units right of its template place, so that its value starts at 170
        Map<String, Double> seen = Map.of("姓名", 170.0);
        // Then a character at 160 is not in the name's region, one at 175 is
        assertThat(field(seen, 110, 160)).isEmpty();
        assertThat(field(seen, 110, 175)).contains(FieldName.NAME);
    }

    @Test
    void shouldCountTheMisreadLabelCharactersLeftOfTheValueColumn() {
        // Given the name's segment read as 么李明 (姓名 read as one 么 left of the value column), the same with 姓名
        // seen further right, the nation's as 旅汉 (族 misread, left of the nation's column), and a clean name
        List<PlacedGlyph> name = segment(110, 110, 160, 190);
        List<PlacedGlyph> nation = segment(170, 300, 350);
        assertThat(List.of(
                FieldRegion.leadingLabelColumn(name, FieldName.NAME, CardSide.FRONT, NO_LABELS_SEEN),
                FieldRegion.leadingLabelColumn(name, FieldName.NAME, CardSide.FRONT, Map.of("姓名", 170.0)),
                FieldRegion.leadingLabelColumn(nation, FieldName.NATION, CardSide.FRONT, NO_LABELS_SEEN),
                FieldRegion.leadingLabelColumn(segment(110, 160, 190), FieldName.NAME, CardSide.FRONT,
                        NO_LABELS_SEEN)))
                .containsExactly(1, 2, 1, 0);
    }

    @Test
    void shouldPlaceTheBacksValuesRightOfItsLabels() {
        assertThat(List.of(
                FieldRegion.fieldOf(segment(403, 340, 370, 400), CardSide.BACK, NO_LABELS_SEEN),
                FieldRegion.fieldOf(segment(470, 340, 370, 400), CardSide.BACK, NO_LABELS_SEEN),
                FieldRegion.fieldOf(segment(470, 220, 250, 280), CardSide.BACK, NO_LABELS_SEEN)))
                .containsExactly(Optional.of(FieldName.AUTHORITY), Optional.of(FieldName.VALID_DATE),
                        Optional.empty());
    }

    private static Optional<FieldName> field(Map<String, Double> valueStarts, double y, double... xs) {
        return FieldRegion.fieldOf(segment(y, xs), CardSide.FRONT, valueStarts);
    }

    /** Characters at these template x on one row. */
    private static List<PlacedGlyph> segment(double y, double... xs) {
        List<PlacedGlyph> segment = new ArrayList<>();
        for (double x : xs) {
            Point p = new Point(x, y);
            segment.add(new PlacedGlyph(new Glyph("字", p, 0.99f, 0), p, p));
        }
        return segment;
    }
}
