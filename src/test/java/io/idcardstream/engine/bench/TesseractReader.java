package io.idcardstream.engine.bench;

import io.idcardstream.engine.text.TextLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads text lines from an image with the Tesseract 5 command line ({@code tesseract IMAGE stdout -l chi_sim --psm N
 * tsv}) on one thread ({@code OMP_THREAD_LIMIT=1}, as the local engine runs one intra-op thread), measured by GNU
 * time: the child's CPU time and peak RSS. Each call is a new process, so its time includes loading chi_sim.
 *
 * <p>Thread-safe (each call has its own process and temporary files).
 */
final class TesseractReader {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final int pageSegmentationMode;

    TesseractReader(int pageSegmentationMode) {
        if (pageSegmentationMode < 0 || pageSegmentationMode > 13) {
            throw new IllegalArgumentException("pageSegmentationMode must be in [0, 13] but was "
                    + pageSegmentationMode);
        }
        this.pageSegmentationMode = pageSegmentationMode;
    }

    /** What one Tesseract run found, and what it cost. */
    record Result(List<TextLine> lines, long cpuNanos, long peakRssKb) {
    }

    Result read(Path image) throws IOException, InterruptedException {
        Path stats = Files.createTempFile("tesseract-time", ".txt");
        Path tsv = Files.createTempFile("tesseract-out", ".tsv");
        Path stderr = Files.createTempFile("tesseract-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder("/usr/bin/time", "-f", "%U %S %M", "-o", stats.toString(),
                    "tesseract", image.toString(), "stdout", "-l", "chi_sim", "--psm",
                    Integer.toString(pageSegmentationMode), "tsv")
                    .redirectOutput(tsv.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("tesseract did not finish within " + DEADLINE + " on " + image.getFileName());
            }
            if (process.exitValue() != 0) {
                throw new IOException("tesseract exited with " + process.exitValue() + " on " + image.getFileName()
                        + ": " + Files.readString(stderr, StandardCharsets.UTF_8).strip());
            }
            String[] cost = Files.readString(stats, StandardCharsets.UTF_8).strip().split("\\s+");
            long cpuNanos = Math.round((Double.parseDouble(cost[0]) + Double.parseDouble(cost[1])) * 1e9);
            return new Result(TsvLines.parse(Files.readString(tsv, StandardCharsets.UTF_8)), cpuNanos,
                    Long.parseLong(cost[2]));
        } finally {
            Files.deleteIfExists(stats);
            Files.deleteIfExists(tsv);
            Files.deleteIfExists(stderr);
        }
    }
}
