package io.idcardstream.engine.fields;

import io.idcardstream.engine.text.Glyph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text that stamps and watermarks put on copies of a card, recognised by what it says: 复印无效 ("copies
 * invalid"), 禁止复印 ("do not copy", a square seal whose two rows are read across its columns as 复禁 / 印止),
 * 样证 / 样本 (specimen) and the 仅限…使用 ("for … use only") line. No card value is made of these phrases, while a
 * value may contain one of their characters (印染厂, 无锡) among others; so stamp text is:
 * <ul>
 *   <li>a run made only of these characters, or such a line ({@link #isStamp});
 *   <li>three or more characters in a row of one phrase, anywhere in a line, one of which may be misread (read
 *       unsurely, or with the phrase's character among its alternatives): a stamp read in one box with a value
 *       ({@link #phraseGlyphs});
 *   <li>at either end of a run, two characters of a phrase, or a lone stamp character standing apart or read
 *       unsurely ({@link #gluedAt}).
 * </ul>
 *
 * <p>Pure and thread-safe.
 */
final class StampText {
    /**
     * The phrases as detection reads them: a 禁止复印 seal's two rows come out as 复禁 and 印止; a 仅限…使用 line's
     * fixed ends are 仅限 and 使用, whatever it names between them.
     */
    static final List<String> AS_READ = List.of("复印无效", "禁止复印", "复禁", "印止", "样证", "样本", "仅限使用");
    private static final String CHARACTERS = String.join("", AS_READ);
    private static final Pattern FOR_USE_ONLY = Pattern.compile("仅限.{0,12}使用");
    /** A lone stamp character counts as stamp text when it stands this many times the run's usual pitch away. */
    static final double LONE_GAP = 1.5;
    /** A phrase piece found inside a line must be at least this long. */
    static final int MIN_INNER_PIECE = 3;

    private StampText() {}

    /** Whether the symbol is one of the stamp phrases' characters. */
    static boolean isStampCharacter(String symbol) {
        return !symbol.isEmpty() && CHARACTERS.contains(symbol);
    }

    static boolean isStamp(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (FOR_USE_ONLY.matcher(text).find()) {
            return true;
        }
        return text.codePoints().allMatch(c -> CHARACTERS.indexOf(c) >= 0);
    }

    /** Which glyphs of a line belong to a piece of a phrase at least {@link #MIN_INNER_PIECE} long. */
    static boolean[] phraseGlyphs(List<Glyph> line) {
        boolean[] stamp = new boolean[line.size()];
        for (int start = 0; start < line.size(); start++) {
            int length = pieceAt(line, start, MIN_INNER_PIECE, true);
            for (int i = start; i < start + length; i++) {
                stamp[i] = true;
            }
        }
        return stamp;
    }

    /**
     * How many characters at the start ({@code fromStart}) or end of a run are stamp text glued to a value: two or
     * more of a phrase, or a lone stamp character standing apart from the value by more than {@link #LONE_GAP} times
     * the run's median pitch (a stamp's characters are larger and set wider) or read unsurely (a piece of a seal's
     * character, where a value's own last character reads clearly).
     */
    static int gluedAt(List<PlacedGlyph> run, boolean fromStart) {
        int n = run.size();
        if (n < 3) {
            return 0;
        }
        List<Glyph> glyphs = new ArrayList<>(run.stream().map(PlacedGlyph::glyph).toList());
        if (!fromStart) {
            Collections.reverse(glyphs);
        }
        int piece = pieceAt(glyphs, 0, 2, fromStart);
        if (piece > 0 && piece < n) {
            return piece;
        }
        PlacedGlyph outer = run.get(fromStart ? 0 : n - 1), inner = run.get(fromStart ? 1 : n - 2);
        if (CHARACTERS.contains(outer.symbol())) {
            double[] pitches = new double[n - 1];
            for (int i = 0; i + 1 < n; i++) {
                pitches[i] = run.get(i).card().distanceTo(run.get(i + 1).card());
            }
            java.util.Arrays.sort(pitches);
            double median = pitches[pitches.length / 2];
            if (outer.card().distanceTo(inner.card()) > LONE_GAP * median
                    || outer.glyph().confidence() < FieldRectifier.UNCERTAIN) {
                return 1;
            }
        }
        return 0;
    }

    /**
     * The length of the longest piece (at least {@code minimum}) of a phrase that the glyphs from {@code start} read,
     * in reading order when {@code forwards}, else reversed (the glyphs run backwards from a run's end); 0 for none.
     * From three characters on one of them may be misread; the first must be read as the phrase has it.
     */
    private static int pieceAt(List<Glyph> glyphs, int start, int minimum, boolean forwards) {
        int best = 0;
        for (String phrase : AS_READ) {
            List<String> p = new ArrayList<>(phrase.codePoints().mapToObj(Character::toString).toList());
            if (!forwards) {
                Collections.reverse(p);
            }
            for (int j = 0; j < p.size(); j++) {
                if (!p.get(j).equals(glyphs.get(start).symbol())) {
                    continue;
                }
                int k = 1, misreads = 0;
                while (j + k < p.size() && start + k < glyphs.size()) {
                    Glyph g = glyphs.get(start + k);
                    if (!g.symbol().equals(p.get(j + k))) {
                        boolean misread = g.confidence() < FieldRectifier.UNCERTAIN || g.probabilityOf(p.get(j + k)) > 0;
                        if (!misread || ++misreads > 1) {
                            break;
                        }
                    }
                    k++;
                }
                if (k >= minimum && (misreads == 0 || k >= 3)) {
                    best = Math.max(best, k);
                }
            }
        }
        return best;
    }
}
