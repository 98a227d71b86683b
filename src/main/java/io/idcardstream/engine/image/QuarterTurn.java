package io.idcardstream.engine.image;

/** A clockwise rotation by a multiple of 90°, in order: none, 90°, 180°, 270°. */
public enum QuarterTurn {
    NONE,
    CLOCKWISE_90,
    HALF,
    CLOCKWISE_270;

    /** The turn by {@code quarters} × 90° clockwise (any integer; negative turns count anticlockwise). */
    public static QuarterTurn ofQuarters(int quarters) {
        return values()[Math.floorMod(quarters, 4)];
    }
}
