package io.idcardstream.engine.synthetic;

import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/** One image degradation; distortions compose with {@link #then}, and draw all randomness from the caller's seed. */
@FunctionalInterface
interface Distortion {

    BufferedImage apply(BufferedImage image, RandomGenerator random);

    default Distortion then(Distortion next) {
        return (image, random) -> next.apply(apply(image, random), random);
    }
}
