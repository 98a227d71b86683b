package io.idcardstream.engine.synthetic;

import java.util.List;

/** Which card sides one image shows, named as in labels.json. */
enum Sides {
    FRONT(List.of("front")),
    BACK(List.of("back")),
    BOTH(List.of("front", "back"));

    private final List<String> labels;

    Sides(List<String> labels) {
        this.labels = labels;
    }

    List<String> labels() {
        return labels;
    }
}
