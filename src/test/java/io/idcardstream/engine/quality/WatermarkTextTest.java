package io.idcardstream.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.ocr.CardSide;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatermarkTextTest {
    /** A front filling an image of the template's size (one pixel per template unit). */
    private static final CardFrame FRONT = new CardFrame(CardSide.FRONT, Homography.identity(), Homography.identity(),
            CardFrame.Fit.AFFINE, 6, 1.0, Map.of(), Map.of(), Quad.rectangle(0, 0, 856, 540));

    @Test
    void shouldTakeAUseRestrictionWrittenOverTheCardForAWatermark() {
        // Given a line in the card's top-left corner restricting the copy's use
        GlyphLine restriction = line("仅限入职登记使用", 30, 40, 27, 0);
        // Then it is a watermark
        assertThat(WatermarkText.seen(List.of(restriction), FRONT)).isTrue();
    }

    @Test
    void shouldTakeTextRunningAcrossTheRowsForAWatermark() {
        // Given text read at 28 degrees to the card's rows, whatever it says
        GlyphLine slanted = line("某某某某某", 200, 400, 50, Math.toRadians(-28));
        // Then it is a watermark
        assertThat(WatermarkText.seen(List.of(slanted), FRONT)).isTrue();
    }

    @Test
    void shouldNotTakeWhatTheCardPrintsForAWatermark() {
        // Given a card's own lines: an address and an ID number, along the rows, and a line slightly off them
        List<GlyphLine> card = List.of(line("北京市西城区复兴门外大街", 180, 300, 31, 0),
                line("110102197810272321", 303, 459, 25, 0), line("湖南省长沙市开福区", 180, 340, 31, Math.toRadians(5)));
        // Then none is a watermark
        assertThat(WatermarkText.seen(card, FRONT)).isFalse();
        // And a restriction read outside the card (on the page around it) is not the card's watermark
        assertThat(WatermarkText.seen(List.of(line("仅限办理业务使用", 100, 700, 27, 0)), FRONT)).isFalse();
    }

    private static GlyphLine line(String text, double x, double y, double advance, double angle) {
        List<Glyph> glyphs = new ArrayList<>();
        int[] symbols = text.codePoints().toArray();
        for (int i = 0; i < symbols.length; i++) {
            Point centre = new Point(x + i * advance * Math.cos(angle), y + i * advance * Math.sin(angle));
            glyphs.add(new Glyph(Character.toString(symbols[i]), centre, 0.9f, 0, List.of()));
        }
        return new GlyphLine(0, Quad.rectangle(x, y - 20, x + symbols.length * advance, y + 20), 0.9f, glyphs);
    }
}
