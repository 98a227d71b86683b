package io.idcardstream.engine.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.idcardstream.engine.card.AnchorMatcher.Anchor;
import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Homography.Correspondence;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.ocr.CardSide;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ID number's row anchors the front by its 18 evenly spaced characters, whatever the digits are. */
class AnchorMatcherTest {
    /** Check character valid. */
    private static final String ID = "440524198701010014";

    private final TemplateLines scan = new TemplateLines(Homography.of(new double[] {
        0, -0.6, 700, 0.6, 0, 50, 0, 0, 1}));

    @Test
    void shouldAnchorEachOfEighteenCharactersToItsPlaceOnTheNumbersRow() {
        // Given the ID number's row read as one line
        GlyphLine line = GlyphLine.of(scan.line(ID, 308, 24.6, 467), 0);
        // When the front's anchors are matched
        List<Anchor> anchors = AnchorMatcher.match(List.of(line), CardSide.FRONT);
        // Then each character is anchored to its digit's place, as one match without a value start
        assertThat(anchors).isEqualTo(idAnchors(line, 0, 0, 18));
    }

    @Test
    void shouldAnchorAnEighteenCharacterRunEndingInX() {
        GlyphLine line = GlyphLine.of(scan.line("11010519491231002X", 308, 24.6, 467), 0);
        assertThat(AnchorMatcher.match(List.of(line), CardSide.FRONT)).isEqualTo(idAnchors(line, 0, 0, 18));
    }

    @Test
    void shouldAnchorSeventeenDigitsCountedFromTheFirst() {
        // Given a specimen's seventeen printed digits (or a number with one digit lost in reading)
        GlyphLine line = GlyphLine.of(scan.line(ID.substring(0, 17), 308, 24.6, 467), 0);
        // When matched
        // Then the seventeen are anchored to the first seventeen places
        assertThat(AnchorMatcher.match(List.of(line), CardSide.FRONT)).isEqualTo(idAnchors(line, 0, 0, 17));
    }

    @Test
    void shouldAnchorTheValidNumberInsideARunOfNineteenWhenASpeckPrecedesIt() {
        // Given a speck read as 7 just before a valid number: 19 characters, of which only the last 18 are valid
        GlyphLine line = GlyphLine.of(scan.line("7" + ID, 308 - 24.6, 24.6, 467), 0);
        // When matched
        // Then the valid 18 are anchored, the speck is not
        assertThat(AnchorMatcher.match(List.of(line), CardSide.FRONT)).isEqualTo(idAnchors(line, 0, 1, 18));
    }

    @Test
    void shouldAnchorTheValidNumberInsideARunOfNineteenWhenASpeckFollowsIt() {
        // Given a speck read as 5 just after the number: only the first 18 of the 19 are a valid number
        GlyphLine line = GlyphLine.of(scan.line(ID + "5", 308, 24.6, 467), 0);
        assertThat(AnchorMatcher.match(List.of(line), CardSide.FRONT)).isEqualTo(idAnchors(line, 0, 0, 18));
    }

    @Test
    void shouldNotAnchorARunOfNineteenWhereBothWindowsAreValidNumbers() {
        // Given 19 characters whose first 18 and last 18 both pass the check: no telling which is the number
        GlyphLine line = GlyphLine.of(scan.line("9" + ID, 308 - 24.6, 24.6, 467), 0);
        // Then nothing is anchored
        assertThat(AnchorMatcher.match(List.of(line), CardSide.FRONT)).isEmpty();
    }

    @Test
    void shouldNotAnchorARunOfNineteenWithoutAValidNumber() {
        GlyphLine line = GlyphLine.of(scan.line("1" + ID.substring(0, 17) + "9", 308 - 24.6, 24.6, 467), 0);
        assertThat(AnchorMatcher.match(List.of(line), CardSide.FRONT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 16, 20, 21})
    void shouldNotAnchorRunsOfOtherLengths(int length) {
        // Given a run of digits that cannot be the number's row (a phone number, two numbers run together)
        String digits = (ID + ID).substring(0, length);
        GlyphLine line = GlyphLine.of(scan.line(digits, 308, 24.6, 467), 0);
        // Then it anchors nothing
        assertThat(AnchorMatcher.match(List.of(line), CardSide.FRONT)).isEmpty();
    }

    @Test
    void shouldAnchorTheDigitsOfTheRunNotTheLabelBeforeThem() {
        // Given 公民身份号码 and the number read as one line
        GlyphLine line = GlyphLine.of(scan.line("公民身份号码" + ID, 80, 24, 467), 0);
        List<Anchor> anchors = AnchorMatcher.match(List.of(line), CardSide.FRONT);
        // Then the label's four characters are anchors, its tail 号码 label text without a place, and the 18
        // digits are ID anchors
        List<Tuple> expected = new ArrayList<>(List.of(tuple("公民身份", 0), tuple("公民身份", 1), tuple("公民身份", 2),
                tuple("公民身份", 3), tuple("公民身份", -1), tuple("公民身份", -1)));
        expected.addAll(Collections.nCopies(18, tuple("ID", -1)));
        assertThat(anchors).extracting(Anchor::phrase, Anchor::index).containsExactlyElementsOf(expected);
        assertThat(anchors).filteredOn(a -> a.phrase().equals("ID")).allMatch(Anchor::positional);
        assertThat(anchors).filteredOn(a -> a.index() < 0 && !a.phrase().equals("ID"))
                .noneMatch(Anchor::positional);
    }

    /**
     * The anchors a run of ID characters starting at glyph {@code runStart} gives when its {@code length}
     * characters from glyph {@code first} are the number: each at its digit's place on the template.
     */
    private static List<Anchor> idAnchors(GlyphLine line, int runStart, int first, int length) {
        List<Anchor> anchors = new ArrayList<>();
        for (int j = 0; j < length; j++) {
            Point template = new Point(CardTemplate.ID_FIRST_X + j * CardTemplate.ID_PITCH, CardTemplate.ID_Y);
            anchors.add(new Anchor(new Correspondence(line.glyphs().get(first + j).center(), template),
                    AnchorMatcher.ID_NUMBER + "#" + runStart, Double.NEGATIVE_INFINITY, -1));
        }
        return anchors;
    }
}
