package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import java.util.Objects;
import java.util.Optional;

/**
 * Tesseract 5 with chi_sim as a benchmark baseline: its lines go through the engine's field extractor when one is
 * given, so both engines are judged by the same extraction; without one only the lines are returned.
 */
final class TesseractEngine implements BenchEngine {

    private final TesseractReader reader;
    private final Optional<LineExtractor> extractor;

    private TesseractEngine(TesseractReader reader, Optional<LineExtractor> extractor) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.extractor = extractor;
    }

    static TesseractEngine withExtractor(TesseractReader reader, LineExtractor extractor) {
        return new TesseractEngine(reader, Optional.of(extractor));
    }

    static TesseractEngine linesOnly(TesseractReader reader) {
        return new TesseractEngine(reader, Optional.empty());
    }

    @Override
    public String name() {
        return "Tesseract 5 chi_sim";
    }

    @Override
    public boolean extractsFields() {
        return extractor.isPresent();
    }

    @Override
    public Reading read(LabelledImage image, CardSide side) throws Exception {
        TesseractReader.Result result = reader.read(image.file());
        CardFields fields = extractor
                .map(e -> e.extract(result.lines(), image.width(), image.height(), side))
                .orElse(CardFields.EMPTY);
        return new Reading(fields, result.lines(), null, result.cpuNanos(), result.peakRssKb());
    }

    @Override
    public void close() {
        // Each read is its own process: nothing stays open.
    }
}
