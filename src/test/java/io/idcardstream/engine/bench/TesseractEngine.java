package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardSide;
import java.util.Objects;

/**
 * Tesseract 5 with chi_sim as the benchmark's baseline: its lines go through the engine's field extractor, so both
 * engines are judged by the same extraction.
 */
final class TesseractEngine implements BenchEngine {

    private final TesseractReader reader;
    private final LineExtractor extractor;

    TesseractEngine(TesseractReader reader, LineExtractor extractor) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    @Override
    public String name() {
        return "Tesseract 5 chi_sim";
    }

    @Override
    public Reading read(LabelledImage image, CardSide side) throws Exception {
        TesseractReader.Result result = reader.read(image.file());
        return new Reading(extractor.extract(result.lines(), image.width(), image.height(), side), result.lines(),
                null, result.cpuNanos(), result.peakRssKb());
    }

    @Override
    public void close() {
        // Each read is its own process: nothing stays open.
    }
}
