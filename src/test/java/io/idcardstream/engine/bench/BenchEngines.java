package io.idcardstream.engine.bench;

import io.idcardstream.engine.EngineSettings;
import io.idcardstream.engine.LocalIdCardRecognizer;
import io.idcardstream.engine.fields.CardFieldExtractor;
import io.idcardstream.fetch.ImageFetchException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Builds the engines the benchmark compares, timing how long each takes to become ready. */
final class BenchEngines {

    /** An engine ready to read, how long it took to load, and what that time covers. */
    record Loaded(BenchEngine engine, long loadNanos, String loadNote) {
    }

    private static final Duration CALL_DEADLINE = Duration.ofSeconds(60);

    private BenchEngines() {
    }

    static Loaded load(String name, int tesseractPsm) throws Exception {
        return switch (name) {
            case "local" -> local("local PP-OCRv4", EngineSettings.DEFAULTS);
            case "local-1t" -> local("local PP-OCRv4, 1 thread", EngineSettings.DEFAULTS.withThreadsPerRecognition(1));
            case "tesseract" -> tesseract(tesseractPsm);
            default -> throw new IllegalArgumentException(
                    "engine must be local, local-1t or tesseract but was " + name);
        };
    }

    /**
     * The local engine with {@code settings} (the defaults: 1 worker, 2 threads per recognition; {@code local-1t}
     * is the one-thread baseline) and a long call deadline, so slow cards are measured rather than cut off; its
     * load time covers the models' loading and their warm-up.
     */
    private static Loaded local(String label, EngineSettings settings) {
        long start = System.nanoTime();
        LocalIdCardRecognizer recognizer = LocalIdCardRecognizer.create(settings.withCallDeadline(CALL_DEADLINE),
                BenchEngines::noUrls);
        long loadNanos = System.nanoTime() - start;
        return new Loaded(new RecognizerEngine(label, recognizer, CALL_DEADLINE.plusSeconds(5)), loadNanos, "");
    }

    private static byte[] noUrls(String url) throws ImageFetchException {
        throw new ImageFetchException(ImageFetchException.Reason.REFUSED, "the benchmark reads local files only");
    }

    /**
     * Tesseract loads chi_sim in every process, so its "load" is the median start-up of three runs on a blank
     * 64 x 64 image: a cost included in each of its calls.
     */
    private static Loaded tesseract(int psm) throws Exception {
        TesseractReader reader = new TesseractReader(psm);
        Path blank = Files.createTempFile("blank", ".png");
        try {
            BufferedImage white = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            white.getGraphics().fillRect(0, 0, 64, 64);
            ImageIO.write(white, "png", blank.toFile());
            long[] runs = new long[3];
            for (int i = 0; i < runs.length; i++) {
                long start = System.nanoTime();
                reader.read(blank);
                runs[i] = System.nanoTime() - start;
            }
            Arrays.sort(runs);
            LineExtractor extractor = (lines, width, height, side) ->
                    CardFieldExtractor.extract(lines, width, height, side).fields();
            return new Loaded(new TesseractEngine(reader, extractor), runs[1], "(per call)");
        } finally {
            Files.deleteIfExists(blank);
        }
    }
}
