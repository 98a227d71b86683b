package io.idcardstream.engine.synthetic;

import java.util.Objects;

/** One written image and what labels.json says about it. */
record SyntheticImage(String file, Recipe recipe, Sides sides, SyntheticIdentity identity, Capture capture,
        byte[] jpeg) {
    SyntheticImage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(sides, "sides");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(jpeg, "jpeg");
    }

    int width() {
        return capture.image().getWidth();
    }

    int height() {
        return capture.image().getHeight();
    }
}
