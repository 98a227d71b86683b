package io.idcardstream.engine.bench;

import io.idcardstream.engine.text.TextLine;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import java.util.List;

/** The engine's field extractor as the benchmark calls it on another OCR's lines. */
@FunctionalInterface
interface LineExtractor {
    CardFields extract(List<TextLine> lines, int imageWidth, int imageHeight, CardSide side);
}
