package io.idcardstream.engine.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardLabelsTest {

    private static final Path DEV_LABELS = Path.of("../shared/datasets/idcards-dev/labels.json");
    private static final Path DEV2_LABELS = Path.of("../shared/datasets/idcards-dev2/labels.json");

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

    @Test
    void shouldScoreOnlyTheFieldsALabelGivesWhenASealHidesTheOthers(@TempDir Path folder) throws Exception {
        // Given a two-sided image whose front label leaves out name, sex and birth (hidden by a seal)
        Path labels = folder.resolve("labels.json");
        Files.writeString(labels, """
                {"images": [{"file": "both.png", "conditions": {"rotation_cw_to_upright": {"front": 180, "back": 0}},
                  "ground_truth": {
                    "front": {"nation": "汉", "address": "北京市东城区人民路1号", "id_number": "11010119900101001X",
                              "id_checksum_valid": true},
                    "back": {"authority": "北京市公安局东城分局", "valid_period": "2010.01.01-2030.01.01"}}}]}
                """);

        // When it is loaded
        LabelledImage image = CardLabels.load(labels).get(0);

        // Then both sides are shown, the hidden fields are omitted (expected empty) and only the rest is scored
        assertThat(image.expected().keySet()).containsExactlyInAnyOrder(CardSide.FRONT, CardSide.BACK);
        assertThat(image.omitted()).containsExactlyInAnyOrder(FieldName.NAME, FieldName.SEX, FieldName.BIRTH);
        assertThat(image.expected().get(CardSide.FRONT)).isEqualTo(
                CardFields.front("", "", "汉", "", "北京市东城区人民路1号", "11010119900101001X"));
        assertThat(image.labelledFields(CardSide.FRONT))
                .containsExactly(FieldName.NATION, FieldName.ADDRESS, FieldName.ID_NUM);
        assertThat(image.labelledFields(CardSide.BACK)).containsExactly(FieldName.AUTHORITY, FieldName.VALID_DATE);
    }

    @Test
    void shouldReadTheSecondDevSetWithItsOmittedFields() throws Exception {
        // Given the second shared dev set
        assumeThat(Files.isRegularFile(DEV2_LABELS)).as("dev2 set at %s", DEV2_LABELS.toAbsolutePath()).isTrue();

        // When its labels are loaded
        List<LabelledImage> images = CardLabels.load(DEV2_LABELS);

        // Then all 20 images load, 23 sides, and only both_03's front omits fields (107 scored fields in all)
        assertThat(images).hasSize(20);
        assertThat(images.stream().mapToInt(i -> i.expected().size()).sum()).isEqualTo(23);
        assertThat(images.stream().filter(i -> !i.omitted().isEmpty()).map(i -> i.file().getFileName().toString()))
                .containsExactly("both_03.png");
        assertThat(images.stream().flatMap(i -> i.expected().keySet().stream().map(i::labelledFields))
                .mapToInt(List::size).sum()).isEqualTo(107);
    }
}
