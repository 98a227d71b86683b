package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.text.TextLine;
import io.idcardstream.ocr.FieldName;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextPresenceTest {

    private static final double[] BOX = {0, 0, 10, 0, 10, 10, 0, 10};
    private static final List<TextLine> LINES = List.of(
            new TextLine("出 生 1987 年 1 月 1 日", 0.9f, BOX),
            new TextLine("住址 北京市石景山区高新技术", 0.9f, BOX),
            new TextLine("园腾讯大楼", 0.9f, BOX));

    @Test
    void shouldFindValuesAcrossLinesAndSpacesAndBirthInItsPrintedForm() {
        // Given lines with spaced digits and an address over two lines, when values are looked up,
        // then the birth is found in its printed form and the address across the line break
        assertThat(TextPresence.found(FieldName.BIRTH, "1987/1/1", LINES)).isTrue();
        assertThat(TextPresence.found(FieldName.ADDRESS, "北京市石景山区高新技术园腾讯大楼", LINES)).isTrue();
        assertThat(TextPresence.found(FieldName.BIRTH, "1987/1/11", LINES)).isFalse();
        assertThat(TextPresence.found(FieldName.NAME, "李明", LINES)).isFalse();
    }
}
