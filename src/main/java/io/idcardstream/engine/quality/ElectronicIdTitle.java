package io.idcardstream.engine.quality;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IDCardOCR's electronic-ID warning (-9110, asked with {@code CardWarnType=Advanced}): a picture of the card as an
 * app shows it rather than of the card itself. The apps name the card on that screen, above or below it
 * (电子身份证, 居民身份证电子证照, 网上功能凭证, 网证, CTID), so a line read off the card that names it is the sign
 * (on the card such words would be a note written over a copy, not an app's title). A screenshot cropped to the card
 * alone says nothing of where it came from, which is why the warning is reported not checked when no such line is
 * read. Pure and thread-safe.
 */
public final class ElectronicIdTitle {
    /** 电子身份 with its last character misread still counts; a card's own print never says any of these. */
    static final Pattern NAMES_AN_ELECTRONIC_CARD = Pattern.compile("电子身份|电子证照|功能凭证|网证|CTID");

    private ElectronicIdTitle() {}

    /** The first line read off the card located by {@code frame} that names an electronic card. */
    public static Optional<GlyphLine> find(List<GlyphLine> lines, CardFrame frame) {
        return lines.stream().filter(line -> namesAnElectronicCard(textOffTheCard(line, frame))).findFirst();
    }

    static boolean namesAnElectronicCard(String text) {
        return NAMES_AN_ELECTRONIC_CARD.matcher(text).find();
    }

    private static String textOffTheCard(GlyphLine line, CardFrame frame) {
        StringBuilder text = new StringBuilder();
        for (Glyph glyph : line.glyphs()) {
            if (!CardTemplate.contains(frame.toCard(glyph.center()))) {
                text.append(glyph.symbol());
            }
        }
        return text.toString();
    }
}
