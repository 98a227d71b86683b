package io.idcardstream.engine.synthetic;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A named capture recipe as labels.json records it: the readable set's {@link Variant}s and the hard set's
 * {@link HardVariant}s.
 */
interface Recipe {

    /** The file-name and labels.json form, e.g. {@code upside_down}. */
    String label();

    /** labels.json {@code conditions.capture} (rendered | scan | photo | screen_reshoot | photocopy ...). */
    String captureLabel();

    /** labels.json {@code conditions.color}: color or grayscale. */
    String colorLabel();

    /** False when the image is degraded on purpose beyond what a person can read. */
    boolean readable();

    /** labels.json {@code conditions.tags}. */
    List<String> tags();

    /**
     * The image of the given side(s) and how it was captured.
     *
     * @param fixture a committed fixture: pages are scanned at 150 dpi, the lowest realistic resolution, to keep the
     *     repository small
     */
    Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random);

    /**
     * The identity to print: the one drawn, or one changed to what the recipe is about (an X check digit, a long
     * address, the next nation).
     *
     * @param occurrence how many images of this recipe come before this one in the plan
     * @param random a source of its own, so the change draws nothing from the card's or the capture's randomness
     */
    default SyntheticIdentity identity(SyntheticIdentity drawn, int occurrence, CardFonts fonts,
            RandomGenerator random) {
        return drawn;
    }
}
