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

class TemporaryIdTitleTest {
    /** A back filling an image of the template's size (one pixel per template unit). */
    private static final CardFrame BACK = new CardFrame(CardSide.BACK, Homography.identity(), Homography.identity(),
            CardFrame.Fit.AFFINE, 4, 1.0, Map.of(), Map.of(), Quad.rectangle(0, 0, 856, 540));

    @Test
    void shouldTakeABackTitledTemporaryForATemporaryCard() {
        // Given the title line of a temporary card and of a resident card, where the back prints its title
        GlyphLine temporary = line("临时居民身份证", 262, 189, 78);
        GlyphLine resident = line("居民身份证", 262, 189, 109);
        // Then only the temporary title makes it a temporary card
        assertThat(TemporaryIdTitle.onBack(List.of(temporary), BACK)).isTrue();
        assertThat(TemporaryIdTitle.onBack(List.of(resident), BACK)).isFalse();
        // And one of 临时 misread still says it, right before 居
        assertThat(TemporaryIdTitle.onBack(List.of(line("临吋居民身份证", 262, 189, 78)), BACK)).isFalse();
        assertThat(TemporaryIdTitle.onBack(List.of(line("旧时居民身份证", 262, 189, 78)), BACK)).isTrue();
    }

    @Test
    void shouldNotReadTemporaryOutsideTheTitle() {
        // Given 临时 read in the issuing authority's row (a place or bureau name), below the title area
        GlyphLine authority = line("临时公安局", 330, 403, 30);
        // Then the card is not taken for a temporary one
        assertThat(TemporaryIdTitle.onBack(List.of(authority), BACK)).isFalse();
    }

    private static GlyphLine line(String text, double x, double y, double advance) {
        List<Glyph> glyphs = new ArrayList<>();
        int[] symbols = text.codePoints().toArray();
        for (int i = 0; i < symbols.length; i++) {
            glyphs.add(new Glyph(Character.toString(symbols[i]), new Point(x + i * advance, y), 0.9f, 0, List.of()));
        }
        return new GlyphLine(0, Quad.rectangle(x, y - 30, x + symbols.length * advance, y + 30), 0.9f, glyphs);
    }
}
