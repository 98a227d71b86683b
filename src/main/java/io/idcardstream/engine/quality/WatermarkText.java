package io.idcardstream.engine.quality;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import java.util.ArrayList;
import java.util.List;

/**
 * IDCardOCR's watermark warning (-9111, with {@code CardWarnType=Advanced}): text laid over the card that the card
 * does not print. People mark the copies they hand out with a use restriction (仅限办理业务使用, 仅供银行开户,
 * 他用无效), often repeated diagonally, and competition data stamps 仅限BDCI比赛使用 in a corner. A line read inside
 * the card is a watermark when it holds one of {@link #RESTRICTION_WORDS}, which no field or label of a card contains,
 * or when at least {@value #MIN_SLANTED_CHARACTERS} of its characters run more than {@value #MAX_SLANT_DEGREES}°
 * off the card's rows: everything a card prints runs along them. A watermark too faint for the text detector to
 * find is not seen. Pure and thread-safe.
 */
public final class WatermarkText {
    static final List<String> RESTRICTION_WORDS = List.of("仅限", "仅供", "使用", "他用", "无效", "专用");
    static final int MIN_SLANTED_CHARACTERS = 4;
    static final double MAX_SLANT_DEGREES = 12;

    private WatermarkText() {}

    /** Whether any line read over the card located by {@code frame} is a watermark. */
    public static boolean seen(List<GlyphLine> lines, CardFrame frame) {
        for (GlyphLine line : lines) {
            StringBuilder text = new StringBuilder();
            List<Point> inCard = new ArrayList<>();
            for (Glyph glyph : line.glyphs()) {
                Point p = frame.toCard(glyph.center());
                if (CardTemplate.contains(p)) {
                    text.append(glyph.symbol());
                    inCard.add(p);
                }
            }
            if (RESTRICTION_WORDS.stream().anyMatch(text.toString()::contains) || slanted(inCard)) {
                return true;
            }
        }
        return false;
    }

    static boolean slanted(List<Point> characters) {
        if (characters.size() < MIN_SLANTED_CHARACTERS) {
            return false;
        }
        Point first = characters.get(0), last = characters.get(characters.size() - 1);
        double degrees = Math.toDegrees(Math.atan2(Math.abs(last.y() - first.y()), Math.abs(last.x() - first.x())));
        return degrees > MAX_SLANT_DEGREES;
    }
}
