package io.idcardstream.engine.card;

import io.idcardstream.engine.geom.Homography.Correspondence;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.identity.ResidentIdNumber;
import io.idcardstream.ocr.CardSide;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the fixed printed text of one card side among the read lines and pairs each of its characters' image
 * positions with its template position. The front also uses the ID number: 18 evenly spaced characters at a
 * fixed place, whatever the digits are.
 */
final class AnchorMatcher {
    private AnchorMatcher() {}

    /** The phrase name of anchors on the ID number's digits. */
    static final String ID_NUMBER = "ID";

    /**
     * One matched anchor character: image position → template position, which match it belongs to, and where
     * that phrase's value starts (negative infinity for titles and the ID number's own digits).
     *
     * @param match the phrase and a number shared by the characters of one match
     * @param index the character's place in its phrase; -1 for a label's tail characters, which are label text
     *     without a template position (the pair's template point is then meaningless), and for ID digits
     */
    record Anchor(Correspondence pair, String match, double valueX, int index) {

        boolean positional() {
            return index >= 0 || phrase().equals(ID_NUMBER);
        }

        String phrase() {
            return match.substring(0, match.indexOf('#'));
        }
    }

    /** The anchors of {@code side} among the lines, labels read across boxes of one row ({@link RowChains}). */
    static List<Anchor> match(List<GlyphLine> lines, CardSide side) {
        List<Anchor> anchors = new ArrayList<>();
        for (List<Glyph> glyphs : RowChains.of(lines)) {
            for (int i = 0; i < glyphs.size(); ) {
                int consumed = matchAt(glyphs, i, side, anchors);
                i += Math.max(1, consumed);
            }
        }
        if (side == CardSide.FRONT) {
            lines.forEach(line -> matchIdNumber(line.glyphs(), anchors));
        }
        return anchors;
    }

    /** Tries every phrase starting at glyph {@code i}; returns how many glyphs the longest match used. */
    private static int matchAt(List<Glyph> glyphs, int i, CardSide side, List<Anchor> anchors) {
        AnchorPhrase bestPhrase = null;
        int bestStart = 0, bestRun = 0;
        for (AnchorPhrase phrase : CardTemplate.anchors(side)) {
            for (int k = 0; k < phrase.length(); k++) {
                int run = 0;
                while (k + run < phrase.length() && i + run < glyphs.size()
                        && glyphs.get(i + run).symbol().equals(phrase.symbol(k + run))) {
                    run++;
                }
                if (run >= phrase.minRun() && run > bestRun) {
                    bestPhrase = phrase;
                    bestStart = k;
                    bestRun = run;
                }
            }
        }
        if (bestPhrase == null) {
            return 0;
        }
        String match = bestPhrase.text() + "#" + anchors.size();
        for (int j = 0; j < bestRun; j++) {
            Point template = new Point(bestPhrase.x(bestStart + j), bestPhrase.y());
            anchors.add(new Anchor(new Correspondence(glyphs.get(i + j).center(), template), match,
                    bestPhrase.valueX(), bestStart + j));
        }
        int consumed = bestRun;
        if (bestStart + bestRun == bestPhrase.length()) {
            while (i + consumed < glyphs.size() && consumed - bestRun < bestPhrase.tail().length()
                    && bestPhrase.tail().contains(glyphs.get(i + consumed).symbol())) {
                Point center = glyphs.get(i + consumed).center();
                anchors.add(new Anchor(new Correspondence(center, center), match, bestPhrase.valueX(), -1));
                consumed++;
            }
        }
        return consumed;
    }

    /**
     * A run of 18 ID characters (digits, X last) anchors each digit to its place on the number's row; so does a run
     * of 17, which some specimen designs print (and which a digit lost in reading leaves), counted from the first,
     * and the valid number inside a run of 19.
     */
    private static void matchIdNumber(List<Glyph> glyphs, List<Anchor> anchors) {
        int i = 0;
        while (i < glyphs.size()) {
            int run = 0;
            while (i + run < glyphs.size() && isIdCharacter(glyphs.get(i + run).symbol())) {
                run++;
            }
            int first = run == 19 ? validWindowOf19(glyphs, i) : i;
            int length = run == 19 ? (first < 0 ? 0 : 18) : run == 17 || run == 18 ? run : 0;
            for (int j = 0; j < length; j++) {
                Point template = new Point(CardTemplate.ID_FIRST_X + j * CardTemplate.ID_PITCH, CardTemplate.ID_Y);
                anchors.add(new Anchor(new Correspondence(glyphs.get(first + j).center(), template),
                        ID_NUMBER + "#" + i, Double.NEGATIVE_INFINITY, -1));
            }
            i += Math.max(1, run);
        }
    }

    /**
     * In a run of 19 ID characters from {@code start} (a speck read as a digit beside the number), where the 18 of
     * a valid number start; -1 when neither or both windows are valid numbers.
     */
    private static int validWindowOf19(List<Glyph> glyphs, int start) {
        int found = -1;
        for (int offset = 0; offset <= 1; offset++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < 18; j++) {
                text.append(glyphs.get(start + offset + j).symbol().toUpperCase(java.util.Locale.ROOT));
            }
            if (ResidentIdNumber.parse(text.toString()).map(ResidentIdNumber::checkDigitValid).orElse(false)) {
                if (found >= 0) {
                    return -1;
                }
                found = start + offset;
            }
        }
        return found;
    }

    static boolean isIdCharacter(String symbol) {
        return symbol.length() == 1 && (Character.isDigit(symbol.charAt(0)) && symbol.charAt(0) < 128
                || symbol.charAt(0) == 'X' || symbol.charAt(0) == 'x');
    }
}
