package io.idcardstream.engine.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.engine.text.TextLine;
import io.idcardstream.ocr.CardSide;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels printed letter-spaced and boxed character by character are read along their row again. */
class RowChainsTest {
    /** A flat scan turned 90° clockwise, 0.6 pixel per template unit: lines are 19.2 px high. */
    private final TemplateLines scan = new TemplateLines(Homography.of(new double[] {
        0, -0.6, 700, 0.6, 0, 50, 0, 0, 1}));

    @Test
    void shouldJoinALabelBoxedCharacterByCharacterAlongItsRow() {
        // Given 公民身份 with each character in a box of its own, the boxes listed out of reading order
        List<GlyphLine> lines = lines(
                scan.line("身", 135, 28, 467),
                scan.line("公", 80, 28, 467),
                scan.line("份", 163, 28, 467),
                scan.line("民", 106, 28, 467));
        // When the lines are chained
        List<String> chains = texts(RowChains.of(lines));
        // Then the four boxes are one chain, in reading order
        assertThat(chains).containsExactly("公民身份");
    }

    @Test
    void shouldNotJoinBoxesOfAnotherRowOrTooFarAhead() {
        // Given 姓 with 名 a row below it (60 units, two line heights) and 出 with 生 220 units ahead (over three
        // line heights of 32)
        List<GlyphLine> lines = lines(
                scan.line("姓", 80, 38, 110),
                scan.line("名", 118, 38, 170),
                scan.line("出", 80, 40, 232),
                scan.line("生", 300, 40, 232));
        // When the lines are chained
        List<String> chains = texts(RowChains.of(lines));
        // Then every box stays a chain of its own, each line in exactly one chain
        assertThat(chains).containsExactly("姓", "名", "出", "生");
    }

    @Test
    void shouldJoinABoxAtMostThreeLineHeightsAheadOnItsRow() {
        // Given 出 and 生 90 template units apart (2.8 line heights), 生 half a line height low at most
        List<GlyphLine> lines = lines(scan.line("出", 80, 40, 232), scan.line("生", 170, 40, 239));
        // When the lines are chained
        // Then they are one chain
        assertThat(texts(RowChains.of(lines))).containsExactly("出生");
    }

    @Test
    void shouldMeasureTheGapAlongTheFirstLinesRowAndNeverFromAnEmptyLine() {
        // Given 公 and 民 boxed alone, 28 template units (16.8 px) apart on one row, and a box that read nothing
        GlyphLine first = GlyphLine.of(scan.line("公", 80, 28, 467), 0);
        GlyphLine second = GlyphLine.of(scan.line("民", 108, 28, 467), 1);
        GlyphLine empty = new GlyphLine(2, Quad.of(scan.line("x", 136, 28, 467).corners()), 0.9f, List.of());
        // When their gaps are measured
        // Then the gap runs from the first's last character to the second's first, only forwards
        assertThat(RowChains.gapAlongRow(first, second)).isCloseTo(16.8, within(1e-9));
        assertThat(RowChains.gapAlongRow(second, first)).isInfinite();
        assertThat(RowChains.gapAlongRow(second, empty)).isInfinite();
        assertThat(RowChains.gapAlongRow(empty, second)).isInfinite();
    }

    @Test
    void shouldLetTheMatcherReadALabelBoxedCharacterByCharacter() {
        // Given the front's 公民身份 boxed character by character, and its ID number
        List<GlyphLine> lines = lines(
                scan.line("公", 80, 28, 467),
                scan.line("民", 106, 28, 467),
                scan.line("身", 135, 28, 467),
                scan.line("份", 163, 28, 467),
                scan.line("440524198701010014", 308, 24.6, 467));
        // When the front's anchors are matched
        List<AnchorMatcher.Anchor> anchors = AnchorMatcher.match(lines, CardSide.FRONT);
        // Then the label's four characters are anchors at the label's places
        assertThat(anchors.stream().filter(a -> a.phrase().equals("公民身份")).map(a -> a.pair().to()))
                .containsExactly(new Point(80, 467), new Point(106, 467), new Point(135, 467), new Point(163, 467));
    }

    private static List<GlyphLine> lines(TextLine... lines) {
        List<GlyphLine> glyphs = new ArrayList<>();
        for (TextLine line : lines) {
            glyphs.add(GlyphLine.of(line, glyphs.size()));
        }
        return glyphs;
    }

    private static List<String> texts(List<List<Glyph>> chains) {
        return chains.stream().map(c -> String.join("", c.stream().map(Glyph::symbol).toList())).toList();
    }
}
