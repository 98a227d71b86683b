package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.Glyph;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ID number is picked out of its row by the number's grammar and, among 18-character windows, its check. */
class IdNumberGlyphsTest {
    /** Check character valid. */
    private static final String ID = "440524198701010014";

    @Test
    void shouldLeaveOutWhatCannotBePartOfANumber() {
        // Given a stamp's 印 and a speck read as T among the digits
        List<PlacedGlyph> row = row("4405241987印0101T0014", 0.99f);
        // Then the eighteen ID characters are kept, in order
        assertThat(text(IdNumberGlyphs.select(row))).isEqualTo(ID);
    }

    @Test
    void shouldKeepEighteenOrFewerAsRead() {
        // Given seventeen digits (some specimens print them; a digit may be lost) and letters OCR confuses with
        // digits
        List<PlacedGlyph> seventeen = row(ID.substring(0, 17), 0.99f);
        List<PlacedGlyph> letters = row("44O5241987010l0014", 0.99f);
        // Then they are kept as they are: a misread stays visible, the caller formats the letters
        assertThat(IdNumberGlyphs.select(seventeen)).isEqualTo(seventeen);
        assertThat(IdNumberGlyphs.select(letters)).isEqualTo(letters);
    }

    @Test
    void shouldKeepTheWindowOfEighteenWithAValidCheckCharacter() {
        // Given a speck read as 7 before the number, and a 0 before it (which no number starts with)
        List<PlacedGlyph> before = row("7" + ID, 0.99f);
        List<PlacedGlyph> zero = row("0" + ID, 0.99f);
        List<PlacedGlyph> after = row(ID + "5", 0.99f);
        // Then the valid eighteen are kept
        assertThat(List.of(text(IdNumberGlyphs.select(before)), text(IdNumberGlyphs.select(zero)),
                text(IdNumberGlyphs.select(after)))).containsExactly(ID, ID, ID);
        assertThat(IdNumberGlyphs.select(before)).isEqualTo(before.subList(1, 19));
    }

    @Test
    void shouldKeepTheMostSurelyReadWindowWhenNoneIsValid() {
        // Given a number failing its check with an unsure speck read as 3 on each side
        List<PlacedGlyph> row = new ArrayList<>(row("440524198701010015", 0.95f));
        row.add(0, placed("3", 0.4f, -1));
        row.add(placed("3", 0.4f, 18));
        // Then the eighteen read most surely are kept
        assertThat(text(IdNumberGlyphs.select(row))).isEqualTo("440524198701010015");
    }

    @Test
    void shouldReadLettersOcrConfusesWithDigitsAsThoseDigits() {
        StringBuilder read = new StringBuilder();
        for (String symbol : List.of("0", "9", "X", "x", "×", "O", "o", "I", "l", "T", "印", "12")) {
            char c = IdNumberGlyphs.idCharacter(symbol);
            read.append(c == 0 ? '_' : c);
        }
        assertThat(read.toString()).isEqualTo("09XXX0011___");
    }

    private static List<PlacedGlyph> row(String text, float confidence) {
        List<PlacedGlyph> row = new ArrayList<>();
        int[] symbols = text.codePoints().toArray();
        for (int i = 0; i < symbols.length; i++) {
            row.add(placed(Character.toString(symbols[i]), confidence, i));
        }
        return row;
    }

    private static PlacedGlyph placed(String symbol, float confidence, int place) {
        Point onCard = new Point(308 + place * 24.6, 467);
        return new PlacedGlyph(new Glyph(symbol, onCard, confidence, 0), onCard, onCard);
    }

    private static String text(List<PlacedGlyph> glyphs) {
        return CardFieldExtractor.text(glyphs);
    }
}
