package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.card.CardLocator;
import io.idcardstream.engine.card.TemplateLines;
import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.ocr.CardSide;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lines read on a card are cut into segments at labels and wide gaps; lines that are not card text (read too
 * unsurely, running across the rows, off the card) are discarded with a record.
 */
class TextSegmentsTest {
    /** The card at 0.8 pixel per template unit, shifted into the image. */
    private final TemplateLines photo = new TemplateLines(Homography.scaleThenTranslate(0.8, 0.8, 100, 80));
    private final List<GlyphLine> lines = new ArrayList<>();
    private final List<DiscardedText> discarded = new ArrayList<>();

    @Test
    void shouldCutALineAtItsLabelsAndStartEachValueWhereItsLabelSaysEvenIfReadALittleLeft() {
        // Given the sex/nation row read as one line (性别男民族汉), and the name's row with 李 placed five units left
        // of the value column
        GlyphLine row = line(0.98f, 170, "性别男民族汉", 78, 118, 160, 265, 314, 350);
        GlyphLine name = line(0.98f, 110, "姓名李明", 80, 118, 140, 175);
        // When the lines are cut into segments
        List<TextSegments.Segment> segments = segments(row, name);
        // Then the labels are no part of any segment, each value is one, and 李 counts from the value's start
        assertThat(texts(segments)).containsExactly("男", "汉", "李明");
        assertThat(segments.get(2).glyphs().stream().map(g -> Math.round(g.region().x())).toList())
                .containsExactly(145L, 175L);
        assertThat(discarded).isEmpty();
    }

    @Test
    void shouldCutALineAtAGapWiderThanThreeCharacters() {
        // Given an address row whose box holds 北京市, 120 units of nothing, then 海淀区
        GlyphLine address = line(0.98f, 330, "北京市海淀区", 160, 190, 220, 340, 370, 400);
        // Then it is two segments
        assertThat(texts(segments(address))).containsExactly("北京市", "海淀区");
    }

    @Test
    void shouldMakeAStampPhraseReadWithAValueASegmentOfItsOwn() {
        GlyphLine address = line(0.98f, 330, "北京市复印无效海淀区", 160, 190, 220, 250, 280, 310, 340, 370, 400, 430);
        assertThat(texts(segments(address))).containsExactly("北京市", "复印无效 (stamp)", "海淀区");
    }

    @Test
    void shouldDiscardALineReadTooUnsurelyWithARecordWhenItLiesOnTheCard() {
        // Given guilloche read as 话话话 at 0.3 on the card, and a shadow read at 0.2 beside it
        GlyphLine guilloche = line(0.3f, 125, "话话话", 200, 230, 260);
        GlyphLine shadow = line(0.2f, 125, "二二", 1100, 1130);
        // Then neither is a segment, and only the one on the card is recorded
        assertThat(segments(guilloche, shadow)).isEmpty();
        assertThat(discarded).containsExactly(new DiscardedText(null, DiscardedText.UNSURE_LINE, 3));
    }

    @Test
    void shouldDiscardARunReadAsUnsurelyAsNoiseEvenWhenItsLineWasReadSurely() {
        // Given the address label read surely with a speck after it read as 面 at 0.3 (a line sure on average)
        GlyphLine labelled = line(0.98f, 298, "住址面", 78, 120, 160);
        GlyphLine specked = new GlyphLine(labelled.index(), labelled.box(), labelled.confidence(), List.of(
                labelled.glyphs().get(0), labelled.glyphs().get(1), unsure(labelled.glyphs().get(2), 0.3f)));
        lines.set(lines.indexOf(labelled), specked);
        // Then the speck is no value: discarded with a record
        assertThat(segments(specked)).isEmpty();
        assertThat(discarded).containsExactly(new DiscardedText(null, DiscardedText.UNSURE_LINE, 1));
    }

    private static Glyph unsure(Glyph glyph, float confidence) {
        return new Glyph(glyph.symbol(), glyph.center(), confidence, glyph.line());
    }

