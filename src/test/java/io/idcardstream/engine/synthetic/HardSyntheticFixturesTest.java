package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.engine.labels.CardLabels;
import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.identity.CardDates.ValidityPeriod;
import io.idcardstream.identity.CardDates;
import io.idcardstream.identity.CardFacts;
import io.idcardstream.identity.IdentityChecks;
import io.idcardstream.identity.IdentityValidator;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed hard-set fixtures are complete, intact, labelled consistently and still what the generator makes. */
class HardSyntheticFixturesTest {

    /** Fixtures stay a modest part of the repository. */
    private static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024;
    private static final long FIXTURE_SEED = 3;

    /** Front-only images carry no validity, so any date will do. */
    private static final LocalDate FRONT_ONLY_DATE = LocalDate.of(2026, 1, 1);

    private static Path labelsFile;
    private static JsonNode labels;
    private static List<LabelledImage> images;

    @BeforeAll
    static void load() throws Exception {
        var url = HardSyntheticFixturesTest.class.getResource("/io/idcardstream/engine/synthetic-hard/labels.json");
        assertThat(url).as("the hard-set fixtures' labels.json").isNotNull();
        labelsFile = Path.of(url.toURI());
        labels = new ObjectMapper().readTree(labelsFile.toFile());
        images = CardLabels.load(labelsFile);
    }

    @Test
    void shouldHoldEveryListedImageAtItsStatedSizeAndDigestAndNothingElse() throws Exception {
        long total = 0;
        for (JsonNode entry : labels.get("images")) {
            // Given a listed image, when read and decoded, then it matches its stated size, length and SHA-256
            Path file = labelsFile.resolveSibling(entry.get("file").asText());
            byte[] bytes = Files.readAllBytes(file);
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image).as("decoded %s", file.getFileName()).isNotNull();
            assertThat(new int[] {image.getWidth(), image.getHeight()}).as("size of %s", file.getFileName())
                    .containsExactly(entry.get("width").asInt(), entry.get("height").asInt());
            assertThat(bytes.length).isEqualTo(entry.get("bytes").asInt());
            assertThat(LabelsJson.sha256(bytes)).isEqualTo(entry.get("sha256").asText());
            total += bytes.length;
        }
        assertThat(total).isLessThan(MAX_TOTAL_BYTES);
        List<String> jpegs;
        try (var files = Files.list(labelsFile.getParent())) {
            jpegs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jpg")).sorted().toList();
        }
        assertThat(jpegs).isEqualTo(images.stream().map(i -> i.file().getFileName().toString()).sorted().toList());
    }

    @Test
    void shouldCoverEveryHardVariantReadably() {
        Map<String, Long> perVariant = images.stream()
                .collect(Collectors.groupingBy(LabelledImage::variant, Collectors.counting()));
        assertThat(perVariant).containsOnlyKeys(Arrays.stream(HardVariant.values()).map(HardVariant::label).toList());
        assertThat(perVariant).containsEntry("page_rotated", 3L).containsEntry("a4_two_cards", 2L);
        assertThat(images).allMatch(LabelledImage::readable);
        assertThat(images.stream().filter(i -> i.variant().equals("check_digit_x")))
                .allMatch(i -> i.expected().get(CardSide.FRONT).idNum().endsWith("X"));
    }

    @Test
    void shouldLabelFieldsThatAgreeWithEachOtherAsOnARealCard() {
        List<String> problems = new ArrayList<>();
        IdentityValidator validator = new IdentityValidator();
        for (LabelledImage image : images) {
            // Given the printed fields of an image, when validated as of the issue date
            CardFields front = image.expected().getOrDefault(CardSide.FRONT, CardFields.EMPTY);
            CardFields back = image.expected().getOrDefault(CardSide.BACK, CardFields.EMPTY);
            CardFacts facts = new CardFacts(front.name(), front.sex(), front.birth(), front.idNum(), back.validDate());
            LocalDate asOf = CardDates.parseValidity(back.validDate()).map(ValidityPeriod::from).orElse(FRONT_ONLY_DATE);
            IdentityChecks report = validator.validate(facts, asOf);

            // Then nothing disagrees: check digit, region, birth and sex against the number, validity for the age
            if (!report.issues().isEmpty()) {
                problems.add(image + ": " + report.issues());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldBeWhatTheGeneratorStillMakesOfTheFixturePlan(@TempDir Path folder) throws Exception {
        // Given the generator's fonts
        assumeThat(Files.isReadable(CardFonts.CJK_FONT) && Files.isReadable(CardFonts.MONO_FONT))
                .as("the generator's fonts (Debian fonts-wqy-zenhei, fonts-dejavu-core)").isTrue();

        // When the hard fixture plan is rendered again with the fixtures' seed
        List<SyntheticImage> rendered = SyntheticCardGenerator.generate(HardPlan.FIXTURES, CardFonts.load(),
                FIXTURE_SEED);
        LabelsJson.write(folder.resolve("labels.json"), rendered, "", FIXTURE_SEED);
        JsonNode again = new ObjectMapper().readTree(folder.resolve("labels.json").toFile()).get("images");

        // Then every image has the committed name, size, conditions and ground truth (the JPEG bytes may differ on
        // another JDK, so they are not compared)
        JsonNode committed = labels.get("images");
        assertThat(again.size()).isEqualTo(committed.size());
        for (int i = 0; i < committed.size(); i++) {
            for (String key : List.of("file", "sides", "width", "height", "variant", "conditions", "ground_truth")) {
                assertThat(again.get(i).get(key)).as("%s of image %d", key, i + 1).isEqualTo(committed.get(i).get(key));
            }
        }
    }
}
