package io.idcardstream.engine.bench;

import com.sun.management.OperatingSystemMXBean;
import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Any {@link IdCardRecognizer} under benchmark, called with the image bytes and the side to read. CPU time is this
 * process's (the recogniser runs in-process), so one call at a time keeps it attributable.
 */
final class RecognizerEngine implements BenchEngine {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final String name;
    private final IdCardRecognizer recognizer;
    private final Duration deadline;

    RecognizerEngine(String name, IdCardRecognizer recognizer, Duration deadline) {
        this.name = Objects.requireNonNull(name, "name");
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Reading read(LabelledImage image, CardSide side) throws Exception {
        byte[] bytes = Files.readAllBytes(image.file());
        long cpuBefore = OS.getProcessCpuTime();
        CardFields fields = CardFields.EMPTY;
        String error = null;
        try {
            fields = recognizer.recognize(new IdCardOcrRequest(new ImageSource.Inline(bytes), side, OcrOptions.DEFAULTS))
                    .get(deadline.toMillis(), TimeUnit.MILLISECONDS).fields();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof OcrException ocr)) {
                throw e;
            }
            error = ocr.code();
        }
        return new Reading(fields, List.of(), error, OS.getProcessCpuTime() - cpuBefore, -1);
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
