package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.URISyntaxException;
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

/** The committed synthetic fixtures are complete, intact and labelled consistently. */
class SyntheticFixturesTest {

    /** Fixtures stay a modest part of the repository. */
    private static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024;

    /** Front-only images carry no validity, so any date will do. */
    private static final LocalDate FRONT_ONLY_DATE = LocalDate.of(2026, 1, 1);

    private static Path labelsFile;
    private static JsonNode labels;
    private static List<LabelledImage> images;

    @BeforeAll
    static void load() throws Exception {
        labelsFile = resource("labels.json");
        labels = new ObjectMapper().readTree(labelsFile.toFile());
        images = CardLabels.load(labelsFile);
    }

    @Test
    void shouldHoldEveryListedImageAtItsStatedSizeAndDigest() throws Exception {
        long total = 0;
        for (JsonNode entry : labels.get("images")) {
            // Given a listed image
            Path file = labelsFile.resolveSibling(entry.get("file").asText());

            // When its bytes are read and decoded
            byte[] bytes = Files.readAllBytes(file);
            BufferedImage image = ImageIO.read(file.toFile());

            // Then it decodes at the stated size and matches the stated length and SHA-256
            assertThat(image).as("decoded %s", file.getFileName()).isNotNull();
            assertThat(new int[] {image.getWidth(), image.getHeight()}).as("size of %s", file.getFileName())
                    .containsExactly(entry.get("width").asInt(), entry.get("height").asInt());
            assertThat(bytes.length).isEqualTo(entry.get("bytes").asInt());
            assertThat(LabelsJson.sha256(bytes)).isEqualTo(entry.get("sha256").asText());
            total += bytes.length;
        }
        assertThat(total).isLessThan(MAX_TOTAL_BYTES);
    }

    @Test
    void shouldListEveryImageInTheFolderAndNothingElse() throws Exception {
        // Given the fixture folder, when its JPEGs are listed, then they are exactly the labelled files
        List<String> jpegs;
        try (var files = Files.list(labelsFile.getParent())) {
            jpegs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jpg")).sorted().toList();
        }
        assertThat(jpegs).isEqualTo(images.stream().map(i -> i.file().getFileName().toString()).sorted().toList());
    }

    @Test
    void shouldCoverEveryVariantWithHardImagesMarkedUnreadable() {
        // Given the fixtures, when counted per variant and side, then each capture condition is present as planned
        Map<String, Long> perVariant = images.stream()
                .collect(Collectors.groupingBy(LabelledImage::variant, Collectors.counting()));
        assertThat(perVariant).containsOnlyKeys(Arrays.stream(Variant.values()).map(Variant::label).toList());
        assertThat(perVariant).containsEntry("clean", 5L).containsEntry("photo", 5L).containsEntry("hard", 3L)
                .containsEntry("both_sides", 2L).containsEntry("stamp", 2L);
        assertThat(images.stream().filter(i -> !i.readable()).map(LabelledImage::variant).distinct())
                .containsExactly("hard");
        assertThat(images.stream().filter(i -> i.shows(CardSide.FRONT) && i.shows(CardSide.BACK)).count())
                .isEqualTo(2);
    }

    @Test
    void shouldStateTheTurnThatMakesEachImageUpright() {
        // Given the fixtures, when each variant's rotation is read, then it matches how the variant turns the image
        Map<String, Integer> expectedTurns = Map.of("upside_down", 180, "rotated_90", 270, "rotated_270", 90);
        for (LabelledImage image : images) {
            int turn = expectedTurns.getOrDefault(image.variant(), 0);
            assertThat(image.rotationCwToUpright()).as("rotation of %s", image)
                    .containsOnlyKeys(image.expected().keySet())
                    .allSatisfy((side, degrees) -> assertThat(degrees).isEqualTo(turn));
            boolean sideways = turn == 90 || turn == 270;
            assertThat(image.width() > image.height()).as("landscape %s", image)
                    .isEqualTo(!sideways && !image.variant().equals("both_sides"));
        }
    }

    @Test
    void shouldLabelFieldsThatAgreeWithEachOtherAsOnARealCard() {
        List<String> problems = new ArrayList<>();
        IdentityValidator validator = new IdentityValidator();
        for (LabelledImage image : images) {
            // Given the printed fields of an image
            CardFields front = image.expected().getOrDefault(CardSide.FRONT, CardFields.EMPTY);
            CardFields back = image.expected().getOrDefault(CardSide.BACK, CardFields.EMPTY);
            CardFacts facts = new CardFacts(front.name(), front.sex(), front.birth(), front.idNum(), back.validDate());
            LocalDate asOf = CardDates.parseValidity(back.validDate()).map(ValidityPeriod::from).orElse(FRONT_ONLY_DATE);

            // When they are validated as of the issue date
            IdentityChecks report = validator.validate(facts, asOf);

            // Then nothing disagrees: check digit, region, birth and sex against the number, validity for the age
            if (!report.issues().isEmpty()) {
                problems.add(image + ": " + report.issues());
            }
            if (image.shows(CardSide.FRONT)) {
                assertThat(image.idChecksumValid()).contains(true);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Path resource(String name) throws URISyntaxException {
        var url = SyntheticFixturesTest.class.getResource(name);
        assertThat(url).as("test resource %s next to %s", name, SyntheticFixturesTest.class.getSimpleName())
                .isNotNull();
        return Path.of(url.toURI());
    }
}
