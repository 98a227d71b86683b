package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardSide;

/** One OCR system under benchmark. Called from one thread at a time. */
interface BenchEngine extends AutoCloseable {

    /** The name in the report, e.g. {@code local PP-OCRv4}. */
    String name();

    Reading read(LabelledImage image, CardSide side) throws Exception;

    @Override
    void close();
}
