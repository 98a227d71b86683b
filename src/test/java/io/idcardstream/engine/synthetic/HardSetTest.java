package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.engine.synthetic.SyntheticCardGenerator.Shot;
import io.idcardstream.identity.CardFacts;
import io.idcardstream.identity.IdentityChecks;
import io.idcardstream.identity.IdentityValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hard set's plan, its determinism and the consistency of what it labels. */
class HardSetTest {

    private static CardFonts fonts;

    @BeforeAll
    static void loadFonts() {
        assumeThat(Files.isReadable(CardFonts.CJK_FONT) && Files.isReadable(CardFonts.MONO_FONT))
                .as("the generator's fonts (Debian fonts-wqy-zenhei, fonts-dejavu-core)").isTrue();
        fonts = CardFonts.load();
    }

    @Test
    void shouldCycleThroughEveryHardVariantAndEachSideItSupports() {
        // Given a hard run longer than one cycle, when planned
        List<Shot> plan = HardPlan.cycle(HardPlan.KINDS.size() + 3);

        // Then it takes every kind once in declaration order, then starts again; every variant is readable
        assertThat(plan.subList(0, HardPlan.KINDS.size())).isEqualTo(HardPlan.KINDS);
        assertThat(plan.subList(HardPlan.KINDS.size(), plan.size())).isEqualTo(HardPlan.KINDS.subList(0, 3));
        assertThat(HardPlan.KINDS.stream().map(Shot::recipe).distinct()).containsExactly(HardVariant.values());
        assertThat(HardPlan.KINDS).contains(new Shot(HardVariant.A4_TWO_CARDS, Sides.BOTH),
                new Shot(HardVariant.APP_SCREENSHOT, Sides.BOTH), new Shot(HardVariant.PAGE_ROTATED, Sides.BOTH));
        assertThat(HardVariant.values()).allMatch(HardVariant::readable);
    }

    @Test
    void shouldPlanTwoFixturesPerVariantAndThreeForTheRotatedPage() {
        assertThat(HardPlan.FIXTURES).hasSize(2 * HardVariant.values().length + 1).allMatch(Shot::fixture);
        assertThat(HardPlan.FIXTURES.stream().filter(s -> s.recipe() == HardVariant.PAGE_ROTATED).map(Shot::sides))
                .containsExactly(Sides.FRONT, Sides.BACK, Sides.BOTH);
    }

