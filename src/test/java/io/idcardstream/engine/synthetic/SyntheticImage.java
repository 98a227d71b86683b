package io.idcardstream.engine.synthetic;

import java.util.Objects;

/** One written image and what labels.json says about it. */
record SyntheticImage(String file, Variant variant, Sides sides, SyntheticIdentity identity, int width, int height,
        byte[] jpeg) {
    SyntheticImage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(sides, "sides");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(jpeg, "jpeg");
    }
}
