package io.idcardstream.engine.text;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.rec.Alternative;
import java.util.List;
import java.util.Objects;

/**
 * One character read from an image: the symbol, where its centre is (image pixels), how sure the reader was, and
 * the index of the line it belongs to.
 */
public record Glyph(String symbol, Point center, float confidence, int line, List<Alternative> alternatives) {
    public Glyph {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(center, "center");
        alternatives = List.copyOf(alternatives);
    }

    /** A glyph whose reader gave no alternatives. */
    public Glyph(String symbol, Point center, float confidence, int line) {
        this(symbol, center, confidence, line, List.of());
    }

    /** How probable the reader found {@code other} in this glyph's place: its confidence, an alternative's, or 0. */
    public float probabilityOf(String other) {
        if (other.equals(symbol)) {
            return confidence;
        }
        return alternatives.stream().filter(a -> a.symbol().equals(other)).map(Alternative::probability)
                .findFirst().orElse(0f);
    }

    /** Never prints the symbol: it is personal data. */
    @Override
    public String toString() {
        return "Glyph[line " + line + ", confidence=" + confidence + "]";
    }
}