    @Test
    void shouldRenderEachItemFromTheSeedAndItsIndexAlone() {
        // Given two hard plans of one seed, one a prefix of the other
        List<Shot> longer = HardPlan.cycle(8);
        List<Shot> shorter = longer.subList(0, 5);

        // When both are rendered
        List<SyntheticImage> a = SyntheticCardGenerator.generate(shorter, fonts, 2027);
        List<SyntheticImage> b = SyntheticCardGenerator.generate(longer, fonts, 2027).subList(0, 5);

        // Then the shared prefix is byte for byte the same
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).jpeg()).as("image %d", i).isEqualTo(b.get(i).jpeg());
            assertThat(a.get(i).identity()).isEqualTo(b.get(i).identity());
        }
    }

    @Test
    void shouldLabelIdentitiesThatAgreeAndThatAreWhatEachVariantIsAbout() {
        // Given one full cycle of the hard set
        List<SyntheticImage> images = SyntheticCardGenerator.generate(HardPlan.cycle(HardPlan.KINDS.size()), fonts,
                11);

        // When each identity is validated and checked against its variant's purpose
        List<String> problems = new ArrayList<>();
        IdentityValidator validator = new IdentityValidator();
        for (SyntheticImage image : images) {
            SyntheticIdentity id = image.identity();
            CardFacts facts = new CardFacts(id.name(), id.sex().printed(), id.birthPrinted(), id.idNumber(),
                    id.validPeriod());
            IdentityChecks report = validator.validate(facts, id.validity().from());
            if (!report.issues().isEmpty()) {
                problems.add(image.file() + ": " + report.issues());
            }
            int addressLines = HardIdentities.lines(id.address(), HardIdentities.valueMetrics(fonts));
            boolean endsInX = id.idNumber().endsWith("X");
            if (image.recipe() == HardVariant.CHECK_DIGIT_X && !endsInX) {
                problems.add(image.file() + ": ID number does not end in X");
            }
            if (image.recipe() == HardVariant.THREE_LINE_ADDRESS && addressLines != 3) {
                problems.add(image.file() + ": address on " + addressLines + " lines");
            }
            if (image.recipe() == HardVariant.LOW_RES_RENDER
                    && id.address().chars().filter(Character::isDigit).count() < 6) {
                problems.add(image.file() + ": address has fewer than 6 digits");
            }
            Capture capture = image.capture();
            assertThat(capture.rotationCwToUpright().keySet()).containsExactlyInAnyOrderElementsOf(
                    image.sides().labels());
            capture.skewCwToUprightDeg().forEach((side, skew) -> assertThat(
                    Math.floorMod(Math.round(skew / 90) * 90, 360)).as("%s %s", image.file(), side)
                    .isEqualTo(capture.rotationCwToUpright().get(side)));
        }

        // Then nothing disagrees
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldPrintEveryOneOfTheFiftySixNationsInTurnMulaoFirst() {
        // Given the all_nations variant and a drawn identity
        SyntheticIdentity drawn = new IdentityGenerator(new SplittableRandom(1)).next();

        // When it prints its first 56 occurrences
        List<String> nations = new ArrayList<>();
        for (int occurrence = 0; occurrence < 56; occurrence++) {
            nations.add(HardVariant.ALL_NATIONS.identity(drawn, occurrence, fonts, new SplittableRandom(2))
                    .nation());
        }

        // Then each of the 56 appears once, 仫佬 first, then the longest names
        assertThat(nations).containsExactlyInAnyOrderElementsOf(EthnicGroups.ALL);
        assertThat(nations.subList(0, 3)).containsExactly("仫佬", "柯尔克孜", "乌孜别克");
    }

    @Test
    void shouldWriteTheSkewOfArbitrarilyTurnedSidesIntoLabels(@TempDir Path folder) throws IOException {
        // Given a rendered rotated page, when its labels are written
        List<SyntheticImage> images = SyntheticCardGenerator.generate(
                List.of(new Shot(HardVariant.PAGE_ROTATED, Sides.FRONT)), fonts, 5);
        LabelsJson.write(folder.resolve("labels.json"), images, "test", 5);

        // Then the entry has the exact turn next to its nearest quarter turn, as idcards-dev2 does
        JsonNode conditions = new ObjectMapper().readTree(folder.resolve("labels.json").toFile())
                .get("images").get(0).get("conditions");
        double skew = conditions.get("skew_cw_to_upright_deg").get("front").asDouble();
        assertThat(skew).isBetween(0.0, 360.0);
        assertThat(conditions.get("rotation_cw_to_upright").get("front").asInt())
                .isEqualTo(Math.floorMod(Math.round(skew / 90) * 90, 360));
    }

    @Test
    void shouldPrintOnlyDictionaryCharactersExceptTheMuOfMulao() throws IOException {
        // Given every new string the hard set prints on a card
        Set<String> dictionary;
        try (InputStream in = HardSetTest.class.getResourceAsStream("/models/ppocr_keys_v1.txt")) {
            dictionary = new HashSet<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
        List<String> printed = new ArrayList<>(HardIdentities.NATION_CYCLE);
        printed.addAll(HardIdentities.STREETS);
        printed.addAll(HardIdentities.COMMUNITIES);
        printed.addAll(Watermarks.LINES);

        // When each character is looked up, then only 仫 is missing (the engine must complete 仫佬 from the list)
        Set<String> missing = printed.stream().flatMap(s -> s.codePoints().mapToObj(Character::toString))
                .filter(c -> !dictionary.contains(c)).collect(Collectors.toSet());
        assertThat(missing).containsExactly("仫");
    }
}
