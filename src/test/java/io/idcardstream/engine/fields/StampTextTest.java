package io.idcardstream.engine.fields;

import static io.idcardstream.engine.fields.Readings.alternative;
import static io.idcardstream.engine.fields.Readings.glyph;
import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.rec.Alternative;
import io.idcardstream.engine.text.Glyph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text stamps and watermarks put on copies (复印无效, 禁止复印 read as 复禁 / 印止, 样证, 样本, 仅限…使用) is told from
 * values that merely contain one of their characters (印染厂, 无锡) by what it says.
 */
class StampTextTest {

    @Test
    void shouldTellStampLinesFromValuesContainingAStampCharacter() {
        Map<String, Boolean> stamp = new LinkedHashMap<>();
        for (String text : List.of("复印无效", "禁止复印", "复禁", "印止", "样证", "样本", "效无", "仅限BDCI比赛使用",
                "仅限办理银行卡使用", "印染厂", "无锡市", "城关镇", "")) {
            stamp.put(text, StampText.isStamp(text));
        }
        assertThat(stamp).isEqualTo(ordered("复印无效", true, "禁止复印", true, "复禁", true, "印止", true, "样证", true,
                "样本", true, "效无", true, "仅限BDCI比赛使用", true, "仅限办理银行卡使用", true, "印染厂", false,
                "无锡市", false, "城关镇", false, "", false));
    }

    @Test
    void shouldFindAStampPhraseReadInOneBoxWithAValue() {
        // Given 复印无效 read in the same box as an address
        List<Glyph> line = Readings.sure("北京市复印无效海淀区");
        // Then exactly its four characters are stamp text
        assertThat(marked(line)).isEqualTo("___####___");
    }

    @Test
    void shouldAllowOneMisreadCharacterInAPhraseOnlyWhenUnsureOrBackedByAnAlternative() {
        // Given 复印无效 with 印 read as 卯: unsurely; surely but with 印 among its alternatives; surely alone
        List<Glyph> unsure = misread("北京复卯无效区", 3, 0.5f);
        List<Glyph> backed = misread("北京复卯无效区", 3, 0.95f, alternative("印", 0.02f));
        List<Glyph> sure = misread("北京复卯无效区", 3, 0.95f);
        // Then the first two are the phrase with one misread, the last is not (无效 alone is too short inside a line)
        assertThat(List.of(marked(unsure), marked(backed), marked(sure)))
                .containsExactly("__####_", "__####_", "_______");
    }

    @Test
    void shouldAllowAtMostOneMisreadAndRequireThePhrasesFirstCharacterAsPrinted() {
        // Given 复印无效 with two unsure misreads, and with its first character misread
        List<Glyph> twice = misread(misread("复卯天效", 1, 0.5f), 2, 0.5f);
        List<Glyph> first = misread("夏印无效", 0, 0.5f);
        // Then two misreads are no phrase; without its first character the phrase starts at 印
        assertThat(List.of(marked(twice), marked(first))).containsExactly("____", "_###");
    }

    @Test
    void shouldFindNoPhraseInAValueWithOneStampCharacter() {
        assertThat(marked(Readings.sure("印染厂路3号"))).isEqualTo("______");
    }

    @Test
    void shouldCutTwoCharactersOfAPhraseGluedToEitherEndOfAValue() {
        // Given a seal's 复禁 read before a nation and its 禁止 after an address
        List<PlacedGlyph> head = run("复禁汉族人", 30, 30);
        List<PlacedGlyph> tail = run("北京市海淀区禁止", 30, 30);
        // Then two characters are stamp text at those ends, none at the others
        assertThat(List.of(StampText.gluedAt(head, true), StampText.gluedAt(head, false), StampText.gluedAt(tail, true),
                StampText.gluedAt(tail, false))).containsExactly(2, 0, 0, 2);
    }

    @Test
    void shouldCutALoneStampCharacterStandingApartOrReadUnsurely() {
        // Given an address with a stamp's 效 two and a half pitches after its last character, the same 效 at the
        // usual pitch but read unsurely, and at the usual pitch read surely
        List<PlacedGlyph> apart = run("北京市海淀区", 30, 30);
        apart.add(placed(glyph("效", 0.99f), 180 + 75));
        List<PlacedGlyph> unsure = run("北京市海淀区", 30, 30);
        unsure.add(placed(glyph("效", 0.6f), 180));
        List<PlacedGlyph> value = run("北京市海淀区效", 30, 30);
        // Then the first two lose it, the last keeps it: a value may end in a stamp's character
        assertThat(List.of(StampText.gluedAt(apart, false), StampText.gluedAt(unsure, false),
                StampText.gluedAt(value, false))).containsExactly(1, 1, 0);
    }

    @Test
    void shouldLeaveRunsOfUnderThreeCharactersAndWholeStampRunsToTheLineRule() {
        assertThat(StampText.gluedAt(run("复禁", 30, 30), true)).isZero();
        assertThat(StampText.gluedAt(run("复印无", 30, 30), true)).isZero();
    }

    private static String marked(List<Glyph> line) {
        boolean[] stamp = StampText.phraseGlyphs(line);
        StringBuilder s = new StringBuilder();
        for (boolean b : stamp) {
            s.append(b ? '#' : '_');
        }
        return s.toString();
    }

    private static List<Glyph> misread(String text, int index, float confidence, Alternative... alternatives) {
        return misread(Readings.sure(text), index, confidence, alternatives);
    }

    private static List<Glyph> misread(List<Glyph> line, int index, float confidence, Alternative... alternatives) {
        List<Glyph> glyphs = new ArrayList<>(line);
        glyphs.set(index, glyph(glyphs.get(index).symbol(), confidence, alternatives));
        return glyphs;
    }

    /** The text read surely, one character every {@code pitch} template units from {@code x}. */
    private static List<PlacedGlyph> run(String text, double x, double pitch) {
        List<PlacedGlyph> run = new ArrayList<>();
        List<Glyph> glyphs = Readings.sure(text);
        for (int i = 0; i < glyphs.size(); i++) {
            run.add(placed(glyphs.get(i), x + i * pitch));
        }
        return run;
    }

    private static PlacedGlyph placed(Glyph glyph, double x) {
        Point onCard = new Point(x, 300);
        return new PlacedGlyph(glyph, onCard, onCard);
    }

    private static Map<String, Boolean> ordered(Object... pairs) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Boolean) pairs[i + 1]);
        }
        return map;
    }
}
