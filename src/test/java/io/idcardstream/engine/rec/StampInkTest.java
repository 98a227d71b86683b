package io.idcardstream.engine.rec;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.image.RgbImage;
import org.junit.jupiter.api.Test;

/**
 * Ink over a line that is not its text: a stamp's red ink with its pale fringe, and long thin rules (a stamp's frame,
 * the card's edge) through the characters. The card's own black and blue text stays.
 */
class StampInkTest {
    private static final int WHITE = 0xFFFFFF, BLACK = 0x141414, DARK = 0x1E1E1E;
    /** Seal red: red exceeds green and blue by 150. */
    private static final int SEAL_RED = 0xD2323C;
    /** The ink's antialiased edge: red exceeds the others by 50 (at least FRINGE_MARGIN, under RED_MARGIN). */
    private static final int PALE_RED = 0xEBB4B9;
    /** The card's pink guilloche: red exceeds the others by 35 but touches no ink. */
    private static final int PINK = 0xF0C8CD;

    @Test
    void shouldPaintRedInkAndItsFringeWithTheBackgroundAndKeepBlackText() {
        // Given a white crop with a black stroke, a block of seal red with a run of its pale fringe leading away
        // from it, and the card's pink guilloche apart from both
        int[][] rows = new int[10][40];
        paint(rows, 0, 0, 40, 10, WHITE);
        paint(rows, 2, 0, 3, 10, BLACK);
        paint(rows, 15, 3, 5, 4, SEAL_RED);
        paint(rows, 11, 4, 4, 1, PALE_RED);   // x 14, 13, 12, 11: one to four pixels from the ink
        paint(rows, 30, 1, 6, 1, PINK);
        // When the red ink is removed
        RgbImage cleaned = StampInk.withoutRedInk(image(rows));
        // Then the ink and the fringe up to two pixels from it are background; the rest of the fringe, the black
        // stroke and the guilloche are untouched
        int[][] expected = copy(rows);
        paint(expected, 15, 3, 5, 4, WHITE);
        paint(expected, 13, 4, 2, 1, WHITE);
        assertThat(cleaned.pixels()).isEqualTo(image(expected).pixels());
    }

    @Test
    void shouldLeaveACropWithoutRedInkAsItIs() {
        // Given black text on white, and pale red that is only ever a fringe (no clearly red pixel to grow from)
        int[][] rows = new int[10][40];
        paint(rows, 0, 0, 40, 10, WHITE);
        paint(rows, 2, 0, 3, 10, BLACK);
        paint(rows, 10, 2, 10, 3, PALE_RED);
        RgbImage crop = image(rows);
        // When red ink is removed
        // Then the very same image comes back
        assertThat(StampInk.withoutRedInk(crop)).isSameAs(crop);
    }

    @Test
    void shouldRemoveALongThinRuleAndKeepAStrokeCrossingItAndACharactersOwnShortStrokes() {
        // Given a 48 px high line crop with a 2 px rule through it from end to end, a vertical stroke crossing the
        // rule, and a character's own horizontal stroke 41 px long (under three line heights)
        int[][] rows = new int[48][300];
        paint(rows, 0, 0, 300, 48, WHITE);
        paint(rows, 0, 30, 300, 2, DARK);
        paint(rows, 100, 10, 3, 36, DARK);
        paint(rows, 200, 15, 41, 2, DARK);
        // When rules are removed
        RgbImage cleaned = StampInk.withoutRules(image(rows), 48);
        // Then the rule is background except where the stroke crosses it; every stroke is whole
        int[][] expected = copy(rows);
        paint(expected, 0, 30, 100, 2, WHITE);
        paint(expected, 103, 30, 197, 2, WHITE);
        assertThat(cleaned.pixels()).isEqualTo(image(expected).pixels());
    }

    @Test
    void shouldKeepADarkBandThickerThanARule() {
        // Given a 48 px crop crossed by a dark band 10 px thick (over 15% of the line height: not a rule)
        int[][] rows = new int[48][300];
        paint(rows, 0, 0, 300, 48, WHITE);
        paint(rows, 0, 20, 300, 10, DARK);
        RgbImage crop = image(rows);
        // When rules are removed
        // Then the same image comes back
        assertThat(StampInk.withoutRules(crop, 48)).isSameAs(crop);
    }

    @Test
    void shouldKeepAStrokeShorterThanThreeLineHeights() {
        // Given a 48 px crop with a thin horizontal stroke 143 px long: a pixel short of three line heights
        int[][] rows = new int[48][300];
        paint(rows, 0, 0, 300, 48, WHITE);
        paint(rows, 50, 24, 143, 2, DARK);
        RgbImage crop = image(rows);
        assertThat(StampInk.withoutRules(crop, 48)).isSameAs(crop);
    }

    @Test
    void shouldCleanRedInkAndRulesTogether() {
        // Given a crop with a red seal's block and a dark rule through the text
        int[][] rows = new int[48][300];
        paint(rows, 0, 0, 300, 48, WHITE);
        paint(rows, 40, 10, 3, 30, BLACK);
        paint(rows, 150, 5, 40, 30, SEAL_RED);
        paint(rows, 0, 42, 300, 2, DARK);
        // When the crop is cleaned
        RgbImage cleaned = StampInk.clean(image(rows), 48);
        // Then only the black stroke is left
        int[][] expected = new int[48][300];
        paint(expected, 0, 0, 300, 48, WHITE);
        paint(expected, 40, 10, 3, 30, BLACK);
        assertThat(cleaned.pixels()).isEqualTo(image(expected).pixels());
    }

    private static void paint(int[][] rows, int x, int y, int width, int height, int rgb) {
        for (int row = y; row < y + height; row++) {
            for (int col = x; col < x + width; col++) {
                rows[row][col] = rgb;
            }
        }
    }

    private static int[][] copy(int[][] rows) {
        int[][] copy = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    private static RgbImage image(int[][] rows) {
        int h = rows.length, w = rows[0].length;
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(rows[y], 0, pixels, y * w, w);
        }
        return new RgbImage(w, h, pixels);
    }
}
