package io.idcardstream.engine.quality;

import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IDCardOCR's electronic-ID warning (-9110, asked with {@code CardWarnType=Advanced}): a picture of the card as an
 * app shows it rather than of the card itself. The apps name the card on that screen, above or below it
 * (电子身份证, 居民身份证电子证照, 网上功能凭证, 网证, CTID), so a line read anywhere in the image that names it is
 * the sign. A screenshot cropped to the card alone says nothing of where it came from, which is why the warning is
 * reported not checked when no such line is read. Pure and thread-safe.
 */
public final class ElectronicIdTitle {
    /** 电子身份 with its last character misread still counts; a card's own print never says any of these. */
    static final Pattern NAMES_AN_ELECTRONIC_CARD = Pattern.compile("电子身份|电子证照|功能凭证|网证|CTID");

    private ElectronicIdTitle() {}

    /** The first line read in the image that names an electronic card. */
    public static Optional<GlyphLine> find(List<GlyphLine> lines) {
        return lines.stream().filter(line -> namesAnElectronicCard(text(line))).findFirst();
    }

    static boolean namesAnElectronicCard(String text) {
        return NAMES_AN_ELECTRONIC_CARD.matcher(text).find();
    }

    private static String text(GlyphLine line) {
        StringBuilder text = new StringBuilder();
        for (Glyph glyph : line.glyphs()) {
            text.append(glyph.symbol());
        }
        return text.toString();
    }
}
