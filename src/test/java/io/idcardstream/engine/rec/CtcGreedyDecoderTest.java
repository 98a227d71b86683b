package io.idcardstream.engine.rec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.Glyph;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtcGreedyDecoderTest {
    /** Classes: 0 blank, 1 "l", 2 "o", 3 "中", 4 " ". */
    private static final CharacterDictionary DICTIONARY = CharacterDictionary.of(List.of("l", "o", "中"));

    @Test
    void shouldMergeRepeatsAndDropBlanks() {
        // Given steps whose best classes are: l l blank l o o blank
        float[] p = steps(new int[] {1, 1, 0, 1, 2, 2, 0}, 0.9f);
        // When decoded
        DecodedText text = CtcGreedyDecoder.decode(p, 7, 5, DICTIONARY);
        // Then the adjacent l's are one, the blank separates the next l, and blanks are dropped
        assertThat(text.text()).isEqualTo("llo");
    }

    @Test
    void shouldNotMergeAcrossABlank() {
        // Given 中 blank 中
        float[] p = steps(new int[] {3, 0, 3}, 0.8f);
        // Then it is two characters
        assertThat(CtcGreedyDecoder.decode(p, 3, 5, DICTIONARY).text()).isEqualTo("中中");
    }

    @Test
    void shouldDecodeAllBlanksAsNothing() {
        DecodedText text = CtcGreedyDecoder.decode(steps(new int[] {0, 0, 0}, 0.99f), 3, 5, DICTIONARY);
        assertThat(text).isEqualTo(DecodedText.EMPTY);
    }

    @Test
    void shouldReportTheMeanConfidenceAndWhereEachCharacterSits() {
        // Given l (p 0.6) over steps 0-1, blank at 2, o (p 0.8) at step 3, over 4 steps
        float[] p = new float[4 * 5];
        set(p, 0, 1, 0.6f);
        set(p, 1, 1, 0.5f);
        set(p, 2, 0, 0.9f);
        set(p, 3, 2, 0.8f);
        // When decoded
        DecodedText text = CtcGreedyDecoder.decode(p, 4, 5, DICTIONARY);
        // Then each character keeps its best probability, the line their mean, and each its centre
        assertThat(text.text()).isEqualTo("lo");
        assertThat(text.charConfidences()).containsExactly(0.6f, 0.8f);
        assertThat(text.confidence()).isCloseTo(0.7f, within(1e-6f));
        assertThat(text.charCenters()).containsExactly(0.25, 0.875);
    }

    @Test
    void shouldRefuseAModelWhoseClassesDoNotMatchTheDictionary() {
        assertThatThrownBy(() -> CtcGreedyDecoder.decode(new float[12], 2, 6, DICTIONARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the model has 6 classes but the dictionary 5");
    }

    /** Classes: 0 blank, 1 佤, 2 瓦, 3 凡, 4 几, 5 风, 6 " ". */
    private static final CharacterDictionary LOOK_ALIKES = CharacterDictionary.of(List.of("佤", "瓦", "凡", "几", "风"));

    @Test
    void shouldGiveEachCharacterTheTopThreeOtherSymbolsAtItsPeakWithoutTheBlank() {
        // Given 佤 over two steps, most probable at the second, where the blank is the runner-up; then a blank;
        // then 凡 at one step with only 几 also considered
        float[] p = new float[4 * 7];
        row(p, 0, 0.10f, 0.50f, 0.20f, 0.10f, 0.05f, 0.05f, 0f);
        row(p, 1, 0.25f, 0.60f, 0.08f, 0.04f, 0.02f, 0.01f, 0f);
        row(p, 2, 0.90f, 0.02f, 0.02f, 0.02f, 0.02f, 0.02f, 0f);
        row(p, 3, 0.05f, 0f, 0f, 0.85f, 0.10f, 0f, 0f);
        // When decoded
        DecodedText text = CtcGreedyDecoder.decode(p, 4, 7, LOOK_ALIKES);
        // Then each character's alternatives are the most probable other symbols at its peak step, most probable
        // first: neither the blank nor the chosen symbol, nothing the model gave no probability
        assertThat(text.text()).isEqualTo("佤凡");
        assertThat(text.alternatives()).isEqualTo(List.of(
                List.of(new Alternative("瓦", 0.08f), new Alternative("凡", 0.04f), new Alternative("几", 0.02f)),
                List.of(new Alternative("几", 0.10f))));
    }

    @Test
    void shouldLetAGlyphWeighAnAlternativeByItsProbability() {
        // Given 佤 decoded with 瓦 as its runner-up
        float[] p = new float[7];
        row(p, 0, 0.05f, 0.55f, 0.30f, 0.10f, 0f, 0f, 0f);
        DecodedText text = CtcGreedyDecoder.decode(p, 1, 7, LOOK_ALIKES);
        Glyph glyph = new Glyph("佤", new Point(0, 0), text.charConfidences()[0], 0, text.alternatives().get(0));
        // Then the glyph knows how probable each symbol was in its place, and 0 for what was not considered
        assertThat(glyph.probabilityOf("佤")).isEqualTo(0.55f);
        assertThat(glyph.probabilityOf("瓦")).isEqualTo(0.30f);
        assertThat(glyph.probabilityOf("风")).isZero();
    }

    private static void row(float[] p, int step, float... classes) {
        System.arraycopy(classes, 0, p, step * classes.length, classes.length);
    }

    /** One step per entry, the given class at probability {@code p}, the rest sharing what is left. */
    private static float[] steps(int[] best, float p) {
        float[] probabilities = new float[best.length * 5];
        for (int t = 0; t < best.length; t++) {
            for (int c = 0; c < 5; c++) {
                probabilities[t * 5 + c] = c == best[t] ? p : (1 - p) / 4;
            }
        }
        return probabilities;
    }

    private static void set(float[] p, int step, int best, float value) {
        for (int c = 0; c < 5; c++) {
            p[step * 5 + c] = c == best ? value : (1 - value) / 4;
        }
    }
}
