package io.idcardstream.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.idcardstream.engine.det.DbParams;
import io.idcardstream.engine.det.DetectedBox;
import io.idcardstream.engine.image.ImageDecoder;
import io.idcardstream.engine.image.ImageLimits;
import io.idcardstream.engine.image.ImageOps;
import io.idcardstream.engine.image.QuarterTurn;
import io.idcardstream.engine.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each cluster of text gets its own reading direction (real models): on a page whose one card is upside down and
 * whose other is upright, each card's lines are read right way up.
 */
class TextReaderTest {
    private static final Path SYNTHETIC = Path.of("src", "test", "resources", "io", "idcardstream", "engine",
            "synthetic");
    private static final ImageLimits LIMITS = new ImageLimits(EngineSettings.DEFAULTS.maxImageBytes(),
            EngineSettings.DEFAULTS.maxPixels(), LocalIdCardRecognizer.WORKING_LONG_SIDE);
    /** White page between the two cards: as on an A4 scan, many lines' worth. */
    private static final int GAP = 150, MARGIN = 50;

    private static SharedWork lineWork;
    private static TextReader reader;

    @BeforeAll
    static void loadReader() {
        lineWork = new SharedWork(EngineSettings.DEFAULTS.threadsPerRecognition(), 1, runnable -> {
            Thread thread = new Thread(runnable, "text-reader-test-line");
            thread.setDaemon(true);
            return thread;
        });
        reader = new TextReader(SharedModels.get(), DbParams.DEFAULTS, lineWork);
    }

    @AfterAll
    static void stopHelpers() {
        lineWork.close();
    }

    @Test
    void shouldReadTheUpsideDownFrontAndTheUprightBackOfIdcardsDev2Both03EachRightWayUp() throws Exception {
        // Given idcards-dev2's both_03: a competition page with the front upside down above the back, upright
        Path file = SecondDevSetTest.DIR.resolve("both_03.png");
        assumeTrue(Files.isRegularFile(file), "idcards-dev2 is not at " + SecondDevSetTest.DIR.toAbsolutePath());
        RgbImage page = ImageDecoder.decode(Files.readAllBytes(file), LIMITS);
        // When its boxes are detected and each is given its reading direction
        List<DetectedBox> boxes = reader.detect(page);
        double[] angles = reader.readingAngles(page, boxes);
        // Then the front's boxes read half way round, the back's upright (the front ends above y 420, the back
        // starts below it)
        assertThat(halfTurns(angles)).isEqualTo(expected(boxes, 420, 180, 0));
    }

    @ParameterizedTest(name = "{0} turned {1}, {2} turned {3}")
    @CsvSource({
        "001_clean_front.jpg, 0, 004_clean_back.jpg, 180",
        "005_clean_back.jpg, 0, 002_clean_front.jpg, 180",
        "003_clean_front.jpg, 180, 005_clean_back.jpg, 0",
        "009_photo_back.jpg, 180, 006_photo_front.jpg, 0"
    })
    void shouldReadEachCardOfAPageInItsOwnDirection(String top, int topTurn, String bottom, int bottomTurn)
            throws Exception {
        // Given two synthetic cards laid on one page, one above the other, one of them turned half way round
        RgbImage upper = turned(top, topTurn), lower = turned(bottom, bottomTurn);
        RgbImage page = page(upper, lower);
        // When its boxes are detected and each is given its reading direction
        List<DetectedBox> boxes = reader.detect(page);
        double[] angles = reader.readingAngles(page, boxes);
        // Then every box of the turned card reads half way round and every box of the other upright
        assertThat(halfTurns(angles)).isEqualTo(expected(boxes, MARGIN + upper.height() + GAP / 2, topTurn,
                bottomTurn));
    }

    /** Each angle as the nearest multiple of 180° in [0, 360). */
    private static List<Integer> halfTurns(double[] angles) {
        return Arrays.stream(angles).mapToObj(a -> {
            long halves = Math.round(a / Math.PI);
            return (int) Math.floorMod(halves * 180, 360);
        }).toList();
    }

    /** For each box, the turn of the card it lies on: above {@code split} the upper card's. */
    private static List<Integer> expected(List<DetectedBox> boxes, double split, int upper, int lower) {
        List<Integer> expected = new ArrayList<>();
        for (DetectedBox box : boxes) {
            expected.add(box.rect().center().y() < split ? upper : lower);
        }
        return expected;
    }

    private static RgbImage turned(String file, int degrees) throws Exception {
        RgbImage card = ImageDecoder.decode(Files.readAllBytes(SYNTHETIC.resolve(file)), LIMITS);
        return ImageOps.rotate(card, QuarterTurn.ofQuarters(degrees / 90));
    }

    /** A white page with {@code upper} above {@code lower}, {@link #GAP} pixels apart. */
    private static RgbImage page(RgbImage upper, RgbImage lower) {
        int width = Math.max(upper.width(), lower.width()) + 2 * MARGIN;
        int height = upper.height() + GAP + lower.height() + 2 * MARGIN;
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0xFFFFFF);
        paste(pixels, width, upper, MARGIN, MARGIN);
        paste(pixels, width, lower, MARGIN, MARGIN + upper.height() + GAP);
        return new RgbImage(width, height, pixels);
    }

    private static void paste(int[] pixels, int width, RgbImage card, int left, int top) {
        for (int y = 0; y < card.height(); y++) {
            System.arraycopy(card.pixels(), y * card.width(), pixels, (top + y) * width + left, card.width());
        }
    }
}
