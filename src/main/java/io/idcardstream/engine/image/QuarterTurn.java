package io.idcardstream.engine.image;

/** A clockwise rotation by a multiple of 90°. */
public enum QuarterTurn {
    NONE(0),
    CLOCKWISE_90(1),
    HALF(2),
    CLOCKWISE_270(3);

    private final int quarters;

    QuarterTurn(int quarters) {
        this.quarters = quarters;
    }

    public int quarters() {
        return quarters;
    }

    public int degrees() {
        return quarters * 90;
    }

    public static QuarterTurn ofQuarters(int quarters) {
        return values()[Math.floorMod(quarters, 4)];
    }

    /** The turn that undoes this one. */
    public QuarterTurn inverse() {
        return ofQuarters(-quarters);
    }
}
