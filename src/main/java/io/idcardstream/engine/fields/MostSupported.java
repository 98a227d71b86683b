package io.idcardstream.engine.fields;

import java.util.List;
import java.util.Optional;

/**
 * Chooses among the repairs that all satisfy a field's rules (a check character, a closed list): the only one, or
 * the one the recogniser found clearly most probable ({@link #MARGIN} times the runner-up) among what it considered
 * for that character. When it considered none of them, or two about equally, nothing is chosen: a repair must
 * have evidence in the image, not only fit the rules. Pure and thread-safe.
 */
final class MostSupported {
    /** The chosen repair's probability must be at least this many times the runner-up's. */
    static final double MARGIN = 2;

    private MostSupported() {}

    /**
     * @param candidates repairs that satisfy the rules
     * @param support for each, the recogniser's probability of its new character in that place (0 when not
     *     considered)
     * @param evidenceRequired whether even a single candidate needs the recogniser to have considered it
     */
    static <T> Optional<T> pick(List<T> candidates, List<Float> support, boolean evidenceRequired) {
        if (candidates.size() == 1 && (!evidenceRequired || support.get(0) > 0)) {
            return Optional.of(candidates.get(0));
        }
        int best = -1;
        float bestP = 0, second = 0;
        for (int i = 0; i < candidates.size(); i++) {
            float p = support.get(i);
            if (p > bestP) {
                second = bestP;
                bestP = p;
                best = i;
            } else if (p > second) {
                second = p;
            }
        }
        return best >= 0 && bestP >= MARGIN * second ? Optional.of(candidates.get(best)) : Optional.empty();
    }
}
