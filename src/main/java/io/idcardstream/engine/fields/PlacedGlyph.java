package io.idcardstream.engine.fields;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.Glyph;

/**
 * A glyph placed on the card template: where it is ({@code card}) and where it counts for the field regions
 * ({@code region}: moved right of the value start of a label that precedes it in its line, so a value whose first
 * character the fit puts a little left of its column still starts in it).
 */
record PlacedGlyph(Glyph glyph, Point card, Point region) {

    String symbol() {
        return glyph.symbol();
    }
}
