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

class SampleTest {

    private static final CardFields FRONT = CardFields.front("李明", "男", "汉", "1987/1/1", "北京市石景山区高新技术园腾讯大楼",
            "440524198701010014");

    @Test
    void shouldCountTheExactFieldsAmongTheLabelledOnesOfTheSideRead() {
        // Given a front whose name the labels omit, read with a wrong name and a wrong address
        LabelledImage image = new LabelledImage(Path.of("/tmp/cards/front_03.png"), 856, 540, "stamp", true,
                Map.of(CardSide.FRONT, 0), Map.of(CardSide.FRONT, FRONT.with(FieldName.NAME, "")),
                Set.of(FieldName.NAME), Optional.of(true), List.of());
        Reading reading = new Reading(FRONT.with(FieldName.NAME, "某某").with(FieldName.ADDRESS, "北京市"),
                List.of(), null, 400_000_000L, -1);

        // When the call becomes a sample
        Sample sample = Sample.of("local", "local PP-OCRv4", "synthetic", image, CardSide.FRONT, reading,
                200_000_000L);

        // Then the name is not scored, the address is missed, and no value travels with it
        assertThat(sample).isEqualTo(new Sample("local", "local PP-OCRv4", "synthetic", "stamp", "front_03.png",
                CardSide.FRONT, 200_000_000L, 400_000_000L, "", 4, 5));
    }
}
