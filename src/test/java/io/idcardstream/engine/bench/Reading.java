package io.idcardstream.engine.bench;

import io.idcardstream.engine.text.TextLine;
import io.idcardstream.ocr.CardFields;
import java.util.List;
import java.util.Objects;

/**
 * What an engine under test returned for one side of one image, and what it cost beyond wall time.
 *
 * @param lines the raw text lines, when the engine exposes them (empty otherwise)
 * @param errorCode the API error code when recognition failed, else null
 * @param cpuNanos CPU time spent (this process's for in-process engines, the child's for Tesseract)
 * @param childPeakRssKb peak RSS of the engine's child process, or -1 for in-process engines
 */
record Reading(CardFields fields, List<TextLine> lines, String errorCode, long cpuNanos, long childPeakRssKb) {
    Reading {
        Objects.requireNonNull(fields, "fields");
        lines = List.copyOf(lines);
    }
}
