package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldTallyTest {

    private static final CardFields FRONT = CardFields.front("李明", "男", "汉", "1987/1/1", "北京市石景山区高新技术园腾讯大楼",
            "440524198701010014");

    @Test
    void shouldCountOnlyExactMatchesOfTheRecognisedSide() {
        // Given two fronts, one read exactly and one with a wrong name and a missing address
        FieldTally tally = new FieldTally();
        LabelledImage image = front(Set.of());
        tally.add(image, CardSide.FRONT, FRONT);
        tally.add(image, CardSide.FRONT, FRONT.with(FieldName.NAME, "李朋").with(FieldName.ADDRESS, ""));

        // When the counts are read, then front fields were expected twice, back fields never
        assertThat(tally.expected(FieldName.NAME)).isEqualTo(2);
        assertThat(tally.matched(FieldName.NAME)).isEqualTo(1);
        assertThat(tally.matched(FieldName.ADDRESS)).isEqualTo(1);
        assertThat(tally.matched(FieldName.ID_NUM)).isEqualTo(2);
        assertThat(tally.expected(FieldName.AUTHORITY)).isZero();
    }

    @Test
    void shouldNotCountFieldsTheLabelsOmit() {
        // Given a front whose name is omitted from the labels (a seal hides it), read with some name
        FieldTally tally = new FieldTally();
        tally.add(front(Set.of(FieldName.NAME)), CardSide.FRONT, FRONT.with(FieldName.NAME, "某某"));

        // When the counts are read, then the name was neither expected nor matched, the others were
        assertThat(tally.expected(FieldName.NAME)).isZero();
        assertThat(tally.expectedTotal()).isEqualTo(5);
        assertThat(tally.matchedTotal()).isEqualTo(5);
    }

    private static LabelledImage front(Set<FieldName> omitted) {
        return new LabelledImage(Path.of("front.jpg"), 856, 540, "clean", true, Map.of(CardSide.FRONT, 0),
                Map.of(CardSide.FRONT, FRONT.with(FieldName.NAME, omitted.contains(FieldName.NAME) ? "" : FRONT.name())),
                omitted, Optional.of(true), List.of());
    }
}
