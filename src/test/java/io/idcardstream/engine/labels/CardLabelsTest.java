package io.idcardstream.engine.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardLabelsTest {

    private static final Path DEV_LABELS = Path.of("../shared/datasets/idcards-dev/labels.json");

    @Test
    void shouldReadTheDevSetIntoTheApiFieldsOfEachSide() throws Exception {
        // Given the shared dev set (present on every developer and CI machine)
        assumeThat(Files.isRegularFile(DEV_LABELS)).as("dev set at %s", DEV_LABELS.toAbsolutePath()).isTrue();

        // When its labels are loaded
        List<LabelledImage> images = CardLabels.load(DEV_LABELS);

        // Then the seed's sample card reads as the API's FRONT sample, and the two-sided image has both sides
        assertThat(images).hasSize(7);
        LabelledImage sample = images.stream().filter(i -> i.file().endsWith("front_07.jpg")).findFirst().orElseThrow();
        assertThat(sample.file()).isEqualTo(DEV_LABELS.toAbsolutePath().getParent().resolve("front_07.jpg"));
        assertThat(sample.expected()).isEqualTo(Map.of(CardSide.FRONT, CardFields.front("李明", "男", "汉", "1987/1/1",
                "北京市石景山区高新技术园腾讯大楼", "440524198701010014")));
        assertThat(sample.idChecksumValid()).isEqualTo(Optional.of(true));
        assertThat(sample.readable()).isTrue();
        assertThat(sample.variant()).isEqualTo("photo");
        LabelledImage both = images.stream().filter(i -> i.file().endsWith("both_02.jpg")).findFirst().orElseThrow();
        assertThat(both.expected().get(CardSide.BACK))
                .isEqualTo(CardFields.back("四川省成都市锦江分局", "2010.01.01-2020.12.12"));
        assertThat(both.rotationCwToUpright()).isEqualTo(Map.of(CardSide.FRONT, 0, CardSide.BACK, 0));
        LabelledImage upsideDown = images.stream().filter(i -> i.file().endsWith("front_02.jpg")).findFirst()
                .orElseThrow();
        assertThat(upsideDown.rotationCwToUpright()).isEqualTo(Map.of(CardSide.FRONT, 180));
        assertThat(upsideDown.expected().get(CardSide.FRONT).birth()).isEqualTo("2013/5/6");
    }
}
