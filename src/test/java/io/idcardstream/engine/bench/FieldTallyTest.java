package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import org.junit.jupiter.api.Test;

class FieldTallyTest {

    private static final CardFields FRONT = CardFields.front("李明", "男", "汉", "1987/1/1", "北京市石景山区高新技术园腾讯大楼",
            "440524198701010014");

    @Test
    void shouldCountOnlyExactMatchesOfTheRecognisedSide() {
        // Given two fronts, one read exactly and one with a wrong name and a missing address
        FieldTally tally = new FieldTally();
        tally.add(CardSide.FRONT, FRONT, FRONT);
        tally.add(CardSide.FRONT, FRONT, FRONT.with(FieldName.NAME, "李朋").with(FieldName.ADDRESS, ""));

        // When the counts are read, then front fields were expected twice, back fields never
        assertThat(tally.expected(FieldName.NAME)).isEqualTo(2);
        assertThat(tally.matched(FieldName.NAME)).isEqualTo(1);
        assertThat(tally.matched(FieldName.ADDRESS)).isEqualTo(1);
        assertThat(tally.matched(FieldName.ID_NUM)).isEqualTo(2);
        assertThat(tally.expected(FieldName.AUTHORITY)).isZero();
    }
}
