package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardSide;

/** One OCR system under benchmark. Called from one thread at a time. */
interface BenchEngine extends AutoCloseable {

    /** The name in the report, e.g. {@code local PP-OCRv4}. */
    String name();

    /** Whether the engine returns the API's fields (else only text lines, judged by {@link TextPresence}). */
    boolean extractsFields();

    Reading read(LabelledImage image, CardSide side) throws Exception;

    @Override
    void close();
}
