package io.idcardstream.engine.card;

import io.idcardstream.ocr.CardSide;
import java.util.Objects;

/**
 * Printed text that is the same on every card of a side (a field label, the card title) and where each of its
 * characters sits on the card template.
 *
 * @param xs each character's centre x on the template
 * @param y the characters' centre y on the template
 * @param valueX where the value printed after this label starts on the template: characters that follow the label
 *     in the same line belong to its value however the backend spaced them; negative infinity for titles
 * @param tail characters that may follow the phrase as part of the same printed label without a fixed place
 *     (公民身份 is followed by 号码, or 证号码 on some specimens): label, not value, but no anchor
 * @param minRun how many consecutive characters must be read exactly for a match: labels need both of their two
 *     characters; long titles accept a part, but one long enough not to occur in the other side's text or in an
 *     address ("民身份证" is in the 公民身份证号码 of some specimens; "人民" is in many addresses)
 */
public record AnchorPhrase(CardSide side, String text, double[] xs, double y, double valueX, String tail,
        int minRun) {
    public AnchorPhrase {
        Objects.requireNonNull(side, "side");
        if (text.codePointCount(0, text.length()) != xs.length) {
            throw new IllegalArgumentException("one x per character: " + text.length() + " characters but "
                    + xs.length + " xs");
        }
        if (minRun < 1 || minRun > xs.length) {
            throw new IllegalArgumentException("minRun must be in [1, " + xs.length + "] but was " + minRun);
        }
        xs = xs.clone();
        Objects.requireNonNull(tail, "tail");
    }

    /** Evenly spaced characters from {@code firstX} with {@code pitch}. */
    static AnchorPhrase spaced(CardSide side, String text, double firstX, double pitch, double y, double valueX,
            int minRun) {
        double[] xs = new double[text.codePointCount(0, text.length())];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = firstX + i * pitch;
        }
        return new AnchorPhrase(side, text, xs, y, valueX, "", minRun);
    }

    @Override
    public double[] xs() {
        return xs.clone();
    }

    double x(int index) {
        return xs[index];
    }

    int length() {
        return xs.length;
    }

    String symbol(int index) {
        return text.substring(text.offsetByCodePoints(0, index), text.offsetByCodePoints(0, index + 1));
    }
}
