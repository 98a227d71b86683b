package io.idcardstream.engine.synthetic;

import java.util.random.RandomGenerator;

/**
 * How far one printing departs from {@link CardLayout}: card generators and competition data (idcards-dev2
 * front_08..13) put the value column a few millimetres off, space characters wider or narrower, start the ID number
 * further left and leave the portrait out. In card pixels (0.1 mm).
 *
 * @param valueDx shift of every value (name, sex, nation, birth, address; the back's authority and validity)
 * @param idNumberDx shift of the ID number
 * @param pitch character advance of the values relative to the font's own (1 = as the font sets them)
 * @param labelScale size of the front's labels relative to the real card's
 * @param portrait whether the front shows the portrait
 */
record CardStyle(int valueDx, int idNumberDx, double pitch, double labelScale, boolean portrait) {

    /** The real card's layout, as every readable variant prints it. */
    static final CardStyle REAL = new CardStyle(0, 0, 1, 1, true);

    CardStyle {
        if (!(pitch >= 0.5 && pitch <= 2)) {
            throw new IllegalArgumentException("pitch must be in [0.5, 2] but was " + pitch);
        }
        if (!(labelScale >= 0.5 && labelScale <= 1.5)) {
            throw new IllegalArgumentException("labelScale must be in [0.5, 1.5] but was " + labelScale);
        }
    }

    /**
     * A competition-style printing as measured on idcards-dev2's BDCI crops: value column within ±3 mm, pitch within
     * ±15%, the ID number up to 4.5 mm further left (BDCI starts it at ~26 mm, the real card at ~30 mm), smaller
     * labels, no portrait.
     */
    static CardStyle bdci(RandomGenerator random) {
        return new CardStyle(random.nextInt(-30, 31), random.nextInt(-45, 6), random.nextDouble(0.85, 1.15),
                random.nextDouble(0.75, 0.9), false);
    }
}
