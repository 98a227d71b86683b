package io.idcardstream.engine.quality;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import java.util.List;

/**
 * IDCardOCR's temporary-ID warning (-9104, asked with {@code TempIdWarn}): a temporary resident identity card says
 * what it is in its back's title, 临时居民身份证 where a resident card prints 居民身份证. The back is a temporary
 * card when the text read in its title area ({@link #TITLE_AREA}, template units) holds 临时, or 临 or 时 right before
 * 居 (one of the two characters misread). Its front looks like a resident card's front, so a front alone is never
 * judged (the warning is then reported not checked). Pure and thread-safe.
 */
public final class TemporaryIdTitle {
    /** Right of the emblem, above the Great Wall: the two title lines of the back. */
    static final double[] TITLE_AREA = {215, 30, CardTemplate.WIDTH, 250};

    private TemporaryIdTitle() {}

    /** Whether the back located by {@code frame} is titled as a temporary card. */
    public static boolean onBack(List<GlyphLine> lines, CardFrame frame) {
        for (GlyphLine line : lines) {
            StringBuilder title = new StringBuilder();
            for (Glyph glyph : line.glyphs()) {
                Point inCard = frame.toCard(glyph.center());
                if (inCard.x() >= TITLE_AREA[0] && inCard.y() >= TITLE_AREA[1] && inCard.x() <= TITLE_AREA[2]
                        && inCard.y() <= TITLE_AREA[3]) {
                    title.append(glyph.symbol());
                }
            }
            if (titledTemporary(title.toString())) {
                return true;
            }
        }
        return false;
    }

    static boolean titledTemporary(String title) {
        return title.contains("临时") || title.contains("临居") || title.contains("时居");
    }
}
