package io.idcardstream.engine.fields;

import io.idcardstream.identity.ResidentIdNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the ID number out of what was read on its row by the number's grammar: seventeen digits and a check
 * character (a digit or X). Characters that cannot be part of a number (a stamp's 印, a speck read as T) are left
 * out; when more than eighteen remain (a speck read as a digit before the number), the eighteen in a row that form
 * a number with a valid check character are kept, else those read most surely. Fewer than eighteen are kept as
 * read: some specimens print seventeen digits, and a misread must stay visible.
 *
 * <p>Letters OCR confuses with digits count as those digits (O → 0, I and l → 1); the caller formats them.
 * Pure and thread-safe.
 */
final class IdNumberGlyphs {
    static final int LENGTH = 18;

    private IdNumberGlyphs() {}

    /** The glyphs of the number, in reading order (a subsequence of {@code row}). */
    static List<PlacedGlyph> select(List<PlacedGlyph> row) {
        List<PlacedGlyph> candidates = new ArrayList<>();
        for (PlacedGlyph g : row) {
            if (idCharacter(g.symbol()) != 0) {
                candidates.add(g);
            }
        }
        if (candidates.size() <= LENGTH) {
            return candidates;
        }
        int best = -1;
        boolean bestValid = false;
        double bestConfidence = -1;
        for (int start = 0; start + LENGTH <= candidates.size(); start++) {
            List<PlacedGlyph> window = candidates.subList(start, start + LENGTH);
            String text = text(window);
            if (!text.matches("[1-9]\\d{16}[\\dX]")) {
                continue;
            }
            boolean valid = ResidentIdNumber.parse(text).map(ResidentIdNumber::checkDigitValid).orElse(false);
            double confidence = window.stream().mapToDouble(g -> g.glyph().confidence()).sum();
            if (best < 0 || (valid && !bestValid) || (valid == bestValid && confidence > bestConfidence)) {
                best = start;
                bestValid = valid;
                bestConfidence = confidence;
            }
        }
        return best < 0 ? candidates : List.copyOf(candidates.subList(best, best + LENGTH));
    }

    /** The ID character a symbol stands for ('0'–'9' or 'X'), or 0 when it cannot be one. */
    static char idCharacter(String symbol) {
        if (symbol.length() != 1) {
            return 0;
        }
        char c = symbol.charAt(0);
        if (c >= '0' && c <= '9') {
            return c;
        }
        return switch (c) {
            case 'X', 'x', '×' -> 'X';
            case 'O', 'o' -> '0';
            case 'I', 'l' -> '1';
            default -> 0;
        };
    }

    private static String text(List<PlacedGlyph> glyphs) {
        StringBuilder s = new StringBuilder();
        glyphs.forEach(g -> s.append(idCharacter(g.symbol())));
        return s.toString();
    }
}