    @Test
    void shouldDiscardALineRunningAcrossTheCardsRowsWithARecord() {
        // Given a diagonal watermark read as 样本样本 at 30°, a line at 5° (a fit's error), and two characters at 30°
        GlyphLine watermark = line(0.98f, "样本样本", new Point(300, 150), new Point(340, 173), new Point(380, 196),
                new Point(420, 219));
        GlyphLine slight = line(0.98f, "北京市", new Point(160, 330), new Point(190, 332.6), new Point(220, 335.2));
        GlyphLine pair = line(0.98f, "李明", new Point(160, 110), new Point(200, 133));
        // When segmented
        List<TextSegments.Segment> segments = segments(watermark, slight, pair);
        // Then the watermark is discarded as crosswise text; a slight tilt and a short line are kept
        assertThat(texts(segments)).containsExactly("北京市", "李明");
        assertThat(discarded).containsExactly(new DiscardedText(null, DiscardedText.CROSSWISE_TEXT, 4));
    }

    @Test
    void shouldDiscardCharactersOffTheCardWithARecord() {
        // Given a laptop's label beside the card, and an address line whose last character lies past the edge
        GlyphLine laptop = line(0.98f, 600, "MacBook", 1000, 1030, 1060, 1090, 1120, 1150, 1180);
        GlyphLine address = line(0.98f, 330, "大街1号", 790, 820, 850, 900);
        // Then only the card's characters make segments; the others are counted per line
        assertThat(texts(segments(laptop, address))).containsExactly("大街1");
        assertThat(discarded).containsExactly(new DiscardedText(null, DiscardedText.OFF_CARD, 7),
                new DiscardedText(null, DiscardedText.OFF_CARD, 1));
    }

    @Test
    void shouldSkipBlankCharacters() {
        GlyphLine address = line(0.98f, 330, "北京 市", 160, 190, 205, 220);
        assertThat(texts(segments(address))).containsExactly("北京市");
    }

    /** Segments of the test's lines, on a front located by its 出生, 住址 and 公民身份 labels and its number. */
    private List<TextSegments.Segment> segments(GlyphLine... testLines) {
        lines.add(line(0.98f, 232, "出生", 80, 120));
        lines.add(line(0.98f, 298, "住址", 78, 120));
        lines.add(line(0.98f, 467, "公民身份", 80, 106, 135, 163));
        double[] digits = new double[18];
        for (int i = 0; i < 18; i++) {
            digits[i] = 308 + 24.6 * i;
        }
        lines.add(line(0.98f, 467, "440524198701010014", digits));
        CardFrame frame = CardLocator.locate(lines).stream().filter(f -> f.side() == CardSide.FRONT).findFirst()
                .orElseThrow();
        return TextSegments.of(List.of(testLines), frame, discarded);
    }

    /** A line of characters at these template x on one row (its glyphs in the image, as a recogniser places them). */
    private GlyphLine line(float confidence, double y, String text, double... xs) {
        Point[] at = new Point[xs.length];
        for (int i = 0; i < xs.length; i++) {
            at[i] = new Point(xs[i], y);
        }
        return line(confidence, text, at);
    }

    private GlyphLine line(float confidence, String text, Point... at) {
        int index = lines.size() + 100;
        int[] symbols = text.codePoints().toArray();
        List<Glyph> glyphs = new ArrayList<>();
        for (int i = 0; i < symbols.length; i++) {
            glyphs.add(new Glyph(Character.toString(symbols[i]), photo.toImage(at[i]), confidence, index));
        }
        Point first = at[0], last = at[at.length - 1];
        Quad box = new Quad(photo.toImage(new Point(first.x() - 15, first.y() - 16)),
                photo.toImage(new Point(last.x() + 15, last.y() - 16)),
                photo.toImage(new Point(last.x() + 15, last.y() + 16)),
                photo.toImage(new Point(first.x() - 15, first.y() + 16)));
        GlyphLine line = new GlyphLine(index, box, confidence, glyphs);
        lines.add(line);
        return line;
    }

    private static List<String> texts(List<TextSegments.Segment> segments) {
        return segments.stream().map(s -> CardFieldExtractor.text(s.glyphs()) + (s.stamp() ? " (stamp)" : ""))
                .toList();
    }
}
