package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The worker is the part newcomers found hardest to follow: each class stays small enough to read in one go. */
class WorkerSourceSizeTest {
    private static final int MAX_LINES = 250;

    @Test
    void shouldKeepEveryWorkerSourceFileWithinTwoHundredFiftyLines() throws IOException {
        Path worker = Path.of("src/main/java/io/idcardstream/worker");
        try (Stream<Path> files = Files.list(worker)) {
            List<String> tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > MAX_LINES)
                    .map(f -> f.getFileName() + " (" + lines(f) + " lines)")
                    .toList();

            assertThat(tooLong).isEmpty();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
