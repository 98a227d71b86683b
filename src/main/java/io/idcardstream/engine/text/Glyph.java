package io.idcardstream.engine.text;

import io.idcardstream.engine.geom.Point;
import java.util.Objects;

/**
 * One character read from an image: the symbol, where its centre is (image pixels), how sure the reader was, and
 * the index of the line it belongs to.
 */
public record Glyph(String symbol, Point center, float confidence, int line) {
    public Glyph {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(center, "center");
    }

    /** Never prints the symbol: it is personal data. */
    @Override
    public String toString() {
        return "Glyph[line " + line + ", confidence=" + confidence + "]";
    }
}
