package io.idcardstream.engine.rec;

import java.util.Objects;

/**
 * A symbol the recogniser also considered for a character, with its probability at the character's peak: what a
 * misread character most likely was. A closed list (the nations) or a check character can choose among these.
 */
public record Alternative(String symbol, float probability) {
    public Alternative {
        Objects.requireNonNull(symbol, "symbol");
    }

    /** Never prints the symbol: it may be personal data. */
    @Override
    public String toString() {
        return "Alternative[probability=" + probability + "]";
    }
}
