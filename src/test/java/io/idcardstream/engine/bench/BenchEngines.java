package io.idcardstream.engine.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Builds the engines the benchmark compares, timing how long each takes to become ready. */
final class BenchEngines {

    /** An engine ready to read, how long it took to load, and what that time covers. */
    record Loaded(BenchEngine engine, long loadNanos, String loadNote) {
    }

    private BenchEngines() {
    }

    static Loaded load(String name, int tesseractPsm) throws Exception {
        return switch (name) {
            case "tesseract" -> tesseract(tesseractPsm);
            default -> throw new IllegalArgumentException("engine must be tesseract but was " + name);
        };
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
            return new Loaded(TesseractEngine.linesOnly(reader), runs[1], "(per call)");
        } finally {
            Files.deleteIfExists(blank);
        }
    }
}
